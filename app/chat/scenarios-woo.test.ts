/**
 * The demo script (fixtures/demo/README.md) for Demo Woo Garden (WooCommerce), order by order, through the full engine with the
 * memory adapters built by the real platform mappers: ask "where is my order #N", give the email
 * (or phone), and check the key facts of the expected answer and the order card (steps in
 * test/support/scenarios.ts).
 */
import { describe, expect, it } from "vitest";
import { demoWooContext, replyText } from "../../test/support/chat";
import { useChatDatabase } from "../../test/support/chat-database";
import { askAndVerify, checkRow, orderMessage, type Row } from "../../test/support/scenarios";

useChatDatabase();

const WOO: Row[] = [
  { n: "2001", contact: "lena.schmidt@example.com", facts: ["Nov 22", "€49.82", "paid", /hasn't shipped/] },
  {
    n: "2002",
    contact: "tobias.wagner@example.net", // stored as Tobias.Wagner@Example.NET
    facts: ["Shipped Fri Nov 20", "UPS 1ZE2W6491144172082", /24 November|Tue Nov 24/],
    not: [/delivered (on|fri|mon|tue|wed|thu|sat|sun)/i],
    card: [{ carrier: "UPS", tracking: "1ZE2W6491144172082", url: /ups\.com/ }],
  },
  {
    n: "2003",
    contact: "katrin.hoffmann@example.com",
    facts: ["Shipped Mon Nov 9", "DHL", "00340434161094052181", /doesn't record deliveries/],
    not: [/^Delivered/],
    card: [{ carrier: "DHL", tracking: "00340434161094052181", url: /dhl\.de/ }],
  },
  {
    n: "2004",
    contact: "felix.bauer@example.net",
    facts: [
      "2 packages",
      "DPD 01505034712389",
      "Nov 17",
      "DHL 00340434161094058770",
      "Nov 18",
      "Hori-Hori",
      /backordered/,
    ],
    card: [
      { carrier: "DPD", tracking: "01505034712389", url: /dpd\.de/ },
      { carrier: "DHL", tracking: "00340434161094058770", url: /dhl\.de/ },
    ],
  },
  { n: "2005", contact: "sabine.koch@example.com", facts: ["cancelled", "Nov 16", "€63.75", "refunded"] },
  {
    n: "2006",
    contact: "lena.schmidt@example.com",
    facts: ["Shipped", "Nov 3", "DHL 00340434161094049020", "€27.90", "Nov 6", /broken/i],
    card: [{ carrier: "DHL", tracking: "00340434161094049020", url: /dhl\.de/ }],
  },
  {
    n: "2007",
    contact: "anna.becker@example.net",
    facts: ["waiting for payment", "PayPal", /payment link/, "order-pay/2007"],
  },
  { n: "2008", contact: "jonas.richter@example.com", facts: ["bank transfer", "€65.74", "reference 2008"] },
  {
    n: "2009",
    contact: "paul.neumann@example.net",
    facts: ["declined", "nothing was charged", /payment link/],
  },
  {
    n: "2010",
    contact: "claudia.schulz@example.com",
    facts: ["Ready for pickup", "Fri Nov 20", "Kastanienallee 12", "10:00-18:00", "Fri Nov 27"],
    not: [/shipped/i],
  },
  {
    n: "2011",
    contact: "+41 44 555 01 23", // phone instead of email
    facts: ["Shipped", "Nov 18", "DHL Express 5720461935", /duties|import VAT/],
    card: [{ carrier: "DHL Express", tracking: "5720461935", url: /dhl\.com/ }],
  },
  {
    n: "2012",
    contact: "daan.devries@example.com",
    facts: [
      "Shipped Nov 13",
      "Deutsche Post",
      "LX304182752DE",
      "https://www.deutschepost.de/de/s/sendungsverfolgung/verfolgen.html?piececode=LX304182752DE",
    ],
    card: [{ carrier: "Deutsche Post", tracking: "LX304182752DE", url: /deutschepost\.de.*LX304182752DE/ }],
  },
  {
    n: "2013",
    contact: "lena.schmidt@example.com",
    facts: ["Jul 27", "DHL 00340434161093821467"],
    card: [{ carrier: "DHL", tracking: "00340434161093821467", url: /dhl\.de/ }],
  },
  {
    n: "2014",
    contact: "max.gross@example.com",
    facts: [
      "Nov 19",
      "2 DHL packages",
      "00340434161094061138",
      "00340434161094061145",
      "€457.48",
      /HERBST10/i,
    ],
    card: [
      { carrier: "DHL", tracking: "00340434161094061138", url: /dhl\.de/ },
      { carrier: "DHL", tracking: "00340434161094061145", url: /dhl\.de/ },
    ],
  },
];

describe("Demo Woo Garden (WooCommerce) — every order of the demo script", () => {
  for (const row of WOO) {
    it(`#${row.n}`, async () => {
      const ctx = demoWooContext();
      checkRow(await askAndVerify(ctx, row), row);
    });
  }

  it("Lena (customer 5), logged in, asking for her orders gets 2001, 2006 and 2013", async () => {
    const ctx = demoWooContext({ customerId: "5" });
    const res = await ctx.send("show my orders");
    const list = res.messages.find((m) => m.type === "order_list");
    expect(list && list.type === "order_list" && list.orders.map((o) => o.number)).toEqual([
      "2001",
      "2006",
      "2013",
    ]);
  });

  it("answers in German when asked in German", async () => {
    const ctx = demoWooContext();
    const first = await ctx.send("Wo ist meine Bestellung 2002?");
    expect(replyText(first)).toMatch(/E-Mail/);
    const res = await ctx.send("tobias.wagner@example.net");
    const om = orderMessage(res.messages);
    expect(om?.text).toMatch(/Versandt|verschickt|Unterwegs|unterwegs|DHL|UPS/);
    expect(om?.text).toContain("1ZE2W6491144172082");
    expect(om?.text).not.toMatch(/\bShipped\b/);
  });
});

/**
 * The demo script (fixtures/demo/README.md) for Demo Outfitters (Shopify), order by order, through the full engine with the
 * memory adapters built by the real platform mappers: ask "where is my order #N", give the email
 * (or phone), and check the key facts of the expected answer and the order card (steps in
 * test/support/scenarios.ts).
 */
import { describe, expect, it } from "vitest";
import { demoShopifyContext, replyText } from "../../test/support/chat";
import { useChatDatabase } from "../../test/support/chat-database";
import { askAndVerify, checkRow, orderMessage, type Row } from "../../test/support/scenarios";

useChatDatabase();

const SHOPIFY: Row[] = [
  {
    n: "1001",
    contact: "alice.johnson@example.com",
    facts: ["Nov 22", "$300.89", /hasn't shipped/, /1-2 business days/],
    not: [/shipped (on|with)/i],
  },
  {
    n: "1002",
    contact: "marcus.reed@example.net",
    facts: ["Shipped Nov 19", "UPS", "1ZA84R270384120936", "in transit", "Commerce City", "Tue Nov 24"],
    card: [{ carrier: "UPS", tracking: "1ZA84R270384120936", url: /^https:\/\/www\.ups\.com\// }],
  },
  {
    n: "1003",
    contact: "alice.johnson@example.com",
    facts: ["Delivered Fri Nov 13", "USPS", "9400111899223855710247", "mailbox"],
    card: [{ carrier: "USPS", tracking: "9400111899223855710247", url: /usps\.com/ }],
  },
  {
    n: "1004",
    contact: "alice.johnson@example.com",
    facts: [
      "2 packages",
      "FedEx 791203588467",
      "delivered Thu Nov 19",
      "DHL eCommerce GM5301284467220193",
      "Wed Nov 25",
      /backordered/,
    ],
    card: [
      { carrier: "FedEx", tracking: "791203588467", url: /fedex\.com/ },
      { carrier: "DHL eCommerce", tracking: "GM5301284467220193", url: /dhl\.com/ },
    ],
  },
  {
    n: "1005",
    contact: "priya.patel@example.com",
    facts: ["cancelled", "Nov 16", "$186.32", "refunded", /5-10 business days/],
  },
  {
    n: "1006",
    contact: "daniel.kim@example.net",
    facts: [
      "Delivered Fri Nov 6",
      "UPS",
      "1ZA84R270377355161",
      "refunded",
      "$37.52",
      "Nov 10",
      /no need to send it back/,
    ],
    card: [{ carrier: "UPS", tracking: "1ZA84R270377355161", url: /ups\.com/ }],
  },
  {
    n: "1007",
    contact: "sofia.garcia@example.com",
    facts: ["waiting for your payment", "$128.16", /bank deposit/i],
  },
  {
    n: "1008",
    contact: "emma.wilson@example.com",
    facts: ["Ready for pickup", "Burlington", "85 Church St", /photo ID/],
    not: [/shipped/i],
  },
  {
    n: "1009",
    contact: "juergen.mueller@example.net",
    facts: [
      "Shipped Nov 18",
      "DHL Express 4839172656",
      "customs",
      "Leipzig",
      "Tue Nov 24",
      "€347.00",
      /duties/,
    ],
    card: [{ carrier: "DHL Express", tracking: "4839172656", url: /dhl\.com/ }],
  },
  {
    n: "1010",
    contact: "oliver.bennett@example.com",
    facts: [
      "Shipped Nov 17",
      "TT483920172GB",
      "Royal Mail",
      "https://www.royalmail.com/track-your-item#/tracking-results/TT483920172GB",
      /no delivery estimate/,
    ],
    card: [
      {
        carrier: "Royal Mail",
        tracking: "TT483920172GB",
        url: /^https:\/\/www\.royalmail\.com\/track-your-item#\/tracking-results\/TT483920172GB$/,
      },
    ],
  },
  {
    n: "1012",
    contact: "bob.smith@example.com", // stored as Bob.Smith@Example.COM
    facts: ["label was created", "Nov 23", "9405511899223855772125", /hasn't scanned/],
    card: [{ carrier: "USPS", tracking: "9405511899223855772125", url: /usps\.com/ }],
  },
  {
    n: "1013",
    contact: "(305) 555-0178", // phone order: no email on it
    facts: ["FedEx 773640219535", "delayed", "Memphis", "Fri Nov 27"],
    card: [{ carrier: "FedEx", tracking: "773640219535", url: /fedex\.com/ }],
  },
  {
    n: "1014",
    contact: "hannah.lee@example.com",
    facts: [
      "All 8 items",
      "out for delivery today",
      "Mon Nov 23",
      "UPS 1ZA84R270390203344",
      "$1,235.62",
      "WELCOME10",
    ],
    card: [{ carrier: "UPS", tracking: "1ZA84R270390203344", url: /ups\.com/ }],
  },
  {
    n: "1016",
    contact: "liam.oconnor@example.net",
    facts: ["UPS tried to deliver", "Sat Nov 21", "today (Mon Nov 23)", "1ZA84R270388014722"],
    card: [{ carrier: "UPS", tracking: "1ZA84R270388014722", url: /ups\.com/ }],
  },
];

describe("Demo Outfitters (Shopify) — every order of the demo script", () => {
  for (const row of SHOPIFY) {
    it(`#${row.n}`, async () => {
      const ctx = demoShopifyContext();
      checkRow(await askAndVerify(ctx, row), row);
    });
  }

  it("#1011 without read_all_orders: honest 60-day answer with the support email", async () => {
    const ctx = demoShopifyContext();
    const res = await askAndVerify(ctx, { n: "1011", contact: "grace.thompson@example.com", facts: [] });
    expect(orderMessage(res.messages)).toBeNull();
    expect(res.messages[0]!.type === "text" && res.messages[0]!.text).toBe(
      "I can't find #1011 in the last 60 days of orders - please contact support@example.com.",
    );
  });

  it("#1011 with read_all_orders: delivered Fri Jul 31", async () => {
    const ctx = demoShopifyContext({ capabilities: { readAllOrders: true } });
    checkRow(
      await askAndVerify(ctx, {
        n: "1011",
        contact: "grace.thompson@example.com",
        facts: ["Delivered Fri Jul 31", "USPS", "9400111899223855401879"],
      }),
      {
        n: "1011",
        contact: "",
        facts: ["Delivered Fri Jul 31", "9400111899223855401879"],
        card: [{ carrier: "USPS", tracking: "9400111899223855401879", url: /usps\.com/ }],
      },
    );
  });

  it("without read_all_orders, an unknown order and a wrong email for a recent order get the same true reply (not the 60-day one)", async () => {
    const replies: string[] = [];
    for (const [n, email] of [
      ["1999", "grace.thompson@example.com"],
      ["1002", "someone.else@example.com"],
    ]) {
      const ctx = demoShopifyContext({ shopperKey: `k-${n}` });
      await ctx.send(`where is my order #${n}`);
      const res = await ctx.send(email!);
      replies.push(JSON.stringify(res.messages.map(({ id: _id, ...m }) => m)).replaceAll(`#${n}`, "#N"));
    }
    expect(new Set(replies).size).toBe(1);
    // the same wording as on WooCommerce
    expect(replies[0]).toContain("I couldn't find an order #N with that email.");
    expect(replies[0]).not.toContain("60 days");
  });

  it("#1015 (test order) with its own email is treated as not found", async () => {
    const ctx = demoShopifyContext({ capabilities: { readAllOrders: true } });
    const res = await askAndVerify(ctx, { n: "1015", contact: "test.buyer@example.com", facts: [] });
    expect(orderMessage(res.messages)).toBeNull();
    expect(replyText(res)).toContain("I couldn't find an order #1015 with that email.");
    const unknown = demoShopifyContext({ capabilities: { readAllOrders: true } });
    const res2 = await askAndVerify(unknown, { n: "1099", contact: "test.buyer@example.com", facts: [] });
    expect(JSON.stringify(res2.messages.map(({ id: _i, ...m }) => m)).replaceAll("1099", "N")).toBe(
      JSON.stringify(res.messages.map(({ id: _i, ...m }) => m)).replaceAll("1015", "N"),
    );
  });

  it("Alice, logged in, asking for her orders gets #1001, #1003 and #1004", async () => {
    const ctx = demoShopifyContext({ customerId: "7700000000001" });
    const res = await ctx.send("show my orders");
    const list = res.messages.find((m) => m.type === "order_list");
    expect(list && list.type === "order_list" && list.orders.map((o) => o.number).sort()).toEqual([
      "1001",
      "1003",
      "1004",
    ]);
    expect(list && list.type === "order_list" && list.text).toMatch(/#1001[\s\S]*#100[34]/);
    // the same customer as a gid
    const gid = demoShopifyContext({ customerId: "gid://shopify/Customer/7700000000001" });
    const res2 = await gid.send("show my orders");
    const list2 = res2.messages.find((m) => m.type === "order_list");
    expect(list2 && list2.type === "order_list" && list2.orders.map((o) => o.number).sort()).toEqual([
      "1001",
      "1003",
      "1004",
    ]);
  });

  it("a logged-in customer sees her own order without giving an email", async () => {
    const ctx = demoShopifyContext({ customerId: "gid://shopify/Customer/7700000000001" });
    const res = await ctx.send("where is order 1003?");
    expect(orderMessage(res.messages)?.text).toContain("Delivered Fri Nov 13");
  });

  it("a logged-in customer asking about someone else's order is asked for the email, exactly as for an unknown order", async () => {
    const a = demoShopifyContext({ customerId: "7700000000001" });
    const other = await a.send("where is order 1002?");
    const b = demoShopifyContext({ customerId: "7700000000001" });
    const unknown = await b.send("where is order 1998?");
    expect(orderMessage(other.messages)).toBeNull();
    expect(other.awaiting).toBe("email_or_phone");
    const norm = (r: typeof other, n: string) =>
      JSON.stringify(r.messages.map(({ id: _i, ...m }) => m)).replaceAll(n, "N");
    expect(norm(other, "1002")).toBe(norm(unknown, "1998"));
  });
});

/**
 * Self-service on Shopify, end to end over real parts: the Admin emulator (documents validated against
 * the 2026-01 schema), the real adapter, a real SMTP server the code is read from, the Prisma repository.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useChatDatabase } from "../../test/support/chat-database";
import { DEMO_STORE_IDS } from "../../test/support/chat";
import {
  DEMO_ACCESS_TOKEN,
  DEMO_NOW,
  startShopifyAdminEmulator,
  type ShopifyAdminEmulator,
} from "../../test/emulators/shopify-admin/emulator";
import {
  NO,
  chip,
  YES,
  clearSelfService,
  codeFromMailbox,
  setRule,
  shopifyAdapter,
  shopper,
  useMailbox,
  texts,
} from "../../test/support/self-service";
import type { PlatformAdapter } from "../platforms/types";

const chat = useChatDatabase();
const STORE = DEMO_STORE_IDS.shopify;
const ALICE = "alice.johnson@example.com";
let e: ShopifyAdminEmulator;
const mailbox = useMailbox({ emptyBeforeEach: true });
let clock: Date;

beforeEach(async () => {
  e = await startShopifyAdminEmulator({ now: DEMO_NOW, bucket: { restoreRate: 5000 } });
  clock = DEMO_NOW;
  await clearSelfService(chat.db);
});
afterEach(async () => {
  await e.close();
});

const order = (name: string) => e.store.orders.find((o) => o.name === name)! as Record<string, unknown>;
const mutations = (op: string) => e.requests.filter((r) => r.operationName === op).length;

function guest(
  adapter: PlatformAdapter = shopifyAdapter(e),
  over: { shopperKey?: string; customerId?: string; networkKey?: string } = {},
) {
  return shopper({
    db: chat.db,
    storeId: STORE,
    platform: "shopify",
    adapter,
    smtpUrl: mailbox.url,
    now: () => clock,
    ...over,
  });
}

/** Asks to cancel #n with the order's email, reads the code from the mailbox and types it. */
async function verifiedWithCode(s: ReturnType<typeof guest>, intent: string, email = ALICE) {
  await s.send(intent);
  const asked = texts(await s.send(email));
  expect(asked).toContain("If that order exists, a code is on its way to the email on it");
  const code = await codeFromMailbox(mailbox.mails, email, s.mailsPending);
  return texts(await s.send(code));
}

describe("cancel on Shopify", () => {
  it("cancels an unfulfilled order after a code mailed to the email on the order, with a confirm step", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    const summary = await verifiedWithCode(s, "I want to cancel order 1001");
    expect(summary).toContain("Cancel order #1001 (3 items, $300.89)? This can't be undone.");
    expect(summary).toContain("The payment goes back to the original payment method.");
    expect(summary).toContain("Yes, do it | No, keep it as it is");
    expect(order("#1001").cancelledAt).toBeNull();
    const done = texts(await s.send(YES));
    expect(done).toContain("Done - order #1001 is cancelled.");
    const o = order("#1001");
    expect(o.cancelledAt).toBe(DEMO_NOW.toISOString());
    expect(o.cancelReason).toBe("CUSTOMER");
    expect(o.restocked).toBe(true);
    expect(o.displayFinancialStatus).toBe("REFUNDED");
    expect(String(o.note)).toContain("TrulyBot: Cancelled by the shopper in chat (verified by one-time code");
    const audit = await chat.db.orderAction.findMany({});
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "cancel",
      orderNumber: "1001",
      verification: "code",
      status: "done",
      adminNote: true,
    });
    // the mail went to the order's address only, and names the order, not what is in it
    expect(mailbox.mails.map((m) => m.to)).toEqual([[ALICE]]);
    expect(mailbox.mails[0].raw).toContain("1001");
  });

  it("emails the merchant once after the action when the rule asks for it", async () => {
    await setRule(chat.db, STORE, "cancel", { notifyMerchant: true });
    const s = guest();
    await verifiedWithCode(s, "I want to cancel order 1001");
    await Promise.all([s.send(YES), s.send(YES)]);
    await Promise.all(s.mailsPending.splice(0));
    const notices = mailbox.mails.filter((m) => m.to.includes("merchant@example.com"));
    expect(notices).toHaveLength(1);
    expect(notices[0].raw).toContain("Self-service: cancel on order #1001");
    expect(notices[0].raw).toContain("Verified by: one-time code sent to the order's email");
  });

  it("'No, keep it' changes nothing", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await verifiedWithCode(s, "cancel order 1001");
    expect(texts(await s.send(NO))).toContain("OK - nothing was changed on #1001.");
    expect(texts(await s.send(YES))).not.toContain("Done");
    expect(mutations("TrulyBotOrderCancel")).toBe(0);
    expect(order("#1001").cancelledAt).toBeNull();
  });

  it("refuses a fulfilled order with a clear reply and offers a person, sending no code", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await s.send("please cancel order 1002");
    const r = texts(await s.send("marcus.reed@example.net"));
    expect(r).toContain(
      "#1002 has already been sent, so I can't change it here. A person from the team can help.",
    );
    expect(r).toContain("Talk to a person");
    expect(mailbox.mails).toHaveLength(0);
    expect(mutations("TrulyBotOrderCancel")).toBe(0);
  });

  it("is off by default: the request goes to a person, as before", async () => {
    const s = guest();
    await s.send("cancel order 1001");
    const r = texts(await s.send(ALICE));
    expect(r).toContain("I've asked the team to cancel #1001");
    expect(r).not.toContain("code");
    expect(mutations("TrulyBotOrderCancel")).toBe(0);
  });

  it("'ask a person instead' hands the request to the team", async () => {
    await setRule(chat.db, STORE, "cancel", { askPerson: true });
    const s = guest();
    await s.send("cancel order 1001");
    expect(texts(await s.send(ALICE))).toContain("I've asked the team to cancel #1001");
  });

  it("applies the time window, the allowed statuses and the maximum order value", async () => {
    await setRule(chat.db, STORE, "cancel", { windowHours: 2 });
    let s = guest();
    await s.send("cancel order 1001");
    expect(texts(await s.send(ALICE))).toContain("within 2 hours of ordering");
    await setRule(chat.db, STORE, "cancel", { maxTotal: "100.00" });
    s = guest({ ...shopifyAdapter(e) }, { shopperKey: "s2" });
    await s.send("cancel order 1001");
    expect(texts(await s.send(ALICE))).toContain(
      "Changes to an order of this value go through a person from the team.",
    );
    await setRule(chat.db, STORE, "cancel", { statuses: ["on_hold"] });
    s = guest(shopifyAdapter(e), { shopperKey: "s3" });
    await s.send("cancel order 1001");
    expect(texts(await s.send(ALICE))).toContain("#1001 can't be changed here in its current state.");
    expect(mutations("TrulyBotOrderCancel")).toBe(0);
    expect(mailbox.mails).toHaveLength(0);
  });

  it("an order fulfilled meanwhile: Shopify's userError in plain words, a person offered, nothing done", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await verifiedWithCode(s, "cancel order 1001");
    order("#1001").displayFulfillmentStatus = "FULFILLED";
    const r = texts(await s.send(YES));
    expect(r).toContain(
      "The store didn't accept the change (the order has been sent meanwhile). Nothing on #1001 was changed.",
    );
    expect(r).toContain("Talk to a person");
    expect(order("#1001").cancelledAt).toBeNull();
    const [a] = await chat.db.orderAction.findMany({});
    expect(a).toMatchObject({ status: "refused", adminNote: false });
    expect(a.error).toContain("INVALID");
  });

  it("an order cancelled meanwhile: Shopify's userError in plain words", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await verifiedWithCode(s, "cancel order 1001");
    order("#1001").cancelledAt = "2026-11-23T14:00:00Z";
    expect(texts(await s.send(YES))).toContain("(the order is already cancelled)");
  });

  it("the store cannot be reached: nothing changed, the shopper may confirm again", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await verifiedWithCode(s, "cancel order 1001");
    e.inject({ kind: "http_status", status: 503 });
    const r = texts(await s.send(YES));
    expect(r).toContain("I couldn't reach the store just now, so nothing on #1001 was changed.");
    expect(r).toContain("Yes, do it");
    expect(order("#1001").cancelledAt).toBeNull();
    expect(texts(await s.send(YES))).toContain("Done - order #1001 is cancelled.");
    expect(await chat.db.orderAction.count({ where: { status: "failed" } })).toBe(1);
    expect(await chat.db.orderAction.count({ where: { status: "done" } })).toBe(1);
  });

  it("without the write_orders scope Shopify denies access: an honest failure", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest(shopifyAdapter(e, DEMO_ACCESS_TOKEN));
    await verifiedWithCode(s, "cancel order 1001");
    expect(texts(await s.send(YES))).toContain("nothing on #1001 was changed");
    expect(order("#1001").cancelledAt).toBeNull();
  });

  it("two concurrent confirms cancel once", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await verifiedWithCode(s, "cancel order 1001");
    const [a, b] = await Promise.all([s.send(YES), s.send(YES)]);
    expect(mutations("TrulyBotOrderCancel")).toBe(1);
    // whichever turn is stored last, the shopper reads the result (never a second cancel)
    for (const r of [a, b]) expect(texts(r)).toMatch(/Done - order #1001 is cancelled\.|already being made/);
    expect(texts(await s.send("hi"))).not.toContain("Cancel order");
    expect(await chat.db.orderAction.count()).toBe(1);
  });

  it("a signed logged-in customer needs no code for their own order", async () => {
    await setRule(chat.db, STORE, "cancel");
    const customerId = String((order("#1001").customer as { id: string }).id);
    const s = guest(shopifyAdapter(e), { customerId });
    const r = texts(await s.send("cancel order 1001"));
    expect(r).toContain("Cancel order #1001");
    expect(texts(await s.send(YES))).toContain("Done - order #1001 is cancelled.");
    expect((await chat.db.orderAction.findFirst({}))?.verification).toBe("customer");
    expect(mailbox.mails).toHaveLength(0);
  });
});

describe("one-time codes", () => {
  it("counts wrong codes (5 tries), then asks for a new code; the old code is useless", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await s.send("cancel order 1001");
    await s.send(ALICE);
    const code = await codeFromMailbox(mailbox.mails, ALICE, s.mailsPending);
    const wrong = code === "000000" ? "111111" : "000000";
    expect(texts(await s.send(wrong))).toContain("That code isn't right. 4 tries left.");
    for (let i = 0; i < 3; i++) await s.send(wrong);
    expect(texts(await s.send(wrong))).toContain("That code has expired or was used up.");
    const r = texts(await s.send(code));
    expect(r).not.toContain("Cancel order #1001");
    expect(mutations("TrulyBotOrderCancel")).toBe(0);
  });

  it("expires after 10 minutes", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await s.send("cancel order 1001");
    await s.send(ALICE);
    const code = await codeFromMailbox(mailbox.mails, ALICE, s.mailsPending);
    clock = new Date(DEMO_NOW.getTime() + 10 * 60_000 + 1000);
    expect(texts(await s.send(code))).toContain("That code has expired or was used up.");
  });

  it("is bound to its conversation: typed in another one it verifies nothing", async () => {
    await setRule(chat.db, STORE, "cancel");
    const owner = guest();
    await owner.send("cancel order 1001");
    await owner.send(ALICE);
    const code = await codeFromMailbox(mailbox.mails, ALICE, owner.mailsPending);
    const other = guest(shopifyAdapter(e), { shopperKey: "attacker" });
    await other.send("cancel order 1001");
    await other.send(ALICE);
    await Promise.all(other.mailsPending.splice(0));
    expect(texts(await other.send(code))).toContain("That code isn't right.");
  });

  it("limits sends per order: after 3 codes in an hour the shopper is told to wait", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await s.send("cancel order 1001");
    await s.send(ALICE);
    const chipNew = { action: { type: "quick_reply" as const, value: "tb:code_new" } };
    await s.send(chipNew);
    await s.send(chipNew);
    expect(texts(await s.send(chipNew))).toContain("I've sent several codes already.");
    await Promise.all(s.mailsPending.splice(0));
    expect(mailbox.mails).toHaveLength(3);
  });

  it("step-up: an attacker using up an order's code mails from other networks cannot keep its owner from a code", async () => {
    const ask = (email: string) => `where is my order #1001? ${email}`;
    // 5 wrong emails on #1001 (5 browsers in one network): the order now needs a code
    for (let i = 0; i < 5; i++)
      await guest(shopifyAdapter(e), { shopperKey: `guesser-${i}`, networkKey: "guess-net" }).send(
        ask(`guess${i}@attacker.example`),
      );
    for (let n = 0; n < 3; n++) {
      const a = guest(shopifyAdapter(e), { shopperKey: `attacker-${n}`, networkKey: `attack-net-${n}` });
      for (let i = 0; i < 3; i++)
        expect(texts(await a.send(ask(`x${i}@attacker.example`)))).toContain(
          "If that order exists, a code is on its way",
        );
      expect(texts(await a.send(ask("y@attacker.example")))).toContain("I've sent several codes already.");
      await Promise.all(a.mailsPending.splice(0));
    }
    // the nuisance is bounded (3 mails per attacker network), and every mail went to the order's email
    expect(mailbox.mails).toHaveLength(9);
    expect(mailbox.mails.every((m) => m.to.includes(ALICE))).toBe(true);
    const owner = guest(shopifyAdapter(e), { shopperKey: "owner", networkKey: "home-net" });
    expect(texts(await owner.send(ask(ALICE)))).toContain("If that order exists, a code is on its way");
    await Promise.all(owner.mailsPending.splice(0));
    expect(mailbox.mails).toHaveLength(10);
    const code = await codeFromMailbox(mailbox.mails, ALICE, owner.mailsPending);
    const shown = await owner.send(code);
    expect(texts(shown)).toContain("Thanks - that's confirmed.");
    expect(shown.messages.some((m) => m.type === "order")).toBe(true);
  });

  it("stores only hashes", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await s.send("cancel order 1001");
    await s.send(ALICE);
    const code = await codeFromMailbox(mailbox.mails, ALICE, s.mailsPending);
    const rows = await chat.db.oneTimeCode.findMany({});
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(JSON.stringify(rows)).not.toContain("1001");
  });
});

describe("address and returns on Shopify", () => {
  it("changes the shipping address (US: city, state, ZIP) through orderUpdate", async () => {
    await setRule(chat.db, STORE, "address");
    const s = guest();
    const ask = await verifiedWithCode(s, "I need to change the shipping address on order 1001");
    expect(ask).toContain("street and number, city, state or province code, postal code.");
    expect(texts(await s.send("500 Howard St, San Francisco, CA, 9410"))).toContain(
      "the postal code doesn't look right for US.",
    );
    expect(texts(await s.send("500 Howard St, San Francisco, 94105"))).toContain(
      "the state or province code is missing.",
    );
    const summary = texts(await s.send("500 Howard St, San Francisco, CA, 94105"));
    expect(summary).toContain("Alice Johnson\n500 Howard St\nSan Francisco, CA 94105\nUS");
    expect(texts(await s.send(YES))).toContain("Done - #1001 will ship to:");
    expect(order("#1001").shippingAddress).toMatchObject({
      address1: "500 Howard St",
      city: "San Francisco",
      provinceCode: "CA",
      zip: "94105",
      countryCodeV2: "US",
      firstName: "Alice",
    });
    expect(String(order("#1001").note)).toContain("Before: Alice Johnson, 1234 Market St, Apt 5B");
  });

  it("requests a return of a delivered order inside the window, with the reason chosen in the chat", async () => {
    await setRule(chat.db, STORE, "return");
    const s = guest();
    const pick = await verifiedWithCode(s, "I want to return order 1003");
    // two lines: the shopper chooses which to send back
    expect(pick).toContain("Which items of #1003 are you sending back?");
    expect(pick).toContain(
      "[1 × Summit Fleece Pullover (Women's S / Oatmeal) | 1 × Trailhead Beanie (One Size / Rust)]",
    );
    // forged picks (unknown line, twice the same, not indices, empty) are not a choice
    for (const v of ["2", "1,1", "0;1", "", "-1", "0,1,2"]) {
      expect(texts(await s.send(chip(`tb:act_items:${v}`)))).not.toContain("Why are you sending");
    }
    const ask = texts(await s.send(chip("tb:act_items:1")));
    expect(ask).toContain("Why are you sending #1003 back?");
    expect(ask).toContain("Wrong size | Damaged or faulty");
    const summary = texts(await s.send(chip("tb:act_reason:defective")));
    expect(summary).toContain(
      "Request a return of 1 × Trailhead Beanie (One Size / Rust) from #1003 (Damaged or faulty)?",
    );
    expect(texts(await s.send(YES))).toContain("Your return request for #1003 is in.");
    const returns = order("#1003").returns as {
      status: string;
      lines: { fulfillmentLineItemId: string }[];
    }[];
    expect(returns.map((r) => r.status)).toEqual(["REQUESTED"]);
    // only the beanie's fulfillment line goes back
    const fulfilled = (
      order("#1003").fulfillments as {
        fulfillmentLineItems: { nodes: { id: string; lineItem: { title: string } }[] };
      }[]
    ).flatMap((f) => f.fulfillmentLineItems.nodes);
    const beanie = fulfilled.find((l) => l.lineItem.title === "Trailhead Beanie")!;
    expect(returns[0].lines.map((l) => l.fulfillmentLineItemId)).toEqual([beanie.id]);
  });

  it("refuses a return outside the return window and one of an order not delivered yet", async () => {
    await setRule(chat.db, STORE, "return", { windowHours: 10 * 24 });
    let s = guest();
    await s.send("I want to return order 1006");
    expect(texts(await s.send("daniel.kim@example.net"))).toContain(
      "The return window for #1006 has passed.",
    );
    s = guest(shopifyAdapter(e), { shopperKey: "s9" });
    await s.send("I want to return order 1002");
    expect(texts(await s.send("marcus.reed@example.net"))).toContain("#1002 hasn't been delivered yet");
    expect(mutations("TrulyBotReturnRequest")).toBe(0);
  });
});

describe("hostile turns", () => {
  it("forged confirm and reason chips without a proposal change nothing", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    for (const v of ["tb:act_yes", "tb:act_reason:../../x", "tb:code_new", "tb:act_no"]) {
      const r = texts(await s.send(chip(v)));
      expect(r).not.toContain("Done");
    }
    await s.send("cancel order 1001");
    await s.send(ALICE);
    // the code step is pending: a confirm before the code is not a confirm
    expect(texts(await s.send(YES))).not.toContain("Done");
    expect(texts(await s.send(chip("tb:act_reason:size")))).not.toContain("Done");
    expect(mutations("TrulyBotOrderCancel")).toBe(0);
    expect(await chat.db.orderAction.count()).toBe(0);
  });

  it("number + the order's email alone never reaches a summary, whatever is typed next", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await s.send("cancel order 1001");
    await s.send(ALICE);
    for (const t of ["yes", "confirm", "123 456", "000000", ALICE, "cancel order 1001"]) {
      const r = texts(await s.send(t));
      expect(r).not.toContain("Cancel order #1001 (");
    }
    expect(mutations("TrulyBotOrderCancel")).toBe(0);
  });
});

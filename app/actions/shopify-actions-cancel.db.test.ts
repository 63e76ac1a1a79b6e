/**
 * Self-service on Shopify, end to end over real parts: the Admin emulator (documents validated against
 * the 2026-01 schema), the real adapter, a real SMTP server the code is read from, the Prisma repository.
 * Cancelling an order on Shopify; the set-up is test/support/shopify-actions.ts.
 */
import { describe, expect, it } from "vitest";
import { DEMO_ACCESS_TOKEN, DEMO_NOW } from "../../test/emulators/shopify-admin/emulator";
import { NO, YES, chip, setRule, shopifyAdapter, texts } from "../../test/support/self-service";
import { useShopifyActionsHarness, ALICE, STORE } from "../../test/support/shopify-actions";

const h = useShopifyActionsHarness();
const { chat, mailbox, order, mutations, guest, verifiedWithCode } = h;

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
    const asked = texts(await s.send(ALICE));
    expect(asked).toContain("Ask the team to cancel #1001?"); // asked first, never assumed
    const r = texts(await s.send(chip("tb:confirm")));
    expect(r).toContain("I've asked the team to cancel #1001");
    expect(`${asked}\n${r}`).not.toContain("code");
    expect(mutations("TrulyBotOrderCancel")).toBe(0);
  });

  it("'ask a person instead' hands the request to the team", async () => {
    await setRule(chat.db, STORE, "cancel", { askPerson: true });
    const s = guest();
    await s.send("cancel order 1001");
    expect(texts(await s.send(ALICE))).toContain("Ask the team to cancel #1001?");
    expect(texts(await s.send(chip("tb:confirm")))).toContain("I've asked the team to cancel #1001");
  });

  it("applies the time window, the allowed statuses and the maximum order value", async () => {
    await setRule(chat.db, STORE, "cancel", { windowHours: 2 });
    let s = guest();
    await s.send("cancel order 1001");
    expect(texts(await s.send(ALICE))).toContain("within 2 hours of ordering");
    await setRule(chat.db, STORE, "cancel", { maxTotal: "100.00" });
    s = guest({ ...shopifyAdapter(h.e) }, { shopperKey: "s2" });
    await s.send("cancel order 1001");
    expect(texts(await s.send(ALICE))).toContain(
      "Changes to an order of this value go through a person from the team.",
    );
    await setRule(chat.db, STORE, "cancel", { statuses: ["on_hold"] });
    s = guest(shopifyAdapter(h.e), { shopperKey: "s3" });
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
    h.e.inject({ kind: "http_status", status: 503 });
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
    const s = guest(shopifyAdapter(h.e, DEMO_ACCESS_TOKEN));
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
    const s = guest(shopifyAdapter(h.e), { customerId });
    const r = texts(await s.send("cancel order 1001"));
    expect(r).toContain("Cancel order #1001");
    expect(texts(await s.send(YES))).toContain("Done - order #1001 is cancelled.");
    expect((await chat.db.orderAction.findFirst({}))?.verification).toBe("customer");
    expect(mailbox.mails).toHaveLength(0);
  });
});

import { describe, expect, it } from "vitest";
import { PlatformUnavailableError } from "../platforms/types";
import { parseMessagesBody, parseMessagesRequest } from "./engine";
import type { MessagesResponse, WidgetMessage } from "../protocol";
import { demoShopifyContext, demoWooContext, replyText } from "../../test/support/chat";
import { useChatDatabase } from "../../test/support/chat-database";

const chat = useChatDatabase();

const strip = (r: MessagesResponse) =>
  JSON.stringify({ awaiting: r.awaiting, messages: r.messages.map(({ id: _id, ...m }) => m) });
const hasOrder = (r: MessagesResponse) =>
  r.messages.some((m) => m.type === "order" || m.type === "order_list");
const ORDER_WORDS =
  /\b(shipped|delivered|in transit|tracking number|out for delivery|label)\b|1Z[A-Z0-9]{16}|\$\d/i;
const orderOf = (r: MessagesResponse) =>
  r.messages.find((m): m is Extract<WidgetMessage, { type: "order" }> => m.type === "order") ?? null;

describe("parseMessagesRequest", () => {
  it("accepts text, actions, locale and conversation ids", () => {
    expect(parseMessagesRequest({ text: "where is my order 1003?", locale: "en" })).toEqual({
      ok: true,
      request: { text: "where is my order 1003?", locale: "en" },
    });
    expect(
      parseMessagesRequest({
        conversationId: "abc_123-x",
        action: { type: "quick_reply", value: "tb:human" },
      }).ok,
    ).toBe(true);
    expect(
      parseMessagesRequest({ action: { type: "handoff_submit", email: "a@b.co", message: "hi" } }).ok,
    ).toBe(true);
    expect(parseMessagesRequest({ text: "x".repeat(1000) }).ok).toBe(true);
  });

  it.each([
    [null, "invalid_body"],
    [[], "invalid_body"],
    ["text", "invalid_body"],
    [{}, "empty_message"],
    [{ text: "   " }, "empty_message"],
    [{ text: 42 }, "invalid_text"],
    [{ text: "x".repeat(1001) }, "text_too_long"],
    [{ text: "hi", conversationId: 5 }, "invalid_conversation_id"],
    [{ text: "hi", conversationId: "../etc" }, "invalid_conversation_id"],
    [{ text: "hi", locale: "english please" }, "invalid_locale"],
    [{ action: { type: "delete_everything" } }, "invalid_action"],
    [{ action: { type: "quick_reply" } }, "invalid_action"],
    [{ action: { type: "handoff_submit", email: "a@b.co" } }, "invalid_action"],
  ])("rejects %j with %s", (body, code) => {
    const r = parseMessagesRequest(body);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message.length).toBeGreaterThan(5);
    }
  });

  it("reports bad JSON", () => {
    const r = parseMessagesBody("{text:");
    expect(r.ok === false && r.error.code).toBe("bad_json");
    expect(parseMessagesBody('{"text":"hi"}').ok).toBe(true);
  });
});

describe("slot filling", () => {
  it("number first, then email", async () => {
    const c = demoShopifyContext();
    const a = await c.send("where is my order?");
    expect(a.awaiting).toBe("order_number");
    const b = await c.send("1002");
    expect(b.awaiting).toBe("email_or_phone");
    expect(replyText(b)).toContain("#1002");
    const d = await c.send("marcus.reed@example.net");
    expect(orderOf(d)?.order.number).toBe("1002");
    expect(d.awaiting).toBeNull();
  });

  it("email first, then number", async () => {
    const c = demoShopifyContext();
    await c.send("hi, can you track my package? my email is Marcus.Reed@example.net");
    const r = await c.send("#1002");
    expect(orderOf(r)?.text).toContain("1ZA84R270384120936");
  });

  it("both at once", async () => {
    const c = demoShopifyContext();
    const r = await c.send("order 1003, alice.johnson@example.com");
    expect(orderOf(r)?.text).toContain("Delivered Fri Nov 13");
  });

  it("phone instead of email (with and without the country code)", async () => {
    const c = demoShopifyContext();
    await c.send("where is my order 1013");
    const r = await c.send("my phone is 305-555-0178");
    expect(orderOf(r)?.text).toContain("FedEx 773640219535");
    const c2 = demoShopifyContext();
    const r2 = await c2.send("status of order 1002 phone +1 303 555 0161");
    expect(orderOf(r2)?.order.number).toBe("1002");
  });

  it("the conversation continues on another instance (state lives in the repository)", async () => {
    const repo = chat.repo;
    const one = demoShopifyContext({ repo });
    const first = await one.send("where is my order 1002?");
    const two = demoShopifyContext({ repo }); // a second app instance: new adapter, same database
    const r = await two.send({
      conversationId: first.conversationId,
      conversationToken: first.conversationToken,
      text: "marcus.reed@example.net",
    });
    expect(r.conversationId).toBe(first.conversationId);
    expect(orderOf(r)?.order.number).toBe("1002");
  });
});

describe("topic switches, negation, small talk", () => {
  it("answers a policy question while waiting for the email, keeps the slot and reminds once", async () => {
    const c = demoShopifyContext();
    await c.send("where is my order 1002");
    const p = await c.send("what's your return policy?");
    expect(p.awaiting).toBe("email_or_phone");
    const text = replyText(p);
    expect(text).toMatch(/30-day return/);
    expect(text.length).toBeLessThan(800);
    expect(text).toContain("what's the email or phone number on order #1002");
    const s = await c.send("and do you ship to Canada?");
    expect(s.awaiting).toBe("email_or_phone");
    expect(replyText(s)).toMatch(/Canada/);
    expect(replyText(s)).not.toContain("order #1002"); // reminded once only
    const r = await c.send("marcus.reed@example.net");
    expect(orderOf(r)?.order.number).toBe("1002");
  });

  it("'I don't want to cancel, just tell me where it is' runs the status flow, no handoff", async () => {
    const c = demoShopifyContext();
    await c.send("I don't want to cancel, just tell me where it is. Order 1002");
    const r = await c.send("marcus.reed@example.net");
    expect(orderOf(r)?.order.number).toBe("1002");
    expect(r.messages.some((m) => m.type === "handoff")).toBe(false);
    expect(await c.repo.handoffs()).toHaveLength(0);
  });

  it("greets, thanks, and falls back with quick replies", async () => {
    const c = demoShopifyContext();
    const g = await c.send("hello");
    expect(replyText(g)).toMatch(/track your order/i);
    expect(g.messages.some((m) => m.type === "quick_replies")).toBe(true);
    const f = await c.send("what is the meaning of life");
    const qr = f.messages.find((m) => m.type === "quick_replies");
    expect(qr && qr.type === "quick_replies" && qr.quickReplies.map((q) => q.label)).toEqual(
      expect.arrayContaining(["Track my order", "Talk to a person", "Return policy"]),
    );
    const t = await c.send("thanks!");
    expect(replyText(t)).toMatch(/welcome/i);
  });

  it("quick replies drive the flow: Track another order, Return policy, Talk to a person", async () => {
    const c = demoShopifyContext();
    await c.send("order 1002 marcus.reed@example.net");
    const a = await c.send({ action: { type: "quick_reply", value: "tb:track_another" } });
    expect(a.awaiting).toBe("order_number");
    const p = await c.send({ action: { type: "quick_reply", value: "tb:returns" } });
    expect(replyText(p)).toMatch(/30-day/);
    expect(p.awaiting).toBe("order_number");
    const h = await c.send({ action: { type: "quick_reply", value: "tb:human" } });
    expect(h.awaiting).toBe("handoff_details");
  });

  it("a guest asking for 'my orders' is told how to look one up", async () => {
    const c = demoShopifyContext();
    const r = await c.send("show my orders");
    expect(hasOrder(r)).toBe(false);
    expect(replyText(r)).toMatch(/order number and the email/);
  });

  it("says so when there is no policy and offers a person", async () => {
    const c = demoWooContext(); // the Woo demo store has no policies entered
    const r = await c.send("what is your shipping policy?");
    expect(replyText(r)).toMatch(/don't have the Demo Woo Garden shipping policy/);
    expect(replyText(r)).toContain("Talk to a person");
  });
});

describe("verification and enumeration safety", () => {
  it("wrong email and unknown order give byte-identical replies (apart from ids)", async () => {
    const a = demoShopifyContext({ capabilities: { readAllOrders: true }, shopperKey: "a" });
    await a.send("where is order 1002");
    const wrong = await a.send("someone@example.org");
    const b = demoShopifyContext({ capabilities: { readAllOrders: true }, shopperKey: "b" });
    await b.send("where is order 1002");
    expect(b.adapter.orders.some((o) => o.number === "1002")).toBe(true);
    const c = demoShopifyContext({ capabilities: { readAllOrders: true }, shopperKey: "c" });
    await c.send("where is order 9002");
    const unknown = await c.send("someone@example.org");
    expect(strip(wrong).replaceAll("1002", "N")).toBe(strip(unknown).replaceAll("9002", "N"));
    expect(hasOrder(wrong)).toBe(false);
  });

  it("never shows order data before verification", async () => {
    const c = demoShopifyContext({ capabilities: { readAllOrders: true } });
    for (const text of [
      "where is my order 1002",
      "what's the status of #1014",
      "1004",
      "track 1003 please",
      "wrong@example.com",
      "hannah@example.com",
    ]) {
      const r = await c.send(text);
      expect(hasOrder(r), text).toBe(false);
      expect(replyText(r), text).not.toMatch(ORDER_WORDS);
      expect(replyText(r), text).not.toMatch(/1ZA84R|9400111899|Hannah|Alice|Marcus/);
    }
  });

  it("after 5 failed attempts from one shopper the bot stops checking (no adapter call) and offers a person", async () => {
    const c = demoShopifyContext({ capabilities: { readAllOrders: true } });
    for (let i = 0; i < 5; i++) {
      const r = await c.send(`order ${1002 + i} guess${i}@example.com`);
      expect(replyText(r)).toContain("I couldn't find an order");
    }
    const callsBefore = c.adapter.calls.filter((x) => x.method === "findOrder").length;
    const r = await c.send("order 1002 marcus.reed@example.net"); // even the right email
    expect(c.adapter.calls.filter((x) => x.method === "findOrder").length).toBe(callsBefore);
    expect(hasOrder(r)).toBe(false);
    expect(replyText(r)).toMatch(/can't check more orders/);
    expect(replyText(r)).toContain("Talk to a person");
    expect((await c.repo.lookups()).at(-1)?.outcome).toBe("rate_limited");
    // a person can still be reached, with the reason recorded
    await c.send({ action: { type: "quick_reply", value: "tb:human" } });
    await c.send({
      action: { type: "handoff_submit", email: "marcus.reed@example.net", message: "please help with 1002" },
    });
    expect((await c.repo.handoffs())[0]?.reason).toBe("rate_limited");
  });

  it("failed attempts on one order number switch that order to step-up (no lock, no store call); other orders work", async () => {
    const repo = chat.repo;
    for (let i = 0; i < 5; i++) {
      const c = demoShopifyContext({ repo, shopperKey: `s${i}`, capabilities: { readAllOrders: true } });
      await c.send(`order 1002 x${i}@example.com`);
    }
    const late = demoShopifyContext({ repo, shopperKey: "late", capabilities: { readAllOrders: true } });
    const r = await late.send("order 1002 marcus.reed@example.net");
    expect(late.adapter.calls.some((x) => x.method === "findOrder")).toBe(false);
    expect(hasOrder(r)).toBe(false);
    expect(replyText(r)).toContain("For your security I need to confirm it's you");
    expect(replyText(r)).not.toMatch(/can't check more orders/);
    expect(replyText(r)).toContain("Talk to a person");
    expect((await c0Lookups(repo)).at(-1)).toBe("step_up");
    const other = await late.send("order 1003 alice.johnson@example.com"); // other orders still work
    expect(orderOf(other)?.order.number).toBe("1003");
  });

  it("a store-wide wave of failures (50 in 10 minutes) switches every order to step-up", async () => {
    const repo = chat.repo;
    for (let s = 0; s < 10; s++) {
      const c = demoShopifyContext({ repo, shopperKey: `t${s}`, capabilities: { readAllOrders: true } });
      for (let i = 0; i < 5; i++) await c.send(`order ${3000 + s * 5 + i} y@example.com`);
    }
    const d = demoShopifyContext({ repo, shopperKey: "fresh", capabilities: { readAllOrders: true } });
    const r = await d.send("order 1003 alice.johnson@example.com");
    expect(d.adapter.calls.some((x) => x.method === "findOrder")).toBe(false);
    expect(replyText(r)).toContain("For your security I need to confirm it's you");
  });

  it("audits every lookup without raw personal data", async () => {
    const c = demoShopifyContext();
    await c.send("order 1003 alice.johnson@example.com");
    await c.send("order 1002 nobody@example.com");
    expect((await c.repo.lookups()).map((l) => [l.method, l.outcome])).toEqual([
      ["email", "verified"],
      ["email", "mismatch"],
    ]);
    const dump = JSON.stringify(await c.repo.lookups());
    expect(dump).not.toMatch(/1003|1002|alice|nobody|example/);
    expect((await c.repo.lookups())[0]!.orderNumberHash).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof (await c.repo.lookups())[0]!.latencyMs).toBe("number");
  });

  it("masks the email and never prints the phone or street address", async () => {
    const c = demoShopifyContext();
    await c.send("I want to cancel order 1001, my email is alice.johnson@example.com");
    const r = await c.send("yes"); // the request, once confirmed, names the masked contact
    const text = replyText(r);
    expect(text).toMatch(/a\*\*\*n@example\.com/);
    expect(text).not.toContain("alice.johnson@");
    expect(text).not.toMatch(/555-0134|4155550134/);
  });
});

async function c0Lookups(repo: typeof chat.repo): Promise<string[]> {
  return (await repo.lookups()).map((l) => l.outcome);
}

describe("outages", () => {
  it("an unreachable platform gets an honest reply with a person offered; never throws", async () => {
    const c = demoShopifyContext();
    await c.send("where is order 1002");
    c.adapter.failNext(new PlatformUnavailableError("timeout", "timeout"));
    const r = await c.send("marcus.reed@example.net");
    expect(replyText(r)).toContain("I can't reach the store's order system right now");
    expect(replyText(r)).toContain("Talk to a person");
    expect(hasOrder(r)).toBe(false);
    expect((await c.repo.lookups()).at(-1)?.outcome).toBe("error");
    // an unexpected error is handled the same way
    c.adapter.failNext(new TypeError("boom"));
    const r2 = await c.send("order 1002 marcus.reed@example.net");
    expect(replyText(r2)).toContain("I can't reach the store's order system right now");
    // and the next try works
    const r3 = await c.send("order 1002 marcus.reed@example.net");
    expect(orderOf(r3)?.order.number).toBe("1002");
  });

  it("a failing customer order list is an outage reply too", async () => {
    const c = demoShopifyContext({ customerId: "7700000000001" });
    c.adapter.failNext();
    const r = await c.send("show my orders");
    expect(replyText(r)).toContain("I can't reach the store's order system right now");
  });
});

describe("cancel / return / address change", () => {
  it("verifies, explains the policy, and asks the team — never claims it was done", async () => {
    const c = demoShopifyContext({ settings: { businessHours: "Mon-Fri 9:00-17:00 ET" } });
    const a = await c.send("I want to cancel my order 1001");
    expect(a.awaiting).toBe("email_or_phone");
    expect(await c.repo.handoffs()).toHaveLength(0);
    const asked = await c.send("alice.johnson@example.com");
    expect(replyText(asked)).toContain("Ask the team to cancel #1001?");
    expect(await c.repo.handoffs()).toHaveLength(0);
    await c.send({ action: { type: "quick_reply", value: "tb:confirm" } });
    const text = (await c.repo.listMessages(c.conversationId!)).map((m) => m.text).join("\n");
    expect(text).toMatch(/cancelled free of charge until they ship/);
    expect(text).toContain(
      "I've asked the team to cancel #1001 - they'll email you at a***n@example.com; it isn't cancelled until they confirm.",
    );
    expect(text).toContain("Mon-Fri 9:00-17:00 ET");
    expect(text).not.toMatch(/has been cancelled|I cancelled|is cancelled\b/);
    const h = (await c.repo.handoffs())[0]!;
    expect(h.reason).toBe("cancel_order");
    expect(h.orderNumber).toBe("1001");
    expect(h.email).toBe("alice.johnson@example.com");
    expect(h.message).toMatch(/cancel my order 1001/);
    expect((h.orderContext as { number: string }).number).toBe("1001");
  });

  it("'can I cancel it?' right after verification uses that order without asking again", async () => {
    const c = demoShopifyContext();
    await c.send("order 1001 alice.johnson@example.com");
    const q = await c.send("can I cancel it?");
    expect(q.awaiting).toBeNull();
    expect(replyText(q)).toContain("Ask the team to cancel #1001?");
    const r = await c.send("yes");
    expect(replyText(r)).toContain("I've asked the team to cancel #1001");
    expect((await c.repo.handoffs())[0]?.reason).toBe("cancel_order");
  });

  it("a return request for a verified order creates a return handoff", async () => {
    const c = demoShopifyContext();
    await c.send("I need to return the jacket from order 1002");
    await c.send("marcus.reed@example.net");
    expect(await c.repo.handoffs()).toHaveLength(0);
    await c.send("yes please");
    expect((await c.repo.handoffs())[0]?.reason).toBe("return_refund");
    expect((await c.repo.handoffs())[0]?.orderNumber).toBe("1002");
  });
});

/** handleTurn end to end, part 2: handoff, persistence, languages, analytics, merchant FAQ, the contract. */
import { describe, expect, it } from "vitest";
import { handleTurn } from "./engine";
import type { HandoffNotification } from "./notify";
import type { MessagesResponse, WidgetMessage } from "../protocol";
import { demoShopifyContext, demoWooContext, replyText } from "../../test/support/chat";
import { useChatDatabase } from "../../test/support/chat-database";

const chat = useChatDatabase();

const orderOf = (r: MessagesResponse) =>
  r.messages.find((m): m is Extract<WidgetMessage, { type: "order" }> => m.type === "order") ?? null;

describe("handoff", () => {
  it("collects email and message (form), stores transcript + order context, emails the merchant", async () => {
    const sent: HandoffNotification[] = [];
    const c = demoShopifyContext({ notifier: { notifyHandoff: async (n) => void sent.push(n) } });
    await c.send("order 1002 marcus.reed@example.net");
    const h = await c.send("I want to talk to a person");
    const form = h.messages.find((m) => m.type === "handoff");
    expect(form && form.type === "handoff" && form.fields).toEqual(["message"]); // email known from the verified order
    expect(h.awaiting).toBe("handoff_details");
    const done = await c.send({
      action: {
        type: "handoff_submit",
        email: "marcus.reed@example.net",
        message: "The jacket is the wrong size",
      },
    });
    const ack = done.messages.find((m) => m.type === "handoff");
    expect(ack && ack.type === "handoff" && ack.handoffId).toBe((await c.repo.handoffs())[0]!.id);
    expect(replyText(done)).toContain("They'll reply by email to m***d@example.net");
    expect(done.awaiting).toBeNull();
    const rec = (await c.repo.handoffs())[0]!;
    expect(rec.message).toBe("The jacket is the wrong size");
    expect(rec.orderNumber).toBe("1002");
    expect(rec.transcript.some((t) => t.text.includes("order 1002"))).toBe(true);
    expect(sent[0]?.to).toBe("merchant@example.com");
    expect(sent[0]?.order?.number).toBe("1002");
    expect(rec.notifiedAt).not.toBeNull();
    expect((await c.repo.getConversation(c.conversationId!))?.status).toBe("handed_off");
  });

  it("accepts email + message typed as text, and asks for what is missing", async () => {
    const c = demoShopifyContext();
    const a = await c.send("can I talk to a human?");
    const form = a.messages.find((m) => m.type === "handoff");
    expect(form && form.type === "handoff" && form.fields).toEqual(["email", "message"]);
    const b = await c.send("my package never arrived and I need it by Friday");
    expect(b.awaiting).toBe("handoff_details");
    expect(replyText(b)).toMatch(/email address/);
    const d = await c.send("sam@example.org");
    expect(d.awaiting).toBeNull();
    expect((await c.repo.handoffs())[0]).toMatchObject({
      email: "sam@example.org",
      message: "my package never arrived and I need it by Friday",
      reason: "shopper_request",
    });
  });

  it("rejects an invalid email in the form", async () => {
    const c = demoShopifyContext();
    await c.send("talk to a person");
    const r = await c.send({ action: { type: "handoff_submit", email: "not-an-email", message: "help" } });
    expect(r.awaiting).toBe("handoff_details");
    expect(await c.repo.handoffs()).toHaveLength(0);
  });

  it("when handoff is off, points to the support email instead", async () => {
    const c = demoShopifyContext({ settings: { handoffEnabled: false } });
    const r = await c.send("talk to a person");
    expect(replyText(r)).toContain("support@example.com");
    expect(r.awaiting).toBeNull();
    expect(replyText(r)).not.toContain("Talk to a person");
  });
});

describe("persistence", () => {
  it("stores each shopper and bot message exactly once, with conversation state", async () => {
    const c = demoShopifyContext();
    const r1 = await c.send("where is order 1002");
    const r2 = await c.send("marcus.reed@example.net");
    const msgs = await c.repo.listMessages(c.conversationId!);
    expect(msgs.filter((m) => m.role === "shopper").map((m) => m.text)).toEqual([
      "where is order 1002",
      "marcus.reed@example.net",
    ]);
    const botIds = [...r1.messages, ...r2.messages].map((m) => m.id);
    expect(msgs.filter((m) => m.role === "bot").map((m) => m.id)).toEqual(botIds);
    expect(new Set(msgs.map((m) => m.id)).size).toBe(msgs.length);
    const conv = await c.repo.getConversation(c.conversationId!);
    expect(conv?.messageCount).toBe(msgs.length);
    expect(conv?.verified).toBe(true);
    expect(conv?.orderQuestion).toBe(true);
  });

  it("unknown or foreign conversation ids start a new conversation and leak nothing", async () => {
    const repo = chat.repo;
    const shop = demoShopifyContext({ repo });
    await shop.send("where is order 1002");
    await shop.send("marcus.reed@example.net");
    const woo = demoWooContext({ repo });
    const r = await woo.send({
      conversationId: shop.conversationId!,
      conversationToken: shop.conversationToken!, // even with its token: another store's
      text: "where is it?",
    });
    expect(r.conversationId).not.toBe(shop.conversationId);
    expect(replyText(r)).not.toContain("1002");
    const u = await woo.send({ conversationId: "does-not-exist", text: "hello" });
    expect(u.conversationId).not.toBe("does-not-exist");
    // another logged-in customer cannot continue someone else's conversation
    const alice = demoShopifyContext({ repo, customerId: "7700000000001" });
    const a = await alice.send({
      conversationId: shop.conversationId!,
      conversationToken: shop.conversationToken!,
      text: "hi",
    });
    expect(a.conversationId).not.toBe(shop.conversationId);
  });

  it("a turn that loses a revision race is recomputed, storing nothing twice", async () => {
    const c = demoShopifyContext();
    await c.send("where is order 1002");
    const real = c.repo.updateConversation.bind(c.repo);
    let raced = false;
    c.repo.updateConversation = async (id, rev, patch) => {
      if (!raced) {
        raced = true;
        await real(id, rev, { lastMessageAt: new Date() }); // a concurrent turn bumps the revision
        return null;
      }
      return real(id, rev, patch);
    };
    const r = await c.send("marcus.reed@example.net");
    expect(orderOf(r)?.order.number).toBe("1002");
    const msgs = await c.repo.listMessages(c.conversationId!);
    expect(msgs.filter((m) => m.role === "shopper")).toHaveLength(2);
    expect(await c.repo.lookups()).toHaveLength(1);
  });
});

describe("languages", () => {
  it("replies in the shopper's language and keeps it for short follow-ups", async () => {
    const c = demoShopifyContext();
    const a = await c.send("¿Dónde está mi pedido 1002?");
    expect(replyText(a)).toMatch(/correo electrónico o teléfono/);
    const b = await c.send("marcus.reed@example.net");
    expect(orderOf(b)).not.toBeNull();
    const qr = b.messages.find((m) => m.type === "quick_replies");
    expect(qr && qr.type === "quick_replies" && qr.quickReplies[0]!.label).toBe("Seguir otro pedido");
    expect((await c.repo.getConversation(c.conversationId!))?.language).toBe("es");
  });

  it("uses req.locale as the prior for entity-only messages", async () => {
    const c = demoShopifyContext();
    const r = await c.send({ text: "1002", locale: "fr-FR" });
    expect(replyText(r)).toMatch(/Merci/);
  });
});

describe("analytics", () => {
  it("records events and summarizes key numbers", async () => {
    const repo = chat.repo;
    const a = demoShopifyContext({ repo, shopperKey: "a" });
    await a.send("where is order 1002");
    await a.send("marcus.reed@example.net");
    const b = demoShopifyContext({ repo, shopperKey: "b" });
    await b.send("order 1003 wrong@example.com");
    await b.send("talk to a person");
    await b.send({ action: { type: "handoff_submit", email: "b@example.org", message: "help" } });
    const d = demoShopifyContext({ repo, shopperKey: "d" });
    await d.send("what's your return policy?");
    const from = new Date("2026-11-01T00:00:00Z");
    const to = new Date("2026-12-01T00:00:00Z");
    const s = await repo.summarize("store-shopify", from, to);
    expect(s).toMatchObject({
      conversations: 3,
      orderQuestions: 2,
      verifiedLookups: 1,
      failedLookups: 1,
      handoffs: 1,
      faqAnswered: 1,
      resolvedWithoutHuman: 1,
    });
    expect(typeof s.medianReplyMs).toBe("number");
    expect((await repo.summarize("other-store", from, to)).conversations).toBe(0);
  });
});

describe("merchant FAQ", () => {
  it("answers from the store's FAQ (translated when available) and keeps a pending slot", async () => {
    const repo = chat.repo;
    await repo.addFaq({
      storeId: "store-shopify",
      question: "Do you offer gift wrapping?",
      answer: "Yes - gift wrapping is $5 per order; choose it at checkout.",
      translations: {
        es: {
          question: "¿Ofrecen envoltorio de regalo?",
          answer: "Sí: el envoltorio de regalo cuesta 5 $ por pedido.",
        },
      },
    });
    await repo.addFaq({
      storeId: "store-shopify",
      question: "Is the Burlington store open on Sundays?",
      answer: "Yes, 11am-5pm.",
      enabled: false,
    });
    const c = demoShopifyContext({ repo });
    const r = await c.send("do you offer gift wrapping?");
    expect(replyText(r)).toContain("gift wrapping is $5 per order");
    expect((await repo.events()).filter((e) => e.type === "faq_answered")).toHaveLength(1);
    const es = demoShopifyContext({ repo });
    const r2 = await es.send("¿Ofrecen envoltorio de regalo?");
    expect(replyText(r2)).toContain("el envoltorio de regalo cuesta");
    // disabled entries are never used
    const d = demoShopifyContext({ repo });
    expect(replyText(await d.send("is the Burlington store open on Sundays?"))).not.toContain("11am-5pm");
    // while waiting for an email
    const w = demoShopifyContext({ repo });
    await w.send("where is order 1002");
    const r3 = await w.send("do you offer gift wrapping?");
    expect(replyText(r3)).toContain("gift wrapping is $5");
    expect(r3.awaiting).toBe("email_or_phone");
    // FAQ switched off by the merchant
    const off = demoShopifyContext({ repo, settings: { faqEnabled: false } });
    expect(replyText(await off.send("do you offer gift wrapping?"))).not.toContain("$5 per order");
  });
});

describe("handleTurn contract", () => {
  it("produces protocol-shaped messages with unique ids", async () => {
    const c = demoShopifyContext();
    const r = await handleTurn(c, { text: "order 1004 alice.johnson@example.com" });
    expect(typeof r.conversationId).toBe("string");
    expect(["order_number", "email_or_phone", "handoff_details", null]).toContain(r.awaiting);
    for (const m of r.messages) {
      expect(m.role).toBe("bot");
      expect(["text", "order", "order_list", "quick_replies", "handoff"]).toContain(m.type);
      expect(typeof m.id).toBe("string");
    }
    expect(new Set(r.messages.map((m) => m.id)).size).toBe(r.messages.length);
    const o = orderOf(r)!;
    expect(o.order.shipments).toHaveLength(2);
    expect(o.order.status).toBe("partially_shipped");
  });
});

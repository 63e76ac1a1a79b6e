/**
 * Conversations that end well (issue 18, engine side): the handoff uses the verified contact, the bot
 * keeps the order it just showed as context, failure replies say the true reason in one wording on both
 * platforms, and actions are offered — never assumed. Engine on the real Prisma repository.
 */
import { describe, expect, it } from "vitest";
import type { MessagesResponse, WidgetMessage } from "../../protocol";
import { demoShopifyContext, demoWooContext, replyText } from "../../../test/support/chat";
import { useChatDatabase } from "../../../test/support/chat-database";

useChatDatabase();
const form = (r: MessagesResponse) =>
  r.messages.find((m): m is Extract<WidgetMessage, { type: "handoff" }> => m.type === "handoff") ?? null;
const chips = (r: MessagesResponse) =>
  r.messages.flatMap((m) => (m.type === "quick_replies" ? m.quickReplies : []));

describe("handoff after verification", () => {
  it.each([
    ["Shopify", demoShopifyContext, "order 1002 marcus.reed@example.net", "marcus.reed@example.net", "1002"],
    [
      "WooCommerce",
      demoWooContext,
      "order 2002 tobias.wagner@example.net",
      "tobias.wagner@example.net",
      "2002",
    ],
  ] as const)(
    '%s: GIVEN a verified order WHEN the shopper asks for a human and submits only a message (email: "") THEN the handoff is created with the verified email',
    async (_p, make, question, email, n) => {
      const c = make();
      await c.send(question);
      const h = await c.send("I want to talk to a human");
      expect(form(h)?.fields).toEqual(["message"]);
      const done = await c.send({
        action: { type: "handoff_submit", email: "", message: "The parcel is damaged" },
      });
      expect(replyText(done)).not.toContain("doesn't look right");
      expect(done.awaiting).toBeNull();
      const [rec] = await c.repo.handoffs();
      expect(rec).toMatchObject({ message: "The parcel is damaged", orderNumber: n });
      expect(rec!.email.toLowerCase()).toBe(email); // the email on the order, as the store has it
      expect(form(done)?.handoffId).toBe(rec!.id);
    },
  );

  it("GIVEN a form without the email field WHEN the widget omits email altogether THEN it is accepted too", async () => {
    const c = demoShopifyContext();
    await c.send("order 1003 alice.johnson@example.com");
    await c.send("talk to a person");
    await c.send({ action: { type: "handoff_submit", message: "Where can I leave a review?" } });
    expect((await c.repo.handoffs())[0]).toMatchObject({ email: "alice.johnson@example.com" });
  });

  it("GIVEN no verified contact WHEN the form comes without an email THEN the typed message is kept and only the email is asked", async () => {
    const c = demoShopifyContext();
    await c.send("talk to a person");
    const r = await c.send({ action: { type: "handoff_submit", email: "", message: "My order never came" } });
    expect(form(r)?.fields).toEqual(["email"]);
    expect(r.awaiting).toBe("handoff_details");
    const d = await c.send({ action: { type: "handoff_submit", email: "sam@example.org", message: "" } });
    expect(d.awaiting).toBeNull();
    expect((await c.repo.handoffs())[0]).toMatchObject({
      email: "sam@example.org",
      message: "My order never came",
    });
  });

  it("GIVEN a mistyped email WHEN submitted with a message THEN the message is kept and only the email is asked again", async () => {
    const c = demoShopifyContext();
    await c.send("talk to a person");
    const r = await c.send({
      action: { type: "handoff_submit", email: "sam@example", message: "Need help with 1002" },
    });
    expect(replyText(r)).toContain("doesn't look right");
    expect(form(r)?.fields).toEqual(["email"]);
    await c.send({ action: { type: "handoff_submit", email: "sam@example.org", message: "" } });
    expect((await c.repo.handoffs())[0]?.message).toBe("Need help with 1002");
  });
});

describe("the bot keeps the order it just showed", () => {
  it.each(["can you send me the tracking link?", "which carrier is it?"])(
    "GIVEN the card of #1002 WHEN the shopper asks %j THEN the answer is about #1002, with no number asked",
    async (question) => {
      const c = demoShopifyContext();
      await c.send("order 1002 marcus.reed@example.net");
      const r = await c.send(question);
      expect(r.awaiting).toBeNull();
      expect(replyText(r)).not.toMatch(/order number/i);
      expect(replyText(r)).toContain("Tracking for #1002:");
      expect(replyText(r)).toContain("UPS 1ZA84R270384120936: https://www.ups.com/");
    },
  );

  it("GIVEN an order that has not shipped WHEN asked for the tracking link THEN it says there is none yet", async () => {
    const c = demoShopifyContext();
    await c.send("order 1001 alice.johnson@example.com");
    const r = await c.send("can you send me the tracking link?");
    expect(replyText(r)).toContain("#1001 hasn't shipped yet, so there's no tracking link yet.");
  });

  it("GIVEN WooCommerce WHEN asked for the carrier after the card THEN it answers about that order", async () => {
    const c = demoWooContext();
    await c.send("order 2002 tobias.wagner@example.net");
    const r = await c.send("which carrier is it?");
    expect(replyText(r)).toContain("Tracking for #2002:");
  });

  it("GIVEN no order shown yet WHEN asked for the tracking link THEN the number is asked (nothing leaks)", async () => {
    const c = demoShopifyContext();
    const r = await c.send("can you send me the tracking link?");
    expect(r.awaiting).toBe("order_number");
  });
});

describe("failure replies say the true reason, in one wording on both platforms", () => {
  it("GIVEN Shopify without read_all_orders and a recent order WHEN the email is wrong THEN it says it couldn't find #N with that email, as WooCommerce does", async () => {
    const shop = demoShopifyContext({ shopperKey: "a" });
    await shop.send("where is my order #1002?");
    const s = await shop.send("someone.else@example.com");
    const woo = demoWooContext({ shopperKey: "b" });
    await woo.send("where is my order #2002?");
    const w = await woo.send("someone.else@example.com");
    const norm = (r: MessagesResponse, n: string) => replyText(r).replaceAll(n, "N");
    expect(norm(s, "1002")).toBe(norm(w, "2002"));
    expect(replyText(s)).toContain("I couldn't find an order #1002 with that email.");
    expect(replyText(s)).not.toMatch(/60 days/);
  });
});

describe("actions are offered, never assumed", () => {
  it('GIVEN no order yet WHEN asked "Wie kann ich etwas zurückschicken?" THEN the returns policy answers and no return is filed', async () => {
    const c = demoShopifyContext();
    const r = await c.send("Wie kann ich etwas zurückschicken?");
    expect(replyText(r)).toMatch(/Rückgabe|30/);
    expect(r.messages.some((m) => m.type === "handoff")).toBe(false);
    expect(r.awaiting).toBeNull();
    const followUp = await c.send("1002");
    expect(followUp.messages.some((m) => m.type === "handoff")).toBe(false);
    expect(await c.repo.handoffs()).toHaveLength(0);
  });

  it.each([
    "¿Cómo puedo devolver algo?",
    "Comment retourner un article ?",
    "Come posso restituire un articolo?",
    "Hoe kan ik iets terugsturen?",
    "Como posso devolver um produto?",
    "Hi! How do I send something back?",
  ])(
    "GIVEN no order yet WHEN asked %j THEN no return is filed and no order number is demanded",
    async (q) => {
      const c = demoShopifyContext();
      const r = await c.send(q);
      expect(r.awaiting).toBeNull();
      expect(r.messages.some((m) => m.type === "handoff")).toBe(false);
    },
  );

  it('GIVEN a verified order WHEN asked how to return something THEN the policy, then "Start a return for #1002?" — filed only after yes', async () => {
    const c = demoShopifyContext();
    await c.send("order 1002 marcus.reed@example.net");
    const q = await c.send("how do I return something?");
    expect(replyText(q)).toMatch(/30-day return/);
    expect(replyText(q)).toContain("Start a return for #1002?");
    expect(chips(q).map((x) => x.value)).toEqual(["tb:confirm", "tb:decline"]);
    expect(await c.repo.handoffs()).toHaveLength(0);
    const yes = await c.send({ action: { type: "quick_reply", value: "tb:confirm" } });
    expect(replyText(yes)).toContain("I've asked the team about a return or refund for #1002");
    const [h] = await c.repo.handoffs();
    expect(h).toMatchObject({
      reason: "return_refund",
      orderNumber: "1002",
      email: "marcus.reed@example.net",
    });
  });

  it('GIVEN a verified order WHEN asked "how long do refunds take?" THEN the policy, and no return is offered', async () => {
    const c = demoShopifyContext();
    await c.send("order 1002 marcus.reed@example.net");
    const q = await c.send("how long do refunds take?");
    expect(replyText(q)).not.toContain("Start a return");
    expect(chips(q).map((x) => x.value)).not.toContain("tb:confirm");
  });

  it('GIVEN the offer WHEN the shopper types "no" THEN nothing is filed', async () => {
    const c = demoShopifyContext();
    await c.send("order 1002 marcus.reed@example.net");
    await c.send("how can I return my jacket?");
    const no = await c.send("no");
    expect(replyText(no)).toContain("OK, I won't start anything for #1002");
    expect(await c.repo.handoffs()).toHaveLength(0);
  });

  it("GIVEN the offer WHEN the shopper talks about something else THEN the offer lapses and a later yes files nothing", async () => {
    const c = demoShopifyContext();
    await c.send("order 1002 marcus.reed@example.net");
    await c.send("how do I return something?");
    await c.send("do you ship to Canada?");
    await c.send("yes");
    expect(await c.repo.handoffs()).toHaveLength(0);
  });
});

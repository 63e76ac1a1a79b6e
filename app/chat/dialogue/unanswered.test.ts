/** Store questions without an FAQ entry: an honest reply with the team offered, recorded for the merchant. */
import { describe, expect, it } from "vitest";
import type { MessagesResponse } from "../../protocol";
import { demoShopifyContext, replyText } from "../../../test/support/chat";
import { useChatDatabase } from "../../../test/support/chat-database";
import { understand } from "../understand/index";
import { maskedQuestion } from "./unanswered";

const chat = useChatDatabase();
const chips = (r: MessagesResponse) =>
  r.messages.flatMap((m) => (m.type === "quick_replies" ? m.quickReplies.map((q) => q.value) : []));
const stored = () =>
  chat.db.unansweredQuestion.findMany({
    orderBy: { createdAt: "asc" },
    select: { text: true, language: true },
  });

describe("a store question the bot has no answer for", () => {
  it("is a store question for the model (precondition)", () => {
    expect(understand("do you accept paypal?").intent).toBe("faq");
    expect(understand("¿aceptan tarjetas regalo?").intent).toBe("faq");
  });

  it("gets an honest 'I don't have that information' with a person offered, and is recorded", async () => {
    const c = demoShopifyContext();
    const r = await c.send("do you accept paypal?");
    expect(replyText(r)).toContain("I don't have that information");
    expect(replyText(r)).not.toContain("I can track an order, answer questions"); // not the generic menu
    expect(chips(r)).toEqual(["tb:human"]);
    expect(await stored()).toEqual([{ text: "do you accept paypal?", language: "en" }]);
    const h = await c.send({ action: { type: "quick_reply", value: "tb:human" } });
    expect(h.messages.some((m) => m.type === "handoff")).toBe(true);
  });

  it("answers in the shopper's language", async () => {
    const c = demoShopifyContext({ settings: { languages: ["es"] } });
    const r = await c.send("¿aceptan tarjetas regalo?");
    expect(replyText(r)).toContain("No tengo esa información");
    expect((await stored())[0]?.language).toBe("es");
  });

  it("without handoff: points to the support email instead of offering a person", async () => {
    const c = demoShopifyContext({
      settings: { handoffEnabled: false },
      store: { supportEmail: "help@shop.test" },
    });
    const r = await c.send("do you accept paypal?");
    expect(replyText(r)).toContain("email help@shop.test");
    expect(chips(r)).not.toContain("tb:human");
  });

  it("a merchant FAQ entry that matches is answered and not recorded", async () => {
    const c = demoShopifyContext();
    await c.repo.addFaq({
      storeId: c.store.id,
      question: "Do you accept PayPal?",
      answer: "Yes, PayPal works.",
    });
    const r = await c.send("do you accept paypal?");
    expect(replyText(r)).toContain("Yes, PayPal works.");
    expect(await stored()).toEqual([]);
  });

  it("stores no email address or phone number typed with the question", () => {
    expect(maskedQuestion("do you ship to me? ann.lee@example.com +1 (415) 555-0134 order 1002")).toBe(
      "do you ship to me? [email] [number] order 1002",
    );
  });
});

/** understand(): negation, entity-only messages, language detection, the FAQ matcher, robustness. */
import { describe, expect, it } from "vitest";
import type { Intent, Language } from "../../protocol";
import { detectLanguage, understand } from "./index";

describe("understand(): negation", () => {
  it.each<[string, Intent]>([
    ["I don't want to cancel, just tell me where it is", "order_status"],
    ["I do not want to cancel my order, where is it?", "order_status"],
    ["dont cancel it, where is my order", "order_status"],
    ["no quiero cancelar, solo dime dónde está mi pedido", "order_status"],
    ["je ne veux pas annuler, où est ma commande ?", "order_status"],
    ["ich will nicht stornieren, wo ist meine Bestellung?", "order_status"],
    ["non voglio annullare, dov'è il mio ordine?", "order_status"],
    ["ik wil niet annuleren, waar is mijn bestelling?", "order_status"],
    ["não quero cancelar, onde está o meu pedido?", "order_status"],
    ["I don't want a refund, I want an exchange", "return_refund"],
  ])("%j is marked negated (the dialogue then answers the status, %s)", (text) => {
    expect(understand(text).negated).toBe(true);
  });

  it.each([
    "I don't want to cancel",
    "ich will nicht stornieren",
    "ik wil niet annuleren",
    "não quero cancelar",
  ])("%j alone is a negated message, never a cancel request", (text) => {
    const u = understand(text);
    expect(u.negated).toBe(true);
  });

  it.each([
    "cancel my order",
    "Why can't I cancel my order?",
    "Kann ich die Bestellung nicht stornieren?",
    "my order hasn't arrived, cancel it",
  ])("%j is not a refusal to cancel", (text) => {
    const u = understand(text);
    expect(u.intent).toBe("cancel_order");
    expect(u.negated).toBe(false);
  });
});

describe("understand(): entity-only messages", () => {
  it.each<[string, string | null, string | null]>([
    ["1003", "1003", null],
    ["#1003", "1003", null],
    ["order 1003", "1003", null],
    ["my order number is 1003", "1003", null],
    ["Bestellnummer: 1003", "1003", null],
    ["pedido nº 1003", "1003", null],
    ["it's 1003 thanks", "1003", null],
    ["alice.johnson@example.com", null, "alice.johnson@example.com"],
    ["my email is Bob.Smith@Example.COM", null, "bob.smith@example.com"],
    ["hi, 1003", "1003", null],
  ])("%j → the entity, and a bare order number is an order question", (text, orderNumber, email) => {
    const u = understand(text);
    expect(u.intent).toBe(orderNumber ? "order_status" : "other");
    expect(u.confidence).toBeGreaterThanOrEqual(0.5);
    expect(u.entities.orderNumber).toBe(orderNumber);
    expect(u.entities.email).toBe(email);
  });

  it("keeps the intent when intent words come with the number", () => {
    expect(understand("where is order 1003").intent).toBe("order_status");
    expect(understand("cancel 1003").intent).toBe("cancel_order");
    expect(understand("refund for #1003").intent).toBe("return_refund");
    expect(understand("where is 1003").entities.orderNumber).toBe("1003");
  });
});

describe("language detection", () => {
  it.each<[string, string | undefined, Language]>([
    ["1003", "de", "de"],
    ["1003", "fr-FR", "fr"],
    ["1003", undefined, "en"],
    ["ok", "it", "it"],
    ["hallo", "nl", "nl"],
    ["hallo", "de", "de"],
    ["hallo", undefined, "de"],
    ["alice@example.com", "pt-BR", "pt"],
    ["where is my order", "de", "en"],
    ["wo ist meine Bestellung", "en", "de"],
    ["dónde está mi pedido", "pt", "es"],
    ["onde está o meu pedido", "es", "pt"],
    ["où est ma commande", "it", "fr"],
    ["dov'è il mio ordine", "fr", "it"],
    ["waar is mijn bestelling", "de", "nl"],
    ["Größe passt nicht", undefined, "de"],
    ["¿y mi pedido?", undefined, "es"],
    ["não recebi", undefined, "pt"],
    ["1003", "xx", "en"],
  ])("%j with hint %s → %s", (text, hint, lang) => {
    expect(detectLanguage(text, hint)).toBe(lang);
    expect(understand(text, { locale: hint }).language).toBe(lang);
  });
});

describe("faq matcher integration", () => {
  const faq = (score: number) => () => score;

  it("returns faq when the matcher is confident and no stronger intent applies", () => {
    const u = understand("do you sell gift cards?", { faqMatcher: faq(0.8) });
    expect(u.intent).toBe("faq");
    expect(u.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it("without a matching entry a store question is still faq (the bot says it does not know)", () => {
    expect(understand("do you sell gift cards?", { faqMatcher: faq(0.3) }).intent).toBe("faq");
    expect(understand("do you sell gift cards?").intent).toBe("faq");
  });

  it("never lets a faq override an order question", () => {
    let called = 0;
    const u = understand("where is my order 1003", { faqMatcher: () => (called++, 1) });
    expect(u.intent).toBe("order_status");
    expect(called).toBe(0);
  });

  it("a strong merchant FAQ beats the generic shipping policy", () => {
    expect(understand("do you ship to Canada", { faqMatcher: faq(0.95) }).intent).toBe("faq");
    expect(understand("do you ship to Canada", { faqMatcher: faq(0.6) }).intent).toBe("policy_shipping");
  });

  it("passes the detected language to the matcher", () => {
    let seen: Language | null = null;
    understand("tienen tarjetas de regalo?", { faqMatcher: (_t, l) => ((seen = l), 0) });
    expect(seen).toBe("es");
  });
});

describe("robustness", () => {
  it("handles very long input without throwing", () => {
    const u = understand("where is my order ".repeat(200));
    expect(u.intent).toBe("order_status");
  });

  it("never throws on odd input", () => {
    for (const t of [
      "\u0000",
      "#",
      "@@@",
      "+",
      "....",
      "1".repeat(50),
      "🤔".repeat(30),
      "ORDER ORDER ORDER",
    ]) {
      expect(() => understand(t)).not.toThrow();
    }
  });
});

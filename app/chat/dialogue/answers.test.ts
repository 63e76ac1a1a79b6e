/** Pipeline step "answers": policy excerpts and merchant FAQ entries. */
import { describe, expect, it } from "vitest";
import { demoShopifyContext, demoWooContext, openTurn } from "../../../test/support/chat";
import { useChatDatabase } from "../../../test/support/chat-database";
import { answerFaq, answerPolicy } from "./answers";
import { understandStep } from "./understand";

const chat = useChatDatabase();
const texts = (t: { messages: { type: string; text?: string }[] }) =>
  t.messages.map((m) => m.text ?? "").join("\n");

describe("answers", () => {
  it("a shipping question gets the matching paragraph of the policy, with the link when known", async () => {
    const ctx = demoShopifyContext({
      store: { policyUrls: { shipping: "https://demo.example/policies/shipping" } },
    });
    const turn = await openTurn(ctx, { text: "do you ship to Canada?" });
    expect(answerPolicy(turn, "shipping", "do you ship to Canada?")).toBe(true);
    expect(texts(turn)).toMatch(/From the Demo Outfitters shipping policy:\n.*Canada/s);
    expect(texts(turn)).toContain("Full policy: https://demo.example/policies/shipping");
    expect(turn.effects).toHaveLength(1); // the faq_answered event, after the commit
  });

  it("no policy: says so and offers a person", async () => {
    const turn = await openTurn(demoWooContext(), { text: "returns?" });
    expect(answerPolicy(turn, "returns", "returns?")).toBe(false);
    expect(turn.messages.map((m) => m.type)).toEqual(["text", "quick_replies"]);
  });

  it("a FAQ entry answers in the shopper's language when translated", async () => {
    await chat.repo.addFaq({
      storeId: "store-shopify",
      question: "Do you offer gift wrapping?",
      answer: "Yes - $5.",
      translations: { es: { question: "¿Ofrecen envoltorio de regalo?", answer: "Sí, 5 $." } },
    });
    const turn = await openTurn(demoShopifyContext(), { text: "¿Ofrecen envoltorio de regalo?" });
    await understandStep(turn);
    expect(answerFaq(turn)).toBe(true);
    expect(texts(turn)).toBe("Sí, 5 $.");
  });
});

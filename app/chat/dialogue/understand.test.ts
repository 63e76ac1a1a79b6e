/** Pipeline step "understand": input, understanding, and the conversation's one language. */
import { describe, expect, it } from "vitest";
import { demoShopifyContext, openTurn } from "../../../test/support/chat";
import { useChatDatabase } from "../../../test/support/chat-database";
import { initialState } from "./state";
import { understandStep } from "./understand";

const chat = useChatDatabase();

describe("understandStep", () => {
  it("GIVEN a first message in Spanish THEN the conversation's language is Spanish", async () => {
    const turn = await openTurn(demoShopifyContext(), { text: "¿Dónde está mi pedido 1002?" });
    await understandStep(turn);
    expect(turn.lang).toBe("es");
    expect(turn.state.language).toBe("es");
    expect(turn.understanding?.entities.orderNumber).toBe("1002");
  });

  it("GIVEN a German conversation WHEN the shopper sends only an email THEN it stays German", async () => {
    const turn = await openTurn(
      demoShopifyContext(),
      { text: "lena@example.de" },
      { ...initialState(), language: "de" },
    );
    await understandStep(turn);
    expect(turn.lang).toBe("de");
  });

  it("GIVEN only digits and a locale tag THEN the locale (normalised) is the language", async () => {
    const turn = await openTurn(demoShopifyContext(), { text: "1002", locale: "pt-BR" });
    await understandStep(turn);
    expect(turn.lang).toBe("pt");
  });

  it("GIVEN a tapped chip THEN it is a command and the stored shopper text is its label in the conversation's language", async () => {
    const turn = await openTurn(
      demoShopifyContext(),
      { action: { type: "quick_reply", value: "tb:human" } },
      { ...initialState(), language: "fr" },
    );
    await understandStep(turn);
    expect(turn.command).toBe("tb:human");
    expect(turn.understanding).toBeNull();
    expect(turn.shopperText).toBe("Parler à une personne");
  });

  it("GIVEN a merchant FAQ THEN understanding sees it (a FAQ question is not 'other')", async () => {
    await chat.repo.addFaq({
      storeId: "store-shopify",
      question: "Do you offer gift wrapping?",
      answer: "Yes, $5.",
    });
    const turn = await openTurn(demoShopifyContext(), { text: "do you offer gift wrapping?" });
    await understandStep(turn);
    expect(turn.faqIndex).not.toBeNull();
    expect(turn.understanding?.intent).toBe("faq");
  });
});

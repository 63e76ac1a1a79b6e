import { describe, expect, it } from "vitest";
import { buildFaqIndex, faqMatcherFor, faqTokens, searchFaq, stem, type FaqEntry } from "./faq";
import { understand } from "./understand/index";

const ENTRIES: FaqEntry[] = [
  {
    id: "gift",
    question: "Do you sell gift cards?",
    answer: "Yes, gift cards from $25 are available in our shop.",
    translations: {
      es: { question: "¿Venden tarjetas de regalo?", answer: "Sí, hay tarjetas de regalo desde 25 $." },
      de: { question: "Verkauft ihr Geschenkgutscheine?", answer: "Ja, Geschenkgutscheine gibt es ab 25 €." },
    },
  },
  {
    id: "size",
    question: "How do I find my size?",
    answer: "Use the size chart on each product page.",
    translations: {
      fr: {
        question: "Comment choisir ma taille ?",
        answer: "Consultez le guide des tailles sur chaque fiche produit.",
      },
    },
  },
  {
    id: "pickup",
    question: "Can I pick up my order in store?",
    answer: "Yes, choose local pickup at checkout. Orders are held for 7 days.",
  },
  { id: "wash", question: "How should I wash merino wool?", answer: "Cold wash, lay flat to dry." },
  {
    id: "warranty",
    question: "Is there a warranty on tents?",
    answer: "All tents have a 2-year warranty against manufacturing defects.",
  },
  { id: "hidden", question: "Secret staff discount?", answer: "Staff only.", enabled: false },
];

const index = buildFaqIndex(ENTRIES);

describe("searchFaq ranking", () => {
  it.each<[string, "en" | "es" | "fr" | "de", string]>([
    ["do you sell gift cards", "en", "gift"],
    ["GIFT CARDS?", "en", "gift"],
    ["gift card", "en", "gift"],
    ["how do i find the right size", "en", "size"],
    ["size chart", "en", "size"],
    ["can i pick up in store", "en", "pickup"],
    ["washing merino", "en", "wash"],
    ["how to wash wool", "en", "wash"],
    ["warranty on my tent", "en", "warranty"],
    ["tents warranty", "en", "warranty"],
  ])("%j (%s) → %s first", (q, lang, id) => {
    const r = searchFaq(index, q, lang);
    expect(r[0]?.entry.id).toBe(id);
    expect(r[0].score).toBeGreaterThanOrEqual(0.5);
    for (let i = 1; i < r.length; i++) expect(r[i - 1].score).toBeGreaterThanOrEqual(r[i].score);
  });

  it("scores are normalised to 0..1 and an exact question scores near 1", () => {
    const r = searchFaq(index, "Do you sell gift cards?", "en");
    expect(r[0].score).toBeGreaterThan(0.9);
    expect(r[0].score).toBeLessThanOrEqual(1);
    for (const x of searchFaq(index, "wash wool tents gift size", "en")) {
      expect(x.score).toBeGreaterThanOrEqual(0);
      expect(x.score).toBeLessThanOrEqual(1);
    }
  });

  it.each(["what is the weather today", "where is my order", "asdf qwerty", "I love you", "", "the and of"])(
    "unrelated %j stays below the 0.5 threshold",
    (q) => {
      const best = searchFaq(index, q, "en")[0];
      expect(best?.score ?? 0).toBeLessThan(0.5);
    },
  );

  it("skips disabled entries", () => {
    expect(searchFaq(index, "secret staff discount", "en").map((r) => r.entry.id)).not.toContain("hidden");
  });

  it("handles an empty index", () => {
    expect(searchFaq(buildFaqIndex([]), "gift cards", "en")).toEqual([]);
  });
});

describe("searchFaq translations", () => {
  it("matches the Spanish translation and answers in Spanish", () => {
    const r = searchFaq(index, "¿venden tarjetas de regalo?", "es");
    expect(r[0].entry.id).toBe("gift");
    expect(r[0].score).toBeGreaterThan(0.9);
    expect(r[0].answer).toBe("Sí, hay tarjetas de regalo desde 25 $.");
    expect(r[0].question).toBe("¿Venden tarjetas de regalo?");
  });

  it("matches German compounds after stemming (plural)", () => {
    const r = searchFaq(index, "Geschenkgutschein kaufen?", "de");
    expect(r[0].entry.id).toBe("gift");
    expect(r[0].answer).toContain("Geschenkgutscheine");
  });

  it("falls back to the default text when the entry has no translation", () => {
    const r = searchFaq(index, "wash merino wool", "es");
    expect(r[0].entry.id).toBe("wash");
    expect(r[0].answer).toBe("Cold wash, lay flat to dry.");
  });

  it("uses the translation, not the default text, when one exists", () => {
    // the French view of "size" is the French text; English words do not match it there
    const fr = searchFaq(index, "size chart", "fr");
    expect(fr.find((r) => r.entry.id === "size")).toBeUndefined();
    expect(searchFaq(index, "guide des tailles", "fr")[0].entry.id).toBe("size");
    expect(searchFaq(index, "guide des tailles", "fr")[0].answer).toMatch(/^Consultez/);
  });

  it("answers in the default language for languages without a translation", () => {
    const r = searchFaq(index, "gift cards", "it");
    expect(r[0].entry.id).toBe("gift");
    expect(r[0].answer).toBe("Yes, gift cards from $25 are available in our shop.");
  });
});

describe("accent folding and tokenisation", () => {
  it("folds accents and case in queries and entries", () => {
    const idx = buildFaqIndex([
      { id: "ret", question: "¿Cuál es el plazo de devolución?", answer: "30 días." },
      { id: "pay", question: "¿Qué métodos de pago aceptan?", answer: "Tarjeta y PayPal." },
    ]);
    expect(searchFaq(idx, "cual es el plazo de devolucion", "es")[0].entry.id).toBe("ret");
    expect(searchFaq(idx, "METODOS DE PAGO", "es")[0].entry.id).toBe("pay");
  });

  it("drops stop words and stems plurals", () => {
    expect(faqTokens("Do you sell the gift cards?")).toEqual(["sell", "gift", "card"]);
    expect(faqTokens("Où sont les étiquettes")).toEqual(["etiquett"]);
    expect(stem("cards")).toBe("card");
    expect(stem("shipping")).toBe("ship");
    expect(stem("deliveries")).toBe("delivery");
    expect(stem("tarjetas")).toBe(stem("tarjeta"));
    expect(stem("Gutscheine".toLowerCase())).toBe(stem("gutschein"));
  });
});

describe("faqMatcherFor + understand()", () => {
  const matcher = faqMatcherFor(index);

  it("returns the best score", () => {
    expect(matcher("do you sell gift cards", "en")).toBeGreaterThan(0.9);
    expect(matcher("what is the weather", "en")).toBeLessThan(0.5);
  });

  it.each<[string, string]>([
    ["do you sell gift cards?", "faq"],
    ["¿venden tarjetas de regalo?", "faq"],
    ["how should I wash merino wool", "faq"],
    ["where is my order", "order_status"],
    ["cancel my order", "cancel_order"],
    ["what's the weather like", "other"],
    ["hi", "greeting"],
  ])("understand(%j) with merchant FAQ → %s", (text, intent) => {
    expect(understand(text, { faqMatcher: matcher }).intent).toBe(intent);
  });
});

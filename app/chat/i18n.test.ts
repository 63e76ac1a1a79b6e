import { describe, expect, it } from "vitest";
import { MESSAGES, t } from "./i18n";
import { CATALOGUES } from "../i18n/catalog";
import { LANGUAGES } from "../protocol";

describe("bot strings (t over the catalogues' chat section)", () => {
  it("has the chat section of each of the 7 catalogues", () => {
    expect(Object.keys(MESSAGES).sort()).toEqual([...LANGUAGES].sort());
    for (const lang of LANGUAGES) expect(MESSAGES[lang]).toBe(CATALOGUES[lang].chat);
  });

  it("non-English tables are translated, not copies", () => {
    const keys = Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[];
    for (const lang of LANGUAGES.filter((l) => l !== "en")) {
      expect(
        keys.filter((k) => MESSAGES[lang][k] === MESSAGES.en[k]),
        lang,
      ).toEqual([]);
    }
  });

  it("fills placeholders", () => {
    expect(t("en", "not_found_recent_support", { n: "1011", days: 60, support: "support@example.com" })).toBe(
      "I can't find #1011 in the last 60 days of orders - please contact support@example.com.",
    );
    expect(t("de", "ask_contact", { n: "2002" })).toContain("#2002");
  });

  it("counts days with the language's plural rules", () => {
    expect(t("en", "not_found_recent_human", { n: "7", days: 1 })).toBe(
      "I can't find #7 in the last day of orders - a person from the team can look further back for you.",
    );
    expect(t("es", "not_found_recent_support", { n: "7", days: 1, support: "a@b.c" })).toBe(
      "No encuentro el #7 en los pedidos del último día; escribe a a@b.c.",
    );
    expect(t("fr", "not_found_recent_support", { n: "7", days: 30, support: "a@b.c" })).toBe(
      "Je ne trouve pas la #7 parmi les commandes des 30 derniers jours - veuillez contacter a@b.c.",
    );
  });

  it("a shopper's text in a value is shown as typed, never interpreted", () => {
    expect(t("en", "handoff_done", { store: "Shop", email: "{email}'s@x.com" })).toBe(
      "Thanks - I've passed this to the Shop team. They'll reply by email to {email}'s@x.com.",
    );
  });
});

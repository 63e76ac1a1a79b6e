import { describe, expect, it } from "vitest";
import { MESSAGES, t } from "./i18n";
import { LANGUAGES } from "../protocol";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("bot strings", () => {
  const keys = Object.keys(MESSAGES.en);
  it.each(LANGUAGES.map((l) => [l]))(
    "%s has every key, non-empty, with the same placeholders as English",
    (lang) => {
      const table = MESSAGES[lang];
      expect(Object.keys(table).sort()).toEqual([...keys].sort());
      for (const k of keys) {
        const v = table[k as keyof typeof table];
        expect(v.trim().length, `${lang}.${k}`).toBeGreaterThan(1);
        expect(placeholders(v), `${lang}.${k}`).toEqual(
          placeholders(MESSAGES.en[k as keyof typeof MESSAGES.en]),
        );
      }
    },
  );

  it("non-English tables are translated, not copies", () => {
    for (const lang of LANGUAGES.filter((l) => l !== "en")) {
      const same = keys.filter(
        (k) => MESSAGES[lang][k as keyof typeof MESSAGES.en] === MESSAGES.en[k as keyof typeof MESSAGES.en],
      );
      expect(same, lang).toEqual([]);
    }
  });

  it("fills placeholders", () => {
    expect(t("en", "not_found_recent_support", { n: "1011", days: 60, support: "support@example.com" })).toBe(
      "I can't find #1011 in the last 60 days of orders - please contact support@example.com.",
    );
    expect(t("de", "ask_contact", { n: "2002" })).toContain("#2002");
  });
});

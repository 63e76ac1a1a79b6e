import { describe, it, expect } from "vitest";
import { ORDER_PHRASES, op } from "./i18n";
import { LANGUAGES } from "../protocol";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("order phrase tables", () => {
  const enKeys = Object.keys(ORDER_PHRASES.en).sort();

  it("has a table for each of the 7 languages", () => {
    expect(Object.keys(ORDER_PHRASES).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES.map((l) => [l]))(
    "%s has every key, non-empty, with the same placeholders as English",
    (lang) => {
      const table = ORDER_PHRASES[lang];
      expect(Object.keys(table).sort()).toEqual(enKeys);
      for (const k of enKeys) {
        const v = (table as Record<string, string>)[k]!;
        expect(v.trim().length, `${lang}.${k}`).toBeGreaterThan(0);
        expect(placeholders(v), `${lang}.${k}`).toEqual(
          placeholders((ORDER_PHRASES.en as Record<string, string>)[k]!),
        );
      }
    },
  );

  it("non-English tables are actually translated (not copies of English)", () => {
    for (const lang of LANGUAGES.filter((l) => l !== "en")) {
      const same = enKeys.filter(
        (k) =>
          (ORDER_PHRASES[lang] as Record<string, string>)[k] ===
          (ORDER_PHRASES.en as Record<string, string>)[k],
      );
      // only language-neutral lines may be identical (e.g. "{rel} ({date})", "#{number} · {date} · {status}")
      expect(same.length, `${lang}: ${same.join(", ")}`).toBeLessThanOrEqual(8);
    }
  });

  it("op fills placeholders and leaves none behind", () => {
    expect(op("en", "ofd", { when: "today (Mon Nov 23)", via: "with UPS 1Z" })).toBe(
      "Your order is out for delivery today (Mon Nov 23) with UPS 1Z.",
    );
    expect(op("de", "status_delivered")).toBe("Zugestellt");
    expect(op("fr", "on_date", {})).toBe("le ");
  });

  it("phrases never use 'as an AI' or promise delivery dates the carrier didn't give", () => {
    for (const lang of LANGUAGES) {
      for (const v of Object.values(ORDER_PHRASES[lang])) {
        expect(v).not.toMatch(/as an AI|guarantee|garantiert|garantizado/i);
      }
    }
  });
});

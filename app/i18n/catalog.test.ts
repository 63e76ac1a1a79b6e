import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { CATALOGUES, type Section } from "./catalog";
import { argumentsOf, compileMessage, formatCompiled, formatMessage, type ArgumentKind } from "./format";
import { LANGUAGES, type Language } from "../protocol";

const SECTIONS = Object.keys(CATALOGUES.en) as Section[];
const table = (lang: Language, section: Section) => CATALOGUES[lang][section] as Record<string, string>;
const argsOf = (source: string) =>
  Object.fromEntries(
    [...argumentsOf(parse(source, { ignoreTag: true }))].sort(([a], [b]) => a.localeCompare(b)),
  );

/** Apostrophes kept as text in a parsed message (all branches). */
function apostrophes(ast: MessageFormatElement[]): number {
  let n = 0;
  for (const el of ast) {
    if (el.type === TYPE.literal) n += (el.value.match(/'/g) ?? []).length;
    if (el.type === TYPE.select || el.type === TYPE.plural)
      for (const o of Object.values(el.options)) n += apostrophes(o.value);
  }
  return n;
}

/** A plausible value for every argument, so each message can be rendered in full. */
function sampleValues(args: Record<string, ArgumentKind>): Record<string, string | number> {
  const v: Record<string, string | number> = {};
  for (const [name, kind] of Object.entries(args))
    v[name] = kind === "plural" ? 2 : kind === "select" ? "yes" : `«${name}»`;
  return v;
}

describe("text catalogues", () => {
  it("has one catalogue per shopper language, each with the chat and order sections", () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...LANGUAGES].sort());
    for (const lang of LANGUAGES)
      expect(Object.keys(CATALOGUES[lang]).sort(), lang).toEqual([...SECTIONS].sort());
  });

  describe.each(LANGUAGES.map((l) => [l]))("%s", (lang) => {
    it.each(SECTIONS.map((s) => [s]))(
      "%s: every English key is there, no extra key, none empty",
      (section) => {
        const en = Object.keys(table("en", section)).sort();
        expect(Object.keys(table(lang, section)).sort()).toEqual(en);
        for (const [k, v] of Object.entries(table(lang, section)))
          expect(v.trim(), `${lang}.${section}.${k}`).not.toBe("");
      },
    );

    it.each(SECTIONS.map((s) => [s]))(
      "%s: every message parses and uses the same arguments as English",
      (section) => {
        for (const [k, source] of Object.entries(table(lang, section))) {
          expect(() => parse(source, { ignoreTag: true }), `${lang}.${section}.${k}`).not.toThrow();
          expect(argsOf(source), `${lang}.${section}.${k}`).toEqual(argsOf(table("en", section)[k]!));
        }
      },
    );

    it.each(SECTIONS.map((s) => [s]))(
      "%s: every message renders with no ICU syntax or quote left over",
      (section) => {
        for (const [k, source] of Object.entries(table(lang, section))) {
          const c = compileMessage(source, lang);
          const text = formatCompiled(c, sampleValues(Object.fromEntries(c.args)));
          expect(text, `${lang}.${section}.${k}`).not.toMatch(/[{}]|undefined|NaN|\bplural\b|\bselect\b/);
          // an apostrophe that ICU took as a quote would vanish from the text (or quote a placeholder)
          expect(apostrophes(parse(source, { ignoreTag: true })), `${lang}.${section}.${k}`).toBe(
            (source.match(/'/g) ?? []).length,
          );
        }
      },
    );
  });

  it("non-English catalogues are translated, not copies (only a few language-neutral lines may match)", () => {
    for (const lang of LANGUAGES.filter((l) => l !== "en")) {
      for (const section of SECTIONS) {
        const same = Object.entries(table(lang, section))
          .filter(([k, v]) => v === table("en", section)[k] && /[a-z]{3}/i.test(v.replace(/\{[^}]*\}/g, "")))
          .map(([k]) => k);
        expect(same.length, `${lang}.${section}: ${same.join(", ")}`).toBeLessThanOrEqual(4);
      }
    }
  });

  it("catalogues carry no sentence fragments for code to glue (no key with a leading space or frag_ prefix)", () => {
    for (const lang of LANGUAGES)
      for (const section of SECTIONS)
        for (const [k, v] of Object.entries(table(lang, section))) {
          expect(k, `${lang}.${section}`).not.toMatch(/^frag_|_one$|_many$/);
          expect(v, `${lang}.${section}.${k}`).not.toMatch(/^[\s,]/);
        }
  });
});

describe("plural forms follow each language's rules (CLDR)", () => {
  const back = (lang: Language, count: number) =>
    formatMessage(lang, "order", "backordered", { count, items: "X" });

  it("English: 1 is singular, 0 and 2 are plural", () => {
    expect(back("en", 1)).toBe("X is backordered and will ship separately.");
    expect(back("en", 2)).toBe("X are backordered and will ship separately.");
    expect(back("en", 0)).toBe("X are backordered and will ship separately.");
  });

  it("French and Portuguese (Brazil): 0 and 1 are singular, 2 is plural", () => {
    expect(back("fr", 0)).toBe("X est en réapprovisionnement et sera expédié séparément.");
    expect(back("fr", 1)).toBe("X est en réapprovisionnement et sera expédié séparément.");
    expect(back("fr", 2)).toBe("X sont en réapprovisionnement et seront expédiés séparément.");
    expect(back("pt", 0)).toMatch(/^X está em falta/);
    expect(back("pt", 1)).toMatch(/^X está em falta/);
    expect(back("pt", 2)).toMatch(/^X estão em falta/);
  });

  it("German, Spanish, Italian, Dutch: 1 is singular, 0 and 2 are plural", () => {
    const expected: Record<string, [RegExp, RegExp]> = {
      de: [/^X ist nachbestellt/, /^X sind nachbestellt/],
      es: [/^X está pendiente/, /^X están pendientes/],
      it: [/^X è in riassortimento/, /^X sono in riassortimento/],
      nl: [/^X is nabesteld/, /^X zijn nabesteld/],
    };
    for (const [lang, [one, other]] of Object.entries(expected)) {
      expect(back(lang as Language, 1)).toMatch(one);
      expect(back(lang as Language, 2)).toMatch(other);
      expect(back(lang as Language, 0)).toMatch(other);
    }
  });

  it("counts are written with the language's digits grouping (# in a plural)", () => {
    const en = formatMessage("en", "chat", "not_found_recent_human", { n: "1001", days: 1500 });
    const de = formatMessage("de", "chat", "not_found_recent_human", { n: "1001", days: 1500 });
    expect(en).toContain("the last 1,500 days");
    expect(de).toContain("der letzten 1.500 Tage");
    expect(formatMessage("en", "chat", "not_found_recent_human", { n: "1001", days: 1 })).toContain(
      "in the last day of orders",
    );
  });

  it("a quantity of exactly one is not written, any other is (item_qty)", () => {
    for (const lang of LANGUAGES) {
      expect(formatMessage(lang, "order", "item_qty", { quantity: 1, title: "Mug" })).toBe("Mug");
      expect(formatMessage(lang, "order", "item_qty", { quantity: 3, title: "Mug" })).toBe("3× Mug");
    }
  });
});

describe("formatMessage with hostile input", () => {
  it("values are never parsed as ICU: braces, quotes and # in a value come out as typed", () => {
    const title = "Tee {count, plural, other {#}} 'quoted' <b>x</b>";
    expect(formatMessage("en", "order", "item_qty", { quantity: 2, title })).toBe(`2× ${title}`);
    expect(formatMessage("fr", "chat", "ask_contact", { n: "{n}'#" })).toContain("#{n}'#");
  });

  it("missing values never throw: text becomes empty, a select takes `other`, a plural count 0", () => {
    expect(formatMessage("en", "order", "day_on", { date: "Sat Nov 21" })).toBe("on Sat Nov 21");
    expect(formatMessage("en", "order", "day_on", {})).toBe("on ");
    expect(formatMessage("en", "order", "backordered", { items: "X" })).toBe(
      "X are backordered and will ship separately.",
    );
    expect(formatMessage("en", "order", "delivered_nodate", {})).toBe("Delivered.");
  });

  it("booleans drive selects; non-numeric counts fall back to 0; unknown select values take `other`", () => {
    expect(formatMessage("en", "order", "delivered_nodate", { hasDetails: true, details: "UPS" })).toBe(
      "Delivered (UPS).",
    );
    expect(formatMessage("en", "order", "delivered_nodate", { hasDetails: false, details: "UPS" })).toBe(
      "Delivered.",
    );
    expect(formatMessage("en", "order", "backordered", { count: "lots", items: "X" })).toMatch(/^X are/);
    expect(formatMessage("en", "order", "day", { rel: "__proto__", date: "Wed Nov 25" })).toBe("Wed Nov 25");
  });

  it("an unknown language falls back to English", () => {
    expect(formatMessage("xx" as Language, "order", "status_shipped")).toBe("Shipped");
  });
});

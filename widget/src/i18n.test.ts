import { describe, it, expect } from "vitest";
import { strings, fmt, STRINGS, LAUNCHER_LABEL } from "./i18n";
import { LANGUAGES as SUPPORTED } from "../../app/protocol";
import { pickLanguage as pick } from "../../app/protocol/language";

// the widget uses the protocol's one language pick: data-locale → <html lang> → navigator.language
const pickLanguage = (...c: (string | null | undefined)[]) => pick(c);

describe("pickLanguage", () => {
  it("takes the first supported candidate by primary subtag", () => {
    expect(pickLanguage("pt-BR", "en")).toBe("pt");
    expect(pickLanguage("de_CH")).toBe("de");
    expect(pickLanguage("NL")).toBe("nl");
  });
  it("skips empty and unsupported candidates (data-locale → html lang → navigator)", () => {
    expect(pickLanguage("", "ja", "fr-CA", "es")).toBe("fr");
    expect(pickLanguage(null, undefined, "it-IT")).toBe("it");
  });
  it("falls back to English", () => {
    expect(pickLanguage("ja", "zh-Hans")).toBe("en");
    expect(pickLanguage()).toBe("en");
  });
});

describe("strings", () => {
  it("every language defines every key with non-empty text", () => {
    const keys = (o: object, p = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === "object" && !Array.isArray(v) ? keys(v, p + k + ".") : [p + k],
      );
    const enKeys = keys(STRINGS.en).sort();
    for (const lang of SUPPORTED) {
      expect(keys(STRINGS[lang]).sort()).toEqual(enKeys);
      const flat = JSON.stringify(STRINGS[lang]);
      expect(flat).not.toMatch(/""/);
      expect(LAUNCHER_LABEL[lang].length).toBeGreaterThan(3);
    }
  });
  it("is localized: Spanish send button and German close label", () => {
    expect(strings("es").send).toBe("Enviar");
    expect(strings("de").close).toBe("Chat schließen");
    expect(strings("en").close).toBe("Close chat");
  });
  it("names a person from the team and the join notice in every language, none in English but en", () => {
    for (const lang of SUPPORTED) {
      if (lang === "en") continue;
      expect(STRINGS[lang].agent).not.toBe(STRINGS.en.agent);
      expect(STRINGS[lang].agentJoined).not.toBe(STRINGS.en.agentJoined);
      expect(STRINGS[lang].unsent).not.toBe(STRINGS.en.unsent);
    }
  });
  it("keeps the placeholders that fmt fills", () => {
    for (const lang of SUPPORTED) {
      expect(fmt(STRINGS[lang].order, { n: "1003" })).toContain("1003");
      expect(fmt(STRINGS[lang].chatWith, { name: "Ava" })).toContain("Ava");
      expect(fmt(STRINGS[lang].rateLimited, { s: 30 })).toContain("30");
    }
  });
});

describe("fmt", () => {
  it("fills known placeholders and leaves unknown ones", () => {
    expect(fmt("Package {i} of {n} {x}", { i: 1, n: 2 })).toBe("Package 1 of 2 {x}");
  });
});

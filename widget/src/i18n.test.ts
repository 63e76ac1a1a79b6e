import { describe, it, expect } from "vitest";
import { strings, STRINGS, LAUNCHER_LABEL } from "./i18n";
import { CATALOGUES } from "../../app/i18n/catalog";
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
  it("fills the arguments of every message that takes some", () => {
    for (const lang of SUPPORTED) {
      expect(STRINGS[lang].order({ n: "1003" })).toContain("1003");
      expect(STRINGS[lang].chatWith({ name: "Ava" })).toContain("Ava");
      expect(STRINGS[lang].rateLimited({ s: 30 })).toContain("30");
      expect(STRINGS[lang].packageOf({ i: 1, n: 2 })).toMatch(/1\D+2/);
    }
  });
  it("is a function exactly for the messages with arguments, text for every other one", () => {
    const widget = CATALOGUES.en.widget as Record<string, string>;
    const withArgs = Object.keys(widget).filter((k) => widget[k].includes("{"));
    const fns = Object.entries(STRINGS.en)
      .filter(([, v]) => typeof v === "function")
      .map(([k]) => k);
    expect(fns.sort()).toEqual(withArgs.sort());
    for (const lang of SUPPORTED)
      for (const [k, v] of Object.entries(STRINGS[lang]))
        expect(typeof v, `${lang}.${k}`).toBe(typeof (STRINGS.en as Record<string, unknown>)[k]);
  });
  it("groups the step, status, shipment and starter messages like the card and the starters read them", () => {
    expect(STRINGS.en.steps.ready).toBe("Ready for pickup");
    expect(STRINGS.de.status.out_for_delivery).toBeTruthy();
    expect(STRINGS.fr.shipment.in_transit).toBe("En transit");
    expect(STRINGS.es.starters).toHaveLength(4);
    expect(STRINGS.es.starters.every((s) => s.length > 3)).toBe(true);
  });
});

describe("plurals (ICU, CLDR rules) instead of glued fragments", () => {
  it("the rate-limit notice counts seconds: none known, one, many", () => {
    expect(STRINGS.en.rateLimited({ s: 0 })).toBe(
      "You're sending messages quickly. Please try again in a moment.",
    );
    expect(STRINGS.en.rateLimited({ s: 1 })).toBe(
      "You're sending messages quickly. Please try again in 1 second.",
    );
    expect(STRINGS.en.rateLimited({ s: 1500 })).toBe(
      "You're sending messages quickly. Please try again in 1,500 seconds.",
    );
    expect(STRINGS.de.rateLimited({ s: 1 })).toBe(
      "Du sendest sehr schnell Nachrichten. Bitte versuche es in 1 Sekunde erneut.",
    );
    expect(STRINGS.fr.rateLimited({ s: 2 })).toMatch(/dans 2 secondes\.$/);
  });
  it("values are text, never ICU: braces, quotes and # in a bot name come out as typed", () => {
    const name = "{n, plural, other {#}} 'A' <b>";
    expect(STRINGS.en.chatWith({ name })).toBe(`Chat with ${name}`);
    expect(STRINGS.fr.typing({ name })).toBe(`${name} écrit…`);
  });
  it("an item line is one message: quantity, title and the variant only when there is one", () => {
    expect(STRINGS.en.item({ quantity: 2, title: "Tee", hasVariant: "yes", variant: "M" })).toBe(
      "2 × Tee (M)",
    );
    expect(STRINGS.de.item({ quantity: 1200, title: "Mug", hasVariant: "no", variant: "" })).toBe(
      "1.200 × Mug",
    );
    const title = "{quantity} 'x' #";
    expect(STRINGS.fr.item({ quantity: 1, title, hasVariant: "no", variant: "" })).toBe(`1 × ${title}`);
  });
  it("the tracking label carries its language's punctuation (French: a space before the colon)", () => {
    expect(STRINGS.en.tracking).toBe("Tracking number:");
    expect(STRINGS.fr.tracking).toBe("Numéro de suivi :");
  });
});

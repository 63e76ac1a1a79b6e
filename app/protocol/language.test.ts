import { describe, expect, it } from "vitest";
import { normalizeLanguage, pickEnabledLanguage, pickLanguage } from "./language";
import { safeLinkUrl } from "./url";

describe("normalizeLanguage", () => {
  it.each([
    ["pt-BR", "pt"],
    ["de_CH", "de"],
    [" FR ", "fr"],
    ["nl", "nl"],
    ["EN-gb", "en"],
  ])("GIVEN %s THEN %s", (tag, lang) => expect(normalizeLanguage(tag)).toBe(lang));
  it.each([["ja"], [""], [null], [undefined], [42], ["english"], ["e"]])("GIVEN %s THEN null", (tag) =>
    expect(normalizeLanguage(tag)).toBeNull(),
  );
});

describe("pickLanguage / pickEnabledLanguage", () => {
  it("takes the first supported candidate", () => {
    expect(pickLanguage([null, "ja", "it-IT", "de"])).toBe("it");
    expect(pickLanguage(["ja"])).toBe("en");
  });
  it("respects the merchant's enabled languages", () => {
    expect(pickEnabledLanguage(["fr", "de"], ["de", "en"])).toBe("de");
    expect(pickEnabledLanguage(["ja"], ["es"])).toBe("es");
    expect(pickEnabledLanguage(["fr"], [])).toBe("fr");
  });
});

describe("safeLinkUrl", () => {
  it.each([
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "not a url",
    "",
  ])("refuses %j", (u) => expect(safeLinkUrl(u)).toBeNull());
  it("keeps http(s) and resolves relative ones against a base", () => {
    expect(safeLinkUrl("https://track.example/1Z?x=1")).toBe("https://track.example/1Z?x=1");
    expect(safeLinkUrl("/orders/1", "https://shop.example/a")).toBe("https://shop.example/orders/1");
    expect(safeLinkUrl("javascript:alert(1)", "https://shop.example/")).toBeNull();
    expect(safeLinkUrl(42)).toBeNull();
  });
});

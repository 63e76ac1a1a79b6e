import { describe, it, expect } from "vitest";
import { localDefault, localeTagFor } from "./settings";
import { LAUNCHER_LABEL, STRINGS } from "./i18n";

describe("store settings in the conversation's language", () => {
  it("shows the built-in greeting, name and launcher label in Spanish and German, not English", () => {
    expect(localDefault(STRINGS.en.greeting, "greeting", "es")).toBe(STRINGS.es.greeting);
    expect(localDefault(STRINGS.en.defaultName, "defaultName", "de")).toBe(STRINGS.de.defaultName);
    expect(localDefault("Chat with us", "launcher", "de")).toBe(LAUNCHER_LABEL.de);
    expect(localDefault(LAUNCHER_LABEL.fr, "launcher", "es")).toBe(LAUNCHER_LABEL.es);
  });
  it("keeps the merchant's own wording as written", () => {
    expect(localDefault("Hola, soy Ana de Demo Outfitters", "greeting", "de")).toBe(
      "Hola, soy Ana de Demo Outfitters",
    );
    expect(localDefault("Ava", "defaultName", "es")).toBe("Ava");
  });
  it("gives null for empty settings (the caller uses its default)", () => {
    expect(localDefault("  ", "greeting", "es")).toBeNull();
    expect(localDefault(null, "launcher", "es")).toBeNull();
  });
  it("formats dates with the page's full locale only when it is the conversation's language", () => {
    expect(localeTagFor("de_CH", "de")).toBe("de-CH");
    expect(localeTagFor("en-US", "de")).toBe("de");
    expect(localeTagFor("", "es")).toBe("es");
  });
});

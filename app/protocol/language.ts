import { LANGUAGES, type Language } from "./index";

/**
 * The one language normaliser: the primary subtag of a BCP-47-ish tag ("pt-BR" → "pt", "de_CH" → "de",
 * " FR " → "fr") when it is one of the supported languages, else null. Used by the engine, the order
 * domain, the storefront config and the widget.
 */
export function normalizeLanguage(tag: unknown): Language | null {
  if (typeof tag !== "string") return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : null;
}

/** The first candidate that normalises to a supported language, else `fallback`. */
export function pickLanguage(candidates: readonly unknown[], fallback: Language = "en"): Language {
  for (const c of candidates) {
    const l = normalizeLanguage(c);
    if (l) return l;
  }
  return fallback;
}

/**
 * The first candidate that is supported and, when `enabled` is not empty, enabled by the merchant;
 * else the first enabled supported language; else `fallback`.
 */
export function pickEnabledLanguage(
  candidates: readonly unknown[],
  enabled: readonly string[],
  fallback: Language = "en",
): Language {
  for (const c of candidates) {
    const l = normalizeLanguage(c);
    if (l && (enabled.length === 0 || enabled.includes(l))) return l;
  }
  return pickLanguage(enabled, fallback);
}

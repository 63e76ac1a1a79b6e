/**
 * Settings that depend on the conversation's language. A store that never changed the built-in greeting,
 * bot name or launcher label gets them in the shopper's language (the server's defaults are the English
 * built-ins); a merchant's own wording is shown as written. Pure.
 */
import { LANGUAGES } from "../../app/protocol";
import { normalizeLanguage } from "../../app/protocol/language";
import { LAUNCHER_LABEL, STRINGS, type Language } from "./i18n";

export type LocalisedSetting = "greeting" | "defaultName" | "launcher";

function builtIn(key: LocalisedSetting, lang: Language): string {
  return key === "launcher" ? LAUNCHER_LABEL[lang] : STRINGS[lang][key];
}

/** `value` in `lang` when it is one of the built-in texts (in any language), else `value`; null when empty. */
export function localDefault(
  value: string | null | undefined,
  key: LocalisedSetting,
  lang: Language,
): string | null {
  const v = (value || "").trim();
  if (!v) return null;
  return LANGUAGES.some((l) => builtIn(key, l) === v) ? builtIn(key, lang) : v;
}

/** The tag for dates and money: the page's full locale ("de-CH") when it is the conversation's language, else the language. */
export function localeTagFor(locale: string | null | undefined, lang: Language): string {
  return locale && normalizeLanguage(locale) === lang ? locale.trim().replace("_", "-") : lang;
}

/**
 * Every string the engine says, in the seven shopper languages, read from the text catalogues
 * (app/i18n/messages/<lang>.json, section "chat"; ICU MessageFormat).
 * Voice: short, warm, specific, honest; lead with the answer; never promise what the store has not.
 */
import type { Language } from "../protocol";
import { CATALOGUES, type Catalogue } from "../i18n/catalog";
import { formatMessage, type MessageValues } from "../i18n/format";

export type MessageKey = keyof Catalogue["chat"];

/** The ICU source of every chat message, per language. */
export const MESSAGES: Record<Language, Record<MessageKey, string>> = {
  en: CATALOGUES.en.chat,
  es: CATALOGUES.es.chat,
  fr: CATALOGUES.fr.chat,
  de: CATALOGUES.de.chat,
  pt: CATALOGUES.pt.chat,
  it: CATALOGUES.it.chat,
  nl: CATALOGUES.nl.chat,
};

/** A chat message with its arguments filled (plural/select by the language's rules). Unknown languages fall back to English. */
export function t(lang: Language, key: MessageKey, vars: MessageValues = {}): string {
  return formatMessage(lang, "chat", key, vars);
}

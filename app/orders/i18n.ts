/**
 * Phrases for order answers (describe/) and the order card, in the seven shopper languages, read from the
 * text catalogues (app/i18n/messages/<lang>.json, section "order"; ICU MessageFormat with plural and select,
 * so no sentence is glued from fragments in code).
 * Voice: short, warm, specific, honest; lead with the answer; never "delivered" when only shipped.
 */
import type { Language } from "../protocol";
import { CATALOGUES, type Catalogue } from "../i18n/catalog";
import { formatMessage, type MessageValues } from "../i18n/format";

export type OrderPhraseKey = keyof Catalogue["order"];
export type OrderPhrases = Record<OrderPhraseKey, string>;

/** The ICU source of every order phrase, per language. */
export const ORDER_PHRASES: Record<Language, OrderPhrases> = {
  en: CATALOGUES.en.order,
  es: CATALOGUES.es.order,
  fr: CATALOGUES.fr.order,
  de: CATALOGUES.de.order,
  pt: CATALOGUES.pt.order,
  it: CATALOGUES.it.order,
  nl: CATALOGUES.nl.order,
};

/** Look up a phrase and fill its arguments. Unknown languages fall back to English; missing vars become "". */
export function op(lang: Language, key: OrderPhraseKey, vars: MessageValues = {}): string {
  return formatMessage(lang, "order", key, vars);
}

/**
 * The text catalogues: one JSON file per shopper language under ./messages, each with one section per
 * surface ("chat" = engine replies, "order" = order answers and card labels, "proactive" = the proactive
 * notice, "widget" = the widget's own labels, precompiled into its bundle). Every message is ICU
 * MessageFormat (plural, select, simple arguments); see docs/decisions/0018-text-catalogues.md and 0032.
 */
import type { Language } from "../protocol";
import en from "./messages/en.json";
import es from "./messages/es.json";
import fr from "./messages/fr.json";
import de from "./messages/de.json";
import pt from "./messages/pt.json";
import it from "./messages/it.json";
import nl from "./messages/nl.json";

/** The shape every language must have: English is the reference (the type checker rejects a missing key). */
export type Catalogue = typeof en;
export type Section = keyof Catalogue;
export type MessageKeyOf<S extends Section> = keyof Catalogue[S] & string;

export const CATALOGUES: Record<Language, Catalogue> = { en, es, fr, de, pt, it, nl };

/** The source text of one message; unknown languages and keys missing in a language fall back to English. */
export function messageSource<S extends Section>(lang: Language, section: S, key: MessageKeyOf<S>): string {
  const table = (CATALOGUES[lang] ?? en)[section] as Record<string, string>;
  return table[key] ?? (en[section] as Record<string, string>)[key] ?? key;
}

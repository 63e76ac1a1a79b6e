/**
 * Widget UI strings in the seven supported languages and the language pick. Pure and DOM-free.
 * Bot replies come localized from the server; these are only the widget's own labels.
 */
import type { Language } from "../../app/protocol";
import { en } from "./strings/en";
import { es } from "./strings/es";
import { fr } from "./strings/fr";
import { de } from "./strings/de";
import { pt } from "./strings/pt";
import { it } from "./strings/it";
import { nl } from "./strings/nl";

export type { Language };
// The language pick is the protocol's one normaliser (app/protocol/language.ts: normalizeLanguage /
// pickLanguage); this file only holds the widget's own labels.

/** Launcher-only labels, kept tiny because they ship in the launcher bundle. */
export const LAUNCHER_LABEL: Record<Language, string> = {
  en: "Chat with us",
  es: "Chatea con nosotros",
  fr: "Discuter avec nous",
  de: "Mit uns chatten",
  pt: "Fale connosco",
  it: "Chatta con noi",
  nl: "Chat met ons",
};

export interface Strings {
  chatWith: string; // "{name}"
  close: string;
  inputLabel: string;
  placeholder: string;
  placeholderOrder: string;
  placeholderEmail: string;
  send: string;
  typing: string; // "{name}"
  you: string;
  offline: string;
  retry: string;
  rateLimited: string; // "{s}"
  rateLimitedNow: string;
  badRequest: string;
  tooLong: string;
  order: string; // "{n}"
  placed: string; // "{date}"
  total: string;
  items: string;
  shipments: string;
  packageOf: string; // "{i}" "{n}"
  tracking: string;
  track: string; // "{carrier}"
  trackNoCarrier: string;
  eta: string; // "{date}"
  delivered: string; // "{date}"
  statusPage: string;
  newTab: string;
  askAbout: string; // "{n}" — quick reply label for an order in a list
  handoffEmail: string;
  handoffMessage: string;
  handoffSubmit: string;
  itemsSubmit: string;
  itemsNone: string;
  starters: [string, string, string, string];
  greeting: string;
  defaultName: string;
  steps: { ordered: string; shipped: string; delivered: string; ready: string; picked: string };
  status: Record<string, string>;
  shipment: Record<string, string>;
  newChat: string;
  /** label above a message a person from the store wrote (live handoff) */
  agent: string;
  /** notice before the first such message */
  agentJoined: string;
  /** error row addition: the unsent text is back in the message field */
  unsent: string;
}

/** One file per language under ./strings (kept out of the launcher bundle by tree-shaking). */
export const STRINGS: Record<Language, Strings> = { en, es, fr, de, pt, it, nl };

export function strings(lang: Language): Strings {
  return STRINGS[lang] || en;
}

/** "Order #{n}" + {n: "1003"} → "Order #1003". Unknown placeholders are left as they are. */
export function fmt(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/**
 * Widget UI text in the seven supported languages. Pure and DOM-free.
 * Bot replies come localized from the server; these are only the widget's own labels. The text is the
 * `widget` section of app/i18n/messages/<lang>.json (ICU MessageFormat), precompiled at build time
 * (./strings/messages.ts) and rendered by app/i18n/render-ast.ts; see docs/decisions/0032-widget-icu-and-size-limits.md.
 */
import type { Language } from "../../app/protocol";
import type { Catalogue } from "../../app/i18n/catalog";
import { renderAst, type AstElement, type AstValues } from "../../app/i18n/render-ast";
import { WIDGET_MESSAGES } from "./strings/messages";

export type { Language };
// The language pick is the protocol's one normaliser (app/protocol/language.ts: normalizeLanguage /
// pickLanguage); this file only holds the widget's own labels.

export { LAUNCHER_LABEL } from "./strings/launcher";

/** The messages that take arguments, and what they take; every other message is a plain string. */
interface MessageArgs {
  chatWith: { name: string };
  typing: { name: string };
  /** seconds to wait; 0 = unknown ("in a moment") */
  rateLimited: { s: number };
  order: { n: string };
  placed: { date: string };
  packageOf: { i: number; n: number };
  track: { carrier: string };
  eta: { date: string };
  delivered: { date: string };
  /** quick reply label for an order in a list */
  askAbout: { n: string };
  /** one line of the card's items: "2 × Tee (M)" */
  item: { quantity: number; title: string; hasVariant: "yes" | "no"; variant: string };
}

type WidgetKey = keyof Catalogue["widget"];
/** Keys with these prefixes are gathered into one record each (steps.ordered, status.shipped, starters[0]…). */
type Grouped = `${"step" | "status" | "shipment" | "starter"}_${string}`;
type StepKey<K> = K extends `step_${infer S}` ? S : never;

export type Strings = {
  readonly [K in Exclude<WidgetKey, Grouped>]: K extends keyof MessageArgs
    ? (values: MessageArgs[K]) => string
    : string;
} & {
  readonly steps: Record<StepKey<WidgetKey>, string>;
  /** order status → label (keys are the protocol's statuses) */
  readonly status: Record<string, string>;
  /** shipment status → label */
  readonly shipment: Record<string, string>;
  readonly starters: readonly string[];
};

const GROUPS: Record<string, string> = { step: "steps", status: "status", shipment: "shipment" };

/** A message without arguments becomes its text; one with arguments a function of them. */
function entry(m: AstElement[] | string, lang: Language): string | ((values: AstValues) => string) {
  return typeof m === "string" ? m : (values: AstValues) => renderAst(m, lang, values);
}

function build(lang: Language): Strings {
  const out: Record<string, unknown> = { steps: {}, status: {}, shipment: {}, starters: [] };
  for (const [key, ast] of Object.entries(WIDGET_MESSAGES[lang])) {
    const value = entry(ast, lang);
    const m = /^(step|status|shipment|starter)_(.+)$/.exec(key);
    if (!m) out[key] = value;
    else if (m[1] === "starter") (out.starters as unknown[])[Number(m[2]) - 1] = value;
    else (out[GROUPS[m[1]]] as Record<string, unknown>)[m[2]] = value;
  }
  return out as Strings;
}

export const STRINGS = Object.fromEntries(
  (Object.keys(WIDGET_MESSAGES) as Language[]).map((lang) => [lang, build(lang)]),
) as Record<Language, Strings>;

export function strings(lang: Language): Strings {
  return STRINGS[lang] || STRINGS.en;
}

/**
 * Understanding of one shopper message (en, es, fr, de, pt, it, nl): intent with a calibrated
 * confidence and the runner-up, language, and entities (order number, email, phone).
 *
 * - Intent: a multinomial logistic regression over hashed character n-grams, words and the
 *   lexicon's concepts (features.ts), trained by `npm run train:nlu`, committed as int8 weights
 *   (model/intent-model.json) and loaded once (model.ts). Confidence is the softmax probability at
 *   the temperature fitted by cross-validation; `alternatives` lists the top two so the dialogue can
 *   ask "did you mean X or Y?" when the top one is below ASK_THRESHOLD.
 * - Language: the model's language head, with the shopper's locale as a prior.
 * - Entities: rules (entities.ts), store-aware through `orderNumbering` (numbering.ts).
 * - `negated`: the rules' negation detection ("I don't want to cancel").
 * - faq: the model returns `faq` for store questions (payment, gift cards, customs…). A merchant
 *   FAQ that matches (`faqMatcher` score ≥ 0.5) wins unless a transactional intent is confident.
 * See docs/understanding.md and docs/decisions/0017-understanding-model.md.
 */
import type { Intent, Language, Understanding } from "../../protocol";
import { LANGUAGES } from "../../protocol";
import { normalizeLanguage } from "../../protocol/language";
import { intentFeatures, languageFeatures } from "./features";
import { getModel } from "./model";
import type { NumberingProfile } from "./numbering";
import { analyse } from "./pipeline";
import { TRANSACTIONAL } from "./rules";

export { extractEntities } from "./entities";
export type { Entities, EntityOptions } from "./entities";
export { detectLanguage, normalizeLocale } from "./language";
export { learnNumbering, type NumberingProfile } from "./numbering";

/** below this confidence the dialogue should offer the two alternatives (docs/understanding.md) */
export const ASK_THRESHOLD = 0.55;

/** a merchant FAQ match this strong wins over policy_shipping/policy_returns */
const FAQ_OVER_POLICY = 0.85;

export interface UnderstandOptions {
  locale?: string | null;
  faqMatcher?: (text: string, lang: Language) => number;
  /** the store's numbering profile (learnNumbering of its recent orders) */
  orderNumbering?: NumberingProfile | null;
  /** the bot just asked for the order number: a bare number is the answer */
  awaitingOrderNumber?: boolean;
}

export interface IntentAlternative {
  intent: Intent;
  confidence: number;
}

export interface ModelUnderstanding extends Understanding {
  /** the two most likely intents, best first (the first is `intent`) */
  alternatives: IntentAlternative[];
}

export function understand(text: string, opts: UnderstandOptions = {}): ModelUnderstanding {
  const hint = normalizeLanguage(opts.locale);
  const a = analyse(text, hint, {
    numbering: opts.orderNumbering ?? null,
    awaitingOrderNumber: opts.awaitingOrderNumber === true,
  });
  const model = getModel();
  const { entities, verdict } = a;
  const words = a.tokens.filter((t) => t !== ".").length;
  const letters = a.tokens.filter((t) => /^[a-z]/u.test(t)).length;
  // a message of one or two words ("ok", "hallo") says little about the language: the locale decides
  // unless the words are clearly of another language
  const langX = languageFeatures(a, model.language.dim);
  const lexiconVote = Math.max(...Object.values(a.lexiconScores)) > 0;
  const picked = !letters
    ? (hint ?? "en")
    : letters <= 2 && (hint || lexiconVote)
      ? a.lexiconLanguage
      : model.pickLanguage(langX, hint, 1.5);
  const language = (LANGUAGES as readonly string[]).includes(picked) ? (picked as Language) : "en";
  const anyEntity = !!(entities.orderNumber || entities.email || entities.phone);
  if (words === 0 && !anyEntity) {
    return { intent: "other", confidence: 0.5, language, entities, negated: false, alternatives: [] };
  }
  const ranked = model.rankIntents(intentFeatures(a, model.intent.dim));
  let alternatives: IntentAlternative[] = ranked
    .slice(0, 2)
    .map((r) => ({ intent: r.label as Intent, confidence: round(r.p) }));
  let { intent, confidence } = alternatives[0];

  if (opts.faqMatcher && !(TRANSACTIONAL.has(intent) && confidence >= 0.75)) {
    const f = clamp(safeScore(opts.faqMatcher, a.raw, language));
    // the merchant's own entry beats the generic policy answer when it clearly matches
    const beats = f >= confidence || (f >= FAQ_OVER_POLICY && intent.startsWith("policy_"));
    if (f >= 0.5 && (intent === "other" || intent === "faq" || beats)) {
      confidence = round(intent === "faq" ? Math.max(f, confidence) : f);
      intent = "faq";
      alternatives = [{ intent, confidence }, ...alternatives.filter((x) => x.intent !== "faq")].slice(0, 2);
    }
  }
  return { intent, confidence, language, entities, negated: verdict.negated, alternatives };
}

function safeScore(m: NonNullable<UnderstandOptions["faqMatcher"]>, text: string, lang: Language): number {
  try {
    return m(text, lang);
  } catch {
    return 0;
  }
}

function clamp(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(1, n)) : 0;
}

function round(n: number): number {
  return Math.round(clamp(n) * 100) / 100;
}

/**
 * The hand-written concept rules of the first understanding version. They no longer decide the
 * intent on their own: their verdict is one feature of the statistical model (model.ts), and their
 * negation detection sets `negated` (see docs/decisions/0017-understanding-model.md).
 *
 * Decisions (documented for the dialogue engine):
 * - Priority among confident candidates (score ≥ 0.75): human > cancel_order > change_address >
 *   return_refund > policy_returns > tracking > order_status > policy_shipping > thanks_bye > greeting.
 *   So "where is my order? I want to cancel" → cancel_order; "thanks! where is my order" → order_status.
 * - return_refund vs policy_returns: a return/refund/exchange word makes it return_refund when the
 *   shopper talks about their own purchase (my/mi/mon/mein…, an order number, "I want/need", a
 *   damaged/wrong item). It is policy_returns when the message asks about the rule: a policy word
 *   ("return policy", "Rückgabebedingungen"), a time window ("after 30 days"), costs ("are returns
 *   free?"), or a general question ("do you accept returns?", "how do returns work?") without a
 *   personal reference. A policy word wins over "I want" ("I want to know your return policy").
 *   "How do I return…?", "¿cómo hago una devolución?" ask for the procedure → return_refund.
 * - tracking vs order_status: tracking = tracking number/link/carrier, or where the package/parcel is;
 *   order_status = where the order/"my stuff"/"it" is, its status, when it arrives, it hasn't arrived.
 * - Negation ("I don't want to cancel", "no quiero cancelar", "ich will nicht stornieren") removes the
 *   negated action (cancel/return/refund/exchange/change) and sets `negated: true`. Negations after
 *   "can"/a subject pronoun ("why can't I cancel?") are not treated as negating the wish.
 * - "why was my order cancelled?" (a past participle without "I want"/"please"/"can") reports what
 *   happened → order_status; "cancel it", "I want it cancelled", "can it be cancelled?" → cancel_order.
 * - Messages that only carry entities ("1003", "#1003", "order 1003", "my email is a@b.co") →
 *   intent "other" with the entity set and confidence 0.9: the dialogue fills its slots. A greeting
 *   or thanks together with an entity ("hi, 1003") is also "other". Intent words win ("where is 1003").
 * - faq: `faqMatcher` is consulted only when no transactional intent (order_status, tracking, cancel,
 *   return_refund, change_address, human) scored ≥ 0.75. The FAQ wins when its score is ≥ 0.5 and
 *   the rule result is "other"/entity-free, or the FAQ score is ≥ the rule score (a merchant's own FAQ
 *   "Do you ship to Canada?" beats the generic policy_shipping).
 */
import type { Intent, Language } from "../../protocol";
import type { Entities } from "./entities";
import type { Concept } from "./lexicon";
import type { Tag } from "./matcher";

export interface RuleVerdict {
  intent: Intent;
  confidence: number;
  negated: boolean;
  /** concepts present after negation (model features) */
  present: Set<Concept>;
}
const CANCELLED_RE =
  /^(?:cancell?ed|cancelad[oa]s?|cancelled|annulee?s?|storniert|annullat[oa]|cancellat[oa]|geannuleerd|anulad[oa]s?)$/;
const PLEASE = new Set([
  "please",
  "pls",
  "plz",
  "bitte",
  "favor",
  "svp",
  "plait",
  "prego",
  "alstublieft",
  "aub",
  "porfa",
]);
const NEGATABLE = new Set<Concept>(["CANCEL", "RETURN", "REFUND", "EXCHANGE", "CHANGE"]);
const NEG_WINDOW = 4;
export const TRANSACTIONAL = new Set<Intent>([
  "order_status",
  "tracking",
  "cancel_order",
  "return_refund",
  "change_address",
  "human",
]);
const PRIORITY: Intent[] = [
  "human",
  "cancel_order",
  "change_address",
  "return_refund",
  "policy_returns",
  "tracking",
  "order_status",
  "policy_shipping",
  "faq",
  "thanks_bye",
  "greeting",
  "other",
];

/** Concepts that can appear in a message that "only carries an entity". */
const ENTITY_ONLY_OK = new Set<Concept>([
  "ORDER",
  "MY",
  "IT",
  "SUBJ",
  "GREETING",
  "THANKS",
  "ACK",
  "QUESTION",
]);

function markNegations(tokens: string[], tags: Tag[]): { negatedPositions: Set<number>; negated: boolean } {
  const at = new Map<number, Set<Concept>>();
  for (const t of tags) {
    if (t.len !== 1) continue;
    let s = at.get(t.pos);
    if (!s) at.set(t.pos, (s = new Set()));
    s.add(t.concept);
  }
  const has = (i: number, c: Concept) => at.get(i)?.has(c) ?? false;
  const negatedPositions = new Set<number>();
  for (const t of tags) {
    if (!NEGATABLE.has(t.concept)) continue;
    for (let j = t.pos - 1; j >= Math.max(0, t.pos - NEG_WINDOW); j--) {
      if (tokens[j] === "." || has(j, "BOUNDARY")) break;
      if (has(j, "SUBJ") || has(j, "ABILITY")) break;
      if (has(j, "NEG")) {
        // modal before the negation ("kann ich nicht stornieren", "can not cancel"): not a refusal
        let modal = false;
        for (let k = j - 1; k >= Math.max(0, j - 5); k--) {
          if (tokens[k] === ".") break;
          if (has(k, "ABILITY")) modal = true;
        }
        if (!modal) negatedPositions.add(t.pos);
        break;
      }
    }
  }
  return { negatedPositions, negated: negatedPositions.size > 0 };
}

/** What the rules read about one message, shared by the rule groups below. */
interface Cues {
  tokens: string[];
  tags: Tag[];
  present: Set<Concept>;
  has(c: Concept): boolean;
  any(...cs: Concept[]): boolean;
  short: boolean;
  hasOrderNo: boolean;
  personal: boolean;
  orderRef: boolean;
  returnish: boolean;
  add(intent: Intent, score: number): void;
}

function humanAndCancelRules({ tokens, present, has, any, short, hasOrderNo, add }: Cues): void {
  // --- human
  if (has("HUMAN")) add("human", any("CONTACT", "WANT", "ABILITY", "REAL") || short ? 0.95 : 0.8);
  // "I don't want to talk to a bot", "not a bot, a real person"
  if (has("BOT") && any("REAL", "NEG")) add("human", 0.88);
  if (has("CONTACT") && has("REAL")) add("human", 0.85);
  // "can I call you?", "how do I contact you"
  if (has("CONTACT") && !present.has("HUMAN") && any("ABILITY", "WANT", "HOW", "QUESTION"))
    add("human", 0.78);

  // --- cancel
  if (has("ANYMORE") && has("NEG") && has("WANT") && any("ORDER", "IT", "STUFF", "PACKAGE"))
    add("cancel_order", 0.85);
  // "why was my order cancelled?", "¿mi pedido fue cancelado?" ask about what happened, not for a cancel
  const cancelledReport =
    tokens.some((t) => CANCELLED_RE.test(t)) && !any("WANT", "ABILITY") && !tokens.some((t) => PLEASE.has(t));
  if (has("CANCEL") && cancelledReport) add("order_status", 0.86);
  else if (has("CANCEL"))
    add("cancel_order", any("ORDER", "MY", "WANT", "IT") || hasOrderNo || short ? 0.95 : 0.88);
}

function addressAndReturnRules({
  has,
  any,
  short,
  hasOrderNo,
  personal,
  orderRef,
  returnish,
  add,
}: Cues): void {
  // --- change address
  if (has("ADDRESS")) {
    if (any("CHANGE", "MOVED", "PROBLEM", "NEW", "WANT", "LATE")) add("change_address", 0.94);
    else if (personal) add("change_address", 0.7);
  }
  if (has("MOVED") && (orderRef || has("SHIP") || has("CHANGE"))) add("change_address", 0.85);

  // --- returns / refunds
  if (returnish) {
    const policyWord = has("POLICY");
    const strongCue = any("DAYS", "COST", "DURATION", "COUNTRY");
    // "how do I return…", "¿cómo hago una devolución?", "wie kann ich umtauschen?" ask for the procedure
    const howPersonal = has("HOW") && any("SUBJ", "ABILITY", "FIRSTP");
    const policyCue = strongCue || (!howPersonal && (has("GENERALQ") || (has("QUESTION") && !personal)));
    const specific = hasOrderNo || has("PROBLEM") || has("MY") || has("WANT");
    if (policyWord && !hasOrderNo && !has("PROBLEM")) add("policy_returns", 0.93);
    else if (policyCue && !specific) add("policy_returns", 0.88);
    else add("return_refund", specific || short ? 0.93 : 0.85);
  } else if (has("PROBLEM") && (orderRef || any("ARRIVE", "PACKAGE", "MY"))) {
    add("return_refund", 0.78);
  }

  // wrong size / swap for another size
  if (has("SIZE") && any("CHANGE", "PROBLEM", "WANT") && !has("ADDRESS")) add("return_refund", 0.82);
}

function orderStatusRules(c: Cues): void {
  const { tokens, tags, has, any, short, hasOrderNo, personal, orderRef, add } = c;
  // --- tracking
  if (has("TRACK")) add("tracking", 0.93);
  if (has("WHERE") && has("PACKAGE")) add("tracking", 0.88);
  if (has("CARRIER"))
    add("tracking", any("MY", "ORDER", "PACKAGE", "QUESTION", "WHERE") || hasOrderNo ? 0.85 : 0.65);

  // --- order status
  if (has("WISMO")) add("order_status", 0.95);
  // "where are you located?", "where are your products made?" are not about an order
  const whereTarget =
    has("ORDER") ||
    hasOrderNo ||
    (has("MY") && !any("ADDRESS", "HUMAN")) ||
    (any("STUFF", "IT") && (has("MY") || !has("YOU"))) ||
    has("ARRIVE") ||
    (short && !any("ADDRESS", "HUMAN", "YOU"));
  if (has("WHERE") && whereTarget) add("order_status", 0.92);
  if (has("STATUS")) add("order_status", orderRef || any("PACKAGE", "MY") ? 0.92 : 0.75);
  const timing = any("WHEN", "ARRIVE", "LATE", "SHIPPED");
  if ((orderRef || has("PACKAGE")) && timing && !(has("DURATION") && !personal)) add("order_status", 0.88);
  if (has("WHEN") && has("ARRIVE")) add("order_status", 0.85);
  if (has("LATE")) add("order_status", 0.8);
  if (has("ARRIVE") && (has("YET") || tagsNear(tags, tokens, "NEG", "ARRIVE"))) add("order_status", 0.85);
  if (has("SHIPPED") && (has("YET") || has("IT") || has("MY") || hasOrderNo || has("QUESTION")))
    add("order_status", 0.8);
  if (has("CHECK") && (has("ORDER") || hasOrderNo)) add("order_status", 0.82);
  if (has("SHIP") && personal && has("ORDER") && !any("COST", "COUNTRY", "POLICY", "SHIPTO"))
    add("order_status", 0.78);
  if (has("ORDER") && has("MY")) add("order_status", 0.55);
  if (has("ORDER") && has("HELP")) add("order_status", has("MY") || hasOrderNo ? 0.76 : 0.6);
}

function shippingAndSmallTalkRules({ has, any, short, personal, returnish, add }: Cues): void {
  // --- shipping policy
  const shipTopic = any("SHIP", "SHIPTO");
  if (has("SHIPTO")) add("policy_shipping", personal && has("ADDRESS") ? 0.6 : 0.9);
  if (shipTopic && any("COST", "DURATION", "COUNTRY", "POLICY", "GENERALQ"))
    add("policy_shipping", personal && has("ORDER") ? 0.7 : 0.88);
  if (has("DURATION") && has("ARRIVE") && !personal) add("policy_shipping", 0.8);
  if (has("SHIP") && !personal && !returnish) add("policy_shipping", short ? 0.7 : 0.6);

  // --- small talk
  if (has("THANKS") || has("BYE")) add("thanks_bye", 0.92);
  else if (has("ACK") && short) add("thanks_bye", 0.7);
  if (has("GREETING")) add("greeting", short ? 0.93 : 0.85);
}

/** The first confident intent in priority order, else the highest score. */
function pickIntent(scores: Map<Intent, number>): { intent: Intent; confidence: number } {
  // --- pick
  let intent: Intent = "other";
  let confidence = 0;
  const confident = PRIORITY.filter((i) => (scores.get(i) ?? 0) >= 0.75);
  if (confident.length) {
    intent = confident[0];
    confidence = scores.get(intent)!;
  } else {
    for (const i of PRIORITY) {
      const s = scores.get(i) ?? 0;
      if (s > confidence) {
        intent = i;
        confidence = s;
      }
    }
  }
  return { intent, confidence };
}

/** The rules' verdict for one tokenised message (tokens/tags from text.ts/matcher.ts). */
export function ruleVerdict(
  tokens: string[],
  allTags: Tag[],
  entities: Entities,
  language: Language,
): RuleVerdict {
  // a typo match must be a word of the message's language (or English shorthand, used everywhere):
  // Italian "trova" is not a typo of Portuguese "troca"
  const tags = allTags.filter(
    (t) => !t.fuzzy || t.langs.includes(language) || t.langs.includes("en") || t.langs.includes("any"),
  );
  const { negatedPositions, negated } = markNegations(tokens, tags);

  const present = new Set<Concept>();
  for (const t of tags) {
    if (!(NEGATABLE.has(t.concept) && negatedPositions.has(t.pos))) present.add(t.concept);
  }
  const has = (c: Concept) => present.has(c);
  const any = (...cs: Concept[]) => cs.some((c) => present.has(c));
  const words = tokens.filter((t) => t !== ".");
  const short = words.length <= 4;
  const hasOrderNo = entities.orderNumber !== null;

  const scores = new Map<Intent, number>();
  const add = (intent: Intent, score: number) => {
    if (score > (scores.get(intent) ?? 0)) scores.set(intent, score);
  };

  const personal = has("MY") || hasOrderNo;
  const orderRef = any("ORDER", "STUFF", "IT") || hasOrderNo;
  const returnish = any("RETURN", "REFUND", "EXCHANGE");
  const cues: Cues = {
    tokens,
    tags,
    present,
    has,
    any,
    short,
    hasOrderNo,
    personal,
    orderRef,
    returnish,
    add,
  };
  humanAndCancelRules(cues);
  addressAndReturnRules(cues);
  orderStatusRules(cues);
  shippingAndSmallTalkRules(cues);
  const picked = pickIntent(scores);
  const intent = picked.intent;
  let confidence = picked.confidence;

  const anyEntity = hasOrderNo || entities.email !== null || entities.phone !== null;
  if (
    anyEntity &&
    (onlyEntityConcepts(present) || intent === "other" || intent === "greeting" || intent === "thanks_bye")
  ) {
    return { intent: "other", confidence: 0.9, negated, present };
  }
  if (intent === "other") confidence = words.length === 0 ? 0.5 : negated ? 0.6 : 0.5;
  return { intent, confidence: round(confidence), negated, present };
}

function onlyEntityConcepts(present: Set<Concept>): boolean {
  for (const c of present) if (!ENTITY_ONLY_OK.has(c)) return false;
  return true;
}

/** true if a NEG token precedes a `target` concept within the negation window in the same clause */
function tagsNear(tags: Tag[], tokens: string[], neg: Concept, target: Concept): boolean {
  const negPos = tags.filter((t) => t.concept === neg).map((t) => t.pos);
  if (!negPos.length) return false;
  for (const t of tags) {
    if (t.concept !== target) continue;
    for (const p of negPos) {
      if (p < t.pos && t.pos - p <= NEG_WINDOW + 1 && !tokens.slice(p, t.pos).includes(".")) return true;
    }
  }
  return false;
}

function clamp(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(1, n)) : 0;
}

function round(n: number): number {
  return Math.round(clamp(n) * 100) / 100;
}

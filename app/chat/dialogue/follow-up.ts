/**
 * Follow-ups on the order just verified, and actions that are offered, never assumed:
 * - "can you send me the tracking link?" / "which carrier is it?" right after the card: about THAT order;
 * - "how do I return something?" is a policy question: the policy, then (with a verified order) the
 *   offer "Start a return for #1009?" — the request is filed only when the shopper says yes.
 */
import type { Intent } from "../../protocol";
import { answerPolicy, type PolicyKind } from "./answers";
import { remindPending } from "./order-flow";
import { proposeAction, requestAction } from "./order-show";
import { QR, quickReplies, say, sayText } from "./replies";
import { ACTION_INTENTS, type OrderIntent } from "./state";
import { tr, type Turn } from "./turn";

type ActionIntent = Exclude<OrderIntent, "order_status">;

/** "How do I / how can I …" in the seven languages: a question about the process, not a request. */
const HOW_QUESTION =
  /^\s*(?:(?:hi|hello|hey|hallo|hola|bonjour|salut|ciao|olá|oi|hoi)\b[\s,!.]*)?[¿¡]?\s*(?:how\b|what(?:'s| is) the (?:process|procedure)\b|wie\b|c[oó]mo\b|comment\b|come\b|hoe\b)/i;

const OFFER: Record<ActionIntent, { policy: PolicyKind; hints: string[] }> = {
  return_refund: { policy: "returns", hints: ["return", "refund"] },
  cancel_order: { policy: "returns", hints: ["cancel"] },
  change_address: { policy: "shipping", hints: ["address"] },
};

const YES =
  /^\s*(yes|yeah|yep|sure|ok(ay)?|please( do)?|go ahead|ja|jawohl|gerne|s[ií]|sì|oui|sim|claro|graag|d'accord|va bene|certo)(?![\p{L}])/iu;
const NO = /^\s*(no|nope|nein|non|não|nee|niet|nah)(?![\p{L}])/iu;

/** "Can I / is it possible …" in the seven languages: a question, answered with the policy and an offer. */
const CAN_I =
  /^\s*[¿¡]?\s*(?:(?:can|could|may) (?:i|we)|is it possible|(?:kann|darf|könnte) ich|ist es möglich|(?:puedo|podría|se puede|es posible)|(?:puis-je|est-ce que je peux|est-il possible|peut-on)|(?:posso|si può|è possibile|é possível|pode-se|dá para)|(?:kan|mag) ik|is het mogelijk)\b/iu;

function noEntities(turn: Turn): boolean {
  const e = turn.understanding!.entities;
  return !e.orderNumber && !e.email && !e.phone;
}

function awaitingSlot(turn: Turn): boolean {
  return turn.state.awaiting === "order_number" || turn.state.awaiting === "email_or_phone";
}

/** A tracking question about the order just shown (no number given, nothing else being asked). */
export function isTrackingFollowUp(turn: Turn): boolean {
  return (
    turn.understanding!.intent === "tracking" &&
    !!turn.state.lastVerified &&
    noEntities(turn) &&
    !awaitingSlot(turn)
  );
}

export function trackingFollowUp(turn: Turn): void {
  const lv = turn.state.lastVerified!;
  const lines = lv.order.shipments
    .filter((s) => s.trackingNumber || s.trackingUrl)
    .map(
      (s) =>
        [s.carrier, s.trackingNumber].filter(Boolean).join(" ") + (s.trackingUrl ? `: ${s.trackingUrl}` : ""),
    );
  if (lines.length === 0) say(turn, "tracking_none", { n: lv.number });
  else sayText(turn, [tr(turn, "tracking_for", { n: lv.number }), ...lines].join("\n"));
  quickReplies(turn, ["trackAnother", "human"]);
}

/** "How do I / can I …" (the shopper's own next step), as opposed to "how long do returns take?". */
const HOW_DO_I =
  /\b(?:how (?:do|can|should|would) (?:i|we)|wie (?:kann|muss|soll) ich|c[oó]mo (?:puedo|hago|devuelvo|posso)|comment (?:puis-je|je peux|faire)|come (?:posso|faccio)|hoe (?:kan|moet) ik)\b/i;

/**
 * A "how do I cancel / return / change the address?" question with no order named. The model may
 * call "how do I return something?" a returns-policy question: it is also the return's first step.
 */
export function actionQuestionIntent(turn: Turn, intent: Intent): ActionIntent | null {
  if (!noEntities(turn)) return null;
  if (HOW_QUESTION.test(turn.text)) {
    if (ACTION_INTENTS.has(intent)) return intent as ActionIntent;
    if (intent === "policy_returns" && HOW_DO_I.test(turn.text)) return "return_refund";
    return null;
  }
  // "¿puedo devolverlo?" after the card: the policy, then the offer. ("Can I cancel it?" goes through the
  // order flow, which asks the same way: order-show.ts showVerified.)
  if (intent === "policy_returns" && turn.state.lastVerified && CAN_I.test(turn.text)) return "return_refund";
  return null;
}

const POLICY_INTENT: Record<PolicyKind, Intent> = { returns: "policy_returns", shipping: "policy_shipping" };

/**
 * "Could I return it?" after a card, with the model torn between the policy and the action: no need to
 * ask which — the answer to both is the policy followed by the offer ("Start a return for #1001?").
 */
export function offerAnswersBoth(turn: Turn, [a, b]: [Intent, Intent]): boolean {
  if (!turn.state.lastVerified || !noEntities(turn)) return false;
  const action = ([a, b].find((i) => ACTION_INTENTS.has(i)) ?? null) as ActionIntent | null;
  if (!action) return false;
  const other = action === a ? b : a;
  return other === POLICY_INTENT[OFFER[action].policy];
}

export function actionQuestion(turn: Turn, intent: ActionIntent): void {
  const o = OFFER[intent];
  answerPolicy(turn, o.policy, turn.text, o.hints);
  const lv = turn.state.lastVerified;
  if (awaitingSlot(turn)) return remindPending(turn);
  if (lv && turn.ctx.store.settings.handoffEnabled) return proposeAction(turn, intent, lv.number, turn.text);
  quickReplies(turn, ["track", "human"]);
}

/** The shopper's answer to an offered action: typed or tapped. */
export function proposalAnswer(turn: Turn): "yes" | "no" | null {
  if (!turn.state.proposal) return null;
  if (turn.command === QR.confirm) return "yes";
  if (turn.command === QR.decline) return "no";
  if (turn.command || !turn.understanding || !noEntities(turn)) return null;
  if (YES.test(turn.text)) return "yes";
  if (NO.test(turn.text)) return "no";
  return null;
}

export function answerProposal(turn: Turn, answer: "yes" | "no"): void {
  const p = turn.state.proposal!;
  const lv = turn.state.lastVerified;
  turn.state.proposal = null;
  turn.intent = answer === "yes" ? p.intent : "decline";
  if (answer === "no" || !lv || lv.number !== p.orderNumber) {
    say(turn, "offer_declined", { n: p.orderNumber });
    return quickReplies(turn, ["trackAnother", "human"]);
  }
  // the shopper's own words are the request (the policy was shown with the proposal)
  requestAction(turn, p.intent, p.request ?? null, lv.number, lv.order, lv.email, false);
}

/**
 * Calibrated confidence in the dialogue: when the model's top intent is below ASK_THRESHOLD, the bot
 * asks one short question with the two likely intents as quick replies ("Just to be sure: do you want
 * to track an order or ask about returns?") instead of guessing or the generic fallback. A tap on a
 * chip (tb:intent:<intent>) answers the original message as that intent.
 */
import type { Intent, Understanding } from "../../protocol";
import type { MessageKey } from "../i18n";
import { ASK_THRESHOLD } from "../understand/index";
import { choiceChips } from "./replies";
import { tr, type Turn } from "./turn";

export const CLARIFY_COMMAND = "tb:intent:";

/** Intents the bot can offer as a choice, and how it names them. */
const ASKABLE: Partial<Record<Intent, MessageKey>> = {
  order_status: "clarify_order_status",
  cancel_order: "clarify_cancel_order",
  return_refund: "clarify_return_refund",
  change_address: "clarify_change_address",
  human: "clarify_human",
  policy_shipping: "clarify_policy_shipping",
  policy_returns: "clarify_policy_returns",
  faq: "clarify_faq",
};

function askable(intent: string): intent is Intent {
  return Object.hasOwn(ASKABLE, intent);
}

function offerable(turn: Turn, intent: Intent): boolean {
  const { settings } = turn.ctx.store;
  if (!askable(intent)) return false;
  if (intent === "human") return settings.handoffEnabled;
  if (["order_status", "cancel_order", "return_refund", "change_address"].includes(intent))
    return settings.orderTracking;
  return true;
}

/** The two intents to offer, or null when the bot should just go on (confident, or nothing to choose). */
export function clarifyChoices(turn: Turn): [Intent, Intent] | null {
  const u = turn.understanding;
  if (!u || u.confidence >= ASK_THRESHOLD || turn.state.awaiting) return null;
  const e = u.entities;
  if (e.orderNumber || e.email || e.phone) return null; // the order flow knows what to do with those
  const seen: Intent[] = [];
  for (const a of u.alternatives ?? []) {
    const i: Intent = a.intent === "tracking" ? "order_status" : a.intent;
    if (offerable(turn, i) && !seen.includes(i)) seen.push(i);
  }
  return seen.length >= 2 ? [seen[0]!, seen[1]!] : null;
}

function phrase(turn: Turn, intent: Intent): string {
  return tr(turn, ASKABLE[intent]!);
}

function capitalised(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}

/** Asks which of the two the shopper means; the original text is kept for the answer. */
export function askToClarify(turn: Turn, [a, b]: [Intent, Intent]): void {
  choiceChips(
    turn,
    tr(turn, "clarify_ask", { a: phrase(turn, a), b: phrase(turn, b) }),
    [a, b].map((i) => ({ label: capitalised(phrase(turn, i)), value: CLARIFY_COMMAND + i })),
  );
  turn.state.clarify = { text: turn.text, options: [a, b] };
}

/** The chip's label (what the shopper "said" by tapping it), else null. */
export function clarifyLabel(turn: Turn, command: string): string | null {
  if (!command.startsWith(CLARIFY_COMMAND)) return null;
  const intent = command.slice(CLARIFY_COMMAND.length);
  return askable(intent) ? capitalised(phrase(turn, intent)) : null;
}

/**
 * A tapped choice: the turn continues as the original message understood as that intent. Returns
 * false (and forgets the question) for anything else.
 */
export function takeClarified(turn: Turn): boolean {
  const pending = turn.state.clarify ?? null;
  turn.state.clarify = null;
  const cmd = turn.command;
  if (!cmd || !cmd.startsWith(CLARIFY_COMMAND)) return false;
  const intent = cmd.slice(CLARIFY_COMMAND.length);
  if (!askable(intent) || !offerable(turn, intent)) return false;
  const entities: Understanding["entities"] = { orderNumber: null, email: null, phone: null };
  turn.command = null;
  turn.text = pending?.text ?? "";
  turn.understanding = {
    intent,
    confidence: 1,
    language: turn.lang,
    entities,
    negated: false,
    alternatives: [],
  };
  return true;
}

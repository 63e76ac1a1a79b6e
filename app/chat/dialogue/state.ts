/** The dialogue state, stored as JSON on the conversation between turns. */
import type { Awaiting, Intent, Language, WidgetOrder } from "../../protocol";
import type { HandoffReason } from "../repository";

export type OrderIntent = "order_status" | "cancel_order" | "return_refund" | "change_address";

export const ORDER_INTENTS = new Set<Intent>([
  "order_status",
  "tracking",
  "cancel_order",
  "return_refund",
  "change_address",
]);
export const ACTION_INTENTS = new Set<Intent>(["cancel_order", "return_refund", "change_address"]);

export interface OrderFlow {
  intent: OrderIntent;
  orderNumber: string | null;
  email: string | null;
  phone: string | null;
  /** the shopper's own words for a cancel/return/address request */
  request: string | null;
  reminded: boolean;
}

export interface PendingHandoff {
  reason: HandoffReason;
  email: string | null;
  message: string | null;
  orderNumber: string | null;
  order: WidgetOrder | null;
}

export interface DialogueState {
  v: 1;
  language: Language | null;
  awaiting: Awaiting;
  flow: OrderFlow | null;
  handoff: PendingHandoff | null;
  /** why a human was last offered (rate limit, outage…), used as the handoff reason */
  offer: HandoffReason | null;
  /** the order verified last in this conversation, as context for a handoff and follow-up questions */
  lastVerified: { number: string; order: WidgetOrder; email: string | null } | null;
  /**
   * an action on a verified order the bot offered and waits to be confirmed ("Start a return for #1009?"),
   * with the shopper's own words it answers (the request's message once they say yes)
   */
  proposal?: {
    intent: Exclude<OrderIntent, "order_status">;
    orderNumber: string;
    request?: string | null;
  } | null;
  /** the question "do you want to X or Y?" the bot just asked, with the message it was about */
  clarify?: { text: string; options: Intent[] } | null;
  /** the takeover (its takenOverAt, ISO) the shopper was told about: once per takeover */
  agentNoted?: string | null;
}

export function initialState(): DialogueState {
  return { v: 1, language: null, awaiting: null, flow: null, handoff: null, offer: null, lastVerified: null };
}

export function loadState(raw: unknown): DialogueState {
  if (raw && typeof raw === "object" && (raw as DialogueState).v === 1)
    return { ...initialState(), ...(raw as DialogueState) };
  return initialState();
}

export function newFlow(intent: OrderIntent): OrderFlow {
  return { intent, orderNumber: null, email: null, phone: null, request: null, reminded: false };
}

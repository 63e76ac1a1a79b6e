/** Pipeline step: an order question (or an answer to one), merged into the flow in progress. */
import type { Intent } from "../../protocol";
import { runOrderFlow } from "./order-flow";
import { ACTION_INTENTS, ORDER_INTENTS, newFlow, type OrderFlow, type OrderIntent } from "./state";
import { recordEvent, type Turn } from "./turn";

/** The intent the order flow works with ("tracking" is a status question; a negated action is one too). */
export function effectiveIntent(turn: Turn): Intent {
  const u = turn.understanding!;
  const intent: Intent = u.intent === "tracking" ? "order_status" : u.intent;
  return u.negated && ACTION_INTENTS.has(intent) ? "order_status" : intent;
}

function hasOrderEntities(turn: Turn): boolean {
  const e = turn.understanding!.entities;
  return !!(e.orderNumber || e.email || e.phone);
}

function continuesFlow(turn: Turn, intent: Intent): boolean {
  return (
    !!turn.state.flow && hasOrderEntities(turn) && (!ORDER_INTENTS.has(intent) || intent === "order_status")
  );
}

/** Whether this turn is an order question or carries what the order flow asked for. */
export function isOrderTurn(turn: Turn, intent: Intent): boolean {
  return (
    ORDER_INTENTS.has(intent) || continuesFlow(turn, intent) || (hasOrderEntities(turn) && intent === "other")
  );
}

export function startOrderQuestion(turn: Turn, flow: OrderFlow): OrderFlow {
  turn.patch.orderQuestion = true;
  recordEvent(turn, "order_question");
  return flow;
}

/** Continue the flow in progress, or start a new one (on the order just verified for an action on "it"). */
function pickFlow(turn: Turn, intent: Intent): OrderFlow {
  const { state } = turn;
  const ent = turn.understanding!.entities;
  const orderIntent = (ORDER_INTENTS.has(intent) ? intent : null) as OrderIntent | null;
  const cur = state.flow;
  if (
    cur &&
    (continuesFlow(turn, intent) ||
      orderIntent === cur.intent ||
      (orderIntent && !ent.orderNumber) ||
      (orderIntent && ent.orderNumber && !cur.orderNumber))
  ) {
    const flow = { ...cur };
    if (orderIntent && orderIntent !== "order_status") flow.intent = orderIntent;
    else if (orderIntent === "order_status" && turn.understanding!.negated) flow.intent = "order_status";
    return flow;
  }
  const flow = startOrderQuestion(turn, newFlow(orderIntent ?? "order_status"));
  // "can I cancel it?" right after an order was verified: that order, with the email already proved
  const lv = state.lastVerified;
  if (lv && orderIntent && ACTION_INTENTS.has(orderIntent) && !ent.orderNumber && lv.email) {
    flow.orderNumber = lv.number;
    flow.email = lv.email;
  }
  return flow;
}

export async function orderQuestionStep(turn: Turn, intent: Intent): Promise<void> {
  const ent = turn.understanding!.entities;
  const flow = pickFlow(turn, intent);
  // a different order number: the old contact may not belong to it, but trying it is harmless (same reply)
  if (ent.orderNumber) flow.orderNumber = ent.orderNumber;
  if (ent.email) {
    flow.email = ent.email;
    flow.phone = null;
  } else if (ent.phone) {
    flow.phone = ent.phone;
    flow.email = null;
  }
  if (ACTION_INTENTS.has(flow.intent) && ACTION_INTENTS.has(intent) && !flow.request)
    flow.request = turn.text;
  flow.reminded = false;
  await runOrderFlow(turn, flow);
}

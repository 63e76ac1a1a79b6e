/** Order flow, part "show": the card of a verified order, a customer's order list, and actions on an order. */
import { noteOrderNumbers } from "./numbering";
import type { NormalizedOrder } from "../../orders/types";
import { describeOrder, describeOrderList, toWidgetOrder, type DescribeContext } from "../../orders/describe";
import type { WidgetOrder } from "../../protocol";
import type { MessageKey } from "../i18n";
import { offerAction } from "./actions";
import { actionPolicyNote } from "./answers";
import { createHandoff } from "./handoff";
import { handoffForm, orderCard, orderList, quickReplies, say } from "./replies";
import { ACTION_INTENTS, type OrderFlow, type OrderIntent, type PendingHandoff } from "./state";
import { recordEvent, tr, type Turn } from "./turn";

export function describeContext(turn: Turn): DescribeContext {
  const { store, adapter } = turn.ctx;
  return {
    lang: turn.lang,
    timezone: store.timezone ?? "UTC",
    now: turn.now(),
    storeName: store.name,
    supportEmail: store.supportEmail,
    knowsDelivery: adapter.capabilities.knowsDelivery,
    policies: store.policies,
  };
}

function widgetOf(order: NormalizedOrder, dctx: DescribeContext): WidgetOrder {
  const w = toWidgetOrder(order, dctx);
  return w.statusLabel ? w : { ...w, statusLabel: describeOrder(order, dctx).statusLabel };
}

type ActionIntent = Exclude<OrderIntent, "order_status">;

interface ActionText {
  hints: string[];
  policy: "shipping" | "returns";
  done: MessageKey;
  offer: MessageKey;
}

const ACTION: Record<ActionIntent, ActionText> = {
  cancel_order: { hints: ["cancel"], policy: "returns", done: "action_cancel_done", offer: "offer_cancel" },
  return_refund: {
    hints: ["return", "refund"],
    policy: "returns",
    done: "action_return_done",
    offer: "offer_return",
  },
  change_address: {
    hints: ["address"],
    policy: "shipping",
    done: "action_address_done",
    offer: "offer_address",
  },
};

/**
 * Asks before anything is filed: "Start a return for #1009?" with Yes / No. The shopper's words are kept
 * as the request's message for the yes (follow-up.ts answerProposal); anything else drops the proposal.
 */
export function proposeAction(
  turn: Turn,
  intent: ActionIntent,
  orderNumber: string,
  request: string | null,
): void {
  turn.state.proposal = { intent, orderNumber, request };
  quickReplies(turn, ["confirm", "decline"], tr(turn, ACTION[intent].offer, { n: orderNumber }));
}

/** Shows a verified order (its card once), then answers the question that was asked about it. */
export async function showVerified(
  turn: Turn,
  flow: OrderFlow,
  order: NormalizedOrder,
  contactEmail: string | null,
) {
  const dctx = describeContext(turn);
  const d = describeOrder(order, dctx);
  const widget: WidgetOrder = { ...toWidgetOrder(order, dctx) };
  if (!widget.statusLabel) widget.statusLabel = d.statusLabel;
  const text = d.nextStep ? `${d.text}\n${d.nextStep}` : d.text;
  // an action on the order just shown ("can I cancel it?") does not repeat the card
  const alreadyShown = turn.state.lastVerified?.number === order.number && ACTION_INTENTS.has(flow.intent);
  if (!alreadyShown) orderCard(turn, text, widget);
  turn.state.lastVerified = { number: order.number, order: widget, email: contactEmail };
  turn.patch.verified = true;
  recordEvent(turn, "lookup_verified");
  turn.state.flow = null;
  turn.state.awaiting = null;
  if (flow.intent === "order_status") return quickReplies(turn, ["trackAnother", "human", "returns"]);
  // self-service asks on its own (code, details, a summary to confirm); without it the team is asked, after a yes
  if (await offerAction(turn, flow.intent, order)) return;
  if (!turn.ctx.store.settings.handoffEnabled)
    return requestAction(turn, flow.intent, flow.request, order.number, widget, contactEmail);
  const a = ACTION[flow.intent];
  actionPolicyNote(turn, a.policy, flow.request ?? "", a.hints);
  proposeAction(turn, flow.intent, order.number, flow.request);
}

/**
 * Cancel / return / address change on a verified order, once the shopper said yes (or, with handoffs
 * off, whom to contact): explain the policy, then ask a person to act — never claim it was done.
 */
export function requestAction(
  turn: Turn,
  intent: ActionIntent,
  request: string | null,
  orderNumber: string,
  order: WidgetOrder,
  contactEmail: string | null,
  policyNote = true,
): void {
  const a = ACTION[intent];
  const { store } = turn.ctx;
  if (policyNote) actionPolicyNote(turn, a.policy, request ?? "", a.hints);
  if (!store.settings.handoffEnabled) {
    if (store.supportEmail) say(turn, "action_no_handoff", { support: store.supportEmail, n: orderNumber });
    else say(turn, "action_no_handoff_nosupport", { n: orderNumber });
    return;
  }
  const pending: PendingHandoff = {
    reason: intent,
    email: contactEmail,
    message: request,
    orderNumber,
    order,
  };
  if (!contactEmail) {
    turn.state.handoff = pending;
    turn.state.awaiting = "handoff_details";
    return handoffForm(turn, "handoff_ask_email", ["email"]);
  }
  const message = request || tr(turn, a.done, { n: orderNumber, email: contactEmail });
  createHandoff(turn, { ...pending, email: contactEmail, message }, a.done, { n: orderNumber });
}

/** "Where is my order?" from a logged-in customer: their recent orders. */
export function showCustomerOrders(turn: Turn, orders: NormalizedOrder[]): void {
  const dctx = describeContext(turn);
  const summary = describeOrderList(orders, dctx) as unknown;
  const listText =
    typeof summary === "string"
      ? summary
      : summary && typeof (summary as { text?: unknown }).text === "string"
        ? (summary as { text: string }).text
        : "";
  orderList(
    turn,
    listText ? `${tr(turn, "list_intro")}\n${listText}` : tr(turn, "list_intro"),
    orders.map((o) => widgetOf(o, dctx)),
  );
  turn.patch.verified = true;
  noteOrderNumbers(
    turn.ctx.store.id,
    orders.map((o) => o.number),
  );
  recordEvent(turn, "lookup_verified");
  quickReplies(turn, ["human", "returns"]);
}

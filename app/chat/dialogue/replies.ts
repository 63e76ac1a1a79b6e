/** Reply builders: every bot message a turn sends is made here, never as an inline literal. */
import type { WidgetMessage, WidgetOrder } from "../../protocol";
import type { MessageKey } from "../i18n";
import { actionChipLabel } from "./actions-state";
import { tr, type Turn } from "./turn";

export const QR = {
  track: "tb:track",
  trackAnother: "tb:track_another",
  myOrders: "tb:my_orders",
  human: "tb:human",
  returns: "tb:returns",
  shipping: "tb:shipping",
  retry: "tb:retry",
  confirm: "tb:confirm",
  decline: "tb:decline",
} as const;
export type QuickKey = keyof typeof QR;
export const QR_LABEL: Record<QuickKey, MessageKey> = {
  track: "qr_track",
  trackAnother: "qr_track_another",
  myOrders: "qr_my_orders",
  human: "qr_human",
  returns: "qr_returns",
  shipping: "qr_shipping",
  retry: "qr_try_again",
  confirm: "qr_yes",
  decline: "qr_no",
};

/** The label of a quick-reply command (what the shopper "said" by tapping it), else null. */
export function commandLabel(turn: Turn, command: string): string | null {
  const key = (Object.keys(QR) as QuickKey[]).find((k) => QR[k] === command);
  return key ? tr(turn, QR_LABEL[key]) : actionChipLabel(turn, command);
}

function push(turn: Turn, m: WidgetMessage | null): void {
  if (m) turn.messages.push(m);
}

/** A plain text message. */
export function sayText(turn: Turn, text: string): void {
  push(turn, { id: turn.idGen(), role: "bot", type: "text", text });
}

/** A catalogue text. */
export function say(turn: Turn, key: MessageKey, vars: Record<string, string | number> = {}): void {
  sayText(turn, tr(turn, key, vars));
}

/** Quick replies, leaving out what the store switched off or the shopper cannot use. */
export function quickReplies(turn: Turn, keys: QuickKey[], text?: string): void {
  const { settings } = turn.ctx.store;
  const list = keys
    .filter((k) => (k === "human" ? settings.handoffEnabled : true))
    .filter((k) => (k === "myOrders" ? !!turn.ctx.shopper.customerId : true))
    .filter((k) =>
      k === "track" || k === "trackAnother" || k === "myOrders" ? settings.orderTracking : true,
    )
    .map((k) => ({ label: tr(turn, QR_LABEL[k]), value: QR[k] }));
  if (list.length === 0) return;
  push(turn, {
    id: turn.idGen(),
    role: "bot",
    type: "quick_replies",
    quickReplies: list,
    ...(text ? { text } : {}),
  });
}

/** A question with its own answer chips (labels already in the conversation's language). */
export function choiceChips(turn: Turn, text: string, chips: { label: string; value: string }[]): void {
  push(turn, { id: turn.idGen(), role: "bot", type: "quick_replies", text, quickReplies: chips });
}

/** The handoff form, asking for the given fields. */
export function handoffForm(turn: Turn, key: MessageKey, fields: ("email" | "message")[]): void {
  push(turn, { id: turn.idGen(), role: "bot", type: "handoff", text: tr(turn, key), fields });
}

/** The confirmation that a handoff was created. */
export function handoffCreated(turn: Turn, text: string, handoffId: string): void {
  push(turn, { id: turn.idGen(), role: "bot", type: "handoff", text, handoffId });
}

/** The card of a verified order. */
export function orderCard(turn: Turn, text: string, order: WidgetOrder): void {
  push(turn, { id: turn.idGen(), role: "bot", type: "order", text, order });
}

/** The cards of a logged-in customer's recent orders. */
export function orderList(turn: Turn, text: string, orders: WidgetOrder[]): void {
  push(turn, { id: turn.idGen(), role: "bot", type: "order_list", text, orders });
}

/** Whether this turn already sent a handoff form or confirmation. */
export function hasHandoffMessage(turn: Turn): boolean {
  return turn.messages.some((m) => m.type === "handoff");
}

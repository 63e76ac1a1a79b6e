/** Whether the merchant's rules and the order's state allow an action now. Pure. */
import type { NormalizedOrder } from "../orders/types";
import { POSSIBLE_STATUSES, type ActionKind, type ActionRule } from "./types";

export type Refusal =
  | "disabled"
  | "ask_person"
  | "cancelled"
  | "shipped"
  | "not_delivered"
  | "window"
  | "return_window"
  | "value"
  | "status";

export type Eligibility = { ok: true } | { ok: false; reason: Refusal; hours?: number };

const SHIPPED = new Set([
  "partially_shipped",
  "shipped",
  "out_for_delivery",
  "delivered",
  "ready_for_pickup",
]);

function deliveredAt(order: NormalizedOrder): number | null {
  const times = order.shipments.map((s) => (s.deliveredAt ? Date.parse(s.deliveredAt) : NaN));
  const sent = order.shipments.map((s) => (s.shippedAt ? Date.parse(s.shippedAt) : NaN));
  const ok = times.filter((x) => Number.isFinite(x));
  if (!ok.length) ok.push(...sent.filter((x) => Number.isFinite(x)));
  return ok.length ? Math.max(...ok) : null;
}

function stateRefusal(kind: ActionKind, order: NormalizedOrder): Refusal | null {
  if (order.cancelledAt || order.status === "cancelled") return "cancelled";
  if (kind === "return") return order.status === "delivered" ? null : "not_delivered";
  if (SHIPPED.has(order.status) || order.shipments.length > 0) return "shipped";
  if (!POSSIBLE_STATUSES[kind].includes(order.status)) return "status";
  return null;
}

function windowRefusal(kind: ActionKind, rule: ActionRule, order: NormalizedOrder, now: Date): Eligibility {
  if (rule.windowHours === null) return { ok: true };
  const from =
    kind === "return" ? (deliveredAt(order) ?? Date.parse(order.placedAt)) : Date.parse(order.placedAt);
  if (now.getTime() - from <= rule.windowHours * 3_600_000) return { ok: true };
  return kind === "return"
    ? { ok: false, reason: "return_window" }
    : { ok: false, reason: "window", hours: rule.windowHours };
}

/**
 * `knowsDelivery: false` (WooCommerce core): a completed ("shipped") order counts as delivered for
 * returns, and the return window runs from when it was sent.
 */
export function eligibility(
  kind: ActionKind,
  rule: ActionRule,
  placed: NormalizedOrder,
  now: Date,
  opts: { knowsDelivery?: boolean } = {},
): Eligibility {
  const order: NormalizedOrder =
    kind === "return" && opts.knowsDelivery === false && placed.status === "shipped"
      ? { ...placed, status: "delivered" }
      : placed;
  if (!rule.enabled) return { ok: false, reason: "disabled" };
  if (rule.askPerson) return { ok: false, reason: "ask_person" };
  const state = stateRefusal(kind, order);
  if (state) return { ok: false, reason: state };
  if (!rule.statuses.includes(order.status)) return { ok: false, reason: "status" };
  const w = windowRefusal(kind, rule, order, now);
  if (!w.ok) return w;
  if (rule.maxTotal !== null && Number(order.total.amount) > Number(rule.maxTotal))
    return { ok: false, reason: "value" };
  return { ok: true };
}

/**
 * The order card of the widget protocol: status label, shipment summaries, progress steps. Its dates and
 * labels are written by the same Ctx as the answer text, so text and card agree (one clock).
 */
import type { WidgetOrder, WidgetOrderShipment } from "../../protocol";
import type { NormalizedOrder, Shipment } from "../types";
import type { OrderPhraseKey } from "../i18n";
import { Ctx, type DescribeContext } from "./context";
import { effectiveStatus, inCustoms, shippingShipments } from "./facts";
import { statusLabelKey } from "./status";

export function shipmentSummary(s: Shipment, x: Ctx): string {
  const st = effectiveStatus(s, x.c.knowsDelivery);
  if (!x.c.knowsDelivery && st === "in_transit") {
    return s.shippedAt ? x.t("sum_shipped", { date: x.d(s.shippedAt) }) : x.t("status_shipped");
  }
  switch (st) {
    case "delivered":
      return s.deliveredAt ? x.t("sum_delivered", { date: x.dw(s.deliveredAt) }) : x.t("status_delivered");
    case "out_for_delivery":
      return x.t("sum_ofd", { when: x.relOrOn(s.lastEvent?.at ?? x.c.now.toISOString()) });
    case "attempted_delivery":
      return x.t("sum_attempted", { date: s.lastEvent ? x.dw(s.lastEvent.at) : "" });
    case "delayed":
      return s.estimatedDeliveryAt
        ? x.t("sum_delayed", { eta: x.dw(s.estimatedDeliveryAt) })
        : x.t("sum_delayed_noeta");
    case "label_created":
      return x.t("sum_label");
    case "exception":
      return x.t("sum_problem");
    case "ready_for_pickup":
      return x.t("sum_ready");
    case "picked_up":
      return s.deliveredAt ? x.t("sum_picked_up", { date: x.dw(s.deliveredAt) }) : x.t("status_picked_up");
    default:
      if (inCustoms(s)) return x.t("sum_customs");
      return s.estimatedDeliveryAt
        ? x.t("sum_in_transit_eta", { eta: x.relOrDate(s.estimatedDeliveryAt) })
        : x.t("sum_in_transit");
  }
}

export type Step = { key: string; label: string; done: boolean; current: boolean };

export function steps(order: NormalizedOrder, x: Ctx): Step[] {
  const mk = (key: string, label: OrderPhraseKey, done: boolean): Step => ({
    key,
    label: x.t(label),
    done,
    current: false,
  });
  let list: Step[];
  const paid = !["pending_payment", "on_hold", "failed"].includes(order.status);
  if (order.status === "failed") {
    list = [mk("ordered", "step_ordered", true), mk("payment_failed", "step_payment_failed", true)];
  } else if (
    order.status === "cancelled" ||
    (order.status === "refunded" && !shippingShipments(order).length)
  ) {
    list = [mk("ordered", "step_ordered", true), mk("cancelled", "step_cancelled", true)];
  } else if (order.deliveryMethod === "pickup") {
    const ps = order.shipments.find((s) => s.status === "ready_for_pickup" || s.status === "picked_up");
    const picked = order.status === "delivered" || ps?.status === "picked_up";
    const ready = picked || order.status === "ready_for_pickup" || !!ps || order.status === "shipped";
    list = [mk("ordered", "step_ordered", true)];
    if (!paid) list.push(mk("paid", "step_paid", false));
    list.push(mk("ready_for_pickup", "step_ready", ready && paid), mk("picked_up", "step_picked_up", picked));
  } else {
    const ships = shippingShipments(order);
    const sts = ships.map((s) => effectiveStatus(s, x.c.knowsDelivery));
    const shipped = ships.length > 0 && sts.some((s) => s !== "label_created");
    const delivered =
      x.c.knowsDelivery &&
      ships.length > 0 &&
      sts.every((s) => s === "delivered") &&
      order.status !== "partially_shipped";
    const ofd = sts.some((s) => s === "out_for_delivery" || s === "attempted_delivery");
    list = [mk("ordered", "step_ordered", true)];
    if (!paid) list.push(mk("paid", "step_paid", false));
    list.push(mk("shipped", "step_shipped", shipped));
    if (ofd) list.push(mk("out_for_delivery", "step_out_for_delivery", true));
    list.push(mk("delivered", "step_delivered", delivered));
  }
  let last = -1;
  list.forEach((s, i) => {
    if (s.done) last = i;
  });
  if (last >= 0) list[last]!.current = true;
  return list;
}

/** The order card of the widget protocol. Contains no contact data (no email, phone, name or address). */
export function toWidgetOrder(order: NormalizedOrder, ctx: DescribeContext): WidgetOrder {
  const x = new Ctx(ctx);
  const shipments: WidgetOrderShipment[] = order.shipments.map((s) => ({
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    trackingUrl: s.trackingUrl,
    status: ctx.knowsDelivery ? s.status : effectiveStatus(s, false),
    shippedAt: s.shippedAt,
    estimatedDeliveryAt: s.estimatedDeliveryAt,
    deliveredAt: ctx.knowsDelivery ? s.deliveredAt : null,
    items: s.items.map((i) => ({ title: i.title, quantity: i.quantity })),
    summary: shipmentSummary(s, x),
  }));
  return {
    number: order.number,
    status: order.status,
    statusLabel: x.t(statusLabelKey(order, x)),
    placedAt: order.placedAt,
    placedOn: x.d(order.placedAt),
    timeZone: x.zone,
    total: { amount: order.total.amount, currency: order.total.currency },
    totalFormatted: x.money(order.total),
    items: order.items.map((i) => ({
      title: i.title,
      quantity: i.quantity,
      variantTitle: i.variantTitle ?? null,
    })),
    shipments,
    statusPageUrl: order.statusPageUrl,
    steps: steps(order, x),
  };
}

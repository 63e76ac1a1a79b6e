/** The plain-language status label of an order (and of one shipment). */
import type { NormalizedOrder, Shipment } from "../types";
import type { OrderPhraseKey } from "../i18n";
import { Ctx, type DescribeContext } from "./context";
import { effectiveStatus, inCustoms, shippingShipments } from "./facts";

export function statusKeyForShipment(s: Shipment, x: Ctx): OrderPhraseKey {
  const st = effectiveStatus(s, x.c.knowsDelivery);
  switch (st) {
    case "delivered":
      return "status_delivered";
    case "out_for_delivery":
      return "status_out_for_delivery";
    case "attempted_delivery":
      return "status_attempted";
    case "delayed":
      return "status_delayed";
    case "label_created":
      return "status_label_created";
    case "exception":
      return "status_exception";
    case "ready_for_pickup":
      return "status_ready_for_pickup";
    case "picked_up":
      return "status_picked_up";
    default:
      return inCustoms(s) ? "status_customs" : "status_shipped";
  }
}

export function orderStatusLabel(order: NormalizedOrder, ctx: DescribeContext): string {
  const x = new Ctx(ctx);
  return x.t(statusLabelKey(order, x));
}

export function statusLabelKey(order: NormalizedOrder, x: Ctx): OrderPhraseKey {
  switch (order.status) {
    case "pending_payment":
      return "status_pending_payment";
    case "on_hold":
      return "status_on_hold";
    case "failed":
      return "status_failed";
    case "cancelled":
      return "status_cancelled";
  }
  if (order.status === "refunded") return "status_refunded";
  if (order.deliveryMethod === "pickup") {
    const ps = order.shipments.find((s) => s.status === "ready_for_pickup" || s.status === "picked_up");
    if (order.status === "delivered" || ps?.status === "picked_up") return "status_picked_up";
    if (order.status === "ready_for_pickup" || ps || order.status === "shipped")
      return "status_ready_for_pickup";
    return "status_processing";
  }
  const ships = shippingShipments(order);
  if (!ships.length)
    return order.status === "partially_refunded" ? "status_partially_refunded" : "status_processing";
  if (ships.length === 1) {
    const k = statusKeyForShipment(ships[0]!, x);
    if (k === "status_shipped" && order.status === "partially_shipped") return "status_partially_shipped";
    return k;
  }
  const sts = ships.map((s) => effectiveStatus(s, x.c.knowsDelivery));
  if (sts.every((s) => s === "delivered") && order.status !== "partially_shipped") return "status_delivered";
  if (
    order.status === "partially_shipped" ||
    order.items.some((i) => i.backordered || (i.unshippedQuantity ?? 0) > 0)
  )
    return "status_partially_shipped";
  if (sts.some((s) => s === "out_for_delivery")) return "status_out_for_delivery";
  return "status_shipped";
}

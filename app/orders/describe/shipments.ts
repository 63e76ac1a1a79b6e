/** Sentences for several shipments of one order, and for items not shipped with them. */
import type { NormalizedOrder, Shipment } from "../types";
import type { Ctx } from "./context";
import { carrierName, carrierTracking, effectiveStatus, inCustoms, itemName, shipmentItems } from "./facts";
import { shippedDate } from "./dates";
import { statusKeyForShipment } from "./status";
import { describeShipment } from "./shipment";

/** Short status phrase of one shipment inside a multi-package answer. */
export function shipmentPhrase(s: Shipment, x: Ctx): string {
  const status = effectiveStatus(s, x.c.knowsDelivery);
  if (!x.c.knowsDelivery && status === "in_transit")
    return x.t("ms_shipped", { date: shippedDate(s, x, false) });
  switch (status) {
    case "delivered":
      return x.t("ms_delivered", { date: s.deliveredAt ? x.dw(s.deliveredAt) : "" });
    case "out_for_delivery":
      return x.t("ms_ofd", { when: x.relOrOn(s.lastEvent?.at ?? x.c.now.toISOString()) });
    case "label_created":
      return x.t("ms_label");
    case "delayed":
      return s.estimatedDeliveryAt
        ? x.t("ms_delayed_eta", { eta: x.dw(s.estimatedDeliveryAt) })
        : x.t("ms_delayed");
    case "attempted_delivery":
      return x.t("ms_attempted", { date: s.lastEvent ? x.dw(s.lastEvent.at) : "" });
    case "exception":
      return x.t("ms_problem");
    default:
      if (inCustoms(s)) return x.t("ms_customs");
      return s.estimatedDeliveryAt
        ? x.t("ms_transit_eta", { eta: x.relOrDate(s.estimatedDeliveryAt) })
        : x.t("ms_transit");
  }
}

export function describeShipments(order: NormalizedOrder, ships: Shipment[], x: Ctx): string[] {
  if (ships.length === 1) return describeShipment(order, ships[0]!, x);
  const carriers = new Set(ships.map((s) => carrierName(s) ?? ""));
  const days = new Set(ships.map((s) => (s.shippedAt ? x.d(s.shippedAt) : "")));
  const statuses = new Set(ships.map((s) => effectiveStatus(s, x.c.knowsDelivery)));
  const carrier = carrierName(ships[0]!);
  if (
    carriers.size === 1 &&
    carrier &&
    days.size === 1 &&
    statuses.size === 1 &&
    ships[0]!.shippedAt &&
    ships.every((s) => s.trackingNumber)
  ) {
    const list = x.list(
      ships.map((s) => (s.items.length ? `${s.trackingNumber} (${shipmentItems(s, x)})` : s.trackingNumber!)),
    );
    const out = [
      x.t("multi_same", { shipped: x.d(ships[0]!.shippedAt), count: ships.length, carrier, list }),
    ];
    const st = [...statuses][0]!;
    if (x.c.knowsDelivery && st !== "in_transit")
      out.push(x.t("status_sentence", { status: x.t(statusKeyForShipment(ships[0]!, x)) }));
    return out;
  }
  const parts = ships.map((s) =>
    x.t("multi_part", {
      ct: carrierTracking(s, x),
      hasItems: s.items.length > 0,
      items: shipmentItems(s, x),
      phrase: shipmentPhrase(s, x),
    }),
  );
  return [x.t("multi", { count: ships.length, list: parts.join("; ") })];
}

export function backorderSentences(order: NormalizedOrder, x: Ctx, anyShipped: boolean): string[] {
  const back = order.items.filter((i) => i.backordered);
  const out: string[] = [];
  if (back.length) {
    out.push(x.t("backordered", { count: back.length, items: x.list(back.map(itemName)) }));
  } else if (anyShipped) {
    const unshipped = order.items.filter((i) => (i.unshippedQuantity ?? 0) > 0);
    if (unshipped.length)
      out.push(x.t("unshipped", { count: unshipped.length, items: x.list(unshipped.map(itemName)) }));
  }
  return out;
}

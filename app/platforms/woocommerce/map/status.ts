/**
 * Woo status slug (+ tracking, pickup) → canonical order status, shipment statuses, cancellation.
 *
 * Status decisions (WooCommerce → canonical):
 * - completed → shipped (Woo has no delivery state; never "delivered" unless a plugin status says so);
 *   completed + local pickup shipping line (no tracking) → ready_for_pickup.
 * - processing + tracking items → shipped only when everything ordered is in a parcel: by AST's
 *   per-item data when the tracking items carry it, else only when the order is a single unit
 *   (a store that ships the rest marks the order completed); partially_shipped otherwise, and
 *   always when a line is backordered. "1 of 2 items tracked" is never "shipped".
 * - partial refunds do NOT change the status (an order that shipped stays shipped); they appear in
 *   `refunds`. Woo core has no "partially refunded" status; only a plugin slug maps to it.
 * - unknown slugs: shipped when tracking exists, processing when paid, else on_hold.
 * - shipment.status is "unknown" for Woo tracking items (the shop records no carrier scans).
 */
import type {
  CanonicalOrderStatus,
  NormalizedOrder,
  Refund,
  Shipment,
  ShipmentStatus,
} from "../../../orders/types";
import { wooDate } from "../dates";
import type { WooOrder, WooOrderNote, WooShippingLine } from "../types";
import type { WooItem } from "./items";
import { cancelReasonFrom, statusChangeDate } from "./notes";
import { htmlToText as noteText } from "../../text";

const PICKUP_METHODS = new Set([
  "local_pickup",
  "pickup_location",
  "local_pickup_plus",
  "legacy_local_pickup",
]);

/** Woo status slug → canonical status before tracking/pickup refinements. Exported for tests and support tools. */
export const WOO_STATUS_MAP: Readonly<Record<string, CanonicalOrderStatus>> = {
  pending: "pending_payment",
  "checkout-draft": "pending_payment",
  "auto-draft": "pending_payment",
  draft: "pending_payment",
  "on-hold": "on_hold",
  processing: "processing",
  completed: "shipped",
  cancelled: "cancelled",
  refunded: "refunded",
  failed: "failed",
  trash: "cancelled",
  // common plugin statuses (AST, TrackShip, WooCommerce >= 11.3 local pickup, "order status manager" setups)
  shipped: "shipped",
  "partial-shipped": "partially_shipped",
  "partially-shipped": "partially_shipped",
  "updated-tracking": "shipped",
  "in-transit": "shipped",
  "out-for-delivery": "out_for_delivery",
  delivered: "delivered",
  "ready-for-pickup": "ready_for_pickup",
  "ready-pickup": "ready_for_pickup",
  "awaiting-shipment": "processing",
  "awaiting-payment": "pending_payment",
  "partially-refunded": "partially_refunded",
  "partial-refunded": "partially_refunded",
};

export function normalizeSlug(status: string): string {
  return String(status ?? "")
    .trim()
    .toLowerCase()
    .replace(/^wc-/, "");
}

export interface WooDelivery {
  method: NormalizedOrder["deliveryMethod"];
  pickupLine: WooShippingLine | undefined;
}

export function deliveryOf(order: WooOrder): WooDelivery {
  const shippingLines = order.shipping_lines ?? [];
  const pickupLine = shippingLines.find((l) => PICKUP_METHODS.has((l.method_id ?? "").toLowerCase()));
  const hasShippingAddress = !!(order.shipping?.address_1 || order.shipping?.city || order.shipping?.country);
  const method: NormalizedOrder["deliveryMethod"] = pickupLine
    ? "pickup"
    : shippingLines.length > 0 || hasShippingAddress
      ? "shipping"
      : "none";
  return { method, pickupLine };
}

function fallbackStatus(order: WooOrder, shipmentCount: number): CanonicalOrderStatus {
  // unknown plugin status: say no more than the data supports
  if (shipmentCount > 0) return "shipped";
  if (order.date_paid_gmt || order.date_paid) return "processing";
  return "on_hold";
}

export function orderStatus(
  slug: string,
  order: WooOrder,
  shipments: Shipment[],
  items: WooItem[],
  delivery: WooDelivery,
  everythingTracked: boolean,
): CanonicalOrderStatus {
  let status: CanonicalOrderStatus = WOO_STATUS_MAP[slug] ?? fallbackStatus(order, shipments.length);
  if (slug === "processing" && shipments.length > 0)
    status = items.some((i) => i.backordered) || !everythingTracked ? "partially_shipped" : "shipped";
  if (delivery.method === "pickup" && (slug === "completed" || slug === "shipped") && shipments.length === 0)
    status = "ready_for_pickup";
  return status;
}

/** Shipment statuses follow what the store actually says (Woo core has no carrier scans). */
export function applyShipmentStatus(
  shipments: Shipment[],
  status: CanonicalOrderStatus,
  slug: string,
  order: WooOrder,
  tz: string,
): void {
  const shipmentStatus: ShipmentStatus =
    status === "delivered"
      ? "delivered"
      : status === "out_for_delivery"
        ? "out_for_delivery"
        : slug === "in-transit"
          ? "in_transit"
          : "unknown";
  for (const s of shipments) s.status = shipmentStatus;
  if (status === "delivered") {
    // AST/TrackShip `delivered`: the status change time is the best delivery time we have
    const at =
      wooDate(order.date_completed_gmt, order.date_completed, tz) ??
      wooDate(order.date_modified_gmt, order.date_modified, tz);
    for (const s of shipments) s.deliveredAt = at;
  }
}

export function cancellationOf(
  slug: string,
  order: WooOrder,
  refunds: Refund[],
  notes: WooOrderNote[],
  hasShipments: boolean,
  tz: string,
): { cancelledAt: string | null; cancelReason: string | null } {
  if (slug === "cancelled" || slug === "trash") {
    const cancelledAt =
      statusChangeDate(notes, /to (?:Cancelled|Storniert)\.?$/i, tz) ??
      wooDate(order.date_modified_gmt, order.date_modified, tz);
    const reasonText = [...refunds.map((r) => r.note ?? ""), ...notes.map((n) => noteText(n.note))].join(
      " \n ",
    );
    const cancelReason = /time limit reached|unpaid order/i.test(reasonText)
      ? "other"
      : (cancelReasonFrom(reasonText) ?? "other");
    return { cancelledAt, cancelReason };
  }
  if (slug === "refunded") {
    const cancelRefund = refunds.find((r) => /cancel/i.test(r.note ?? ""));
    if (cancelRefund && !hasShipments)
      return {
        cancelledAt: cancelRefund.createdAt,
        cancelReason: cancelReasonFrom(cancelRefund.note ?? "") ?? "other",
      };
  }
  return { cancelledAt: null, cancelReason: null };
}

/** Canonical order status of a Shopify order. */
import type { CanonicalOrderStatus, OrderItem, Shipment } from "../../../orders/types";
import type { ShopifyOrderNode } from "./types";

function shippingProgress(shipments: Shipment[], partiallyFulfilled: boolean): CanonicalOrderStatus {
  if (partiallyFulfilled) return "partially_shipped";
  const done = (s: Shipment) => s.status === "delivered" || s.status === "picked_up";
  if (shipments.every(done)) return "delivered";
  const open = shipments.filter((s) => !done(s));
  if (open.every((s) => s.status === "out_for_delivery")) return "out_for_delivery";
  return "shipped";
}

/**
 * Canonical status. Order of precedence:
 * cancelled → payment problems (refunded, voided/expired, pending) → pickup → shipping progress
 * → holds → partially refunded (nothing shipped) → processing.
 */
export function deriveStatus(
  node: ShopifyOrderNode,
  shipments: Shipment[],
  items: OrderItem[],
): CanonicalOrderStatus {
  const fin = node.displayFinancialStatus ?? null;
  const ful = node.displayFulfillmentStatus;
  if (node.cancelledAt) return "cancelled";
  if (fin === "REFUNDED") return "refunded";
  if (fin === "VOIDED" || fin === "EXPIRED") return "failed";
  if (fin === "PENDING" || fin === "PARTIALLY_PAID") return "pending_payment";

  const unshipped = items.reduce((n, i) => n + (i.unshippedQuantity ?? 0), 0);
  const partiallyFulfilled = ful === "PARTIALLY_FULFILLED" || (shipments.length > 0 && unshipped > 0);
  if (shipments.some((s) => s.status === "ready_for_pickup")) return "ready_for_pickup";
  if (shipments.length > 0) return shippingProgress(shipments, partiallyFulfilled);

  const fos = node.fulfillmentOrders?.nodes ?? [];
  const openFos = fos.filter((fo) => fo.status !== "CLOSED" && fo.status !== "CANCELLED");
  if (ful === "ON_HOLD" || (openFos.length > 0 && openFos.every((fo) => fo.status === "ON_HOLD")))
    return "on_hold";
  if (fin === "PARTIALLY_REFUNDED") return "partially_refunded";
  return "processing";
}

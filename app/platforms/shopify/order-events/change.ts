/**
 * Shopify's REST-shaped webhook payloads (orders/updated, fulfillments/create|update) → what the
 * order-event job needs. The status rules follow deriveStatus (map.ts) as far as the REST payload
 * allows: cancelled → payment problems → shipping progress → partial refund → processing.
 */
import type { OrderEventChange } from "../../../jobs/order-events/types";
import type { CanonicalOrderStatus } from "../../../orders/types";
import { shipmentStatusFromShopify } from "../map";

export class ShopifyPayloadError extends Error {}

type Json = Record<string, unknown>;

const str = (v: unknown): string | null =>
  typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : null;

/** The numeric id, from the exact gid when present (JSON numbers above 2^53 lose digits). */
function restId(p: Json, key: string, gidKey?: string): string {
  const gid = gidKey ? str(p[gidKey]) : null;
  const fromGid = gid?.match(/\/(\d+)$/)?.[1];
  const id = fromGid ?? str(p[key]);
  if (!id || !/^\d{1,20}$/.test(id)) throw new ShopifyPayloadError(`payload has no valid ${key}`);
  return id;
}

function iso(v: unknown): string | null {
  const d = typeof v === "string" ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
}

function liveFulfillments(p: Json): Json[] {
  const list = Array.isArray(p.fulfillments) ? (p.fulfillments as Json[]) : [];
  return list.filter((f) => f && f.status !== "cancelled" && f.status !== "error" && f.status !== "failure");
}

export function restOrderStatus(p: Json): CanonicalOrderStatus {
  const fin = str(p.financial_status);
  const ful = str(p.fulfillment_status);
  if (p.cancelled_at) return "cancelled";
  if (fin === "refunded") return "refunded";
  if (fin === "voided" || fin === "expired") return "failed";
  if (fin === "pending" || fin === "partially_paid") return "pending_payment";
  const live = liveFulfillments(p);
  if (ful === "partial") return "partially_shipped";
  if (live.length > 0 || ful === "fulfilled") {
    const delivered = live.length > 0 && live.every((f) => f.shipment_status === "delivered");
    if (delivered) return "delivered";
    if (live.length > 0 && live.every((f) => f.shipment_status === "out_for_delivery"))
      return "out_for_delivery";
    return "shipped";
  }
  if (fin === "partially_refunded") return "partially_refunded";
  return "processing";
}

export function shopifyChange(topic: string, payload: unknown): OrderEventChange {
  if (!payload || typeof payload !== "object" || Array.isArray(payload))
    throw new ShopifyPayloadError("payload is not an object");
  const p = payload as Json;
  if (topic === "orders/updated") {
    const customer = (p.customer ?? null) as Json | null;
    return {
      kind: "order",
      orderId: restId(p, "id", "admin_graphql_api_id"),
      orderNumber: str(p.name)?.replace(/^#/, "").slice(0, 64) ?? str(p.order_number),
      status: restOrderStatus(p),
      platformStatus: [str(p.financial_status), str(p.fulfillment_status)].filter(Boolean).join("/") || null,
      customerId: customer
        ? (str(customer.admin_graphql_api_id)?.match(/\/(\d+)$/)?.[1] ?? str(customer.id))
        : null,
      sourceUpdatedAt: iso(p.updated_at),
    };
  }
  const cancelled = p.status === "cancelled" || p.status === "error" || p.status === "failure";
  const shipment = str(p.shipment_status);
  return {
    kind: "shipment",
    orderId: restId(p, "order_id"),
    shipmentStatus: cancelled
      ? "cancelled"
      : shipment
        ? shipmentStatusFromShopify(shipment.toUpperCase())
        : "unknown",
    sourceUpdatedAt: iso(p.updated_at),
  };
}

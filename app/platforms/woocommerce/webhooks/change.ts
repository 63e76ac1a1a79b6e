/**
 * A WooCommerce webhook payload → what the order-event job needs. order.created/updated carry the
 * REST v3 order (mapped with the same mapper the bot answers with, so the status is the one the
 * shopper would see); order.deleted and customer.deleted carry only `{"id": N}`.
 */
import type { OrderEventChange } from "../../../jobs/order-events/types";
import { mapWooOrder } from "../map";
import type { WooOrder, WooStoreContext } from "../types";

export const WOO_WEBHOOK_TOPICS = [
  "order.created",
  "order.updated",
  "order.deleted",
  "customer.deleted",
] as const;
export type WooWebhookTopic = (typeof WOO_WEBHOOK_TOPICS)[number];

export const isWooWebhookTopic = (t: string): t is WooWebhookTopic =>
  (WOO_WEBHOOK_TOPICS as readonly string[]).includes(t);

export class PayloadError extends Error {}

function positiveId(v: unknown): string {
  const s = typeof v === "number" ? String(v) : typeof v === "string" ? v : "";
  if (!/^[1-9]\d{0,18}$/.test(s)) throw new PayloadError("payload has no valid id");
  return s;
}

function gmtIso(v: unknown): string | null {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(v)) return null;
  const d = new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(v) ? v : `${v}Z`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function wooChange(
  topic: WooWebhookTopic,
  payload: unknown,
  store: WooStoreContext,
): OrderEventChange {
  if (!payload || typeof payload !== "object" || Array.isArray(payload))
    throw new PayloadError("payload is not an object");
  const p = payload as Record<string, unknown>;
  if (topic === "customer.deleted") return { kind: "customer_deleted", customerId: positiveId(p.id) };
  if (topic === "order.deleted") return { kind: "order_deleted", orderId: positiveId(p.id) };
  const orderId = positiveId(p.id);
  if (typeof p.status !== "string") throw new PayloadError("order has no status");
  let status: string;
  try {
    status = mapWooOrder(p as unknown as WooOrder, { store, trackings: null, notes: null }).status;
  } catch {
    throw new PayloadError("order payload could not be read");
  }
  const customer = p.customer_id;
  return {
    kind: "order",
    orderId,
    orderNumber: typeof p.number === "string" && p.number ? p.number.slice(0, 64) : orderId,
    status,
    platformStatus: p.status.slice(0, 64),
    customerId:
      (typeof customer === "number" || typeof customer === "string") && Number(customer) > 0
        ? String(customer)
        : null,
    sourceUpdatedAt: gmtIso(p.date_modified_gmt),
  };
}

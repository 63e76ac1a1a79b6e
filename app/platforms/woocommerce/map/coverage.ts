/**
 * Which line items the tracking numbers cover. WooCommerce core and Shipment Tracking record no
 * items per parcel; AST's per-item tracking stores `products_list` (line item id, product id,
 * quantity) on each tracking item. With it the mapper knows "1 of 2 items shipped"; without it the
 * coverage is unknown and the mapper says no more than the order status supports.
 */
import type { OrderItem } from "../../../orders/types";
import type { WooLineItem } from "../types";
import { lineOf, type WooItem } from "./items";

export interface TrackedLine {
  itemId: number | null;
  productId: number | null;
  qty: number;
}

const num = (v: unknown): number | null => {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
};

/** AST `products_list` (array or index-keyed object of { item_id, product, qty }) → lines; null when absent. */
export function trackedLines(raw: unknown): TrackedLine[] | null {
  const list = Array.isArray(raw) ? raw : raw && typeof raw === "object" ? Object.values(raw) : null;
  if (!list) return null;
  const lines: TrackedLine[] = [];
  for (const e of list) {
    if (!e || typeof e !== "object") continue;
    const r = e as Record<string, unknown>;
    const itemId = num(r.item_id);
    const productId = num(r.product ?? r.product_id);
    if (itemId === null && productId === null) continue;
    lines.push({ itemId, productId, qty: num(r.qty ?? r.quantity) ?? 1 });
  }
  return lines.length ? lines : null;
}

function lineIndex(line: TrackedLine, lineItems: WooLineItem[]): number {
  if (line.itemId !== null) {
    const i = lineItems.findIndex((li) => li.id === line.itemId);
    if (i >= 0) return i;
  }
  return lineItems.findIndex(
    (li) =>
      line.productId !== null && (li.variation_id === line.productId || li.product_id === line.productId),
  );
}

/** Tracked quantity per line item (same order as `lineItems`); null when any parcel lacks item data. */
export function trackedQuantities(
  parcels: { lines: TrackedLine[] | null }[],
  lineItems: WooLineItem[],
): number[] | null {
  if (parcels.length === 0 || parcels.some((p) => !p.lines)) return null;
  const tracked = lineItems.map(() => 0);
  for (const p of parcels)
    for (const line of p.lines!) {
      const i = lineIndex(line, lineItems);
      if (i >= 0) tracked[i] += line.qty;
    }
  return tracked;
}

/** Whether everything ordered is in a parcel: by item data when known, else only a single unit can be. */
export function allTracked(tracked: number[] | null, items: WooItem[]): boolean {
  if (tracked) return items.every((it, i) => it.quantity <= 0 || tracked[i] >= it.quantity);
  return items.reduce((n, it) => n + Math.max(0, it.quantity), 0) <= 1;
}

/** The items of one parcel from its item data. */
export function parcelItems(lines: TrackedLine[], lineItems: WooLineItem[], items: WooItem[]): OrderItem[] {
  const out: OrderItem[] = [];
  for (const line of lines) {
    const i = lineIndex(line, lineItems);
    if (i >= 0) out.push({ ...lineOf(items[i]), quantity: Math.min(line.qty, items[i].quantity) });
  }
  return out;
}

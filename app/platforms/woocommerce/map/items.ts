/** Woo line items → OrderItem (variation titles, backorder flags, unshipped quantities). */
import type { CanonicalOrderStatus, OrderItem } from "../../../orders/types";
import { safeLinkUrl } from "../../../protocol/url";
import type { WooLineItem, WooMeta } from "../types";
import { decodeEntities } from "../../text";

export type WooItem = OrderItem & { backordered: boolean };

export function metaValue(meta: WooMeta[] | undefined, key: string): unknown {
  const hit = (meta ?? []).find((m) => m.key === key);
  return hit ? hit.value : undefined;
}

function backorderedMetaOf(meta: WooMeta[]): WooMeta | undefined {
  return meta.find(
    (m) => /^backordered$/i.test(String(m.key)) || /^backordered$/i.test(String(m.display_key ?? "")),
  );
}

function isYes(v: unknown): boolean {
  return !["", "0", "no", "false"].includes(
    String(v ?? "")
      .trim()
      .toLowerCase(),
  );
}

export function mapItem(li: WooLineItem): WooItem {
  const meta = li.meta_data ?? [];
  const backorderedMeta = backorderedMetaOf(meta);
  const backordered = !!backorderedMeta && isYes(backorderedMeta.value);
  const attrs = meta
    .filter(
      (m) =>
        !String(m.key).startsWith("_") &&
        m !== backorderedMeta &&
        (String(m.key).startsWith("pa_") || (li.variation_id ?? 0) > 0),
    )
    .map((m) => decodeEntities(String(m.display_value ?? m.value ?? "")).trim())
    .filter((v) => v && !v.startsWith("{") && !v.startsWith("["));
  const isVariation = (li.variation_id ?? 0) > 0 && !!li.parent_name;
  const title = decodeEntities(isVariation ? String(li.parent_name) : li.name);
  const variantTitle = attrs.length
    ? attrs.join(" / ")
    : isVariation
      ? variantFromName(decodeEntities(li.name), title)
      : null;
  return {
    title,
    variantTitle,
    sku: li.sku ? String(li.sku) : null,
    quantity: Number(li.quantity) || 0,
    backordered,
    imageUrl: safeLinkUrl(li.image?.src),
  };
}

function variantFromName(name: string, parent: string): string | null {
  if (name.startsWith(parent)) {
    const rest = name
      .slice(parent.length)
      .replace(/^\s*[-–]\s*/, "")
      .trim();
    return rest || null;
  }
  return null;
}

/** The item as a shipment/refund line (no stock or image details). */
export function lineOf(i: OrderItem): OrderItem {
  const { title, variantTitle, sku, quantity } = i;
  return { title, variantTitle, sku, quantity };
}

export const FULLY_SHIPPED: readonly CanonicalOrderStatus[] = ["shipped", "out_for_delivery", "delivered"];

function unshippedFor(
  i: WooItem,
  status: CanonicalOrderStatus,
  tracked: number | null,
  partlyKnown: boolean,
): number | undefined {
  if (["pending_payment", "on_hold", "processing", "failed"].includes(status)) return i.quantity;
  if (tracked !== null && status === "partially_shipped")
    return i.backordered ? i.quantity : Math.max(0, i.quantity - tracked);
  if (status === "partially_shipped") return i.backordered ? i.quantity : partlyKnown ? 0 : undefined;
  if (FULLY_SHIPPED.includes(status) || status === "ready_for_pickup") return 0;
  if (status === "cancelled" || status === "refunded") return 0;
  return undefined;
}

/**
 * Quantities still to ship. `tracked` (per line, from item data) makes them exact; without it a
 * partial shipment explained by backorders ships the rest (`partlyKnown`), any other is unknown.
 */
export function withUnshipped(
  items: WooItem[],
  status: CanonicalOrderStatus,
  tracked: number[] | null = null,
): OrderItem[] {
  const partlyKnown = items.some((i) => i.backordered);
  return items.map((i, n) => {
    const unshipped = unshippedFor(i, status, tracked ? tracked[n] : null, partlyKnown);
    return unshipped === undefined ? i : { ...i, unshippedQuantity: unshipped };
  });
}

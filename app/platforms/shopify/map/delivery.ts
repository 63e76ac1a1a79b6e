/** Shopify line items and fulfillment orders → items (backorders, unshipped), delivery method, pickup. */
import type { NormalizedOrder, OrderItem } from "../../../orders/types";
import { safeLinkUrl } from "../../../protocol/url";
import type { ShopifyFulfillmentOrder, ShopifyOrderNode } from "./types";

/** Line items that sit in an ON_HOLD fulfillment order held for stock are backordered. */
function backorderedLineIds(fulfillmentOrders: ShopifyFulfillmentOrder[]): Set<string> {
  const ids = new Set<string>();
  for (const fo of fulfillmentOrders) {
    if (fo.status !== "ON_HOLD") continue;
    const stockHold = (fo.fulfillmentHolds ?? []).some((h) => h.reason === "INVENTORY_OUT_OF_STOCK");
    if (!stockHold) continue;
    for (const li of fo.lineItems?.nodes ?? []) if (li.remainingQuantity > 0) ids.add(li.lineItem.id);
  }
  return ids;
}

export function mapItems(node: ShopifyOrderNode): OrderItem[] {
  const backordered = backorderedLineIds(node.fulfillmentOrders?.nodes ?? []);
  return node.lineItems.nodes.map((li) => {
    const current = li.currentQuantity ?? li.quantity;
    const unshipped = Math.max(0, Math.min(li.unfulfilledQuantity ?? 0, current));
    const item: OrderItem = {
      title: li.title,
      variantTitle: li.variantTitle ?? null,
      sku: li.sku ?? null,
      quantity: li.quantity,
      unshippedQuantity: node.cancelledAt ? 0 : unshipped,
      imageUrl: safeLinkUrl(li.image?.url),
    };
    if (backordered.has(li.id) && !node.cancelledAt) item.backordered = true;
    return item;
  });
}

function formatLocationAddress(loc: NonNullable<ShopifyFulfillmentOrder["assignedLocation"]>): string | null {
  const cityLine = [loc.city, [loc.province, loc.zip].filter(Boolean).join(" ")]
    .filter((s) => !!s && s !== "")
    .join(", ");
  const parts = [loc.address1, loc.address2, cityLine].filter((s): s is string => !!s && s.trim() !== "");
  return parts.length ? parts.join(", ") : null;
}

export interface ShopifyDelivery {
  method: NormalizedOrder["deliveryMethod"];
  pickup: NormalizedOrder["pickup"];
}

/** Delivery method: pickup when any fulfillment order is a PICK_UP. */
export function deliveryOf(node: ShopifyOrderNode): ShopifyDelivery {
  const fulfillmentOrders = node.fulfillmentOrders?.nodes ?? [];
  const pickupFo = fulfillmentOrders.find((fo) => fo.deliveryMethod?.methodType === "PICK_UP");
  const anyShippingFo = fulfillmentOrders.some(
    (fo) =>
      fo.deliveryMethod &&
      fo.deliveryMethod.methodType !== "PICK_UP" &&
      fo.deliveryMethod.methodType !== "NONE",
  );
  const method: NormalizedOrder["deliveryMethod"] = pickupFo
    ? "pickup"
    : anyShippingFo || node.requiresShipping !== false
      ? "shipping"
      : "none";
  const pickup = pickupFo
    ? {
        locationName: pickupFo.assignedLocation?.name ?? pickupFo.deliveryMethod?.presentedName ?? null,
        address: pickupFo.assignedLocation ? formatLocationAddress(pickupFo.assignedLocation) : null,
        instructions: pickupFo.deliveryMethod?.additionalInformation?.instructions ?? null,
        holdUntil: null,
        readyAt: null as string | null,
      }
    : null;
  return { method, pickup };
}

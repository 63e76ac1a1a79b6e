/**
 * WooCommerce REST v3 order (+ Shipment Tracking items, order notes, refunds) → NormalizedOrder.
 * Pure: no I/O, no clock. The parts live in ./map/ (items, tracking, status, notes, pickup, refunds,
 * money, text); this file only puts them together.
 */
import type { CanonicalOrderStatus, Money, NormalizedOrder, Shipment } from "../../orders/types";
import { safeLinkUrl } from "../../protocol/url";
import { wooDate } from "./dates";
import { allTracked, parcelItems, trackedQuantities } from "./map/coverage";
import { lineOf, mapItem, withUnshipped, FULLY_SHIPPED, type WooItem } from "./map/items";
import { fromMinorUnits, normalizeAmount, toMinorUnits } from "../money";
import { applyNoteEstimates, customerNotesOf, noteOrder } from "./map/notes";
import { pickupDetails, pickupShipment } from "./map/pickup";
import { mapRefunds } from "./map/refunds";
import { applyShipmentStatus, cancellationOf, deliveryOf, normalizeSlug, orderStatus } from "./map/status";
import { collectTrackings, parcelToShipment, type TrackedParcel } from "./map/tracking";
import type { MapWooOrderExtras, WooLineItem, WooOrder } from "./types";

export type {
  InferCarrierFn,
  MapWooOrderExtras,
  WooOrder,
  WooOrderNote,
  WooRefund,
  WooShipmentTracking,
  WooStoreContext,
} from "./types";
export { WOO_STATUS_MAP } from "./map/status";
export { decodeEntities, htmlToText as noteText } from "../text";

export function mapWooOrder(order: WooOrder, extras: MapWooOrderExtras): NormalizedOrder {
  const store = extras.store;
  const tz = store.timezone || "UTC";
  const currency = (order.currency || store.currency || "").toUpperCase();
  const money = (v: unknown): Money => ({ amount: normalizeAmount(v, currency), currency });
  const slug = normalizeSlug(order.status);
  const notes = (extras.notes ?? []).slice().sort(noteOrder);
  const customerNotes = customerNotesOf(notes, tz);
  const delivery = deliveryOf(order);
  const baseItems = (order.line_items ?? []).map((li) => mapItem(li));

  const parcels = collectTrackings(order, extras, tz);
  const shipments = parcels.map(parcelToShipment);
  const lineItems = order.line_items ?? [];
  const tracked = trackedQuantities(parcels, lineItems);
  const status = orderStatus(slug, order, shipments, baseItems, delivery, allTracked(tracked, baseItems));
  applyShipmentStatus(shipments, status, slug, order, tz);
  assignParcelItems(shipments, parcels, status, lineItems, baseItems, tracked !== null);
  applyNoteEstimates(shipments, notes, tz);
  const items = withUnshipped(baseItems, status, tracked);

  let pickup: NormalizedOrder["pickup"] = null;
  if (delivery.method === "pickup") {
    pickup = pickupDetails(delivery.pickupLine?.meta_data ?? [], customerNotes, store, tz);
    if (status === "ready_for_pickup")
      shipments.push(pickupShipment(order, items, pickup, customerNotes, tz));
  }
  const refunds = mapRefunds(order, extras.refunds ?? null, notes, tz, money);
  const cancellation = cancellationOf(slug, order, refunds, notes, shipments.length > 0, tz);

  return {
    id: String(order.id),
    number: String(order.number ?? order.id).replace(/^#/, ""),
    placedAt: wooDate(order.date_created_gmt, order.date_created, tz) ?? new Date(0).toISOString(),
    status,
    platformStatus: order.status,
    ...paymentFields(order, slug, money, currency),
    items,
    shipments,
    refunds,
    ...cancellation,
    statusPageUrl: statusPageUrl(order, store.url),
    deliveryMethod: delivery.method,
    pickup,
    ...destination(order, delivery.method),
    customerNotes,
    contact: contactOf(order),
    customerLocale: null,
    test: false,
  };
}

/**
 * Items per shipment: from the tracking items' own item data, else only when unambiguous (one
 * parcel carries everything that is not backordered).
 */
function assignParcelItems(
  shipments: Shipment[],
  parcels: TrackedParcel[],
  status: CanonicalOrderStatus,
  lineItems: WooLineItem[],
  items: WooItem[],
  itemsKnown: boolean,
): void {
  if (itemsKnown) {
    shipments.forEach((s, i) => (s.items = parcelItems(parcels[i].lines!, lineItems, items)));
    return;
  }
  const byBackorder = status === "partially_shipped" && items.some((i) => i.backordered);
  if (shipments.length === 1 && (FULLY_SHIPPED.includes(status) || byBackorder))
    shipments[0].items = items.filter((i) => !i.backordered).map(lineOf);
}

function customerIdOf(order: WooOrder): string | null {
  return typeof order.customer_id === "number" && order.customer_id > 0 ? String(order.customer_id) : null;
}

function paymentFields(
  order: WooOrder,
  slug: string,
  money: (v: unknown) => Money,
  currency: string,
): Pick<
  NormalizedOrder,
  "total" | "outstanding" | "subtotal" | "discountCodes" | "paymentMethod" | "paymentUrl"
> {
  const paid = !!(order.date_paid_gmt || order.date_paid);
  const awaitingPayment = ["pending", "on-hold", "failed", "checkout-draft"].includes(slug) && !paid;
  const needsPayment = order.needs_payment === true;
  const lineItems = order.line_items ?? [];
  const minor = (v: unknown) => toMinorUnits(v, currency);
  const subtotal = lineItems.reduce((sum, li) => sum + minor(li.subtotal) + minor(li.subtotal_tax), 0);
  return {
    total: money(order.total),
    outstanding: awaitingPayment || needsPayment ? money(order.total) : null,
    subtotal: lineItems.length ? { amount: fromMinorUnits(subtotal, currency), currency } : null,
    discountCodes: (order.coupon_lines ?? []).map((c) => String(c.code ?? "").toUpperCase()).filter(Boolean),
    paymentMethod: order.payment_method_title || null,
    paymentUrl: needsPayment ? safeLinkUrl(order.payment_url) : null,
  };
}

function statusPageUrl(order: WooOrder, storeUrl: string): string | null {
  if (!customerIdOf(order)) return null;
  const base = String(storeUrl ?? "").replace(/\/+$/, "");
  return safeLinkUrl(`${base}/my-account/view-order/${encodeURIComponent(String(order.id))}/`);
}

function destination(
  order: WooOrder,
  method: NormalizedOrder["deliveryMethod"],
): Pick<NormalizedOrder, "shippingCountry" | "shippingCity"> {
  if (method !== "shipping") return { shippingCountry: null, shippingCity: null };
  const billing = order.billing ?? {};
  return {
    shippingCountry: order.shipping?.country || billing.country || null,
    shippingCity: order.shipping?.city || billing.city || null,
  };
}

function trimmed(v: unknown): string | null {
  return v ? String(v).trim() || null : null;
}

function contactOf(order: WooOrder): NormalizedOrder["contact"] {
  const billing = order.billing ?? {};
  const name =
    [billing.first_name, billing.last_name]
      .filter((x) => x && String(x).trim())
      .join(" ")
      .trim() || null;
  return {
    email: trimmed(billing.email),
    phone: billing.phone ? trimmed(billing.phone) : trimmed(order.shipping?.phone),
    customerId: customerIdOf(order),
    name,
  };
}

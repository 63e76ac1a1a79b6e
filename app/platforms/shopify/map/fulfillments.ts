/** Shopify fulfillments (tracking info, events, pickup preparations) → Shipment. */
import { inferCarrier as defaultInferCarrier } from "../../../orders/carriers";
import type { NormalizedOrder, Shipment, ShipmentEvent, ShipmentStatus } from "../../../orders/types";
import { safeLinkUrl } from "../../../protocol/url";
import type { CarrierInference, ShopifyFulfillment, ShopifyFulfillmentEvent } from "./types";

const SHIPMENT_STATUS_BY_DISPLAY: Record<string, ShipmentStatus> = {
  ATTEMPTED_DELIVERY: "attempted_delivery",
  CARRIER_PICKED_UP: "in_transit",
  CONFIRMED: "label_created",
  DELAYED: "delayed",
  DELIVERED: "delivered",
  FAILURE: "exception",
  NOT_DELIVERED: "exception",
  FULFILLED: "in_transit",
  MARKED_AS_FULFILLED: "in_transit",
  IN_TRANSIT: "in_transit",
  LABEL_PRINTED: "label_created",
  LABEL_PURCHASED: "label_created",
  SUBMITTED: "label_created",
  OUT_FOR_DELIVERY: "out_for_delivery",
  READY_FOR_PICKUP: "ready_for_pickup",
  PICKED_UP: "picked_up",
};

/** Map a FulfillmentDisplayStatus / FulfillmentEventStatus to the normalized shipment status. */
export function shipmentStatusFromShopify(status: string | null | undefined): ShipmentStatus {
  if (!status) return "unknown";
  return SHIPMENT_STATUS_BY_DISPLAY[status] ?? "unknown";
}

/** Fulfillments that never produced a parcel (cancelled, errored, voided label) are not shipments. */
export function isLiveFulfillment(f: ShopifyFulfillment): boolean {
  if (f.status === "CANCELLED" || f.status === "ERROR") return false;
  if (f.displayStatus === "CANCELED" || f.displayStatus === "LABEL_VOIDED") return false;
  return true;
}

export function byTime(a: string | null | undefined, b: string | null | undefined): number {
  return (a ? Date.parse(a) : 0) - (b ? Date.parse(b) : 0);
}

function eventLocation(e: ShopifyFulfillmentEvent): string | null {
  const parts = [e.city, e.province, e.country].filter((p): p is string => !!p && p.trim() !== "");
  return parts.length ? parts.join(", ") : null;
}

function humanizeEnum(v: string): string {
  const s = v.toLowerCase().replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function mapEvent(e: ShopifyFulfillmentEvent): ShipmentEvent {
  return {
    at: e.happenedAt,
    status: shipmentStatusFromShopify(e.status),
    message: e.message ?? humanizeEnum(e.status),
    location: eventLocation(e),
  };
}

export interface FulfillmentOptions {
  pickup: NormalizedOrder["pickup"];
  country: string | null;
  inferCarrier?: CarrierInference;
}

export function carrierInferenceOf(
  option: CarrierInference | false | undefined,
): CarrierInference | undefined {
  return option === false ? undefined : (option ?? defaultInferCarrier);
}

type Tracking = Pick<
  Shipment,
  "carrier" | "carrierCode" | "trackingNumber" | "trackingUrl" | "trackingUrlInferred"
>;

function trackingOf(f: ShopifyFulfillment, opts: FulfillmentOptions): Tracking {
  const trackingInfo = f.trackingInfo ?? [];
  const tracking = trackingInfo.find((t) => t.number) ?? trackingInfo[0] ?? null;
  const trackingNumber = tracking?.number ?? null;
  // only http(s) links from the store: a `javascript:` or `data:` URL is dropped (a carrier link may replace it)
  const storeUrl = safeLinkUrl(tracking?.url);
  const out: Tracking = {
    carrier: tracking?.company ?? null,
    carrierCode: null,
    trackingNumber,
    trackingUrl: storeUrl,
    trackingUrlInferred: false,
  };
  if (tracking && (trackingNumber || out.carrier) && opts.inferCarrier) {
    const inferred = opts.inferCarrier({
      carrier: out.carrier,
      trackingNumber,
      trackingUrl: out.trackingUrl,
      country: opts.country,
    });
    out.carrier = inferred.carrier ?? out.carrier;
    out.carrierCode = inferred.carrierCode ?? null;
    out.trackingUrl = safeLinkUrl(inferred.trackingUrl) ?? out.trackingUrl;
    out.trackingUrlInferred = inferred.trackingUrlInferred && !storeUrl;
  }
  return out;
}

function pickupOf(f: ShopifyFulfillment, pickup: NormalizedOrder["pickup"]): Shipment["pickup"] {
  if (pickup) return { ...pickup, readyAt: f.createdAt };
  return {
    locationName: f.location?.name ?? null,
    address: null,
    instructions: null,
    holdUntil: null,
    readyAt: f.createdAt,
  };
}

export function mapFulfillment(f: ShopifyFulfillment, opts: FulfillmentOptions): Shipment {
  const events = (f.events?.nodes ?? []).slice().sort((a, b) => byTime(a.happenedAt, b.happenedAt));
  const last = events.length ? events[events.length - 1] : null;
  const fromDisplay = shipmentStatusFromShopify(f.displayStatus);
  const status =
    fromDisplay !== "unknown" ? fromDisplay : last ? shipmentStatusFromShopify(last.status) : "unknown";
  const newestFirst = [...events].reverse();
  // Most recent carrier estimate: the fulfillment's own, else the newest event that carries one.
  const eventEstimate = newestFirst.find((e) => e.estimatedDeliveryAt)?.estimatedDeliveryAt ?? null;
  const isPickup = status === "ready_for_pickup" || status === "picked_up";
  const deliveredAt =
    f.deliveredAt ??
    (status === "delivered" ? (newestFirst.find((e) => e.status === "DELIVERED")?.happenedAt ?? null) : null);

  const shipment: Shipment = {
    ...trackingOf(f, opts),
    status,
    // A pickup order is never "shipped": it was prepared at the store.
    shippedAt: isPickup ? null : f.createdAt,
    estimatedDeliveryAt: isPickup ? null : (f.estimatedDeliveryAt ?? eventEstimate),
    deliveredAt,
    items: (f.fulfillmentLineItems?.nodes ?? []).map((fli) => ({
      title: fli.lineItem.title,
      variantTitle: fli.lineItem.variantTitle ?? null,
      sku: fli.lineItem.sku ?? null,
      quantity: fli.quantity ?? 1,
    })),
    lastEvent: last ? mapEvent(last) : null,
  };
  if (isPickup) shipment.pickup = pickupOf(f, opts.pickup);
  return shipment;
}

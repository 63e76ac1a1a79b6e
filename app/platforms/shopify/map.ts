/**
 * Pure mapping from Shopify Admin GraphQL (2026-01) objects to the normalized order model.
 * The input shapes are exactly what queries.ts selects (ORDER_FIELDS_FRAGMENT, SHOP_INFO).
 * No I/O here: tests and the CLI can call it directly.
 */
import type {
  CanonicalOrderStatus,
  Money,
  NormalizedOrder,
  OrderItem,
  Refund,
  Shipment,
  ShipmentEvent,
  ShipmentStatus,
  StoreInfo,
  StorePolicies,
} from "../../orders/types";
import {
  inferCarrier as defaultInferCarrier,
  type InferCarrierInput,
  type InferCarrierResult,
} from "../../orders/carriers";

// ---------------------------------------------------------------------------------------------
// Input shapes (subset of the Admin API schema, as selected by queries.ts)
// ---------------------------------------------------------------------------------------------

export interface ShopifyMoneyV2 {
  amount: string; // Decimal serialized like "84.0"
  currencyCode: string;
}
export interface ShopifyMoneyBag {
  shopMoney: ShopifyMoneyV2;
  presentmentMoney: ShopifyMoneyV2;
}
interface Connection<T> {
  nodes: T[];
}

export interface ShopifyLineItemRef {
  id: string;
  title: string;
  variantTitle?: string | null;
  sku?: string | null;
}

export interface ShopifyFulfillmentEvent {
  status: string;
  happenedAt: string;
  message?: string | null;
  city?: string | null;
  province?: string | null;
  country?: string | null;
  estimatedDeliveryAt?: string | null;
}

export interface ShopifyFulfillment {
  id: string;
  name?: string | null;
  status: string; // FulfillmentStatus: SUCCESS, CANCELLED, ERROR, FAILURE, OPEN, PENDING
  displayStatus?: string | null; // FulfillmentDisplayStatus
  createdAt: string;
  inTransitAt?: string | null;
  deliveredAt?: string | null;
  estimatedDeliveryAt?: string | null;
  location?: { name: string } | null;
  trackingInfo?: { company?: string | null; number?: string | null; url?: string | null }[] | null;
  /** absent in the lean list fragment */
  fulfillmentLineItems?: Connection<{ id?: string; quantity?: number | null; lineItem: ShopifyLineItemRef }>;
  events?: Connection<ShopifyFulfillmentEvent> | null;
}

export interface ShopifyFulfillmentOrder {
  id: string;
  status: string; // OPEN, IN_PROGRESS, SCHEDULED, ON_HOLD, CLOSED, CANCELLED, INCOMPLETE
  deliveryMethod?: {
    methodType: string;
    presentedName?: string | null;
    additionalInformation?: { instructions?: string | null; phone?: string | null } | null;
  } | null;
  assignedLocation?: {
    name: string;
    address1?: string | null;
    address2?: string | null;
    city?: string | null;
    province?: string | null;
    zip?: string | null;
    countryCode?: string | null;
  } | null;
  fulfillmentHolds?: { reason: string }[] | null;
  lineItems?: Connection<{
    totalQuantity: number;
    remainingQuantity: number;
    lineItem: { id: string };
  }> | null;
}

export interface ShopifyRefund {
  id: string;
  createdAt: string | null;
  note?: string | null;
  totalRefundedSet: ShopifyMoneyBag;
  refundLineItems?: Connection<{
    quantity: number;
    restockType: string; // NO_RESTOCK, CANCEL, RETURN, LEGACY_RESTOCK
    restocked: boolean;
    lineItem: ShopifyLineItemRef;
  }>;
}

export interface ShopifyOrderNode {
  id: string;
  name: string; // "#1003"
  number?: number | null;
  email?: string | null;
  phone?: string | null;
  createdAt: string;
  processedAt?: string | null;
  cancelledAt?: string | null;
  cancelReason?: string | null;
  closed?: boolean | null;
  test: boolean;
  displayFinancialStatus?: string | null;
  displayFulfillmentStatus: string;
  currencyCode?: string | null;
  presentmentCurrencyCode?: string | null;
  customerLocale?: string | null;
  paymentGatewayNames?: string[] | null;
  discountCodes?: string[] | null;
  requiresShipping?: boolean | null;
  statusPageUrl?: string | null;
  totalPriceSet: ShopifyMoneyBag;
  subtotalPriceSet?: ShopifyMoneyBag | null;
  totalRefundedSet?: ShopifyMoneyBag | null;
  totalOutstandingSet?: ShopifyMoneyBag | null;
  customer?: {
    id: string;
    displayName?: string | null;
    defaultEmailAddress?: { emailAddress?: string | null } | null;
    defaultPhoneNumber?: { phoneNumber?: string | null } | null;
  } | null;
  shippingAddress?: {
    name?: string | null;
    city?: string | null;
    countryCodeV2?: string | null;
    phone?: string | null;
  } | null;
  billingAddress?: { phone?: string | null } | null;
  lineItems: Connection<{
    id: string;
    title: string;
    variantTitle?: string | null;
    sku?: string | null;
    quantity: number;
    currentQuantity?: number | null;
    unfulfilledQuantity?: number | null;
    image?: { url?: string | null } | null;
  }>;
  fulfillments: ShopifyFulfillment[];
  fulfillmentOrders?: Connection<ShopifyFulfillmentOrder> | null;
  refunds?: ShopifyRefund[] | null;
}

export interface ShopifyShopNode {
  id?: string;
  name: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
  contactEmail?: string | null;
  email?: string | null;
  primaryDomain?: { host?: string | null; url?: string | null } | null;
  shopPolicies?: { type: string; title?: string | null; body: string; url?: string | null }[] | null;
}

export interface MapContext {
  shopDomain: string;
  timezone: string;
  currency: string;
}

/** Carrier inference (app/orders/carriers.ts by default); injectable for tests, `false` turns it off. */
export type CarrierInference = (input: InferCarrierInput) => InferCarrierResult;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** "84.0" → "84.00", "12.5" → "12.50", "129.99" stays, "3" → "3.00"; extra precision is kept. */
export function normalizeAmount(amount: string | number | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") return "0.00";
  const s = String(amount).trim();
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m) {
    const n = Number(s);
    return Number.isFinite(n) ? n.toFixed(2) : "0.00";
  }
  const [, sign, intPart, frac = ""] = m;
  const i = intPart === "" ? "0" : intPart.replace(/^0+(?=\d)/, "");
  const f = frac.length >= 2 ? frac : frac.padEnd(2, "0");
  return `${sign}${i}.${f}`;
}

function money(m: ShopifyMoneyV2 | null | undefined, fallbackCurrency: string): Money {
  return { amount: normalizeAmount(m?.amount), currency: m?.currencyCode ?? fallbackCurrency };
}

/** The money the shopper saw at checkout (presentment), falling back to shop money. */
function shopperMoney(bag: ShopifyMoneyBag | null | undefined, fallbackCurrency: string): Money | null {
  if (!bag) return null;
  return money(bag.presentmentMoney ?? bag.shopMoney, fallbackCurrency);
}

function isPositive(m: Money | null): boolean {
  return !!m && Number(m.amount) > 0;
}

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
function isLiveFulfillment(f: ShopifyFulfillment): boolean {
  if (f.status === "CANCELLED" || f.status === "ERROR") return false;
  if (f.displayStatus === "CANCELED" || f.displayStatus === "LABEL_VOIDED") return false;
  return true;
}

function eventLocation(e: ShopifyFulfillmentEvent): string | null {
  const parts = [e.city, e.province, e.country].filter((p): p is string => !!p && p.trim() !== "");
  return parts.length ? parts.join(", ") : null;
}

function mapEvent(e: ShopifyFulfillmentEvent): ShipmentEvent {
  return {
    at: e.happenedAt,
    status: shipmentStatusFromShopify(e.status),
    message: e.message ?? humanizeEnum(e.status),
    location: eventLocation(e),
  };
}

function humanizeEnum(v: string): string {
  const s = v.toLowerCase().replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function formatLocationAddress(loc: NonNullable<ShopifyFulfillmentOrder["assignedLocation"]>): string | null {
  const cityLine = [loc.city, [loc.province, loc.zip].filter(Boolean).join(" ")]
    .filter((s) => !!s && s !== "")
    .join(", ");
  const parts = [loc.address1, loc.address2, cityLine].filter((s): s is string => !!s && s.trim() !== "");
  return parts.length ? parts.join(", ") : null;
}

function byTime(a: string | null | undefined, b: string | null | undefined): number {
  return (a ? Date.parse(a) : 0) - (b ? Date.parse(b) : 0);
}

const PAYMENT_GATEWAY_NAMES: Record<string, string> = {
  shopify_payments: "Shopify Payments",
  bogus: "Bogus Gateway (test)",
  paypal: "PayPal",
  manual: "Manual",
  gift_card: "Gift card",
  cash: "Cash",
};

function paymentMethodName(gateways: string[] | null | undefined): string | null {
  const g = gateways?.[0];
  if (!g) return null;
  return PAYMENT_GATEWAY_NAMES[g] ?? g;
}

// ---------------------------------------------------------------------------------------------
// Order
// ---------------------------------------------------------------------------------------------

export function mapShopifyOrder(
  node: ShopifyOrderNode,
  ctx: MapContext,
  options: { inferCarrier?: CarrierInference | false } = {},
): NormalizedOrder {
  const currency = node.presentmentCurrencyCode ?? node.currencyCode ?? ctx.currency;
  const fulfillmentOrders = node.fulfillmentOrders?.nodes ?? [];

  // Line items that sit in an ON_HOLD fulfillment order held for stock are backordered.
  const backorderedLineIds = new Set<string>();
  for (const fo of fulfillmentOrders) {
    if (fo.status !== "ON_HOLD") continue;
    const stockHold = (fo.fulfillmentHolds ?? []).some((h) => h.reason === "INVENTORY_OUT_OF_STOCK");
    if (!stockHold) continue;
    for (const li of fo.lineItems?.nodes ?? [])
      if (li.remainingQuantity > 0) backorderedLineIds.add(li.lineItem.id);
  }

  const items: OrderItem[] = node.lineItems.nodes.map((li) => {
    const current = li.currentQuantity ?? li.quantity;
    const unshipped = Math.max(0, Math.min(li.unfulfilledQuantity ?? 0, current));
    const item: OrderItem = {
      title: li.title,
      variantTitle: li.variantTitle ?? null,
      sku: li.sku ?? null,
      quantity: li.quantity,
      unshippedQuantity: node.cancelledAt ? 0 : unshipped,
      imageUrl: li.image?.url ?? null,
    };
    if (backorderedLineIds.has(li.id) && !node.cancelledAt) item.backordered = true;
    return item;
  });

  // Delivery method: pickup when any fulfillment order is a PICK_UP.
  const pickupFo = fulfillmentOrders.find((fo) => fo.deliveryMethod?.methodType === "PICK_UP");
  const anyShippingFo = fulfillmentOrders.some(
    (fo) =>
      fo.deliveryMethod &&
      fo.deliveryMethod.methodType !== "PICK_UP" &&
      fo.deliveryMethod.methodType !== "NONE",
  );
  const deliveryMethod: NormalizedOrder["deliveryMethod"] = pickupFo
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

  const shipments: Shipment[] = node.fulfillments
    .filter(isLiveFulfillment)
    .sort((a, b) => byTime(a.createdAt, b.createdAt))
    .map((f) =>
      mapFulfillment(f, {
        pickup,
        country: node.shippingAddress?.countryCodeV2 ?? null,
        inferCarrier:
          options.inferCarrier === false ? undefined : (options.inferCarrier ?? defaultInferCarrier),
      }),
    );

  const readyShipment = shipments.find((s) => s.status === "ready_for_pickup" || s.status === "picked_up");
  if (pickup && readyShipment) pickup.readyAt = readyShipment.pickup?.readyAt ?? null;

  const refunds: Refund[] = (node.refunds ?? [])
    .slice()
    .sort((a, b) => byTime(a.createdAt, b.createdAt))
    .map((r) => ({
      createdAt: r.createdAt ?? "",
      amount: shopperMoney(r.totalRefundedSet, currency) ?? { amount: "0.00", currency },
      note: r.note ?? null,
      items: (r.refundLineItems?.nodes ?? []).map((rli) => ({
        title: rli.lineItem.title,
        variantTitle: rli.lineItem.variantTitle ?? null,
        sku: rli.lineItem.sku ?? null,
        quantity: rli.quantity,
      })),
      restocked: (r.refundLineItems?.nodes ?? []).some((rli) => rli.restocked),
    }));

  const outstanding = shopperMoney(node.totalOutstandingSet, currency);
  const total = shopperMoney(node.totalPriceSet, currency) ?? { amount: "0.00", currency };

  const status = deriveStatus(node, shipments, items);
  const platformStatus = [
    node.displayFinancialStatus ?? "UNKNOWN",
    node.displayFulfillmentStatus,
    node.cancelledAt ? "CANCELLED" : null,
  ]
    .filter(Boolean)
    .join(" / ");

  return {
    id: node.id,
    number: node.name.replace(/^#/, "") || String(node.number ?? ""),
    placedAt: node.processedAt ?? node.createdAt,
    status,
    platformStatus,
    total,
    outstanding: isPositive(outstanding) && !node.cancelledAt ? outstanding : null,
    subtotal: shopperMoney(node.subtotalPriceSet, currency),
    discountCodes: node.discountCodes ?? [],
    paymentMethod: paymentMethodName(node.paymentGatewayNames),
    paymentUrl: null,
    items,
    shipments,
    refunds,
    cancelledAt: node.cancelledAt ?? null,
    cancelReason: node.cancelReason ? node.cancelReason.toLowerCase() : null,
    statusPageUrl: node.statusPageUrl ?? null,
    deliveryMethod,
    pickup,
    shippingCountry: node.shippingAddress?.countryCodeV2 ?? null,
    shippingCity: node.shippingAddress?.city ?? null,
    customerNotes: [],
    contact: {
      email: node.email ?? null,
      phone:
        node.phone ??
        node.customer?.defaultPhoneNumber?.phoneNumber ??
        node.shippingAddress?.phone ??
        node.billingAddress?.phone ??
        null,
      customerId: node.customer?.id ?? null,
      name: node.customer?.displayName ?? node.shippingAddress?.name ?? null,
    },
    customerLocale: node.customerLocale ?? null,
    test: node.test === true,
  };
}

function mapFulfillment(
  f: ShopifyFulfillment,
  opts: { pickup: NormalizedOrder["pickup"]; country: string | null; inferCarrier?: CarrierInference },
): Shipment {
  const events = (f.events?.nodes ?? []).slice().sort((a, b) => byTime(a.happenedAt, b.happenedAt));
  const last = events.length ? events[events.length - 1] : null;
  const status =
    shipmentStatusFromShopify(f.displayStatus) !== "unknown"
      ? shipmentStatusFromShopify(f.displayStatus)
      : last
        ? shipmentStatusFromShopify(last.status)
        : "unknown";

  const trackingInfo = f.trackingInfo ?? [];
  const tracking = trackingInfo.find((t) => t.number) ?? trackingInfo[0] ?? null;
  const trackingNumber = tracking?.number ?? null;
  let carrier: string | null = tracking?.company ?? null;
  let carrierCode: string | null = null;
  let trackingUrl: string | null = tracking?.url ?? null;
  let trackingUrlInferred = false;
  if (tracking && (trackingNumber || carrier) && opts.inferCarrier) {
    const inferred = opts.inferCarrier({ carrier, trackingNumber, trackingUrl, country: opts.country });
    carrier = inferred.carrier ?? carrier;
    carrierCode = inferred.carrierCode ?? null;
    trackingUrl = inferred.trackingUrl ?? trackingUrl;
    trackingUrlInferred = inferred.trackingUrlInferred && !tracking.url;
  }

  // Most recent carrier estimate: the fulfillment's own, else the newest event that carries one.
  const eventEstimate = [...events].reverse().find((e) => e.estimatedDeliveryAt)?.estimatedDeliveryAt ?? null;
  const isPickup = status === "ready_for_pickup" || status === "picked_up";
  const deliveredAt =
    f.deliveredAt ??
    (status === "delivered"
      ? ([...events].reverse().find((e) => e.status === "DELIVERED")?.happenedAt ?? null)
      : null);

  const shipment: Shipment = {
    carrier,
    carrierCode,
    trackingNumber,
    trackingUrl,
    trackingUrlInferred,
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
  if (isPickup) {
    shipment.pickup = opts.pickup
      ? { ...opts.pickup, readyAt: f.createdAt }
      : {
          locationName: f.location?.name ?? null,
          address: null,
          instructions: null,
          holdUntil: null,
          readyAt: f.createdAt,
        };
  }
  return shipment;
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

  const live = shipments;
  const unshipped = items.reduce((n, i) => n + (i.unshippedQuantity ?? 0), 0);
  const partiallyFulfilled = ful === "PARTIALLY_FULFILLED" || (live.length > 0 && unshipped > 0);

  if (live.some((s) => s.status === "ready_for_pickup")) return "ready_for_pickup";

  if (live.length > 0) {
    if (partiallyFulfilled) return "partially_shipped";
    const done = (s: Shipment) => s.status === "delivered" || s.status === "picked_up";
    if (live.every(done)) return "delivered";
    const open = live.filter((s) => !done(s));
    if (open.every((s) => s.status === "out_for_delivery")) return "out_for_delivery";
    return "shipped";
  }

  const fos = node.fulfillmentOrders?.nodes ?? [];
  const openFos = fos.filter((fo) => fo.status !== "CLOSED" && fo.status !== "CANCELLED");
  if (ful === "ON_HOLD" || (openFos.length > 0 && openFos.every((fo) => fo.status === "ON_HOLD")))
    return "on_hold";
  if (fin === "PARTIALLY_REFUNDED") return "partially_refunded";
  return "processing";
}

// ---------------------------------------------------------------------------------------------
// Shop
// ---------------------------------------------------------------------------------------------

export function mapShopInfo(shop: ShopifyShopNode): StoreInfo {
  return {
    name: shop.name,
    domain: shop.myshopifyDomain,
    currency: shop.currencyCode,
    timezone: shop.ianaTimezone,
    locale: null,
    supportEmail: shop.contactEmail ?? shop.email ?? null,
  };
}

/** Policy bodies are HTML as the merchant wrote them; the engine decides how to render/strip them. */
export function mapPolicies(shop: Pick<ShopifyShopNode, "shopPolicies">): StorePolicies {
  const byType = new Map<string, string>();
  for (const p of shop.shopPolicies ?? []) if (p.body && p.body.trim() !== "") byType.set(p.type, p.body);
  return {
    shipping: byType.get("SHIPPING_POLICY") ?? null,
    returns: byType.get("REFUND_POLICY") ?? null,
    privacy: byType.get("PRIVACY_POLICY") ?? null,
    terms: byType.get("TERMS_OF_SERVICE") ?? byType.get("TERMS_OF_SALE") ?? null,
  };
}

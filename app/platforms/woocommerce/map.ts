/**
 * WooCommerce REST v3 order (+ Shipment Tracking items, order notes, refunds) → NormalizedOrder.
 * Pure: no I/O, no clock. See docs at the bottom of this file for the status decisions.
 */
import type {
  CanonicalOrderStatus,
  Money,
  NormalizedOrder,
  OrderItem,
  Refund,
  Shipment,
  ShipmentStatus,
} from "../../orders/types";
import {
  CARRIER_CODES,
  inferCarrier as defaultInferCarrier,
  type InferCarrierInput,
  type InferCarrierResult,
} from "../../orders/carriers";
import { findDaysInText, gmtToIso, resolveDayAfter, shippedDateToIso, wooDate } from "./dates";
import { providerToCarrier } from "./providers";
import type {
  WooLineItem,
  WooMeta,
  WooOrder,
  WooOrderNote,
  WooRefund,
  WooShipmentTracking,
  WooShipmentTrackingMetaItem,
  WooStoreContext,
} from "./types";

export type { WooOrder, WooOrderNote, WooRefund, WooShipmentTracking, WooStoreContext } from "./types";

/** Carrier inference (default: app/orders/carriers.ts `inferCarrier`). */
export type InferCarrierFn = (input: InferCarrierInput) => Partial<InferCarrierResult> | null | undefined;

export interface MapWooOrderExtras {
  /** from GET /wc-shipment-tracking/v3/orders/{id}/shipment-trackings; preferred over the meta when given (even empty) */
  trackings?: WooShipmentTracking[] | null;
  /** from GET /wc/v3/orders/{id}/notes (all or type=customer); only customer notes are shown to shoppers */
  notes?: WooOrderNote[] | null;
  /** from GET /wc/v3/orders/{id}/refunds (gives dates and items); else the order's `refunds` summary is used */
  refunds?: WooRefund[] | null;
  store: WooStoreContext;
  /** fills carrier code / URL gaps (e.g. a custom provider without link). Default: carriers.ts inferCarrier; null disables. */
  inferCarrier?: InferCarrierFn | null;
}

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

export function mapWooOrder(order: WooOrder, extras: MapWooOrderExtras): NormalizedOrder {
  const store = extras.store;
  const tz = store.timezone || "UTC";
  const currency = (order.currency || store.currency || "").toUpperCase();
  const money = (v: unknown): Money => ({ amount: toAmount(v), currency });

  const slug = normalizeSlug(order.status);
  const notes = (extras.notes ?? []).slice().sort(noteOrder);
  const customerNotes = notes
    .filter((n) => n.customer_note === true)
    .map((n) => ({ at: wooDate(n.date_created_gmt, n.date_created, tz) ?? "", text: noteText(n.note) }))
    .filter((n) => n.text.length > 0);

  // ---- delivery method ----
  const shippingLines = order.shipping_lines ?? [];
  const pickupLine = shippingLines.find((l) => PICKUP_METHODS.has((l.method_id ?? "").toLowerCase()));
  const hasShippingAddress = !!(order.shipping?.address_1 || order.shipping?.city || order.shipping?.country);
  const deliveryMethod: NormalizedOrder["deliveryMethod"] = pickupLine
    ? "pickup"
    : shippingLines.length > 0 || hasShippingAddress
      ? "shipping"
      : "none";

  // ---- items ----
  const lineItems = order.line_items ?? [];
  const baseItems = lineItems.map((li) => mapItem(li));

  // ---- shipments ----
  const tracked = collectTrackings(order, extras, tz);
  const shipments: Shipment[] = tracked.map((t) => ({
    carrier: t.carrier,
    carrierCode: t.carrierCode,
    trackingNumber: t.trackingNumber,
    trackingUrl: t.trackingUrl,
    ...(t.trackingUrlInferred ? { trackingUrlInferred: true } : {}),
    status: "unknown" as ShipmentStatus,
    shippedAt: t.shippedAt,
    estimatedDeliveryAt: null,
    deliveredAt: null,
    items: [],
    lastEvent: null,
  }));

  // ---- status ----
  const anyBackordered = baseItems.some((i) => i.backordered);
  let status: CanonicalOrderStatus = WOO_STATUS_MAP[slug] ?? fallbackStatus(order, shipments.length);
  if (slug === "processing" && shipments.length > 0)
    status = anyBackordered ? "partially_shipped" : "shipped";
  if (deliveryMethod === "pickup" && (slug === "completed" || slug === "shipped") && shipments.length === 0) {
    status = "ready_for_pickup";
  }

  // shipment statuses follow what the store actually says (Woo core has no carrier scans)
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

  // items per shipment: only when unambiguous (one parcel carries everything not backordered)
  const fullyShippedStatuses: CanonicalOrderStatus[] = ["shipped", "out_for_delivery", "delivered"];
  if (shipments.length === 1 && (fullyShippedStatuses.includes(status) || status === "partially_shipped")) {
    shipments[0].items = baseItems
      .filter((i) => !i.backordered)
      .map(({ title, variantTitle, sku, quantity }) => ({ title, variantTitle, sku, quantity }));
  }

  // estimated delivery dates written by the merchant in customer notes
  applyNoteEstimates(shipments, notes, tz);

  // unshipped quantities
  const items: OrderItem[] = baseItems.map((i) => {
    let unshipped: number | undefined;
    if (["pending_payment", "on_hold", "processing", "failed"].includes(status)) unshipped = i.quantity;
    else if (status === "partially_shipped") unshipped = i.backordered ? i.quantity : 0;
    else if (fullyShippedStatuses.includes(status) || status === "ready_for_pickup") unshipped = 0;
    else if (status === "cancelled" || status === "refunded") unshipped = 0;
    return unshipped === undefined ? i : { ...i, unshippedQuantity: unshipped };
  });

  // ---- pickup ----
  let pickup: NormalizedOrder["pickup"] = null;
  if (deliveryMethod === "pickup") {
    pickup = pickupDetails(pickupLine?.meta_data ?? [], customerNotes, store, tz);
    if (status === "ready_for_pickup") {
      const readyAt =
        readyNoteDate(customerNotes) ??
        wooDate(order.date_completed_gmt, order.date_completed, tz) ??
        wooDate(order.date_modified_gmt, order.date_modified, tz);
      shipments.push({
        carrier: null,
        carrierCode: null,
        trackingNumber: null,
        trackingUrl: null,
        status: "ready_for_pickup",
        shippedAt: null,
        estimatedDeliveryAt: null,
        deliveredAt: null,
        items: items.map(({ title, variantTitle, sku, quantity }) => ({
          title,
          variantTitle,
          sku,
          quantity,
        })),
        lastEvent: readyAt ? { at: readyAt, status: "ready_for_pickup", message: "Ready for pickup" } : null,
        pickup,
      });
    }
  }

  // ---- refunds ----
  const refunds = mapRefunds(order, extras.refunds ?? null, notes, tz, money);

  // ---- cancellation ----
  let cancelledAt: string | null = null;
  let cancelReason: string | null = null;
  if (slug === "cancelled" || slug === "trash") {
    cancelledAt =
      statusChangeDate(notes, /to (?:Cancelled|Storniert)\.?$/i, tz) ??
      wooDate(order.date_modified_gmt, order.date_modified, tz);
    const reasonText = [...refunds.map((r) => r.note ?? ""), ...notes.map((n) => noteText(n.note))].join(
      " \n ",
    );
    cancelReason = /time limit reached|unpaid order/i.test(reasonText)
      ? "other"
      : (cancelReasonFrom(reasonText) ?? "other");
  } else if (slug === "refunded") {
    const cancelRefund = refunds.find((r) => /cancel/i.test(r.note ?? ""));
    if (cancelRefund && !shipments.length) {
      cancelledAt = cancelRefund.createdAt;
      cancelReason = cancelReasonFrom(cancelRefund.note ?? "") ?? "other";
    }
  }

  // ---- payment ----
  const paid = !!(order.date_paid_gmt || order.date_paid);
  const awaitingPayment = ["pending", "on-hold", "failed", "checkout-draft"].includes(slug) && !paid;
  const needsPayment = order.needs_payment === true;
  const paymentUrl =
    needsPayment && typeof order.payment_url === "string" && order.payment_url ? order.payment_url : null;

  const placedAt = wooDate(order.date_created_gmt, order.date_created, tz) ?? new Date(0).toISOString();
  const customerId =
    typeof order.customer_id === "number" && order.customer_id > 0 ? String(order.customer_id) : null;
  const number = String(order.number ?? order.id).replace(/^#/, "");
  const billing = order.billing ?? {};
  const name =
    [billing.first_name, billing.last_name]
      .filter((x) => x && String(x).trim())
      .join(" ")
      .trim() || null;

  const subtotalCents = lineItems.reduce((sum, li) => sum + cents(li.subtotal) + cents(li.subtotal_tax), 0);

  return {
    id: String(order.id),
    number,
    placedAt,
    status,
    platformStatus: order.status,
    total: money(order.total),
    outstanding: awaitingPayment || needsPayment ? money(order.total) : null,
    subtotal: lineItems.length ? { amount: fromCents(subtotalCents), currency } : null,
    discountCodes: (order.coupon_lines ?? []).map((c) => String(c.code ?? "").toUpperCase()).filter(Boolean),
    paymentMethod: order.payment_method_title || null,
    paymentUrl,
    items,
    shipments,
    refunds,
    cancelledAt,
    cancelReason,
    statusPageUrl: customerId
      ? `${trimSlash(store.url)}/my-account/view-order/${encodeURIComponent(String(order.id))}/`
      : null,
    deliveryMethod,
    pickup,
    shippingCountry:
      deliveryMethod === "shipping" ? order.shipping?.country || billing.country || null : null,
    shippingCity: deliveryMethod === "shipping" ? order.shipping?.city || billing.city || null : null,
    customerNotes,
    contact: {
      email: billing.email ? String(billing.email).trim() || null : null,
      phone: billing.phone
        ? String(billing.phone).trim() || null
        : order.shipping?.phone
          ? String(order.shipping.phone).trim() || null
          : null,
      customerId,
      name,
    },
    customerLocale: null,
    test: false,
  };
}

// ---------------------------------------------------------------------------------------------

function normalizeSlug(status: string): string {
  return String(status ?? "")
    .trim()
    .toLowerCase()
    .replace(/^wc-/, "");
}

function fallbackStatus(order: WooOrder, shipmentCount: number): CanonicalOrderStatus {
  // unknown plugin status: say no more than the data supports
  if (shipmentCount > 0) return "shipped";
  if (order.date_paid_gmt || order.date_paid) return "processing";
  return "on_hold";
}

function metaValue(meta: WooMeta[] | undefined, key: string): unknown {
  const hit = (meta ?? []).find((m) => m.key === key);
  return hit ? hit.value : undefined;
}

function mapItem(li: WooLineItem): OrderItem & { backordered: boolean } {
  const meta = li.meta_data ?? [];
  const backorderedMeta = meta.find(
    (m) => /^backordered$/i.test(String(m.key)) || /^backordered$/i.test(String(m.display_key ?? "")),
  );
  const backordered =
    !!backorderedMeta &&
    !["", "0", "no", "false"].includes(
      String(backorderedMeta.value ?? "")
        .trim()
        .toLowerCase(),
    );
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
  const title = isVariation ? String(li.parent_name) : decodeEntities(li.name);
  const variantTitle = attrs.length
    ? attrs.join(" / ")
    : isVariation
      ? variantFromName(li.name, String(li.parent_name))
      : null;
  const src = li.image && typeof li.image.src === "string" && li.image.src ? li.image.src : null;
  return {
    title: decodeEntities(title),
    variantTitle,
    sku: li.sku ? String(li.sku) : null,
    quantity: Number(li.quantity) || 0,
    backordered,
    imageUrl: src,
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

interface TrackedParcel {
  carrier: string | null;
  carrierCode: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  trackingUrlInferred: boolean;
  shippedAt: string | null;
}

function collectTrackings(order: WooOrder, extras: MapWooOrderExtras, tz: string): TrackedParcel[] {
  const out: TrackedParcel[] = [];
  const fromEndpoint = Array.isArray(extras.trackings) ? extras.trackings : null;
  if (fromEndpoint) {
    for (const t of fromEndpoint) {
      const number = String(t.tracking_number ?? "").trim();
      if (!number) continue;
      const link =
        typeof t.tracking_link === "string" && /^https?:\/\//i.test(t.tracking_link.trim())
          ? t.tracking_link.trim()
          : null;
      out.push(
        finishParcel(
          providerToCarrier(t.tracking_provider, number, link),
          t.tracking_provider ?? null,
          number,
          link,
          shippedDateToIso(t.date_shipped, tz),
          order,
          extras,
        ),
      );
    }
    // the endpoint is authoritative; fall through to meta only when it returned nothing at all and meta has items
    if (out.length > 0 || fromEndpoint.length > 0) return dedupe(out);
  }
  const raw = metaValue(order.meta_data, "_wc_shipment_tracking_items");
  const items: WooShipmentTrackingMetaItem[] = Array.isArray(raw)
    ? (raw as WooShipmentTrackingMetaItem[])
    : raw && typeof raw === "object"
      ? (Object.values(raw) as WooShipmentTrackingMetaItem[])
      : [];
  for (const it of items) {
    if (!it || typeof it !== "object") continue;
    const number = String(it.tracking_number ?? "").trim();
    if (!number) continue;
    const custom = String(it.custom_tracking_provider ?? "").trim();
    const provider = String(it.tracking_provider ?? "").trim() || custom;
    const customLink = String(it.custom_tracking_link ?? "").trim();
    const link = /^https?:\/\//i.test(customLink) ? customLink : null;
    out.push(
      finishParcel(
        providerToCarrier(provider, number, link),
        provider || null,
        number,
        link,
        shippedDateToIso(it.date_shipped, tz),
        order,
        extras,
      ),
    );
  }
  if (out.length === 0) {
    // generic meta some stores/plugins write: tracking_number + tracking_carrier/tracking_provider
    const num =
      metaValue(order.meta_data, "tracking_number") ?? metaValue(order.meta_data, "_tracking_number");
    if (typeof num === "string" && num.trim()) {
      const carrierRaw =
        metaValue(order.meta_data, "tracking_carrier") ??
        metaValue(order.meta_data, "tracking_provider") ??
        metaValue(order.meta_data, "_tracking_provider") ??
        metaValue(order.meta_data, "_custom_tracking_provider");
      const linkRaw =
        metaValue(order.meta_data, "tracking_url") ?? metaValue(order.meta_data, "_custom_tracking_link");
      const link =
        typeof linkRaw === "string" && /^https?:\/\//i.test(linkRaw.trim()) ? linkRaw.trim() : null;
      const shipped = shippedDateToIso(metaValue(order.meta_data, "_date_shipped"), tz);
      out.push(
        finishParcel(
          providerToCarrier(typeof carrierRaw === "string" ? carrierRaw : null, num.trim(), link),
          typeof carrierRaw === "string" ? carrierRaw : null,
          num.trim(),
          link,
          shipped,
          order,
          extras,
        ),
      );
    }
  }
  return dedupe(out);
}

function finishParcel(
  pc: { carrier: string; carrierCode: string | null } | null,
  providerRaw: string | null,
  number: string,
  link: string | null,
  shippedAt: string | null,
  order: WooOrder,
  extras: MapWooOrderExtras,
): TrackedParcel {
  let carrier = pc?.carrier ?? null;
  let carrierCode =
    pc?.carrierCode && (CARRIER_CODES as readonly string[]).includes(pc.carrierCode) ? pc.carrierCode : null;
  let trackingUrl = link;
  let inferred = false;
  const infer = extras.inferCarrier === undefined ? defaultInferCarrier : extras.inferCarrier;
  if (infer && (!trackingUrl || !carrierCode || !carrier)) {
    try {
      const hint = infer({
        carrier: providerRaw || carrier,
        trackingNumber: number,
        trackingUrl: link,
        country: order.shipping?.country || order.billing?.country || null,
      });
      if (hint) {
        if (!carrier && hint.carrier) carrier = hint.carrier;
        if (!carrierCode && hint.carrierCode) carrierCode = hint.carrierCode;
        if (!trackingUrl && hint.trackingUrl) {
          trackingUrl = hint.trackingUrl;
          inferred = true;
        }
      }
    } catch {
      /* inference is best effort */
    }
  }
  return {
    carrier,
    carrierCode,
    trackingNumber: number,
    trackingUrl,
    trackingUrlInferred: inferred,
    shippedAt,
  };
}

function dedupe(list: TrackedParcel[]): TrackedParcel[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${(p.trackingNumber ?? "").replace(/\s+/g, "").toUpperCase()}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function noteOrder(a: WooOrderNote, b: WooOrderNote): number {
  const ta = Date.parse(gmtToIso(a.date_created_gmt) ?? "") || 0;
  const tb = Date.parse(gmtToIso(b.date_created_gmt) ?? "") || 0;
  return ta - tb || (a.id ?? 0) - (b.id ?? 0);
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  euro: "€",
  pound: "£",
  rarr: "→",
  larr: "←",
  times: "×",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  uuml: "ü",
  ouml: "ö",
  auml: "ä",
  Uuml: "Ü",
  Ouml: "Ö",
  Auml: "Ä",
  szlig: "ß",
  eacute: "é",
  copy: "©",
  reg: "®",
  deg: "°",
};

export function decodeEntities(s: string): string {
  return String(s ?? "").replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/** Note HTML → plain text shown to shoppers. */
export function noteText(html: string): string {
  const noTags = String(html ?? "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>/gi, "\n")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(noTags)
    .replace(/[ \t]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const DELIVERY_WORDS =
  /\b(?:deliver(?:y|ies)?|arriv(?:e|es|al)|expected|estimated|ETA|zustell\w*|liefer\w*|ankunft|ankommen|livraison)\b/i;
const PAST_DELIVERY = /\b(?:delivered|was delivered|has been delivered|zugestellt|geliefert)\b/i;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9])|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function applyNoteEstimates(shipments: Shipment[], notes: WooOrderNote[], tz: string): void {
  if (shipments.length === 0) return;
  for (const n of notes) {
    if (n.customer_note !== true) continue;
    const at = Date.parse(gmtToIso(n.date_created_gmt) ?? wooDate(null, n.date_created, tz) ?? "");
    if (!Number.isFinite(at)) continue;
    const text = noteText(n.note);
    const mentioned = shipments.filter(
      (s) => s.trackingNumber && text.replace(/\s+/g, "").includes(s.trackingNumber.replace(/\s+/g, "")),
    );
    const targets =
      mentioned.length === 1 ? mentioned : mentioned.length === 0 && shipments.length === 1 ? shipments : [];
    if (targets.length !== 1) continue;
    for (const sentence of sentences(text)) {
      if (!DELIVERY_WORDS.test(sentence) || PAST_DELIVERY.test(sentence)) continue;
      if (
        /\b(?:usually|typically|normally|in der regel|between|zwischen|business days|werktage)\b/i.test(
          sentence,
        )
      )
        continue;
      const days = findDaysInText(sentence);
      if (days.length !== 1) continue;
      const iso = resolveDayAfter(days[0], at, tz, 60);
      if (iso) targets[0].estimatedDeliveryAt = iso; // later notes override earlier ones
    }
  }
}

const READY_WORDS =
  /\b(?:ready for (?:pick-?up|collection)|ready to (?:be )?(?:picked up|collect)|abholbereit|zur abholung bereit|kann abgeholt werden)\b/i;

function readyNoteDate(customerNotes: { at: string; text: string }[]): string | null {
  const hit = customerNotes.find((n) => READY_WORDS.test(n.text));
  return hit && hit.at ? hit.at : null;
}

function pickupDetails(
  lineMeta: WooMeta[],
  customerNotes: { at: string; text: string }[],
  store: WooStoreContext,
  tz: string,
): NonNullable<NormalizedOrder["pickup"]> {
  // block checkout (`pickup_location`) stores the location on the shipping line
  const loc = metaValue(lineMeta, "pickup_location");
  const addr = metaValue(lineMeta, "pickup_address");
  const details = metaValue(lineMeta, "pickup_details");
  let locationName = typeof loc === "string" && loc.trim() ? decodeEntities(loc.trim()) : null;
  let address = typeof addr === "string" && addr.trim() ? decodeEntities(addr.trim()) : null;
  let instructions = typeof details === "string" && details.trim() ? decodeEntities(details.trim()) : null;
  let holdUntil: string | null = null;

  const readyNotes = customerNotes.filter(
    (n) => READY_WORDS.test(n.text) || /\bpick(?:-| )?up\b|abhol/i.test(n.text),
  );
  const note = readyNotes[readyNotes.length - 1];
  if (note) {
    // "… ready for pickup at our shop: Demo Woo Garden, Kastanienallee 12, 10435 Berlin (Mon-Sat 10:00-18:00)."
    const m =
      /ready for (?:pick-?up|collection)\s+at\s+(?:our\s+(?:shop|store)\s*:?\s*)?([^.()\n]+?)\s*(?:\(([^)]*)\))?\s*(?:[.;]|$)/i.exec(
        note.text,
      );
    if (m && !locationName && !address) {
      const parts = m[1]
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      if (parts.length >= 2) {
        locationName = parts[0];
        address = parts.slice(1).join(", ");
      } else if (parts.length === 1) {
        address = parts[0];
      }
      if (m[2] && !instructions) instructions = m[2].trim();
    }
    const until = /\b(?:until|till|bis(?: zum)?)\b([^.\n]*)/i.exec(note.text);
    const at = Date.parse(note.at);
    if (until && Number.isFinite(at)) {
      const days = findDaysInText(until[1]);
      if (days.length >= 1) holdUntil = resolveDayAfter(days[0], at, tz, 60);
    }
    if (!instructions) instructions = note.text;
  }
  if (!locationName) locationName = store.name?.trim() || null;
  return { locationName, address, instructions, holdUntil };
}

function statusChangeDate(notes: WooOrderNote[], re: RegExp, tz: string): string | null {
  for (let i = notes.length - 1; i >= 0; i--) {
    const n = notes[i];
    if (!n.customer_note && re.test(noteText(n.note))) return wooDate(n.date_created_gmt, n.date_created, tz);
  }
  return null;
}

function cancelReasonFrom(text: string): string | null {
  if (
    /customer'?s? request|at (?:the|your) (?:customer'?s? )?request|requested by (?:the )?customer|cancelled by (?:the )?customer|kundenwunsch/i.test(
      text,
    )
  )
    return "customer";
  if (/fraud|betrug/i.test(text)) return "fraud";
  if (/out of stock|inventory|nicht (?:mehr )?lieferbar|sold out/i.test(text)) return "inventory";
  if (/declined|payment failed|abgelehnt/i.test(text)) return "declined";
  return null;
}

function mapRefunds(
  order: WooOrder,
  full: WooRefund[] | null,
  notes: WooOrderNote[],
  tz: string,
  money: (v: unknown) => Money,
): Refund[] {
  const restockedAll = (order.line_items ?? []).some((li) =>
    (li.meta_data ?? []).some((m) => m.key === "_restock_refunded_items"),
  );
  if (full && full.length) {
    return full
      .map((r) => {
        const items = (r.line_items ?? [])
          .filter((li) => Math.abs(Number(li.quantity) || 0) > 0)
          .map((li) => {
            const it = mapItem(li);
            return {
              title: it.title,
              variantTitle: it.variantTitle,
              sku: it.sku,
              quantity: Math.abs(it.quantity),
            };
          });
        return {
          createdAt: wooDate(r.date_created_gmt, r.date_created, tz) ?? "",
          amount: money(String(r.amount ?? "0").replace(/^-/, "")),
          note: r.reason ? decodeEntities(r.reason) : null,
          items,
          restocked: restockedAll,
        } satisfies Refund;
      })
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
  // order.refunds is a summary without dates: take dates from the gateway/core "Refunded …" notes
  const refundNotes = notes
    .filter(
      (n) =>
        !n.customer_note &&
        /^(?:Refunded|Erstattet|Rückerstattet)\b|refund(?:ed)? .*?(?:\d+[.,]\d{2})/i.test(noteText(n.note)),
    )
    .map((n) => ({ text: noteText(n.note), at: wooDate(n.date_created_gmt, n.date_created, tz) }));
  const used = new Set<number>();
  return (order.refunds ?? [])
    .slice()
    .sort((a, b) => a.id - b.id)
    .map((r) => {
      const amount = toAmount(String(r.total ?? "0").replace(/^-/, ""));
      let at: string | null = null;
      const idx = refundNotes.findIndex((n, i) => !used.has(i) && amountIn(n.text, amount));
      if (idx >= 0) {
        used.add(idx);
        at = refundNotes[idx].at;
      }
      return {
        createdAt: at ?? wooDate(order.date_modified_gmt, order.date_modified, tz) ?? "",
        amount: money(amount),
        note: r.reason ? decodeEntities(r.reason) : null,
        items: [],
        restocked: restockedAll,
      };
    });
}

function amountIn(text: string, amount: string): boolean {
  const [i, f] = amount.split(".");
  const re = new RegExp(`(?<![\\d.,])${i}[.,]${f}(?!\\d)`);
  return re.test(text.replace(/(\d)[ ,.](?=\d{3}\b)/g, "$1"));
}

// ---- money (integer cents, no float drift) ----

function cents(v: unknown): number {
  if (v === null || v === undefined || v === "") return 0;
  const s = String(v).trim();
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m) {
    const n = Number(s);
    return Number.isFinite(n) ? Math.round(n * 100) : 0;
  }
  const whole = Number(m[2] || "0");
  const frac = (m[3] ?? "").padEnd(3, "0");
  let c = whole * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) c += 1;
  return m[1] ? -c : c;
}

function fromCents(c: number): string {
  const neg = c < 0;
  const a = Math.abs(c);
  return `${neg ? "-" : ""}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
}

/** "49.8" / 49.82 / "1,235.62"? → "49.80" (2 decimals). */
export function toAmount(v: unknown): string {
  return fromCents(cents(typeof v === "string" ? v.replace(/,/g, "") : v));
}

function trimSlash(u: string): string {
  return String(u ?? "").replace(/\/+$/, "");
}

/*
 * Status decisions (WooCommerce → canonical):
 * - completed → shipped (Woo has no delivery state; never "delivered" unless a plugin status says so);
 *   completed + local pickup shipping line (no tracking) → ready_for_pickup.
 * - processing + tracking items → partially_shipped when any line is backordered, else shipped.
 * - partial refunds do NOT change the status (an order that shipped stays shipped); they appear in
 *   `refunds`. Woo core has no "partially refunded" status; only a plugin slug maps to it.
 * - unknown slugs: shipped when tracking exists, processing when paid, else on_hold.
 * - shipment.status is "unknown" for Woo tracking items (the shop records no carrier scans).
 */

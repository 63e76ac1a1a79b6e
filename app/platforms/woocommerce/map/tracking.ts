/**
 * Woo tracking items (Shipment Tracking endpoint, `_wc_shipment_tracking_items` meta, generic meta)
 * → parcels with carrier, code and link.
 */
import { CARRIER_CODES, inferCarrier as defaultInferCarrier } from "../../../orders/carriers";
import type { Shipment } from "../../../orders/types";
import { safeLinkUrl } from "../../../protocol/url";
import { shippedDateToIso } from "../dates";
import { providerToCarrier } from "../providers";
import type { MapWooOrderExtras, WooOrder, WooShipmentTracking, WooShipmentTrackingMetaItem } from "../types";
import { trackedLines, type TrackedLine } from "./coverage";
import { metaValue } from "./items";

export interface TrackedParcel {
  carrier: string | null;
  carrierCode: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  trackingUrlInferred: boolean;
  shippedAt: string | null;
  /** items in this parcel (AST per-item tracking), null when the store does not say */
  lines: TrackedLine[] | null;
}

interface RawParcel {
  provider: string | null;
  number: string;
  link: string | null;
  shippedAt: string | null;
  lines: TrackedLine[] | null;
}

/** Only absolute http(s) links from the store (no `javascript:`, `data:`, relative paths). */
function httpLink(raw: unknown): string | null {
  return typeof raw === "string" && /^\s*https?:\/\//i.test(raw) ? safeLinkUrl(raw) : null;
}

function fromEndpoint(list: WooShipmentTracking[], tz: string): RawParcel[] {
  const out: RawParcel[] = [];
  for (const t of list) {
    const number = String(t.tracking_number ?? "").trim();
    if (!number) continue;
    const provider = t.tracking_provider ?? null;
    out.push({
      provider,
      number,
      link: httpLink(t.tracking_link),
      shippedAt: shippedDateToIso(t.date_shipped, tz),
      lines: trackedLines(t.products_list),
    });
  }
  return out;
}

function fromTrackingMeta(order: WooOrder, tz: string): RawParcel[] {
  const raw = metaValue(order.meta_data, "_wc_shipment_tracking_items");
  const items: WooShipmentTrackingMetaItem[] = Array.isArray(raw)
    ? (raw as WooShipmentTrackingMetaItem[])
    : raw && typeof raw === "object"
      ? (Object.values(raw) as WooShipmentTrackingMetaItem[])
      : [];
  const out: RawParcel[] = [];
  for (const it of items) {
    if (!it || typeof it !== "object") continue;
    const number = String(it.tracking_number ?? "").trim();
    if (!number) continue;
    const custom = String(it.custom_tracking_provider ?? "").trim();
    const provider = String(it.tracking_provider ?? "").trim() || custom;
    const link = httpLink(String(it.custom_tracking_link ?? ""));
    const shippedAt = shippedDateToIso(it.date_shipped, tz);
    out.push({ provider: provider || null, number, link, shippedAt, lines: trackedLines(it.products_list) });
  }
  return out;
}

/** generic meta some stores/plugins write: tracking_number + tracking_carrier/tracking_provider */
function fromGenericMeta(order: WooOrder, tz: string): RawParcel[] {
  const meta = order.meta_data;
  const num = metaValue(meta, "tracking_number") ?? metaValue(meta, "_tracking_number");
  if (typeof num !== "string" || !num.trim()) return [];
  const carrierRaw =
    metaValue(meta, "tracking_carrier") ??
    metaValue(meta, "tracking_provider") ??
    metaValue(meta, "_tracking_provider") ??
    metaValue(meta, "_custom_tracking_provider");
  const linkRaw = metaValue(meta, "tracking_url") ?? metaValue(meta, "_custom_tracking_link");
  return [
    {
      provider: typeof carrierRaw === "string" ? carrierRaw : null,
      number: num.trim(),
      link: httpLink(linkRaw),
      shippedAt: shippedDateToIso(metaValue(meta, "_date_shipped"), tz),
      lines: null,
    },
  ];
}

export function collectTrackings(order: WooOrder, extras: MapWooOrderExtras, tz: string): TrackedParcel[] {
  const finish = (p: RawParcel) => finishParcel(p, order, extras);
  const endpoint = Array.isArray(extras.trackings) ? extras.trackings : null;
  if (endpoint) {
    const out = fromEndpoint(endpoint, tz).map(finish);
    // the endpoint is authoritative; fall through to meta only when it returned nothing at all
    if (out.length > 0 || endpoint.length > 0) return dedupe(out);
  }
  let raw = fromTrackingMeta(order, tz);
  if (raw.length === 0) raw = fromGenericMeta(order, tz);
  return dedupe(raw.map(finish));
}

function finishParcel(p: RawParcel, order: WooOrder, extras: MapWooOrderExtras): TrackedParcel {
  const pc = providerToCarrier(p.provider, p.number, p.link);
  let carrier = pc?.carrier ?? null;
  let carrierCode =
    pc?.carrierCode && (CARRIER_CODES as readonly string[]).includes(pc.carrierCode) ? pc.carrierCode : null;
  let trackingUrl = p.link;
  let inferred = false;
  const infer = extras.inferCarrier === undefined ? defaultInferCarrier : extras.inferCarrier;
  if (infer && (!trackingUrl || !carrierCode || !carrier)) {
    try {
      const hint = infer({
        carrier: p.provider || carrier,
        trackingNumber: p.number,
        trackingUrl: p.link,
        country: order.shipping?.country || order.billing?.country || null,
      });
      if (hint) {
        if (!carrier && hint.carrier) carrier = hint.carrier;
        if (!carrierCode && hint.carrierCode) carrierCode = hint.carrierCode;
        const hintUrl = safeLinkUrl(hint.trackingUrl);
        if (!trackingUrl && hintUrl) {
          trackingUrl = hintUrl;
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
    trackingNumber: p.number,
    trackingUrl,
    trackingUrlInferred: inferred,
    shippedAt: p.shippedAt,
    lines: p.lines,
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

export function parcelToShipment(t: TrackedParcel): Shipment {
  return {
    carrier: t.carrier,
    carrierCode: t.carrierCode,
    trackingNumber: t.trackingNumber,
    trackingUrl: t.trackingUrl,
    ...(t.trackingUrlInferred ? { trackingUrlInferred: true } : {}),
    status: "unknown",
    shippedAt: t.shippedAt,
    estimatedDeliveryAt: null,
    deliveredAt: null,
    items: [],
    lastEvent: null,
  };
}

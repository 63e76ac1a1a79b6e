/**
 * Facts read off an order for the answer: item and carrier names, customs and import duties, payment
 * method words, notes. No sentence is written here except the short carrier/tracking phrases.
 */
import type { NormalizedOrder, OrderItem, Refund, Shipment } from "../types";
import { countryFromTimezone } from "../format";
import type { Ctx } from "./context";

export function itemName(i: Pick<OrderItem, "title" | "variantTitle">): string {
  return i.variantTitle ? `${i.title} - ${i.variantTitle}` : i.title;
}

export function shipmentItems(s: Shipment, x: Ctx): string {
  return s.items.map((i) => x.t("item_qty", { quantity: i.quantity, title: i.title })).join(" + ");
}

export const CUSTOMS_RE = /customs|zoll|douane|aduana|dogana|alf[aâ]ndega|clearance|dédouan/i;

export function inCustoms(s: Shipment): boolean {
  return !!s.lastEvent && CUSTOMS_RE.test(s.lastEvent.message) && s.status !== "delivered";
}

export function city(location: string | null | undefined): string | null {
  if (!location) return null;
  const c = location.split(",")[0]!.trim();
  return c || null;
}

/** ISO country each carrier delivers domestically in (a parcel with a domestic carrier of the destination pays no import duties). */
export const CARRIER_HOME: Record<string, string> = {
  usps: "US",
  royal_mail: "GB",
  evri: "GB",
  canada_post: "CA",
  australia_post: "AU",
  postnl: "NL",
  colissimo: "FR",
  correos: "ES",
  deutsche_post: "DE",
  dhl_paket: "DE",
  japan_post: "JP",
  india_post: "IN",
};

export const EU = new Set([
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
]);

export function dutiesApply(order: NormalizedOrder, s: Shipment, x: Ctx): boolean {
  if (inCustoms(s)) return true;
  const dest = order.shippingCountry?.toUpperCase();
  const origin = (x.c.storeCountry ?? countryFromTimezone(x.c.timezone))?.toUpperCase();
  if (!dest || !origin || dest === origin) return false;
  if (EU.has(dest) && EU.has(origin)) return false;
  if (s.carrierCode && CARRIER_HOME[s.carrierCode] === dest) return false; // shipped domestically (e.g. UK warehouse + Royal Mail)
  return true;
}

export function isManualPayment(method: string | null | undefined): boolean {
  return (
    !!method &&
    /bank|deposit|transfer|bacs|cheque|check|money ?order|cash|invoice|überweisung|vorkasse|rechnung|virement|transferencia|bonifico/i.test(
      method,
    )
  );
}

export function methodWord(method: string | null | undefined, x: Ctx): string | null {
  if (!method) return null;
  if (/card|credit|debit|stripe|visa|master|amex|karte|tarjeta|carte|cart[aã]o/i.test(method))
    return x.t("method_card");
  if (/bacs|transfer|überweisung|virement|transferencia|bonifico/i.test(method))
    return x.t("method_bank_transfer");
  if (/deposit/i.test(method)) return x.t("method_bank_deposit");
  return method;
}

export function sum(refunds: Refund[]): number {
  return refunds.reduce((a, r) => a + (Number(r.amount.amount) || 0), 0);
}

export function latestNote(order: NormalizedOrder): { at: string; text: string } | null {
  const notes = order.customerNotes ?? [];
  if (!notes.length) return null;
  return [...notes].sort((a, b) => a.at.localeCompare(b.at))[notes.length - 1]!;
}

export function carrierName(s: Shipment): string | null {
  return s.carrier && s.carrier.trim() ? s.carrier.trim() : null;
}

/** "UPS 1Z…" / "UPS" / "tracking 1Z…" */
export function carrierTracking(s: Shipment, x: Ctx): string {
  const c = carrierName(s);
  if (c && s.trackingNumber) return `${c} ${s.trackingNumber}`;
  if (c) return c;
  if (s.trackingNumber) return x.t("tracking_only", { tracking: s.trackingNumber });
  return "";
}

/** The `by` select of the shipment messages ("with UPS 1Z…" / "with UPS" / "(tracking 1Z…)" / nothing). */
export function via(s: Shipment): {
  by: "both" | "carrier" | "tracking" | "other";
  carrier: string;
  tracking: string;
} {
  const carrier = carrierName(s) ?? "";
  const tracking = s.trackingNumber ?? "";
  const by = carrier && tracking ? "both" : carrier ? "carrier" : tracking ? "tracking" : "other";
  return { by, carrier, tracking };
}

export function effectiveStatus(s: Shipment, knowsDelivery: boolean): Shipment["status"] {
  if (!knowsDelivery && (s.status === "delivered" || s.status === "unknown" || s.status === "in_transit"))
    return "in_transit";
  return s.status;
}

export function shippingShipments(order: NormalizedOrder): Shipment[] {
  return order.shipments.filter((s) => s.status !== "ready_for_pickup" && s.status !== "picked_up");
}

/**
 * Plain-language order answers in the bot's voice (ARCHITECTURE.md "Voice"):
 * lead with the answer, dates in the store's timezone, money in the order currency,
 * carriers by name, one next step, never "delivered" when the platform only knows "shipped".
 */
import type { Language, WidgetOrder, WidgetOrderShipment } from "../protocol";
import type { NormalizedOrder, OrderItem, Refund, Shipment, StorePolicies } from "./types";
import { LOCALE_FOR, countryFromTimezone, dayDiff, formatDay, formatMoney, hourOfDay } from "./format";
import { op, type OrderPhraseKey } from "./i18n";
import type { MessageValues } from "../i18n/format";

export interface DescribeContext {
  lang: Language;
  /** the store's IANA timezone */
  timezone: string;
  now: Date;
  storeName?: string;
  supportEmail?: string | null;
  /** false for WooCommerce (no delivery state): never say "delivered" */
  knowsDelivery: boolean;
  policies?: StorePolicies;
  /** ISO country the store ships from; defaults to a guess from the timezone (used for import-duty notes) */
  storeCountry?: string | null;
}

export interface OrderDescription {
  /** 1–3 short sentences: the answer */
  text: string;
  /** one next step, if there is a useful one */
  nextStep?: string;
  /** localized plain-language status label, e.g. "Shipped" */
  statusLabel: string;
}

// ---------------------------------------------------------------------------------------------
// small helpers
// ---------------------------------------------------------------------------------------------

class Ctx {
  constructor(readonly c: DescribeContext) {}
  get lang(): Language {
    return this.c.lang;
  }
  t(key: OrderPhraseKey, vars: MessageValues = {}): string {
    return op(this.c.lang, key, vars);
  }
  /** "Fri Nov 13" */
  dw(iso: string): string {
    return formatDay(iso, this.c.timezone, this.c.lang, { weekday: true, now: this.c.now });
  }
  /** "Nov 13" */
  d(iso: string): string {
    return formatDay(iso, this.c.timezone, this.c.lang, { weekday: false, now: this.c.now });
  }
  money(m: { amount: string; currency: string }): string {
    return formatMoney(m, this.c.lang);
  }
  diff(iso: string): number {
    return dayDiff(iso, this.c.now, this.c.timezone);
  }
  /** "today" / "tomorrow" / "yesterday" (the `rel` select of the day messages), or "other" */
  rel(iso: string, allowYesterday = true): string {
    const diff = this.diff(iso);
    if (diff === 0) return "today";
    if (diff === 1) return "tomorrow";
    return diff === -1 && allowYesterday ? "yesterday" : "other";
  }
  /** "today (Mon Nov 23)" / "tomorrow (Tue Nov 24)" / "Wed Nov 25" */
  relOrDate(iso: string, allowYesterday = false): string {
    return this.t("day", { rel: this.rel(iso, allowYesterday), date: this.dw(iso) });
  }
  /** "today (Mon Nov 23)" / "on Sat Nov 21" */
  relOrOn(iso: string): string {
    return this.t("day_on", { rel: this.rel(iso), date: this.dw(iso) });
  }
  /** "A, B and C" in the shopper's language (Intl.ListFormat) */
  list(parts: string[]): string {
    return listFormat(this.c.lang).format(parts);
  }
}

const listFormats = new Map<Language, Intl.ListFormat>();
function listFormat(lang: Language): Intl.ListFormat {
  let f = listFormats.get(lang);
  if (!f) {
    f = new Intl.ListFormat(LOCALE_FOR[lang] ?? "en-US", { type: "conjunction", style: "long" });
    listFormats.set(lang, f);
  }
  return f;
}

function tidy(s: string, lang: Language = "en"): string {
  return s
    .replace(/\s{2,}/g, " ")
    .replace(lang === "fr" ? /\s+([.,])(?=\s|$)/g : /\s+([.,;:])(?=\s|$)/g, "$1")
    .replace(/\(\s+/g, "(")
    .replace(/(?<!\.)\.\.(?!\.)/g, ".")
    .trim();
}

function itemName(i: Pick<OrderItem, "title" | "variantTitle">): string {
  return i.variantTitle ? `${i.title} - ${i.variantTitle}` : i.title;
}

function shipmentItems(s: Shipment, x: Ctx): string {
  return s.items.map((i) => x.t("item_qty", { quantity: i.quantity, title: i.title })).join(" + ");
}

const CUSTOMS_RE = /customs|zoll|douane|aduana|dogana|alf[aâ]ndega|clearance|dédouan/i;

function inCustoms(s: Shipment): boolean {
  return !!s.lastEvent && CUSTOMS_RE.test(s.lastEvent.message) && s.status !== "delivered";
}

function city(location: string | null | undefined): string | null {
  if (!location) return null;
  const c = location.split(",")[0]!.trim();
  return c || null;
}

/** ISO country each carrier delivers domestically in (a parcel with a domestic carrier of the destination pays no import duties). */
const CARRIER_HOME: Record<string, string> = {
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

const EU = new Set([
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

function dutiesApply(order: NormalizedOrder, s: Shipment, x: Ctx): boolean {
  if (inCustoms(s)) return true;
  const dest = order.shippingCountry?.toUpperCase();
  const origin = (x.c.storeCountry ?? countryFromTimezone(x.c.timezone))?.toUpperCase();
  if (!dest || !origin || dest === origin) return false;
  if (EU.has(dest) && EU.has(origin)) return false;
  if (s.carrierCode && CARRIER_HOME[s.carrierCode] === dest) return false; // shipped domestically (e.g. UK warehouse + Royal Mail)
  return true;
}

function isManualPayment(method: string | null | undefined): boolean {
  return (
    !!method &&
    /bank|deposit|transfer|bacs|cheque|check|money ?order|cash|invoice|überweisung|vorkasse|rechnung|virement|transferencia|bonifico/i.test(
      method,
    )
  );
}

function methodWord(method: string | null | undefined, x: Ctx): string | null {
  if (!method) return null;
  if (/card|credit|debit|stripe|visa|master|amex|karte|tarjeta|carte|cart[aã]o/i.test(method))
    return x.t("method_card");
  if (/bacs|transfer|überweisung|virement|transferencia|bonifico/i.test(method))
    return x.t("method_bank_transfer");
  if (/deposit/i.test(method)) return x.t("method_bank_deposit");
  return method;
}

function sum(refunds: Refund[]): number {
  return refunds.reduce((a, r) => a + (Number(r.amount.amount) || 0), 0);
}

function latestNote(order: NormalizedOrder): { at: string; text: string } | null {
  const notes = order.customerNotes ?? [];
  if (!notes.length) return null;
  return [...notes].sort((a, b) => a.at.localeCompare(b.at))[notes.length - 1]!;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  januar: 1,
  feb: 2,
  february: 2,
  februar: 2,
  mar: 3,
  march: 3,
  märz: 3,
  maerz: 3,
  apr: 4,
  april: 4,
  may: 5,
  mai: 5,
  jun: 6,
  june: 6,
  juni: 6,
  jul: 7,
  july: 7,
  juli: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  dez: 12,
  dezember: 12,
};

/** Parse "until Friday, 27 November" / "until November 27" / "bis Freitag, 27. November" from a note (best effort). */
export function parseHoldUntil(text: string, now: Date): string | null {
  const m1 = /(?:until|bis)\s+(?:[A-Za-zäöü]+,?\s+)?(\d{1,2})\.?\s+([A-Za-zäöü]+)/i.exec(text);
  const m2 = /(?:until|bis)\s+(?:[A-Za-zäöü]+,?\s+)?([A-Za-zäöü]+)\s+(\d{1,2})\b/i.exec(text);
  let day: number | null = null;
  let month: number | null = null;
  if (m1 && MONTHS[m1[2]!.toLowerCase()]) {
    day = Number(m1[1]);
    month = MONTHS[m1[2]!.toLowerCase()]!;
  } else if (m2 && MONTHS[m2[1]!.toLowerCase()]) {
    day = Number(m2[2]);
    month = MONTHS[m2[1]!.toLowerCase()]!;
  }
  if (!day || !month || day > 31) return null;
  let year = now.getUTCFullYear();
  const candidate = Date.UTC(year, month - 1, day);
  if (candidate < now.getTime() - 180 * 86_400_000) year += 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Processing time from the shipping policy ("within 1-2 business days" / "innerhalb von 1-2 Werktagen"). */
export function processingDays(policy: string | null | undefined): string | null {
  if (!policy) return null;
  const text = policy.replace(/<[^>]+>/g, " ");
  const m =
    /(?:leave|ship|dispatch|processing|process)[^.]{0,80}?(\d+(?:\s*[-–]\s*\d+)?)\s*business days/i.exec(
      text,
    ) ?? /(\d+(?:\s*[-–]\s*\d+)?)\s*(?:Werktag|Arbeitstag)/i.exec(text);
  return m ? m[1]!.replace(/\s*[-–]\s*/, "-") : null;
}

// ---------------------------------------------------------------------------------------------
// shipments
// ---------------------------------------------------------------------------------------------

function carrierName(s: Shipment): string | null {
  return s.carrier && s.carrier.trim() ? s.carrier.trim() : null;
}

/** "UPS 1Z…" / "UPS" / "tracking 1Z…" */
function carrierTracking(s: Shipment, x: Ctx): string {
  const c = carrierName(s);
  if (c && s.trackingNumber) return `${c} ${s.trackingNumber}`;
  if (c) return c;
  if (s.trackingNumber) return x.t("tracking_only", { tracking: s.trackingNumber });
  return "";
}

function via(s: Shipment, x: Ctx): string {
  const c = carrierName(s);
  if (c && s.trackingNumber) return x.t("via_carrier", { carrier: c, tracking: s.trackingNumber });
  if (c) return x.t("via_carrier_only", { carrier: c });
  if (s.trackingNumber) return x.t("via_tracking", { tracking: s.trackingNumber });
  return "";
}

function effectiveStatus(s: Shipment, knowsDelivery: boolean): Shipment["status"] {
  if (!knowsDelivery && (s.status === "delivered" || s.status === "unknown" || s.status === "in_transit"))
    return "in_transit";
  return s.status;
}

/** How a parcel was delivered, as the `how` select of the delivered_how message. */
function deliveredHow(message: string | undefined): string | null {
  if (!message) return null;
  if (/mailbox|letterbox|letter box|briefkasten|buzón|boîte aux lettres/i.test(message)) return "mailbox";
  if (/front door|porch|doorstep|haustür/i.test(message)) return "front_door";
  if (/neighbo|nachbar/i.test(message)) return "neighbor";
  if (/pickup point|parcel ?shop|locker|packstation|filiale|access point/i.test(message))
    return "pickup_point";
  if (/signed|signature|unterschrift/i.test(message)) return "signed";
  return null;
}

function shippedDate(s: Shipment, x: Ctx, weekday: boolean): string {
  const iso = s.shippedAt ?? s.lastEvent?.at ?? null;
  if (!iso) return "";
  return weekday ? x.dw(iso) : x.d(iso);
}

function labelWhen(iso: string, x: Ctx): string {
  const diff = x.diff(iso);
  const morning = hourOfDay(iso, x.c.timezone) < 12 && hourOfDay(x.c.now, x.c.timezone) < 18;
  const rel = diff === 0 ? (morning ? "morning" : "today") : diff === -1 ? "yesterday" : "other";
  return x.t("day_on", { rel, date: x.d(iso) });
}

/** Sentences for a single shipment (the answer's lead). */
function describeShipment(order: NormalizedOrder, s: Shipment, x: Ctx): string[] {
  const knows = x.c.knowsDelivery;
  const status = effectiveStatus(s, knows);
  const carrier = carrierName(s);
  const tracking = s.trackingNumber ?? "";
  const ev = s.lastEvent ?? null;
  const out: string[] = [];

  switch (status) {
    case "delivered": {
      const at = s.deliveredAt ?? ev?.at ?? null;
      const details = [carrierTracking(s, x)];
      const how = deliveredHow(ev?.message);
      const c = city(ev?.location);
      if (how) details.push(x.t("delivered_how", { how, hasPlace: !!c, place: c ?? "" }));
      const det = details.filter(Boolean).join(", ");
      if (at)
        out.push(
          det
            ? x.t("delivered", { date: x.dw(at), details: det })
            : x.t("delivered_plain", { date: x.dw(at) }),
        );
      else out.push(x.t("delivered_nodate", { hasDetails: !!det, details: det }));
      return out;
    }
    case "out_for_delivery": {
      const at = ev?.at ?? s.estimatedDeliveryAt ?? x.c.now.toISOString();
      const lines = s.items.length;
      const coversAll = lines > 1 && lines >= order.items.length;
      out.push(
        coversAll
          ? x.t("ofd_all", { count: lines, when: x.relOrOn(at), via: via(s, x) })
          : x.t("ofd", { when: x.relOrOn(at), via: via(s, x) }),
      );
      return out;
    }
    case "attempted_delivery": {
      const at = ev?.at ?? null;
      const nobody =
        !!ev && /not available|no one|nobody|niemand|nicht angetroffen|absent|not home/i.test(ev.message);
      const vars = {
        carrier: carrier ?? x.t("the_carrier"),
        date: at ? x.relOrOn(at) : "",
        nobody,
        eta: s.estimatedDeliveryAt ? x.relOrOn(s.estimatedDeliveryAt) : "",
        tracking,
      };
      out.push(
        s.estimatedDeliveryAt && x.diff(s.estimatedDeliveryAt) >= 0
          ? x.t("attempted", vars)
          : x.t("attempted_noeta", vars),
      );
      return out;
    }
    case "delayed": {
      const weather = !!ev && /weather|storm|snow|wetter|unwetter|météo|tiempo/i.test(ev.message);
      const c = city(ev?.location);
      const vars = {
        ct: carrierTracking(s, x),
        weather,
        hasPlace: !!c,
        place: c ?? "",
        carrier: carrier ?? x.t("the_carrier"),
        eta: s.estimatedDeliveryAt ? x.dw(s.estimatedDeliveryAt) : "",
      };
      out.push(s.estimatedDeliveryAt ? x.t("delayed", vars) : x.t("delayed_noeta", vars));
      return out;
    }
    case "label_created": {
      const at = ev?.at ?? s.shippedAt ?? null;
      const when = at ? labelWhen(at, x) : "";
      out.push(
        carrier
          ? x.t("label_created", { carrier, when, tracking })
          : x.t("label_created_nocarrier", { when, tracking }),
      );
      return out;
    }
    case "exception": {
      out.push(x.t("exception", { ct: carrierTracking(s, x), message: ev?.message ?? "" }));
      return out;
    }
    default: {
      const hasEta = !!s.estimatedDeliveryAt && knows;
      const eta = hasEta ? x.relOrDate(s.estimatedDeliveryAt!) : "";
      if (inCustoms(s)) {
        const c = city(ev!.location);
        out.push(
          x.t("ship_customs", {
            shipped: shippedDate(s, x, false),
            via: via(s, x),
            hasPlace: !!c,
            place: c ?? "",
            date: x.d(ev!.at),
            hasEta,
            eta,
          }),
        );
        return out;
      }
      if (s.trackingUrlInferred && s.trackingUrl && carrier && tracking) {
        out.push(
          x.t("ship_inferred", { shipped: shippedDate(s, x, false), tracking, carrier, url: s.trackingUrl }),
        );
        if (knows && !s.estimatedDeliveryAt) out.push(x.t("no_eta"));
        return out;
      }
      if (!knows) {
        out.push(x.t("ship_plain", { shipped: shippedDate(s, x, true), via: via(s, x) }));
        return out;
      }
      if (s.status === "unknown" && !ev) {
        out.push(x.t("ship_plain", { shipped: shippedDate(s, x, false), via: via(s, x) }));
        if (!s.estimatedDeliveryAt) out.push(x.t("no_eta"));
        return out;
      }
      const scanned = !!ev && !!ev.at && ev.status !== "label_created" && !/label created/i.test(ev.message);
      out.push(
        x.t("ship_transit", {
          shipped: shippedDate(s, x, false),
          via: via(s, x),
          scan: scanned ? (ev!.location ? "place" : "date") : "other",
          place: ev?.location ?? "",
          scanDate: scanned ? x.d(ev!.at) : "",
          hasEta,
          eta,
        }),
      );
      if (!s.estimatedDeliveryAt) out.push(x.t("no_eta"));
      return out;
    }
  }
}

/** Short status phrase of one shipment inside a multi-package answer. */
function shipmentPhrase(s: Shipment, x: Ctx): string {
  const status = effectiveStatus(s, x.c.knowsDelivery);
  if (!x.c.knowsDelivery && status === "in_transit")
    return x.t("ms_shipped", { date: shippedDate(s, x, false) });
  switch (status) {
    case "delivered":
      return x.t("ms_delivered", { date: s.deliveredAt ? x.dw(s.deliveredAt) : "" });
    case "out_for_delivery":
      return x.t("ms_ofd", { when: x.relOrOn(s.lastEvent?.at ?? x.c.now.toISOString()) });
    case "label_created":
      return x.t("ms_label");
    case "delayed":
      return s.estimatedDeliveryAt
        ? x.t("ms_delayed_eta", { eta: x.dw(s.estimatedDeliveryAt) })
        : x.t("ms_delayed");
    case "attempted_delivery":
      return x.t("ms_attempted", { date: s.lastEvent ? x.dw(s.lastEvent.at) : "" });
    case "exception":
      return x.t("ms_problem");
    default:
      if (inCustoms(s)) return x.t("ms_customs");
      return s.estimatedDeliveryAt
        ? x.t("ms_transit_eta", { eta: x.relOrDate(s.estimatedDeliveryAt) })
        : x.t("ms_transit");
  }
}

function describeShipments(order: NormalizedOrder, ships: Shipment[], x: Ctx): string[] {
  if (ships.length === 1) return describeShipment(order, ships[0]!, x);
  const carriers = new Set(ships.map((s) => carrierName(s) ?? ""));
  const days = new Set(ships.map((s) => (s.shippedAt ? x.d(s.shippedAt) : "")));
  const statuses = new Set(ships.map((s) => effectiveStatus(s, x.c.knowsDelivery)));
  const carrier = carrierName(ships[0]!);
  if (
    carriers.size === 1 &&
    carrier &&
    days.size === 1 &&
    statuses.size === 1 &&
    ships[0]!.shippedAt &&
    ships.every((s) => s.trackingNumber)
  ) {
    const list = x.list(
      ships.map((s) => (s.items.length ? `${s.trackingNumber} (${shipmentItems(s, x)})` : s.trackingNumber!)),
    );
    const out = [
      x.t("multi_same", { shipped: x.d(ships[0]!.shippedAt), count: ships.length, carrier, list }),
    ];
    const st = [...statuses][0]!;
    if (x.c.knowsDelivery && st !== "in_transit")
      out.push(x.t("status_sentence", { status: x.t(statusKeyForShipment(ships[0]!, x)) }));
    return out;
  }
  const parts = ships.map((s) =>
    x.t("multi_part", {
      ct: carrierTracking(s, x),
      hasItems: s.items.length > 0,
      items: shipmentItems(s, x),
      phrase: shipmentPhrase(s, x),
    }),
  );
  return [x.t("multi", { count: ships.length, list: parts.join("; ") })];
}

function statusKeyForShipment(s: Shipment, x: Ctx): OrderPhraseKey {
  const st = effectiveStatus(s, x.c.knowsDelivery);
  switch (st) {
    case "delivered":
      return "status_delivered";
    case "out_for_delivery":
      return "status_out_for_delivery";
    case "attempted_delivery":
      return "status_attempted";
    case "delayed":
      return "status_delayed";
    case "label_created":
      return "status_label_created";
    case "exception":
      return "status_exception";
    case "ready_for_pickup":
      return "status_ready_for_pickup";
    case "picked_up":
      return "status_picked_up";
    default:
      return inCustoms(s) ? "status_customs" : "status_shipped";
  }
}

function backorderSentences(order: NormalizedOrder, x: Ctx, anyShipped: boolean): string[] {
  const back = order.items.filter((i) => i.backordered);
  const out: string[] = [];
  if (back.length) {
    out.push(x.t("backordered", { count: back.length, items: x.list(back.map(itemName)) }));
  } else if (anyShipped) {
    const unshipped = order.items.filter((i) => (i.unshippedQuantity ?? 0) > 0);
    if (unshipped.length)
      out.push(x.t("unshipped", { count: unshipped.length, items: x.list(unshipped.map(itemName)) }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// refunds and cancellations
// ---------------------------------------------------------------------------------------------

const KEEP_RE =
  /no (need to )?return|no return needed|no need to send|keine rücksendung|nicht zurück|without return|no_restock/i;
const CUSTOMER_CANCEL_RE =
  /customer'?s request|customer asked|at (the )?customer|requested by (the )?customer|auf wunsch|kundenwunsch/i;

function refundSentences(order: NormalizedOrder, x: Ctx): string[] {
  const out: string[] = [];
  for (const r of [...order.refunds].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const amount = x.money(r.amount);
    const date = x.d(r.createdAt);
    const keep = r.restocked === false || KEEP_RE.test(r.note ?? "");
    if (r.items.length) {
      const names = r.items.map((i) => i.title);
      if (names.length === 1 && x.lang === "en") {
        // English only: "The dented Mug was refunded" (the adjective comes from the merchant's English note)
        const adj =
          /\b(?:arrived|was|came|is)\s+(dented|broken|damaged|defective|cracked|faulty|torn|scratched)\b/i.exec(
            r.note ?? "",
          );
        if (adj) names[0] = `${adj[1]!.toLowerCase()} ${names[0]}`;
      }
      out.push(x.t("refund_items", { keep, count: names.length, items: x.list(names), amount, date }));
    } else if (r.note && r.note.trim()) {
      const reason = r.note
        .split(/\s[-–]\s/)[0]!
        .replace(/\s*\([^)]*\)/g, "")
        .trim();
      out.push(x.t("refund_amount_reason", { amount, date, reason }));
    } else {
      out.push(x.t("refund_amount", { amount, date }));
    }
  }
  return out;
}

function describeCancelled(order: NormalizedOrder, x: Ctx): string[] {
  const refunds = [...order.refunds].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const cancelAt = order.cancelledAt ?? refunds[0]?.createdAt ?? order.placedAt;
  const byCustomer =
    order.cancelReason === "customer" || refunds.some((r) => CUSTOMER_CANCEL_RE.test(r.note ?? ""));
  const refunded = sum(refunds);
  const full =
    refunds.length > 0 && (order.status === "refunded" || refunded >= Number(order.total.amount) - 0.005);
  const n = order.number;
  if (full) {
    const last = refunds[refunds.length - 1]!;
    const when =
      x.diff(last.createdAt) === x.diff(cancelAt)
        ? x.t("refund_that_day")
        : x.t("day_on", { rel: "other", date: x.d(last.createdAt) });
    return [
      x.t(byCustomer ? "cancel_customer_refund" : "cancel_refund", {
        number: n,
        date: x.d(cancelAt),
        amount: x.money(order.total),
        when,
      }),
      x.t("bank_delay"),
    ];
  }
  const out = [x.t(byCustomer ? "cancel_customer_only" : "cancel_only", { number: n, date: x.d(cancelAt) })];
  for (const r of refunds)
    out.push(x.t("cancel_partial_refund", { amount: x.money(r.amount), date: x.d(r.createdAt) }));
  return out;
}

// ---------------------------------------------------------------------------------------------
// pickup
// ---------------------------------------------------------------------------------------------

function pickupInfo(order: NormalizedOrder, s: Shipment | undefined) {
  return s?.pickup ?? order.pickup ?? null;
}

function instructionsText(instr: string | null | undefined): string | null {
  if (!instr || !instr.trim()) return null;
  const segs = instr
    .trim()
    .replace(/\.$/, "")
    .split(/\.\s+/)
    .map((p, i) => (i === 0 ? p : p.charAt(0).toLowerCase() + p.slice(1)));
  return segs.join("; ");
}

function describePickup(
  order: NormalizedOrder,
  x: Ctx,
): { sentences: string[]; state: "ready" | "picked_up" | "preparing" } {
  const ps = order.shipments.find((s) => s.status === "ready_for_pickup" || s.status === "picked_up");
  const pickedUp = order.status === "delivered" || ps?.status === "picked_up";
  if (pickedUp) {
    const at = ps?.deliveredAt ?? ps?.lastEvent?.at ?? null;
    return {
      sentences: [at ? x.t("picked_up", { date: x.dw(at) }) : x.t("picked_up_plain")],
      state: "picked_up",
    };
  }
  const ready = order.status === "ready_for_pickup" || !!ps || order.status === "shipped";
  if (!ready) {
    return {
      sentences: [
        x.t("pickup_preparing", {
          number: order.number,
          date: x.d(order.placedAt),
          total: x.money(order.total),
        }),
      ],
      state: "preparing",
    };
  }
  const info = pickupInfo(order, ps);
  const note = latestNote(order);
  const noteIsPickup =
    note && /pick ?up|collect|abhol|ready|recog|retir|ritir|ophalen/i.test(note.text) ? note : null;
  const since = ps?.shippedAt ?? ps?.lastEvent?.at ?? noteIsPickup?.at ?? null;
  const location = [info?.locationName ?? x.c.storeName ?? x.t("the_store"), info?.address]
    .filter(Boolean)
    .join(", ");
  const instr = instructionsText(info?.instructions);
  const vars = { date: since ? x.dw(since) : "", location, info: instr ?? "" };
  const key: OrderPhraseKey = since
    ? instr
      ? "pickup_ready_info"
      : "pickup_ready"
    : instr
      ? "pickup_ready_nodate_info"
      : "pickup_ready_nodate";
  const out = [x.t(key, vars)];
  const hold = info?.holdUntil ?? (noteIsPickup ? parseHoldUntil(noteIsPickup.text, x.c.now) : null);
  if (hold) out.push(x.t("pickup_hold", { date: x.dw(hold) }));
  return { sentences: out, state: "ready" };
}

// ---------------------------------------------------------------------------------------------
// status label
// ---------------------------------------------------------------------------------------------

function shippingShipments(order: NormalizedOrder): Shipment[] {
  return order.shipments.filter((s) => s.status !== "ready_for_pickup" && s.status !== "picked_up");
}

export function orderStatusLabel(order: NormalizedOrder, ctx: DescribeContext): string {
  const x = new Ctx(ctx);
  return x.t(statusLabelKey(order, x));
}

function statusLabelKey(order: NormalizedOrder, x: Ctx): OrderPhraseKey {
  switch (order.status) {
    case "pending_payment":
      return "status_pending_payment";
    case "on_hold":
      return "status_on_hold";
    case "failed":
      return "status_failed";
    case "cancelled":
      return "status_cancelled";
  }
  if (order.status === "refunded") return "status_refunded";
  if (order.deliveryMethod === "pickup") {
    const ps = order.shipments.find((s) => s.status === "ready_for_pickup" || s.status === "picked_up");
    if (order.status === "delivered" || ps?.status === "picked_up") return "status_picked_up";
    if (order.status === "ready_for_pickup" || ps || order.status === "shipped")
      return "status_ready_for_pickup";
    return "status_processing";
  }
  const ships = shippingShipments(order);
  if (!ships.length)
    return order.status === "partially_refunded" ? "status_partially_refunded" : "status_processing";
  if (ships.length === 1) {
    const k = statusKeyForShipment(ships[0]!, x);
    if (k === "status_shipped" && order.status === "partially_shipped") return "status_partially_shipped";
    return k;
  }
  const sts = ships.map((s) => effectiveStatus(s, x.c.knowsDelivery));
  if (sts.every((s) => s === "delivered") && order.status !== "partially_shipped") return "status_delivered";
  if (
    order.status === "partially_shipped" ||
    order.items.some((i) => i.backordered || (i.unshippedQuantity ?? 0) > 0)
  )
    return "status_partially_shipped";
  if (sts.some((s) => s === "out_for_delivery")) return "status_out_for_delivery";
  return "status_shipped";
}

// ---------------------------------------------------------------------------------------------
// public API
// ---------------------------------------------------------------------------------------------

/** The answer to "where is my order?" for one verified order. */
export function describeOrder(order: NormalizedOrder, ctx: DescribeContext): OrderDescription {
  const x = new Ctx(ctx);
  const statusLabel = x.t(statusLabelKey(order, x));
  const sentences: string[] = [];
  let nextStep: string | undefined;
  const n = order.number;

  if (order.status === "failed") {
    const m = methodWord(order.paymentMethod, x);
    sentences.push(m ? x.t("failed_method", { method: m, number: n }) : x.t("failed_generic", { number: n }));
    sentences.push(x.t(order.paymentUrl ? "failed_retry" : "failed_new"));
    if (order.paymentUrl) nextStep = x.t("retry_link", { url: order.paymentUrl });
  } else if (order.status === "pending_payment") {
    const amount = x.money(
      order.outstanding && Number(order.outstanding.amount) > 0 ? order.outstanding : order.total,
    );
    const m = methodWord(order.paymentMethod, x);
    if (m && isManualPayment(order.paymentMethod))
      sentences.push(x.t("pending_manual", { amount, method: m, number: n }));
    else if (m) sentences.push(x.t("pending_online", { number: n, method: m }));
    else sentences.push(x.t("pending_generic", { number: n, amount }));
    if (order.paymentUrl && !isManualPayment(order.paymentMethod))
      nextStep = x.t("pay_link", { url: order.paymentUrl });
  } else if (order.status === "on_hold" && !order.shipments.length) {
    if (isManualPayment(order.paymentMethod)) {
      const amount = x.money(
        order.outstanding && Number(order.outstanding.amount) > 0 ? order.outstanding : order.total,
      );
      sentences.push(x.t("on_hold_transfer", { amount, number: n }));
    } else {
      sentences.push(x.t("on_hold_generic", { number: n }));
      if (ctx.supportEmail) nextStep = x.t("next_contact", { support: ctx.supportEmail });
    }
  } else if (
    order.status === "cancelled" ||
    (order.status === "refunded" && !shippingShipments(order).length)
  ) {
    sentences.push(...describeCancelled(order, x));
    if (!order.refunds.length && ctx.supportEmail)
      nextStep = x.t("next_contact", { support: ctx.supportEmail });
  } else if (order.deliveryMethod === "pickup") {
    sentences.push(...describePickup(order, x).sentences);
  } else {
    const ships = shippingShipments(order);
    if (!ships.length) {
      sentences.push(
        x.t("processing", { number: n, date: x.d(order.placedAt), total: x.money(order.total) }),
      );
      const days = processingDays(ctx.policies?.shipping);
      if (days) sentences.push(x.t("processing_policy", { days }));
      sentences.push(...backorderSentences(order, x, false));
    } else {
      sentences.push(...describeShipments(order, ships, x));
      const pending = ships.filter((s) => effectiveStatus(s, ctx.knowsDelivery) !== "delivered");
      const note = latestNote(order);
      const lastShipped =
        ships
          .map((s) => s.shippedAt ?? "")
          .sort()
          .pop() ?? "";
      if (
        !ctx.knowsDelivery &&
        note &&
        note.at >= lastShipped.slice(0, 10) &&
        note.text.length <= 200 &&
        /expect|erwartet|voraussichtlich|estimated|deliver(?:ed|y)? (?:on|by)/i.test(note.text)
      ) {
        sentences.push(
          x.t("shop_note", {
            store: ctx.storeName ?? x.t("the_shop"),
            date: x.dw(note.at),
            note: note.text.trim(),
          }),
        );
      }
      sentences.push(...backorderSentences(order, x, true));
      const intl = pending.find((s) => dutiesApply(order, s, x));
      if (intl) {
        const c = carrierName(intl);
        sentences.push(
          c
            ? x.t("duties_paid", { total: x.money(order.total), carrier: c })
            : x.t("duties_generic", { total: x.money(order.total) }),
        );
      }
      if (order.status === "refunded") {
        const last = [...order.refunds].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).pop();
        if (last)
          sentences.push(
            x.t("refund_full", { amount: x.money(order.total), number: n, date: x.d(last.createdAt) }),
            x.t("bank_delay"),
          );
      } else if (order.refunds.length) {
        sentences.push(...refundSentences(order, x));
      }
      if (order.discountCodes && order.discountCodes.length) {
        sentences.push(
          x.t("total_discount", {
            total: x.money(order.total),
            codes: order.discountCodes.map((c) => c.toUpperCase()).join(", "),
          }),
        );
      }
      if (!ctx.knowsDelivery) {
        const names = new Set(ships.map((s) => carrierName(s)));
        const only = names.size === 1 ? [...names][0] : null;
        sentences.push(only ? x.t("woo_no_delivery", { carrier: only }) : x.t("woo_no_delivery_generic"));
      }
      // one next step
      const live = pending.find((s) => s.trackingUrl && !s.trackingUrlInferred);
      const problem = pending.some((s) => s.status === "exception");
      if (problem && ctx.supportEmail) nextStep = x.t("next_contact", { support: ctx.supportEmail });
      else if (ctx.knowsDelivery && pending.length === 0) nextStep = x.t("next_missing");
      else if (ctx.knowsDelivery && live) {
        const c = carrierName(live);
        nextStep = c ? x.t("next_track", { carrier: c }) : x.t("next_track_generic");
      }
    }
  }
  if (order.status === "partially_refunded" && order.deliveryMethod === "pickup" && order.refunds.length) {
    sentences.push(...refundSentences(order, x));
  }
  return {
    text: tidy(sentences.join(" "), ctx.lang),
    nextStep: nextStep ? tidy(nextStep, ctx.lang) : undefined,
    statusLabel,
  };
}

function shipmentSummary(s: Shipment, x: Ctx): string {
  const st = effectiveStatus(s, x.c.knowsDelivery);
  if (!x.c.knowsDelivery && st === "in_transit") {
    return s.shippedAt ? x.t("sum_shipped", { date: x.d(s.shippedAt) }) : x.t("status_shipped");
  }
  switch (st) {
    case "delivered":
      return s.deliveredAt ? x.t("sum_delivered", { date: x.dw(s.deliveredAt) }) : x.t("status_delivered");
    case "out_for_delivery":
      return x.t("sum_ofd", { when: x.relOrOn(s.lastEvent?.at ?? x.c.now.toISOString()) });
    case "attempted_delivery":
      return x.t("sum_attempted", { date: s.lastEvent ? x.dw(s.lastEvent.at) : "" });
    case "delayed":
      return s.estimatedDeliveryAt
        ? x.t("sum_delayed", { eta: x.dw(s.estimatedDeliveryAt) })
        : x.t("sum_delayed_noeta");
    case "label_created":
      return x.t("sum_label");
    case "exception":
      return x.t("sum_problem");
    case "ready_for_pickup":
      return x.t("sum_ready");
    case "picked_up":
      return s.deliveredAt ? x.t("sum_picked_up", { date: x.dw(s.deliveredAt) }) : x.t("status_picked_up");
    default:
      if (inCustoms(s)) return x.t("sum_customs");
      return s.estimatedDeliveryAt
        ? x.t("sum_in_transit_eta", { eta: x.relOrDate(s.estimatedDeliveryAt) })
        : x.t("sum_in_transit");
  }
}

type Step = { key: string; label: string; done: boolean; current: boolean };

function steps(order: NormalizedOrder, x: Ctx): Step[] {
  const mk = (key: string, label: OrderPhraseKey, done: boolean): Step => ({
    key,
    label: x.t(label),
    done,
    current: false,
  });
  let list: Step[];
  const paid = !["pending_payment", "on_hold", "failed"].includes(order.status);
  if (order.status === "failed") {
    list = [mk("ordered", "step_ordered", true), mk("payment_failed", "step_payment_failed", true)];
  } else if (
    order.status === "cancelled" ||
    (order.status === "refunded" && !shippingShipments(order).length)
  ) {
    list = [mk("ordered", "step_ordered", true), mk("cancelled", "step_cancelled", true)];
  } else if (order.deliveryMethod === "pickup") {
    const ps = order.shipments.find((s) => s.status === "ready_for_pickup" || s.status === "picked_up");
    const picked = order.status === "delivered" || ps?.status === "picked_up";
    const ready = picked || order.status === "ready_for_pickup" || !!ps || order.status === "shipped";
    list = [mk("ordered", "step_ordered", true)];
    if (!paid) list.push(mk("paid", "step_paid", false));
    list.push(mk("ready_for_pickup", "step_ready", ready && paid), mk("picked_up", "step_picked_up", picked));
  } else {
    const ships = shippingShipments(order);
    const sts = ships.map((s) => effectiveStatus(s, x.c.knowsDelivery));
    const shipped = ships.length > 0 && sts.some((s) => s !== "label_created");
    const delivered =
      x.c.knowsDelivery &&
      ships.length > 0 &&
      sts.every((s) => s === "delivered") &&
      order.status !== "partially_shipped";
    const ofd = sts.some((s) => s === "out_for_delivery" || s === "attempted_delivery");
    list = [mk("ordered", "step_ordered", true)];
    if (!paid) list.push(mk("paid", "step_paid", false));
    list.push(mk("shipped", "step_shipped", shipped));
    if (ofd) list.push(mk("out_for_delivery", "step_out_for_delivery", true));
    list.push(mk("delivered", "step_delivered", delivered));
  }
  let last = -1;
  list.forEach((s, i) => {
    if (s.done) last = i;
  });
  if (last >= 0) list[last]!.current = true;
  return list;
}

/** The order card of the widget protocol. Contains no contact data (no email, phone, name or address). */
export function toWidgetOrder(order: NormalizedOrder, ctx: DescribeContext): WidgetOrder {
  const x = new Ctx(ctx);
  const shipments: WidgetOrderShipment[] = order.shipments.map((s) => ({
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    trackingUrl: s.trackingUrl,
    status: ctx.knowsDelivery ? s.status : effectiveStatus(s, false),
    shippedAt: s.shippedAt,
    estimatedDeliveryAt: s.estimatedDeliveryAt,
    deliveredAt: ctx.knowsDelivery ? s.deliveredAt : null,
    items: s.items.map((i) => ({ title: i.title, quantity: i.quantity })),
    summary: shipmentSummary(s, x),
  }));
  return {
    number: order.number,
    status: order.status,
    statusLabel: x.t(statusLabelKey(order, x)),
    placedAt: order.placedAt,
    total: { amount: order.total.amount, currency: order.total.currency },
    totalFormatted: x.money(order.total),
    items: order.items.map((i) => ({
      title: i.title,
      quantity: i.quantity,
      variantTitle: i.variantTitle ?? null,
    })),
    shipments,
    statusPageUrl: order.statusPageUrl,
    steps: steps(order, x),
  };
}

/** "Show my orders": one line per order, newest first, test orders left out. */
export function describeOrderList(
  orders: NormalizedOrder[],
  ctx: DescribeContext,
): { text: string; lines: string[] } {
  const x = new Ctx(ctx);
  const lines = orders
    .filter((o) => !o.test)
    .sort((a, b) => b.placedAt.localeCompare(a.placedAt))
    .map((o) =>
      x.t("list_line", { number: o.number, date: x.d(o.placedAt), status: x.t(statusLabelKey(o, x)) }),
    );
  return { text: lines.join("\n"), lines };
}

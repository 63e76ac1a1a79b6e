/**
 * Pure helpers for rendering: safe links, dates, the order card's progress steps, linkified text.
 * No DOM here; panel.ts turns the results into elements with textContent.
 */
import type { WidgetOrder, WidgetOrderShipment } from "../../app/protocol";
import type { Strings } from "./i18n";
import { safeLinkUrl } from "../../app/protocol/url";

/**
 * "Tue, Nov 24" in the shopper's language, in `timeZone` (the store's) when given; the raw text when it
 * is not a date. An unknown zone falls back to the browser's.
 */
export function formatDay(iso: string | null | undefined, locale: string, timeZone?: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  try {
    return new Intl.DateTimeFormat(locale, {
      weekday: "short",
      month: "short",
      day: "numeric",
      timeZone,
    }).format(d);
  } catch {
    return timeZone ? formatDay(iso, locale) : d.toDateString();
  }
}

/** Money in the order's currency, formatted for the shopper. */
export function formatMoney(amount: string, currency: string, locale: string): string {
  const n = Number(amount);
  if (!Number.isFinite(n)) return `${amount} ${currency}`.trim();
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(n);
  } catch {
    return `${amount} ${currency}`;
  }
}

export interface Step {
  key: string;
  label: string;
  done: boolean;
  current: boolean;
}

const PICKUP = new Set(["ready_for_pickup"]);
const HALTED = new Set(["cancelled", "refunded", "failed", "pending_payment", "on_hold"]);

/**
 * The card's progress steps: the server's when given, else ordered → shipped → delivered (or
 * ordered → ready for pickup → picked up). Cancelled/refunded/failed/unpaid orders get none:
 * a progress bar would suggest the order is moving.
 */
export function orderSteps(order: WidgetOrder, t: Strings): Step[] {
  if (Array.isArray(order.steps) && order.steps.length) {
    return order.steps.map((s) => ({
      key: String(s.key),
      label: String(s.label),
      done: !!s.done,
      current: !!s.current,
    }));
  }
  if (HALTED.has(order.status)) return [];
  const pickup =
    PICKUP.has(order.status) ||
    order.shipments.some((s) => s.status === "ready_for_pickup" || s.status === "picked_up");
  const keys = pickup ? ["ordered", "ready", "picked"] : ["ordered", "shipped", "delivered"];
  let reached = 0;
  const delivered =
    order.status === "delivered" ||
    (order.shipments.length > 0 &&
      order.shipments.every((s) => s.status === "delivered" || s.status === "picked_up"));
  if (delivered) reached = 2;
  else if (pickup || ["shipped", "partially_shipped", "out_for_delivery"].includes(order.status)) reached = 1;
  const label: Record<string, string> = t.steps;
  return keys.map((key, i) => ({ key, label: label[key], done: i <= reached, current: i === reached }));
}

/** Tone of the status badge. */
export function statusTone(status: string): "good" | "progress" | "warn" | "bad" | "neutral" {
  if (status === "delivered" || status === "ready_for_pickup") return "good";
  if (["shipped", "partially_shipped", "out_for_delivery", "processing"].includes(status)) return "progress";
  if (["pending_payment", "on_hold", "partially_refunded"].includes(status)) return "warn";
  if (["cancelled", "failed"].includes(status)) return "bad";
  return "neutral";
}

/** The shipment's date line: delivered date when delivered, else the estimate, else "" (in the store's zone). */
export function shipmentDateLine(
  s: WidgetOrderShipment,
  t: Strings,
  locale: string,
  timeZone?: string,
): string {
  if (s.deliveredAt) return t.delivered({ date: formatDay(s.deliveredAt, locale, timeZone) });
  if (s.estimatedDeliveryAt) return t.eta({ date: formatDay(s.estimatedDeliveryAt, locale, timeZone) });
  return "";
}

export type Token = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

/** Split plain text into text and http(s) link tokens; trailing punctuation stays text. */
export function linkify(text: string): Token[] {
  const out: Token[] = [];
  const re = /https?:\/\/[^\s<>"']+/gi;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let url = m[0];
    const trail = /[).,;:!?\]]+$/.exec(url);
    if (trail) url = url.slice(0, -trail[0].length);
    const href = safeLinkUrl(url);
    if (m.index > last) out.push({ kind: "text", text: text.slice(last, m.index) });
    if (href) out.push({ kind: "link", text: url, href });
    else out.push({ kind: "text", text: url });
    last = m.index + url.length;
    re.lastIndex = last;
  }
  if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
  return out;
}

/** Input hints for what the bot asked for last. */
export function inputModeFor(awaiting: string | null | undefined): {
  type: string;
  inputMode: string;
  autocomplete: string;
  hint: "order" | "email" | null;
} {
  if (awaiting === "email_or_phone")
    return { type: "email", inputMode: "email", autocomplete: "email", hint: "email" };
  if (awaiting === "order_number")
    return { type: "text", inputMode: "text", autocomplete: "off", hint: "order" };
  return { type: "text", inputMode: "text", autocomplete: "off", hint: null };
}

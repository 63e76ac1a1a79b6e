/**
 * Order health: is an order at risk, why, since when, and what the shopper can do next. Pure — the
 * mirror applies it when a row is written (from events and the sync) and the periodic sweep applies
 * it again as time passes (an ETA going by, days without a carrier scan).
 */
import type { NormalizedOrder, Shipment } from "../types";

export type RiskReason =
  "carrier_exception" | "failed_delivery" | "past_eta" | "no_scan" | "partial_long" | "on_hold";

export type NextStep = "wait" | "contact_carrier" | "talk_to_person";

export interface OrderRisk {
  reason: RiskReason;
  /** when the order became at risk (ISO) */
  since: string;
  next: NextStep;
  /** shown in the explanation; never personal data */
  carrier: string | null;
  /** the promised date that passed, for past_eta */
  eta: string | null;
}

export interface HealthThresholds {
  /** hours after the estimated delivery before an order counts as late */
  lateGraceHours: number;
  /** days without a carrier scan on a shipment in transit */
  noScanDays: number;
  /** days an order may stay partly shipped */
  partialDays: number;
  /** days an order may stay on hold */
  onHoldDays: number;
}

export const DEFAULT_THRESHOLDS: HealthThresholds = {
  lateGraceHours: 12,
  noScanDays: 4,
  partialDays: 7,
  onHoldDays: 2,
};

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const DONE = new Set(["delivered", "cancelled", "refunded", "failed", "ready_for_pickup"]);
const SHIPMENT_DONE = new Set(["delivered", "picked_up", "ready_for_pickup"]);

const ms = (iso: string | null | undefined) => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : null;
};
const iso = (t: number) => new Date(t).toISOString();

function shipmentRisk(s: Shipment, now: number, th: HealthThresholds): OrderRisk | null {
  if (SHIPMENT_DONE.has(s.status)) return null;
  const carrier = s.carrier ?? null;
  const lastScan = ms(s.lastEvent?.at) ?? ms(s.shippedAt);
  const at = (t: number | null) => iso(t ?? now);
  if (s.status === "exception")
    return { reason: "carrier_exception", since: at(lastScan), next: "contact_carrier", carrier, eta: null };
  if (s.status === "attempted_delivery")
    return { reason: "failed_delivery", since: at(lastScan), next: "contact_carrier", carrier, eta: null };
  const eta = ms(s.estimatedDeliveryAt);
  if (eta !== null && now > eta + th.lateGraceHours * HOUR) {
    const late = now - eta;
    const next: NextStep = late > 3 * DAY ? "talk_to_person" : "wait";
    return { reason: "past_eta", since: iso(eta), next, carrier, eta: s.estimatedDeliveryAt };
  }
  if (s.status === "delayed")
    return { reason: "past_eta", since: at(lastScan), next: "wait", carrier, eta: s.estimatedDeliveryAt };
  if (lastScan !== null && now - lastScan > th.noScanDays * DAY)
    return {
      reason: "no_scan",
      since: iso(lastScan + th.noScanDays * DAY),
      next: "contact_carrier",
      carrier,
      eta: null,
    };
  return null;
}

/** Severity order: what the shopper most needs to hear first. */
const RANK: RiskReason[] = [
  "failed_delivery",
  "carrier_exception",
  "past_eta",
  "no_scan",
  "partial_long",
  "on_hold",
];

export function assessOrder(
  order: NormalizedOrder,
  now: Date,
  th: HealthThresholds = DEFAULT_THRESHOLDS,
): OrderRisk | null {
  if (DONE.has(order.status) || order.test) return null;
  const t = now.getTime();
  const found: OrderRisk[] = [];
  for (const s of order.shipments) {
    const r = shipmentRisk(s, t, th);
    if (r) found.push(r);
  }
  const placed = ms(order.placedAt) ?? t;
  if (order.status === "partially_shipped") {
    const first = Math.min(...order.shipments.map((s) => ms(s.shippedAt) ?? placed), placed);
    if (t - first > th.partialDays * DAY)
      found.push({
        reason: "partial_long",
        since: iso(first + th.partialDays * DAY),
        next: "talk_to_person",
        carrier: null,
        eta: null,
      });
  }
  if (order.status === "on_hold" && t - placed > th.onHoldDays * DAY)
    found.push({
      reason: "on_hold",
      since: iso(placed + th.onHoldDays * DAY),
      next: "talk_to_person",
      carrier: null,
      eta: null,
    });
  found.sort((a, b) => RANK.indexOf(a.reason) - RANK.indexOf(b.reason));
  return found[0] ?? null;
}

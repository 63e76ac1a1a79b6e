import { describe, expect, it } from "vitest";
import { eligibility } from "./rules";
import { defaultRule } from "./types";
import type { NormalizedOrder } from "../orders/types";

const NOW = new Date("2026-11-23T15:00:00Z");
const order = (over: Partial<NormalizedOrder> = {}): NormalizedOrder => ({
  id: "o1",
  number: "1001",
  placedAt: "2026-11-23T10:00:00Z",
  status: "processing",
  platformStatus: "PAID / UNFULFILLED",
  total: { amount: "300.89", currency: "USD" },
  items: [],
  shipments: [],
  refunds: [],
  statusPageUrl: null,
  deliveryMethod: "shipping",
  contact: { email: "a@example.com", phone: null, customerId: null },
  test: false,
  ...over,
});
const on = (a: "cancel" | "address" | "return", over = {}) => ({ ...defaultRule(a), enabled: true, ...over });
const shipment = {
  carrier: "UPS",
  trackingNumber: "1Z",
  trackingUrl: null,
  status: "delivered" as const,
  shippedAt: "2026-11-10T00:00:00Z",
  estimatedDeliveryAt: null,
  deliveredAt: "2026-11-12T00:00:00Z",
  items: [],
};

describe("whether an action is allowed now", () => {
  it("is off by default", () => {
    expect(eligibility("cancel", defaultRule("cancel"), order(), NOW)).toEqual({
      ok: false,
      reason: "disabled",
    });
  });
  it("'ask a person instead' wins over on", () => {
    expect(eligibility("cancel", on("cancel", { askPerson: true }), order(), NOW)).toEqual({
      ok: false,
      reason: "ask_person",
    });
  });
  it("never cancels or re-addresses what was sent or cancelled, whatever the merchant's list", () => {
    const rule = on("cancel", { statuses: ["processing", "shipped"] });
    expect(eligibility("cancel", rule, order({ status: "shipped" }), NOW)).toMatchObject({
      reason: "shipped",
    });
    expect(eligibility("address", on("address"), order({ shipments: [shipment] }), NOW)).toMatchObject({
      reason: "shipped",
    });
    expect(eligibility("cancel", rule, order({ cancelledAt: "2026-11-23T11:00:00Z" }), NOW)).toMatchObject({
      reason: "cancelled",
    });
  });
  it("applies the window since the order, the statuses and the maximum value", () => {
    expect(eligibility("cancel", on("cancel", { windowHours: 2 }), order(), NOW)).toEqual({
      ok: false,
      reason: "window",
      hours: 2,
    });
    expect(eligibility("cancel", on("cancel", { windowHours: 5 }), order(), NOW)).toEqual({ ok: true });
    expect(eligibility("cancel", on("cancel", { statuses: ["on_hold"] }), order(), NOW)).toMatchObject({
      reason: "status",
    });
    expect(eligibility("cancel", on("cancel", { maxTotal: "300.00" }), order(), NOW)).toMatchObject({
      reason: "value",
    });
    expect(eligibility("cancel", on("cancel", { maxTotal: "300.89" }), order(), NOW)).toEqual({ ok: true });
  });
  it("returns: delivered orders inside the window since delivery; Woo's completed counts as delivered", () => {
    const delivered = order({ status: "delivered", shipments: [shipment] });
    expect(eligibility("return", on("return"), delivered, NOW)).toEqual({ ok: true });
    expect(eligibility("return", on("return", { windowHours: 24 * 10 }), delivered, NOW)).toMatchObject({
      reason: "return_window",
    });
    expect(eligibility("return", on("return"), order({ status: "shipped" }), NOW)).toMatchObject({
      reason: "not_delivered",
    });
    expect(
      eligibility("return", on("return"), order({ status: "shipped" }), NOW, { knowsDelivery: false }),
    ).toEqual({ ok: true });
  });
});

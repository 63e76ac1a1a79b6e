import { describe, expect, it } from "vitest";
import type { NormalizedOrder, Shipment } from "../types";
import { assessOrder } from "./rules";

const NOW = new Date("2026-11-30T12:00:00Z");

function shipment(over: Partial<Shipment> = {}): Shipment {
  return {
    carrier: "UPS",
    trackingNumber: "1Z999",
    trackingUrl: null,
    status: "in_transit",
    shippedAt: "2026-11-27T10:00:00Z",
    estimatedDeliveryAt: "2026-12-02T17:00:00Z",
    deliveredAt: null,
    items: [{ title: "Boots", quantity: 1 }],
    lastEvent: { at: "2026-11-29T08:00:00Z", message: "Departed facility", status: "in_transit" },
    ...over,
  };
}

function order(over: Partial<NormalizedOrder> = {}): NormalizedOrder {
  return {
    id: "1",
    number: "1001",
    placedAt: "2026-11-25T09:00:00Z",
    status: "shipped",
    platformStatus: "paid / fulfilled",
    total: { amount: "10.00", currency: "EUR" },
    items: [{ title: "Boots", quantity: 1 }],
    shipments: [shipment()],
    refunds: [],
    statusPageUrl: null,
    deliveryMethod: "shipping",
    contact: { email: "a@example.com", phone: null, customerId: null },
    test: false,
    ...over,
  };
}

describe("order health rules", () => {
  it("an order on its way with a future ETA and a recent scan is not at risk", () => {
    expect(assessOrder(order(), NOW)).toBeNull();
  });

  it("past the estimated delivery: at risk since the ETA; wait at first, a person after three days", () => {
    const late = order({ shipments: [shipment({ estimatedDeliveryAt: "2026-11-29T17:00:00Z" })] });
    expect(assessOrder(late, NOW)).toMatchObject({
      reason: "past_eta",
      since: "2026-11-29T17:00:00.000Z",
      next: "wait",
    });
    const veryLate = order({ shipments: [shipment({ estimatedDeliveryAt: "2026-11-25T17:00:00Z" })] });
    expect(assessOrder(veryLate, NOW)?.next).toBe("talk_to_person");
  });

  it("within the grace hours after the ETA it is not late yet", () => {
    const justNow = order({ shipments: [shipment({ estimatedDeliveryAt: "2026-11-30T06:00:00Z" })] });
    expect(assessOrder(justNow, NOW)).toBeNull();
  });

  it("no carrier scan for more than four days: contact the carrier", () => {
    const silent = order({
      shipments: [
        shipment({
          estimatedDeliveryAt: null,
          lastEvent: { at: "2026-11-24T08:00:00Z", message: "Label created", status: "label_created" },
        }),
      ],
    });
    expect(assessOrder(silent, NOW)).toMatchObject({
      reason: "no_scan",
      next: "contact_carrier",
      carrier: "UPS",
    });
  });

  it("a carrier exception and a failed delivery attempt are at risk at once; the failed delivery ranks first", () => {
    expect(assessOrder(order({ shipments: [shipment({ status: "exception" })] }), NOW)?.reason).toBe(
      "carrier_exception",
    );
    const both = order({
      shipments: [shipment({ status: "exception" }), shipment({ status: "attempted_delivery" })],
    });
    expect(assessOrder(both, NOW)?.reason).toBe("failed_delivery");
  });

  it("partly shipped for more than a week, and on hold for more than two days", () => {
    const partial = order({
      status: "partially_shipped",
      placedAt: "2026-11-15T09:00:00Z",
      shipments: [shipment({ status: "delivered", shippedAt: "2026-11-16T09:00:00Z" })],
    });
    expect(assessOrder(partial, NOW)).toMatchObject({ reason: "partial_long", next: "talk_to_person" });
    const held = order({ status: "on_hold", placedAt: "2026-11-26T09:00:00Z", shipments: [] });
    expect(assessOrder(held, NOW)).toMatchObject({ reason: "on_hold", since: "2026-11-28T09:00:00.000Z" });
    expect(assessOrder({ ...held, placedAt: "2026-11-29T20:00:00Z" }, NOW)).toBeNull();
  });

  it("delivered, cancelled and test orders are never at risk; hostile dates do not throw", () => {
    const late = [shipment({ estimatedDeliveryAt: "2026-11-01T00:00:00Z" })];
    expect(assessOrder(order({ status: "delivered", shipments: late }), NOW)).toBeNull();
    expect(assessOrder(order({ status: "cancelled", shipments: late }), NOW)).toBeNull();
    expect(assessOrder(order({ test: true, shipments: late }), NOW)).toBeNull();
    const garbage = order({
      placedAt: "not a date",
      shipments: [shipment({ estimatedDeliveryAt: "soon", shippedAt: "yesterday", lastEvent: null })],
    });
    expect(() => assessOrder(garbage, NOW)).not.toThrow();
  });
});

import { describe, it, expect } from "vitest";
import { describeOrder, toWidgetOrder, parseHoldUntil, processingDays } from "../describe";
import { shopifyOrders, wooOrders, SHOPIFY_POLICIES } from "../../../test/support/orders";
import { shopCtx, wooCtx } from "../../../test/support/describe";
import type { NormalizedOrder } from "../types";

describe("edge cases", () => {
  it("unknown carrier with a tracking number still reads naturally", () => {
    const o: NormalizedOrder = {
      ...shopifyOrders["1002"]!,
      shipments: [
        {
          ...shopifyOrders["1002"]!.shipments[0]!,
          carrier: null,
          carrierCode: null,
          trackingNumber: "XYZ123",
          lastEvent: null,
          estimatedDeliveryAt: null,
        },
      ],
    };
    const r = describeOrder(o, shopCtx());
    expect(r.text).toBe(
      "Shipped Nov 19 (tracking XYZ123) - in transit. There's no delivery estimate for it yet.",
    );
  });
  it("cancelled without a refund", () => {
    const o: NormalizedOrder = { ...shopifyOrders["1005"]!, refunds: [], cancelReason: "inventory" };
    expect(describeOrder(o, shopCtx()).text).toBe("#1005 was cancelled on Nov 16.");
  });
  it("picked up pickup order", () => {
    const o: NormalizedOrder = {
      ...shopifyOrders["1008"]!,
      status: "delivered",
      shipments: [
        { ...shopifyOrders["1008"]!.shipments[0]!, status: "picked_up", deliveredAt: "2026-11-22T16:00:00Z" },
      ],
    };
    const r = describeOrder(o, shopCtx());
    expect(r.text).toBe("Picked up Sun Nov 22.");
    expect(r.statusLabel).toBe("Picked up");
    expect(toWidgetOrder(o, shopCtx()).steps!.every((s) => s.done)).toBe(true);
  });
  it("pickup not ready yet", () => {
    const o: NormalizedOrder = { ...shopifyOrders["1008"]!, status: "processing", shipments: [] };
    const r = describeOrder(o, shopCtx());
    expect(r.text).toMatch(/being prepared for pickup - it isn't ready yet/);
    expect(r.text).not.toMatch(/ship/i);
  });
  it("delayed with no new estimate", () => {
    const o: NormalizedOrder = {
      ...shopifyOrders["1013"]!,
      shipments: [{ ...shopifyOrders["1013"]!.shipments[0]!, estimatedDeliveryAt: null }],
    };
    expect(describeOrder(o, shopCtx()).text).toBe(
      "FedEx 773640219535 is delayed by weather in Memphis; FedEx hasn't given a new estimate yet.",
    );
  });
  it("label created yesterday", () => {
    const o = shopifyOrders["1012"]!;
    const r = describeOrder(o, shopCtx("en", { now: new Date("2026-11-24T15:00:00Z") }));
    expect(r.text).toMatch(/label was created yesterday \(Nov 23\)/);
  });
  it("year is shown for dates in another year", () => {
    const r = describeOrder(shopifyOrders["1011"]!, shopCtx("en", { now: new Date("2027-01-15T12:00:00Z") }));
    expect(r.text).toMatch(/^Delivered Fri Jul 31, 2026/);
  });
  it("on hold without bank transfer", () => {
    const o: NormalizedOrder = { ...wooOrders["2008"]!, paymentMethod: "PayPal" };
    expect(describeOrder(o, wooCtx()).text).toBe("#2008 is on hold for now, so it hasn't shipped yet.");
  });
});

describe("helpers", () => {
  it("parseHoldUntil reads English and German notes", () => {
    const now = new Date("2026-11-23T09:00:00Z");
    expect(parseHoldUntil("We'll keep it for you until Friday, 27 November.", now)).toBe("2026-11-27");
    expect(parseHoldUntil("held until December 2", now)).toBe("2026-12-02");
    expect(parseHoldUntil("Wir halten sie bis Freitag, 27. November bereit.", now)).toBe("2026-11-27");
    expect(parseHoldUntil("until Jan 3", now)).toBe("2027-01-03");
    expect(parseHoldUntil("no date here", now)).toBeNull();
  });
  it("processingDays reads the shipping policy", () => {
    expect(processingDays(SHOPIFY_POLICIES.shipping)).toBe("1-2");
    expect(processingDays("<p>Wir versenden innerhalb von 2 Werktagen.</p>")).toBe("2");
    expect(processingDays(null)).toBeNull();
    expect(processingDays("Free shipping over $50.")).toBeNull();
  });
});

describe("next steps and less common shipment states", () => {
  it("delivery exception: quotes the carrier and points to support", () => {
    const o: NormalizedOrder = {
      ...shopifyOrders["1002"]!,
      shipments: [
        {
          ...shopifyOrders["1002"]!.shipments[0]!,
          status: "exception",
          lastEvent: {
            at: "2026-11-22T18:00:00Z",
            status: "exception",
            message: "Address information incomplete",
            location: "Denver, CO",
          },
        },
      ],
    };
    const r = describeOrder(o, shopCtx());
    expect(r.text).toBe('UPS 1ZA84R270384120936 has a delivery problem: "Address information incomplete".');
    expect(r.nextStep).toBe("Questions about it? Contact support@example.com.");
    expect(r.statusLabel).toBe("Delivery problem");
  });
  it("shipment with unknown status and no events: shipped, no invented 'in transit'", () => {
    const o: NormalizedOrder = {
      ...shopifyOrders["1002"]!,
      shipments: [
        {
          ...shopifyOrders["1002"]!.shipments[0]!,
          status: "unknown",
          lastEvent: null,
          estimatedDeliveryAt: null,
        },
      ],
    };
    expect(describeOrder(o, shopCtx()).text).toBe(
      "Shipped Nov 19 with UPS 1ZA84R270384120936. There's no delivery estimate for it yet.",
    );
  });
  it("cancelled without refund points to support", () => {
    const o: NormalizedOrder = { ...shopifyOrders["1005"]!, refunds: [] };
    expect(describeOrder(o, shopCtx()).nextStep).toBe("Questions about it? Contact support@example.com.");
  });
});

/**
 * Shopify mapper: the 16 orders of the demo store, as the demo script tells them.
 * Fixtures in test/support/shopify-map.ts.
 */
import { describe, it, expect } from "vitest";
import { mapShopifyOrder, type ShopifyOrderNode } from "./map";
import { store, ctx, raw, order } from "../../../test/support/shopify-map";

describe("mapShopifyOrder on the 16 demo orders", () => {
  it("derives the canonical status of every demo order", () => {
    const expected: Record<number, string> = {
      1001: "processing",
      1002: "shipped",
      1003: "delivered",
      1004: "partially_shipped",
      1005: "cancelled",
      1006: "delivered",
      1007: "pending_payment",
      1008: "ready_for_pickup",
      1009: "shipped",
      1010: "shipped",
      1011: "delivered",
      1012: "shipped",
      1013: "shipped",
      1014: "out_for_delivery",
      1015: "processing",
      1016: "shipped",
    };
    const got = Object.fromEntries(Object.keys(expected).map((n) => [Number(n), order(Number(n)).status]));
    expect(got).toEqual(expected);
  });

  it("#1001 paid, not shipped: items unshipped, no shipments, number without #", () => {
    const o = order(1001);
    expect(o.number).toBe("1001");
    expect(o.placedAt).toBe("2026-11-23T00:42:17Z");
    expect(o.total).toEqual({ amount: "300.89", currency: "USD" });
    expect(o.shipments).toEqual([]);
    expect(o.items.length).toBeGreaterThan(0);
    expect(o.items.every((i) => i.unshippedQuantity === i.quantity)).toBe(true);
    expect(o.platformStatus).toBe("PAID / UNFULFILLED");
    expect(o.contact).toMatchObject({
      email: "alice.johnson@example.com",
      customerId: "gid://shopify/Customer/7700000000001",
    });
    expect(o.deliveryMethod).toBe("shipping");
    expect(o.test).toBe(false);
  });

  it("#1002 UPS in transit with URL, ETA and last scan", () => {
    const o = order(1002);
    expect(o.shipments).toHaveLength(1);
    const s = o.shipments[0];
    expect(s).toMatchObject({
      carrier: "UPS",
      trackingNumber: "1ZA84R270384120936",
      trackingUrl: "https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1ZA84R270384120936",
      status: "in_transit",
      estimatedDeliveryAt: "2026-11-24T17:00:00Z",
      deliveredAt: null,
    });
    expect(s.shippedAt?.startsWith("2026-11-19")).toBe(true);
    expect(s.lastEvent?.location).toContain("Commerce City");
    expect(s.lastEvent?.at).toBe("2026-11-23T04:30:00Z"); // Nov 22 in New York
  });

  it("#1003 delivered by USPS with deliveredAt", () => {
    const s = order(1003).shipments[0];
    expect(s).toMatchObject({
      carrier: "USPS",
      trackingNumber: "9400111899223855710247",
      status: "delivered",
      deliveredAt: "2026-11-13T21:22:00Z",
    });
    expect(s.lastEvent?.location).toContain("San Francisco");
  });

  it("#1004 split shipment: FedEx delivered, DHL eCommerce in transit, trekking poles backordered", () => {
    const o = order(1004);
    expect(o.shipments.map((s) => [s.carrier, s.trackingNumber, s.status])).toEqual([
      ["FedEx", "791203588467", "delivered"],
      ["DHL eCommerce", "GM5301284467220193", "in_transit"],
    ]);
    expect(o.shipments[0].items.map((i) => i.title)).toEqual(["Basecamp 2-Person Tent"]);
    expect(o.shipments[1].items.map((i) => i.title)).toEqual([
      "Packable Daypack 20L",
      "Insulated Water Bottle 32oz",
    ]);
    expect(o.shipments[0].deliveredAt).toBe("2026-11-19T23:40:00Z");
    expect(o.shipments[1].estimatedDeliveryAt).toBe("2026-11-25T17:00:00Z");
    const poles = o.items.find((i) => i.title === "Trekking Poles (Pair)");
    expect(poles).toMatchObject({ backordered: true, unshippedQuantity: 1 });
    expect(o.items.filter((i) => i.backordered)).toHaveLength(1);
  });

  it("#1005 cancelled by customer with a full refund", () => {
    const o = order(1005);
    expect(o.cancelledAt).toBe("2026-11-16T15:47:55Z");
    expect(o.cancelReason).toBe("customer");
    expect(o.refunds).toHaveLength(1);
    expect(o.refunds[0].amount).toEqual({ amount: "186.32", currency: "USD" });
    expect(o.refunds[0].createdAt).toBe("2026-11-16T15:47:55Z");
    expect(o.items.every((i) => i.unshippedQuantity === 0 && !i.backordered)).toBe(true);
    expect(o.outstanding).toBeNull();
  });

  it("#1006 delivered with a partial no-restock refund of the water bottle", () => {
    const o = order(1006);
    expect(o.platformStatus).toBe("PARTIALLY_REFUNDED / FULFILLED");
    expect(o.shipments[0]).toMatchObject({
      carrier: "UPS",
      trackingNumber: "1ZA84R270377355161",
      status: "delivered",
    });
    expect(o.refunds).toEqual([
      expect.objectContaining({
        createdAt: "2026-11-10T15:15:40Z",
        amount: { amount: "37.52", currency: "USD" },
        restocked: false,
        items: [expect.objectContaining({ title: "Insulated Water Bottle 32oz", quantity: 1 })],
      }),
    ]);
  });

  it("#1007 pending bank deposit shows the outstanding amount", () => {
    const o = order(1007);
    expect(o.outstanding).toEqual({ amount: "128.16", currency: "USD" });
    expect(o.paymentMethod).toBe("Bank Deposit");
  });

  it("#1008 local pickup is ready, never shipped", () => {
    const o = order(1008);
    expect(o.deliveryMethod).toBe("pickup");
    expect(o.pickup).toMatchObject({
      locationName: "Demo Outfitters Burlington",
      address: expect.stringContaining("85 Church St"),
      instructions: expect.stringContaining("photo ID"),
      readyAt: "2026-11-21T15:15:33Z",
    });
    expect(o.shipments).toHaveLength(1);
    expect(o.shipments[0]).toMatchObject({
      status: "ready_for_pickup",
      shippedAt: null,
      trackingNumber: null,
      carrier: null,
    });
    expect(o.shipments[0].pickup?.locationName).toBe("Demo Outfitters Burlington");
    expect(o.shippingCountry).toBeNull();
  });

  it("#1009 presentment EUR total, DHL Express, customs event, German locale", () => {
    const o = order(1009);
    expect(o.total).toEqual({ amount: "347.00", currency: "EUR" });
    expect(o.customerLocale).toBe("de-DE");
    expect(o.shippingCountry).toBe("DE");
    expect(o.shipments[0]).toMatchObject({
      carrier: "DHL Express",
      trackingNumber: "4839172656",
      estimatedDeliveryAt: "2026-11-24T17:00:00Z",
    });
    expect(o.shipments[0].lastEvent?.location).toContain("Leipzig");
  });

  it("#1010 tracking without carrier or URL: Royal Mail inferred from the number (carriers.ts)", () => {
    const o = order(1010);
    expect(o.total).toEqual({ amount: "75.95", currency: "GBP" });
    expect(o.shipments[0]).toMatchObject({
      carrier: "Royal Mail",
      trackingNumber: "TT483920172GB",
      trackingUrl: "https://www.royalmail.com/track-your-item#/tracking-results/TT483920172GB",
      trackingUrlInferred: true,
      estimatedDeliveryAt: null,
    });
    const raw1010 = mapShopifyOrder(raw(1010), ctx, { inferCarrier: false });
    expect(raw1010.shipments[0]).toMatchObject({
      carrier: null,
      trackingUrl: null,
      trackingUrlInferred: false,
    });
  });

  it("store-given carrier names and URLs are kept as the store wrote them", () => {
    for (const n of [1002, 1003, 1004, 1009, 1013, 1014, 1016]) {
      const rawNode = raw(n);
      const o = mapShopifyOrder(rawNode, ctx);
      o.shipments.forEach((s, i) => {
        const t = rawNode.fulfillments[i].trackingInfo![0];
        expect(s.carrier).toBe(t.company);
        expect(s.trackingUrl).toBe(t.url);
        expect(s.trackingUrlInferred).toBe(false);
      });
    }
  });

  it("#1011 old delivered order keeps its July dates", () => {
    const o = order(1011);
    expect(o.placedAt.startsWith("2026-07-26")).toBe(true);
    expect(o.shipments[0]).toMatchObject({
      carrier: "USPS",
      trackingNumber: "9400111899223855401879",
      deliveredAt: "2026-07-31T18:02:00Z",
    });
  });

  it("#1012 label printed only; mixed-case email kept as stored", () => {
    const o = order(1012);
    expect(o.shipments[0]).toMatchObject({
      status: "label_created",
      trackingNumber: "9405511899223855772125",
      carrier: "USPS",
    });
    expect(o.contact.email).toBe("Bob.Smith@Example.COM");
  });

  it("#1013 phone order without email; FedEx delayed with the new estimate", () => {
    const o = order(1013);
    expect(o.contact.email).toBeNull();
    expect(o.contact.phone).toBe("+13055550178");
    expect(o.shipments[0]).toMatchObject({
      carrier: "FedEx",
      trackingNumber: "773640219535",
      status: "delayed",
      estimatedDeliveryAt: "2026-11-27T17:00:00Z",
    });
    expect(o.shipments[0].lastEvent?.location).toContain("Memphis");
  });

  it("#1014 eight line items with variants and a discount code, out for delivery", () => {
    const o = order(1014);
    expect(o.items).toHaveLength(8);
    expect(o.items.reduce((n, i) => n + i.quantity, 0)).toBe(10);
    expect(o.discountCodes).toEqual(["WELCOME10"]);
    expect(o.total).toEqual({ amount: "1235.62", currency: "USD" });
    expect(o.shipments[0]).toMatchObject({
      carrier: "UPS",
      trackingNumber: "1ZA84R270390203344",
      status: "out_for_delivery",
    });
  });

  it("#1015 is flagged as a test order without a customer", () => {
    const o = order(1015);
    expect(o.test).toBe(true);
    expect(o.contact.customerId).toBeNull();
    expect(o.total).toEqual({ amount: "42.40", currency: "USD" });
  });

  it("#1016 attempted delivery", () => {
    const o = order(1016);
    expect(o.shipments[0]).toMatchObject({
      carrier: "UPS",
      trackingNumber: "1ZA84R270388014722",
      status: "attempted_delivery",
    });
    expect(o.contact.name).toBe("Liam O'Connor");
  });

  it("every demo order maps money to 2-decimal strings and has a status page", () => {
    for (const o of store.orders) {
      const m = mapShopifyOrder(structuredClone(o) as unknown as ShopifyOrderNode, ctx);
      expect(m.total.amount).toMatch(/^\d+\.\d{2}$/);
      expect(m.statusPageUrl).toMatch(/^https:\/\//);
      for (const r of m.refunds) expect(r.amount.amount).toMatch(/^\d+\.\d{2}$/);
    }
  });
});

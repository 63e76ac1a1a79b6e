/**
 * mapWooOrder: the 14 orders of the demo store, as the demo script tells them.
 * Fixtures in test/support/woo-map.ts.
 */
import { describe, expect, it } from "vitest";
import { CANONICAL_ORDER_STATUSES } from "../../orders/types";
import { mapWooOrder } from "./map";
import { demo, store, byId, viaEndpoint, viaMeta, day } from "../../../test/support/woo-map";

describe("mapWooOrder — demo store (all 14 orders)", () => {
  it("maps every demo order to a valid canonical order with 2-decimal money", () => {
    expect(demo.orders).toHaveLength(14);
    for (const o of demo.orders) {
      for (const mapped of [viaEndpoint(o.id), viaMeta(o.id)]) {
        expect(CANONICAL_ORDER_STATUSES).toContain(mapped.status);
        expect(mapped.number).toBe(String(o.id));
        expect(mapped.id).toBe(String(o.id));
        expect(mapped.total.amount).toMatch(/^\d+\.\d{2}$/);
        expect(mapped.total.currency).toBe("EUR");
        expect(mapped.placedAt).toMatch(/Z$/);
        expect(mapped.platformStatus).toBe(o.status);
        expect(mapped.test).toBe(false);
        // never claim delivery: Woo core has no delivery state
        expect(mapped.status).not.toBe("delivered");
        for (const s of mapped.shipments) expect(s.deliveredAt).toBeNull();
      }
    }
  });

  it("expected statuses per the demo script", () => {
    const expected: Record<number, string> = {
      2001: "processing",
      2002: "shipped",
      2003: "shipped",
      2004: "partially_shipped",
      2005: "refunded",
      2006: "shipped",
      2007: "pending_payment",
      2008: "on_hold",
      2009: "failed",
      2010: "ready_for_pickup",
      2011: "shipped",
      2012: "shipped",
      2013: "shipped",
      2014: "shipped",
    };
    for (const [id, status] of Object.entries(expected)) {
      expect(viaEndpoint(Number(id)).status, `#${id}`).toBe(status);
      expect(viaMeta(Number(id)).status, `#${id} (meta)`).toBe(status);
    }
  });

  it("#2001 paid, not shipped, registered customer → view-order URL, no payment link", () => {
    const o = viaEndpoint(2001);
    expect(o.total).toEqual({ amount: "49.82", currency: "EUR" });
    expect(o.shipments).toEqual([]);
    expect(o.placedAt).toBe("2026-11-22T18:05:41.000Z");
    expect(o.contact).toMatchObject({
      email: "lena.schmidt@example.com",
      phone: "+49 40 5550133",
      customerId: "5",
    });
    expect(o.statusPageUrl).toBe("http://demo-woo.localhost/my-account/view-order/2001/");
    expect(o.paymentUrl).toBeNull();
    expect(o.outstanding).toBeNull();
    expect(o.items.every((i) => i.unshippedQuantity === i.quantity)).toBe(true);
  });

  it("#2002 UPS with link, shipped Nov 20, estimate Tue Nov 24 from the customer note, guest has no status URL", () => {
    for (const o of [viaEndpoint(2002), viaMeta(2002)]) {
      expect(o.shipments).toHaveLength(1);
      const s = o.shipments[0];
      expect(s.carrier).toBe("UPS");
      expect(s.trackingNumber).toBe("1ZE2W6491144172082");
      expect(day(s.shippedAt)).toBe("2026-11-20");
      expect(day(s.estimatedDeliveryAt)).toBe("2026-11-24");
      expect(o.contact.email).toBe("Tobias.Wagner@Example.NET");
      expect(o.contact.customerId).toBeNull();
      expect(o.statusPageUrl).toBeNull();
    }
    expect(viaEndpoint(2002).shipments[0].trackingUrl).toContain("1ZE2W6491144172082");
  });

  it("#2003 completed is shipped with DHL, not delivered; no invented estimate", () => {
    const o = viaEndpoint(2003);
    const s = o.shipments[0];
    expect(s.carrier).toBe("DHL");
    expect(s.trackingNumber).toBe("00340434161094052181");
    expect(s.status).not.toBe("delivered");
    expect(s.deliveredAt).toBeNull();
    expect(s.estimatedDeliveryAt).toBeNull();
    expect(day(s.shippedAt)).toBe("2026-11-09");
  });

  it("#2004 split shipment DPD + DHL, backordered knife still to ship", () => {
    for (const o of [viaEndpoint(2004), viaMeta(2004)]) {
      expect(o.shipments.map((s) => [s.carrier, s.trackingNumber, day(s.shippedAt)])).toEqual([
        ["DPD", "01505034712389", "2026-11-17"],
        ["DHL", "00340434161094058770", "2026-11-18"],
      ]);
      const knife = o.items.find((i) => i.title === "Hori-Hori Garden Knife");
      expect(knife?.backordered).toBe(true);
      expect(knife?.unshippedQuantity).toBe(1);
      expect(o.items.filter((i) => i.backordered)).toHaveLength(1);
      expect(o.customerNotes).toHaveLength(2);
      expect(o.customerNotes?.[1].text).toContain("on backorder");
    }
  });

  it("#2005 refunded: cancelled at the customer's request on Nov 16, full €63.75", () => {
    const o = viaEndpoint(2005);
    expect(o.refunds).toHaveLength(1);
    expect(o.refunds[0].amount).toEqual({ amount: "63.75", currency: "EUR" });
    expect(day(o.refunds[0].createdAt)).toBe("2026-11-16");
    expect(o.cancelReason).toBe("customer");
    expect(day(o.cancelledAt)).toBe("2026-11-16");
    expect(o.shipments).toEqual([]);
  });

  it("#2006 partial refund keeps status shipped and records the €27.90 refund on Nov 6", () => {
    const o = viaEndpoint(2006);
    expect(o.status).toBe("shipped");
    expect(o.refunds).toHaveLength(1);
    expect(o.refunds[0].amount.amount).toBe("27.90");
    expect(day(o.refunds[0].createdAt)).toBe("2026-11-06");
    expect(o.refunds[0].note).toContain("Terracotta pot set");
    expect(o.refunds[0].restocked).toBe(false);
    expect(o.shipments[0].trackingNumber).toBe("00340434161094049020");
    // "delivered as planned" in the note is past tense and has no date: not an estimate
    expect(o.shipments[0].estimatedDeliveryAt).toBeNull();
  });

  it("#2007 pending payment exposes the payment link and the amount owed", () => {
    const o = viaEndpoint(2007);
    expect(o.paymentUrl).toMatch(/\/checkout\/order-pay\/2007\//);
    expect(o.outstanding).toEqual({ amount: "59.85", currency: "EUR" });
    expect(o.paymentMethod).toBe("PayPal");
  });

  it("#2008 on-hold bank transfer: €65.74 outstanding, no payment link", () => {
    const o = viaEndpoint(2008);
    expect(o.outstanding).toEqual({ amount: "65.74", currency: "EUR" });
    expect(o.paymentUrl).toBeNull();
    expect(o.paymentMethod).toBe("Direct bank transfer");
    expect(o.customerNotes?.[0].text).toContain("reference 2008");
  });

  it("#2009 failed payment offers the retry link", () => {
    const o = viaEndpoint(2009);
    expect(o.status).toBe("failed");
    expect(o.paymentUrl).toContain("/order-pay/2009/");
    expect(o.refunds).toEqual([]);
  });

  it("#2010 local pickup: ready since Nov 20 at Demo Woo Garden, held until Nov 27, no shipping", () => {
    const o = viaEndpoint(2010);
    expect(o.deliveryMethod).toBe("pickup");
    expect(o.status).toBe("ready_for_pickup");
    expect(o.shippingCountry).toBeNull();
    expect(o.pickup).toMatchObject({
      locationName: "Demo Woo Garden",
      address: "Kastanienallee 12, 10435 Berlin",
      instructions: "Mon-Sat 10:00-18:00",
    });
    expect(day(o.pickup?.holdUntil)).toBe("2026-11-27");
    expect(o.shipments).toHaveLength(1);
    expect(o.shipments[0].status).toBe("ready_for_pickup");
    expect(o.shipments[0].trackingNumber).toBeNull();
    expect(day(o.shipments[0].lastEvent?.at)).toBe("2026-11-20");
    expect(o.shipments.some((s) => s.status === "in_transit")).toBe(false);
  });

  it("#2011 DHL Express waybill to Zürich; 'usually 2-4 business days' is not an estimate", () => {
    const o = viaEndpoint(2011);
    expect(o.shipments[0].carrier).toBe("DHL Express");
    expect(o.shipments[0].trackingNumber).toBe("5720461935");
    expect(o.shipments[0].estimatedDeliveryAt).toBeNull();
    expect(o.shippingCountry).toBe("CH");
    expect(o.contact.name).toBe("Zoë Brändli");
    expect(viaMeta(2011).shipments[0].carrier).toBe("DHL Express");
  });

  it("#2012 custom provider Deutsche Post with empty link: carrier kept, URL inferred from the S10 number", () => {
    for (const o of [viaEndpoint(2012), viaMeta(2012)]) {
      expect(o.shipments[0]).toMatchObject({
        carrier: "Deutsche Post",
        carrierCode: "deutsche_post",
        trackingNumber: "LX304182752DE",
        trackingUrl:
          "https://www.deutschepost.de/de/s/sendungsverfolgung/verfolgen.html?piececode=LX304182752DE",
        trackingUrlInferred: true,
      });
      expect(day(o.shipments[0].shippedAt)).toBe("2026-11-13");
    }
  });

  it("#2012 without inference the URL stays null (never invented); a store link is never replaced", () => {
    const o = mapWooOrder(byId(2012), { trackings: demo.trackings["2012"], store, inferCarrier: null });
    expect(o.shipments[0]).toMatchObject({ carrier: "Deutsche Post", trackingUrl: null });
    expect(o.shipments[0].trackingUrlInferred).toBeUndefined();
    const custom = mapWooOrder(byId(2012), {
      trackings: demo.trackings["2012"],
      store,
      inferCarrier: (input) => ({ trackingUrl: `https://example.test/t/${input.trackingNumber}` }),
    });
    expect(custom.shipments[0].trackingUrl).toBe("https://example.test/t/LX304182752DE");
    const withLink = viaEndpoint(2003);
    expect(withLink.shipments[0].trackingUrl).toBe(demo.trackings["2003"][0].tracking_link);
    expect(withLink.shipments[0].trackingUrlInferred).toBeUndefined();
    expect(withLink.shipments[0].carrierCode).toBe("dhl_paket");
  });

  it("meta-only stores get carrier codes and inferred URLs for known providers", () => {
    const o = viaMeta(2002);
    expect(o.shipments[0]).toMatchObject({ carrier: "UPS", carrierCode: "ups", trackingUrlInferred: true });
    expect(o.shipments[0].trackingUrl).toContain("1ZE2W6491144172082");
  });

  it("#2013 old summer order: CEST dates converted, shipped Jul 27", () => {
    const o = viaEndpoint(2013);
    expect(o.placedAt).toBe("2026-07-26T08:14:27.000Z");
    expect(day(o.shipments[0].shippedAt)).toBe("2026-07-27");
    expect(viaMeta(2013).shipments[0].shippedAt).toBe(o.shipments[0].shippedAt);
  });

  it("#2014 two DHL parcels, coupon HERBST10, total €457.48, 8 lines with variants", () => {
    const o = viaEndpoint(2014);
    expect(o.shipments.map((s) => s.trackingNumber)).toEqual([
      "00340434161094061138",
      "00340434161094061145",
    ]);
    expect(o.shipments.every((s) => s.carrier === "DHL")).toBe(true);
    expect(o.total.amount).toBe("457.48");
    expect(o.discountCodes).toEqual(["HERBST10"]);
    expect(o.items).toHaveLength(8);
    expect(o.items.reduce((n, i) => n + i.quantity, 0)).toBe(10);
    expect(o.items.find((i) => i.sku === "GT-GLOVE-L")).toMatchObject({
      title: "Leather Gardening Gloves",
      variantTitle: "L",
      quantity: 2,
    });
    expect(o.contact.name).toBe("Maximilian Groß");
  });

  it("endpoint trackings win over meta when both exist", () => {
    const o = mapWooOrder(byId(2002), {
      trackings: [
        {
          tracking_provider: "DPD.de",
          tracking_link: "https://tracking.dpd.de/parcelstatus?query=X1",
          tracking_number: "X1",
          date_shipped: "2026-11-21",
        },
      ],
      store,
    });
    expect(o.shipments.map((s) => s.trackingNumber)).toEqual(["X1"]);
  });

  it("customer notes only: private notes never reach the shopper, entities decoded, oldest first", () => {
    const o = viaEndpoint(2006);
    expect(o.customerNotes).toHaveLength(1);
    expect(o.customerNotes?.[0].text).toContain("€27.90");
    expect(o.customerNotes?.some((n) => n.text.includes("Refund ID"))).toBe(false);
    expect(viaEndpoint(2004).customerNotes?.map((n) => n.at)).toEqual(
      [...(viaEndpoint(2004).customerNotes ?? []).map((n) => n.at)].sort(),
    );
  });
});

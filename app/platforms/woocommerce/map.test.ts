import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CANONICAL_ORDER_STATUSES } from "../../orders/types";
import { loadWooDemoData } from "../../../test/emulators/woocommerce/demo-data";
import { describeOrder } from "../../orders/describe";
import { formatMoney } from "../../orders/format";
import { normalizeAmount } from "../money";
import { mapWooOrder, noteText, WOO_STATUS_MAP } from "./map";
import type { WooOrder } from "./types";

const demo = loadWooDemoData();
const store = {
  url: demo.store.url,
  timezone: demo.store.timezone,
  currency: demo.store.currency,
  name: demo.store.name,
};
const byId = (id: number) => {
  const o = demo.orders.find((x) => x.id === id);
  if (!o) throw new Error(`no demo order ${id}`);
  return o;
};
/** maps like the adapter does: endpoint trackings + notes */
const viaEndpoint = (id: number) =>
  mapWooOrder(byId(id), {
    trackings: demo.trackings[String(id)] ?? [],
    notes: demo.notes[String(id)] ?? [],
    store,
  });
/** maps like a store without the plugin endpoint: meta only */
const viaMeta = (id: number) => mapWooOrder(byId(id), { notes: demo.notes[String(id)] ?? [], store });

const CAPTURES = resolve(__dirname, "../../../test/emulators/woocommerce/captures");
const capture = (f: string) => JSON.parse(readFileSync(join(CAPTURES, f), "utf8"));
const liveStore = { url: "http://127.0.0.1:8080", timezone: "UTC", currency: "USD" };

const wooCtx = {
  lang: "en" as const,
  timezone: "Europe/Berlin",
  now: new Date("2026-11-23T15:00:00Z"),
  knowsDelivery: false,
};

const day = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleDateString("en-CA", { timeZone: "Europe/Berlin" }) : null;

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

describe("mapWooOrder — live WooCommerce 10.0.2 captures", () => {
  it("completed order with tracking meta (UPS, exact ship time)", () => {
    const o = mapWooOrder(capture("order-completed-with-tracking.json"), { store: liveStore });
    expect(o.status).toBe("shipped");
    expect(o.total.currency).toBe("USD");
    expect(o.shipments).toHaveLength(1);
    expect(o.shipments[0]).toMatchObject({ carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
    expect(o.shipments[0].shippedAt).toBe(new Date(1793828021 * 1000).toISOString());
    expect(o.contact.customerId).toBe("2");
  });

  it("partial refund with the refunds endpoint: amount, date, item", () => {
    const order = capture("order-completed-partial-refund.json");
    const o = mapWooOrder(order, { refunds: capture("order-refunds-list.json"), store: liveStore });
    expect(o.status).toBe("shipped");
    expect(o.refunds).toEqual([
      expect.objectContaining({
        amount: { amount: "25.00", currency: "USD" },
        createdAt: "2026-11-23T21:33:43.000Z",
        note: "One T-shirt arrived damaged",
        items: [expect.objectContaining({ title: "Classic Logo T-Shirt", quantity: 1 })],
      }),
    ]);
  });

  it("fully refunded order with generic tracking meta", () => {
    const o = mapWooOrder(capture("order-refunded-full.json"), { store: liveStore });
    expect(o.status).toBe("refunded");
    expect(o.refunds[0].amount.amount).toBe("90.00");
    expect(o.shipments[0]).toMatchObject({ trackingNumber: "JD014600006281234567", carrier: "DHL" });
  });

  it("every order of the live list maps; statuses follow the core mapping", () => {
    const list: WooOrder[] = capture("orders-list.json");
    const got = Object.fromEntries(list.map((o) => [o.id, mapWooOrder(o, { store: liveStore }).status]));
    expect(got[31]).toBe("pending_payment");
    expect(got[24]).toBe("on_hold");
    expect(got[32]).toBe("failed");
    expect(got[27]).toBe("cancelled");
    expect(got[25]).toBe("refunded");
    expect(got[22]).toBe("shipped");
    for (const s of Object.values(got)) expect(CANONICAL_ORDER_STATUSES).toContain(s);
  });

  it("cancelled live order gets a cancellation date", () => {
    const list: WooOrder[] = capture("orders-list.json");
    const o = mapWooOrder(
      list.find((x) => x.id === 27)!,
      { store: liveStore },
    );
    expect(o.cancelledAt).toMatch(/Z$/);
  });
});

describe("mapWooOrder — statuses and edge cases", () => {
  const base = byId(2003);
  const withStatus = (status: string, patch: Partial<WooOrder> = {}) =>
    mapWooOrder({ ...base, status, ...patch }, { trackings: demo.trackings["2003"], store });

  it("plugin statuses", () => {
    expect(withStatus("delivered").status).toBe("delivered");
    expect(withStatus("delivered").shipments[0].status).toBe("delivered");
    expect(withStatus("delivered").shipments[0].deliveredAt).not.toBeNull();
    expect(withStatus("partial-shipped").status).toBe("partially_shipped");
    expect(withStatus("shipped").status).toBe("shipped");
    expect(withStatus("out-for-delivery").status).toBe("out_for_delivery");
    expect(withStatus("in-transit").shipments[0].status).toBe("in_transit");
    expect(withStatus("ready-for-pickup").status).toBe("ready_for_pickup");
    expect(withStatus("checkout-draft").status).toBe("pending_payment");
    expect(withStatus("trash").status).toBe("cancelled");
    expect(withStatus("wc-completed").status).toBe("shipped");
  });

  it("unknown status slugs fall back safely", () => {
    expect(withStatus("my-custom-status").status).toBe("shipped"); // tracking exists
    const noTracking = mapWooOrder({ ...byId(2001), status: "awaiting-approval" }, { store });
    expect(noTracking.status).toBe("processing"); // paid
    const unpaid = mapWooOrder({ ...byId(2007), status: "weird" }, { store });
    expect(unpaid.status).toBe("on_hold");
  });

  it("processing with one tracking number and several items is partly shipped, not shipped (issue 17)", () => {
    const o = mapWooOrder(
      { ...byId(2003), status: "processing" },
      { trackings: demo.trackings["2003"], store },
    );
    expect(o.status).toBe("partially_shipped");
    // without item data nothing is claimed about which items are in the parcel
    expect(o.shipments[0].items).toEqual([]);
    expect(o.items.every((i) => i.unshippedQuantity === undefined)).toBe(true);
    expect(describeOrder(o, wooCtx).statusLabel).toBe("Partially shipped");
  });

  it("processing with tracking for a single-unit order is shipped", () => {
    const one = byId(2003);
    const o = mapWooOrder(
      { ...one, status: "processing", line_items: [{ ...one.line_items![1], quantity: 1 }] },
      { trackings: demo.trackings["2003"], store },
    );
    expect(o.status).toBe("shipped");
    expect(describeOrder(o, wooCtx).statusLabel).toBe("Shipped");
  });

  it("block-checkout pickup_location with address meta", () => {
    const o = mapWooOrder(
      {
        ...byId(2001),
        status: "completed",
        shipping_lines: [
          {
            id: 1,
            method_id: "pickup_location",
            method_title: "Pickup",
            meta_data: [
              { key: "pickup_location", value: "Main store" },
              { key: "pickup_address", value: "Hauptstr. 1, 10115 Berlin" },
              { key: "pickup_details", value: "Ring the bell" },
            ],
          },
        ],
      },
      { store },
    );
    expect(o.status).toBe("ready_for_pickup");
    expect(o.pickup).toMatchObject({
      locationName: "Main store",
      address: "Hauptstr. 1, 10115 Berlin",
      instructions: "Ring the bell",
    });
  });

  it("falls back to store-local dates when _gmt fields are missing", () => {
    const o = mapWooOrder({ ...byId(2013), date_created_gmt: null }, { store });
    expect(o.placedAt).toBe("2026-07-26T08:14:27.000Z"); // 10:14:27 CEST
  });

  it("no Shipment Tracking data at all → no shipments, still shipped for completed", () => {
    const stripped = { ...byId(2003), meta_data: [] };
    const o = mapWooOrder(stripped, { store });
    expect(o.shipments).toEqual([]);
    expect(o.status).toBe("shipped");
  });

  it("every mapped status value is canonical", () => {
    for (const v of Object.values(WOO_STATUS_MAP)) expect(CANONICAL_ORDER_STATUSES).toContain(v);
  });

  it("estimates need a delivery word and exactly one future date", () => {
    const notes = [
      {
        id: 1,
        date_created_gmt: "2026-11-09T10:00:00",
        note: "Your parcel is on its way. Expected delivery: 12.11.2026.",
        customer_note: true,
      },
    ];
    const o = mapWooOrder(base, { trackings: demo.trackings["2003"], notes, store });
    expect(day(o.shipments[0].estimatedDeliveryAt)).toBe("2026-11-12");
    const past = [
      {
        id: 2,
        date_created_gmt: "2026-11-09T10:00:00",
        note: "We expect delivery on 1 November.",
        customer_note: true,
      },
    ];
    expect(
      mapWooOrder(base, { trackings: demo.trackings["2003"], notes: past, store }).shipments[0]
        .estimatedDeliveryAt,
    ).toBeNull();
    const privateNote = [
      {
        id: 3,
        date_created_gmt: "2026-11-09T10:00:00",
        note: "Expected delivery 12 November",
        customer_note: false,
      },
    ];
    expect(
      mapWooOrder(base, { trackings: demo.trackings["2003"], notes: privateNote, store }).shipments[0]
        .estimatedDeliveryAt,
    ).toBeNull();
  });

  it("helpers: money and note text", () => {
    expect(normalizeAmount("49.8", "EUR")).toBe("49.80");
    expect(normalizeAmount(74.79, "EUR")).toBe("74.79");
    expect(normalizeAmount("-27.90", "EUR")).toBe("-27.90");
    expect(normalizeAmount("1234", "EUR")).toBe("1234.00");
    expect(noteText('Refunded &euro;27.90<br/>Thanks &amp; bye <span class="x">now</span>')).toBe(
      "Refunded €27.90\nThanks & bye now",
    );
  });
});

describe("mapWooOrder — hostile URLs never become links", () => {
  const HOSTILE = [
    "javascript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    " JAVASCRIPT:alert(1)",
  ];

  it("Shipment Tracking endpoint links: a script link is dropped, the carrier's page is inferred instead", () => {
    for (const link of HOSTILE) {
      const trackings = demo.trackings["2002"].map((t) => ({ ...t, tracking_link: link }));
      const s = mapWooOrder(byId(2002), { trackings, store }).shipments[0];
      expect(s.trackingUrl).toMatch(/^https:\/\/www\.ups\.com\//);
      expect(s.trackingUrlInferred).toBe(true);
      const plain = mapWooOrder(byId(2002), { trackings, store, inferCarrier: null }).shipments[0];
      expect(plain.trackingUrl).toBeNull();
    }
  });

  it("tracking meta (custom_tracking_link, generic tracking_url) with script links is dropped", () => {
    for (const link of HOSTILE) {
      const metaItems = {
        ...byId(2001),
        status: "completed",
        meta_data: [
          {
            key: "_wc_shipment_tracking_items",
            value: [
              {
                tracking_provider: "",
                custom_tracking_provider: "Kurier Nord",
                tracking_number: "KN123",
                custom_tracking_link: link,
              },
            ],
          },
        ],
      };
      expect(mapWooOrder(metaItems, { store }).shipments[0].trackingUrl).toBeNull();
      const generic = {
        ...byId(2001),
        status: "completed",
        meta_data: [
          { key: "tracking_number", value: "KN123" },
          { key: "tracking_carrier", value: "Kurier Nord" },
          { key: "tracking_url", value: link },
        ],
      };
      expect(mapWooOrder(generic, { store }).shipments[0].trackingUrl).toBeNull();
    }
  });

  it("payment links and product images with script URLs are dropped; an injected inference cannot add one", () => {
    for (const link of HOSTILE) {
      const pending = byId(2007);
      const o = mapWooOrder(
        {
          ...pending,
          payment_url: link,
          line_items: pending.line_items!.map((li) => ({ ...li, image: { src: link } })),
        },
        { store },
      );
      expect(o.paymentUrl).toBeNull();
      expect(o.items[0].imageUrl).toBeNull();
      const injected = mapWooOrder(byId(2012), {
        trackings: demo.trackings["2012"],
        store,
        inferCarrier: () => ({ trackingUrl: link }),
      });
      expect(injected.shipments[0].trackingUrl).toBeNull();
    }
  });

  it("a store URL that is not http(s) gives no status page link", () => {
    const o = mapWooOrder(byId(2001), { store: { ...store, url: "javascript:alert(1)//" } });
    expect(o.statusPageUrl).toBeNull();
    expect(viaEndpoint(2001).statusPageUrl).toMatch(/^https?:\/\/.+\/my-account\/view-order\/2001\/$/);
  });
});

describe("mapWooOrder — money in the currency's minor units", () => {
  const withCurrency = (currency: string, total: string, refund: string, note: string) => {
    const o = byId(2006);
    return mapWooOrder(
      {
        ...o,
        currency,
        total,
        line_items: o.line_items!.map((li) => ({ ...li, subtotal: "4000", subtotal_tax: "266.666" })),
        refunds: [{ id: 1, reason: "broken", total: `-${refund}` }],
      },
      {
        trackings: demo.trackings["2006"],
        notes: [
          {
            id: 1,
            note,
            customer_note: false,
            date_created_gmt: "2026-11-06T10:00:00",
            date_created: "2026-11-06T11:00:00",
          },
        ],
        store,
      },
    );
  };

  it("JPY totals have no decimals, KWD three, EUR two; subtotals are summed in minor units", () => {
    const jpy = withCurrency("JPY", "12800", "1500", "Refunded &yen;1,500 - Refund ID: re_1");
    expect(jpy.total).toEqual({ amount: "12800", currency: "JPY" });
    expect(jpy.subtotal).toEqual({ amount: String(3 * (4000 + 267)), currency: "JPY" });
    expect(jpy.refunds[0].amount).toEqual({ amount: "1500", currency: "JPY" });
    const kwd = withCurrency("KWD", "24.5", "3.25", "Refunded 3.250 KWD - Refund ID: re_2");
    expect(kwd.total).toEqual({ amount: "24.500", currency: "KWD" });
    expect(kwd.subtotal).toEqual({ amount: "12799.998", currency: "KWD" });
    expect(kwd.refunds[0].amount).toEqual({ amount: "3.250", currency: "KWD" });
    const eur = withCurrency("EUR", "58.7", "27.9", "Refunded &euro;27.90 - Refund ID: re_3");
    expect(eur.total).toEqual({ amount: "58.70", currency: "EUR" });
    expect(eur.refunds[0].amount).toEqual({ amount: "27.90", currency: "EUR" });
  });

  it("the refund date comes from the note naming that amount, in any currency", () => {
    const jpy = withCurrency("JPY", "12800", "1500", "Refunded &yen;1,500 - Refund ID: re_1");
    expect(jpy.refunds[0].createdAt).toBe("2026-11-06T10:00:00.000Z");
    const other = withCurrency("JPY", "12800", "1500", "Refunded &yen;15,000 - Refund ID: re_1");
    expect(other.refunds[0].createdAt).not.toBe("2026-11-06T10:00:00.000Z");
  });

  it("what the shopper reads: ¥12,800 and KWD 24.500", () => {
    expect(formatMoney(withCurrency("JPY", "12800", "1", "").total, "en")).toBe("¥12,800");
    expect(formatMoney(withCurrency("KWD", "24.5", "1", "").total, "en")).toBe("KWD 24.500");
  });
});

describe("mapWooOrder — HTML entities through one decoder", () => {
  const named = (name: string, extra: Partial<WooOrder> = {}) =>
    mapWooOrder({ ...byId(2001), line_items: [{ ...byId(2001).line_items![0], name }], ...extra }, { store });

  it("named, decimal and hex references in item names become the characters the shopper expects", () => {
    expect(named("Tulips &amp; Daffodils &ndash; &#8222;Mix&#8220; &#x2192; 3&times;").items[0].title).toBe(
      "Tulips & Daffodils – „Mix“ → 3×",
    );
    expect(named("Gr&ouml;&szlig;e&nbsp;L &hearts;").items[0].title).toBe("Größe L ♥");
  });

  it("is strict: text that only looks like a reference stays as written, and nothing is decoded twice", () => {
    expect(named("AT&T &notice R&D").items[0].title).toBe("AT&T &notice R&D");
    expect(named("&amp;lt;b&amp;gt;").items[0].title).toBe("&lt;b&gt;");
    expect(named("&#0; &#xFFFFFFFF; &bogus;").items[0].title).toBe("\uFFFD \uFFFD &bogus;");
  });

  it("customer notes: tags dropped, entities decoded", () => {
    expect(noteText("<p>Your parcel &#8211; DHL &rarr; Berlin</p><p>Thanks &amp; bye</p>")).toBe(
      "Your parcel – DHL → Berlin\nThanks & bye",
    );
  });
});

describe("mapWooOrder — items per parcel (AST per-item tracking, issue 17)", () => {
  // #2001: shears ×1, tomato seeds ×2, basil seeds ×1 (line item ids from the demo data)
  const base = byId(2001);
  const lines = base.line_items!;
  const tracking = (products_list: unknown, extra: Record<string, unknown> = {}) => [
    {
      tracking_id: "t1",
      tracking_provider: "DHL",
      tracking_link: "",
      tracking_number: "00340434161094058770",
      date_shipped: "2026-11-21",
      products_list,
      ...extra,
    },
  ];
  const map = (trackings: ReturnType<typeof tracking>, status = "processing") =>
    mapWooOrder({ ...base, status }, { trackings, store });

  it("1 of 2 items tracked → partly shipped; the parcel lists exactly its items; the rest is still to ship", () => {
    const two = { ...base, line_items: lines.slice(0, 2).map((li) => ({ ...li, quantity: 1 })) };
    const o = mapWooOrder(two, {
      trackings: tracking([{ item_id: String(lines[0].id), product: lines[0].product_id, qty: "1" }]),
      store,
    });
    expect(o.status).toBe("partially_shipped");
    expect(o.shipments[0].items.map((i) => [i.title, i.quantity])).toEqual([[lines[0].name, 1]]);
    expect(o.items.map((i) => i.unshippedQuantity)).toEqual([0, 1]);
    expect(describeOrder(o, wooCtx).statusLabel).toBe("Partially shipped");
  });

  it("every unit in a parcel (matched by item id or product id) → shipped", () => {
    const all = lines.map((li, i) =>
      i === 1
        ? { product: li.variation_id || li.product_id, qty: li.quantity }
        : { item_id: li.id, qty: li.quantity },
    );
    const o = map(tracking(all));
    expect(o.status).toBe("shipped");
    expect(o.items.every((i) => i.unshippedQuantity === 0)).toBe(true);
    expect(o.shipments[0].items.reduce((n, i) => n + i.quantity, 0)).toBe(4);
  });

  it("a quantity short of the order (1 of 2 seed packets) is partly shipped", () => {
    const o = map(tracking(lines.map((li) => ({ item_id: li.id, qty: 1 }))));
    expect(o.status).toBe("partially_shipped");
    expect(o.items.map((i) => i.unshippedQuantity)).toEqual([0, 1, 0]);
  });

  it("the same per-item data in the _wc_shipment_tracking_items meta (object-keyed, as PHP serialises it)", () => {
    const meta = [
      {
        key: "_wc_shipment_tracking_items",
        value: [
          {
            tracking_provider: "dhl-de",
            tracking_number: "00340434161094058770",
            date_shipped: 1763683200,
            products_list: { 0: { item_id: lines[0].id, qty: 1 } },
          },
        ],
      },
    ];
    const o = mapWooOrder({ ...base, status: "processing", meta_data: meta }, { store });
    expect(o.status).toBe("partially_shipped");
    expect(o.shipments[0].items.map((i) => i.title)).toEqual([lines[0].name]);
  });

  it("hostile item data (unknown ids, junk, negative quantities) is ignored, never trusted as 'everything shipped'", () => {
    for (const junk of [
      [{ item_id: 999999, qty: 99 }],
      [{ qty: 5 }],
      "all",
      [null, 7, { item_id: -1 }],
      {},
    ]) {
      const o = map(tracking(junk));
      expect(o.status, JSON.stringify(junk)).toBe("partially_shipped");
    }
  });

  it("a completed order stays shipped whatever the item data says (the store says it is done)", () => {
    const o = map(tracking([{ item_id: lines[0].id, qty: 1 }]), "completed");
    expect(o.status).toBe("shipped");
    expect(o.items.every((i) => i.unshippedQuantity === 0)).toBe(true);
  });
});

describe("mapWooOrder — custom provider 'DHL Parcel' (issue 17)", () => {
  const nlStore = { ...store, url: "https://tuin.example" };
  const order = { ...byId(2003), shipping: { ...byId(2003).shipping, country: "NL" } };

  it("from the Shipment Tracking endpoint: named DHL Parcel, not coded or linked as DHL Express", () => {
    const trackings = [{ tracking_provider: "DHL Parcel", tracking_link: "", tracking_number: "1234567890" }];
    const s = mapWooOrder(order, { trackings, store: nlStore }).shipments[0];
    expect(s).toMatchObject({ carrier: "DHL Parcel", carrierCode: null, trackingUrl: null });
  });

  it("from the tracking meta (custom_tracking_provider) the same", () => {
    const meta = [
      {
        key: "_wc_shipment_tracking_items",
        value: [
          {
            tracking_provider: "",
            custom_tracking_provider: "DHL Parcel",
            tracking_number: "JVGL0512345678",
          },
        ],
      },
    ];
    const s = mapWooOrder({ ...order, meta_data: meta }, { store: nlStore }).shipments[0];
    expect(s.carrier).toBe("DHL Parcel");
    expect(s.carrierCode).not.toBe("dhl_express");
    expect(s.trackingUrl ?? "").not.toContain("express");
  });
});

/**
 * mapWooOrder: statuses, dates, estimates and other edge cases.
 * Fixtures in test/support/woo-map.ts.
 */
import { describe, expect, it } from "vitest";
import { CANONICAL_ORDER_STATUSES } from "../../orders/types";
import { describeOrder } from "../../orders/describe";
import { normalizeAmount } from "../money";
import { mapWooOrder, noteText, WOO_STATUS_MAP } from "./map";
import type { WooOrder } from "./types";
import { demo, store, byId, wooCtx, day } from "../../../test/support/woo-map";

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

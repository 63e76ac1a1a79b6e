/**
 * mapWooOrder: items per parcel and custom tracking providers (issue 17).
 * Fixtures in test/support/woo-map.ts.
 */
import { describe, expect, it } from "vitest";
import { describeOrder } from "../../orders/describe";
import { mapWooOrder } from "./map";
import { store, byId, wooCtx } from "../../../test/support/woo-map";

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

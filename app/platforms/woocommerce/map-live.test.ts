/**
 * mapWooOrder: orders captured from a live WooCommerce 10.0.2.
 * Fixtures in test/support/woo-map.ts.
 */
import { describe, expect, it } from "vitest";
import { CANONICAL_ORDER_STATUSES } from "../../orders/types";
import { mapWooOrder } from "./map";
import type { WooOrder } from "./types";
import { capture, liveStore } from "../../../test/support/woo-map";

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

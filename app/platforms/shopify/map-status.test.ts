/**
 * Shopify mapper: how the canonical status is derived.
 * Fixtures in test/support/shopify-map.ts.
 */
import { describe, it, expect } from "vitest";
import { describeOrder } from "../../orders/describe";
import { mapShopifyOrder, shipmentStatusFromShopify } from "./map";
import { ctx, raw } from "../../../test/support/shopify-map";

describe("status derivation edge cases", () => {
  it("a cancelled fulfillment is not a shipment", () => {
    const n = raw(1002);
    n.fulfillments[0].status = "CANCELLED";
    n.fulfillments[0].displayStatus = "CANCELED";
    n.displayFulfillmentStatus = "UNFULFILLED";
    const o = mapShopifyOrder(n, ctx);
    expect(o.shipments).toEqual([]);
    expect(o.status).toBe("processing");
  });
  it("all remaining fulfillment orders on hold → on_hold", () => {
    const n = raw(1001);
    n.displayFulfillmentStatus = "ON_HOLD";
    n.fulfillmentOrders!.nodes[0].status = "ON_HOLD";
    n.fulfillmentOrders!.nodes[0].fulfillmentHolds = [{ reason: "HIGH_RISK_OF_FRAUD" }];
    const o = mapShopifyOrder(n, ctx);
    expect(o.status).toBe("on_hold");
    expect(o.items.some((i) => i.backordered)).toBe(false);
  });
  it("refunded without cancellation → refunded; voided → failed; partially refunded unshipped → partially_refunded", () => {
    const a = raw(1001);
    a.displayFinancialStatus = "REFUNDED";
    expect(mapShopifyOrder(a, ctx).status).toBe("refunded");
    const b = raw(1001);
    b.displayFinancialStatus = "VOIDED";
    expect(mapShopifyOrder(b, ctx).status).toBe("failed");
    const c = raw(1001);
    c.displayFinancialStatus = "PARTIALLY_REFUNDED";
    expect(mapShopifyOrder(c, ctx).status).toBe("partially_refunded");
  });
  it("maps every fulfillment display status the bot cares about", () => {
    expect(shipmentStatusFromShopify("OUT_FOR_DELIVERY")).toBe("out_for_delivery");
    expect(shipmentStatusFromShopify("NOT_DELIVERED")).toBe("exception");
    expect(shipmentStatusFromShopify("PICKED_UP")).toBe("picked_up");
    expect(shipmentStatusFromShopify("SOMETHING_NEW")).toBe("unknown");
  });
});

describe("a processing order with 1 of 2 items tracked is partly shipped (issue 17)", () => {
  const ctxDescribe = {
    lang: "en" as const,
    timezone: "America/New_York",
    now: new Date("2026-11-23T15:00:00Z"),
    knowsDelivery: true,
  };
  /** #1001 (paid, nothing shipped) with its first item in an in-transit UPS parcel */
  const oneOfTwo = (fulfillmentStatus: string, secondUnfulfilled: number | null) => {
    const node = raw(1001);
    node.lineItems.nodes = node.lineItems.nodes.slice(0, 2);
    node.lineItems.nodes[0].unfulfilledQuantity = 0;
    node.lineItems.nodes[1].unfulfilledQuantity = secondUnfulfilled;
    node.displayFulfillmentStatus = fulfillmentStatus;
    const first = node.lineItems.nodes[0];
    node.fulfillments = [
      {
        ...raw(1002).fulfillments[0],
        fulfillmentLineItems: {
          nodes: [
            { quantity: 1, lineItem: { id: first.id, title: first.title, variantTitle: first.variantTitle } },
          ],
        },
      },
    ];
    return mapShopifyOrder(node, ctx);
  };

  it("PARTIALLY_FULFILLED with the second item unfulfilled → partially_shipped, shown as 'Partially shipped'", () => {
    const o = oneOfTwo("PARTIALLY_FULFILLED", 1);
    expect(o.status).toBe("partially_shipped");
    expect(o.items.map((i) => i.unshippedQuantity)).toEqual([0, 1]);
    expect(o.shipments[0].items.map((i) => i.title)).toEqual([o.items[0].title]);
    expect(describeOrder(o, ctxDescribe).statusLabel).toBe("Partially shipped");
  });

  it("a stale fulfillment status (still UNFULFILLED) does not hide the partial shipment", () => {
    expect(oneOfTwo("UNFULFILLED", 1).status).toBe("partially_shipped");
    expect(oneOfTwo("IN_PROGRESS", 1).status).toBe("partially_shipped");
  });

  it("once the second item is fulfilled too, the order is shipped", () => {
    expect(oneOfTwo("FULFILLED", 0).status).toBe("shipped");
  });
});

/**
 * Property: whatever URL text a store sends (tracking, status page, payment, image), every link the
 * mappers produce is null or an absolute http(s) URL — never javascript:, data:, vbscript:, relative.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadDemoShopifyStore } from "../../test/emulators/shopify-admin/data";
import { loadWooDemoData } from "../../test/emulators/woocommerce/demo-data";
import type { NormalizedOrder } from "../orders/types";
import { mapShopifyOrder, type ShopifyOrderNode } from "./shopify/map";
import { mapWooOrder } from "./woocommerce/map";

const hostileUrl = fc.oneof(
  fc.string(),
  fc.webUrl(),
  fc
    .tuple(
      fc.constantFrom(
        "javascript:",
        "JaVaScRiPt:",
        " javascript:",
        "\tjavascript:",
        "data:",
        "vbscript:",
        "//",
        "/",
        "file:",
        "blob:",
      ),
      fc.string(),
    )
    .map(([a, b]) => a + b),
);

function links(o: NormalizedOrder): (string | null | undefined)[] {
  return [
    o.statusPageUrl,
    o.paymentUrl,
    ...o.items.map((i) => i.imageUrl),
    ...o.shipments.map((s) => s.trackingUrl),
    ...o.shipments.flatMap((s) => s.items.map((i) => i.imageUrl)),
  ];
}
const safe = (u: string | null | undefined) => u === null || u === undefined || /^https?:\/\/[^\s]+$/.test(u);

describe("no store-sent text becomes a non-http(s) link", () => {
  const shopify = loadDemoShopifyStore();
  const ctx = { shopDomain: "demo-outfitters.myshopify.com", timezone: "America/New_York", currency: "USD" };

  it("Shopify: tracking URL, status page URL, image URL", () => {
    fc.assert(
      fc.property(hostileUrl, hostileUrl, hostileUrl, (tracking, status, image) => {
        const node = structuredClone(
          shopify.orders.find((o) => o.name === "#1002"),
        ) as unknown as ShopifyOrderNode;
        node.statusPageUrl = status;
        node.lineItems.nodes[0].image = { url: image };
        node.fulfillments[0].trackingInfo = [{ company: "UPS", number: "1ZA84R270384120936", url: tracking }];
        for (const u of links(mapShopifyOrder(node, ctx))) expect(safe(u), String(u)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("WooCommerce: endpoint tracking link, meta custom link, payment URL, image src", () => {
    const woo = loadWooDemoData();
    const store = { url: woo.store.url, timezone: woo.store.timezone, currency: woo.store.currency };
    fc.assert(
      fc.property(hostileUrl, hostileUrl, hostileUrl, (link, payment, image) => {
        const base = woo.orders.find((o) => o.id === 2007)!;
        const order = {
          ...base,
          status: "processing",
          payment_url: payment,
          needs_payment: true,
          line_items: base.line_items!.map((li) => ({ ...li, image: { src: image } })),
          meta_data: [
            {
              key: "_wc_shipment_tracking_items",
              value: [
                { custom_tracking_provider: "Kurier", tracking_number: "K1", custom_tracking_link: link },
              ],
            },
          ],
        };
        const trackings = [{ tracking_provider: "Kurier", tracking_number: "K2", tracking_link: link }];
        for (const o of [mapWooOrder(order, { store }), mapWooOrder(order, { store, trackings })])
          for (const u of links(o)) expect(safe(u), String(u)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

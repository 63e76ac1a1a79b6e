/**
 * Shopify mapper: tracking, status page and image links.
 * Fixtures in test/support/shopify-map.ts.
 */
import { describe, it, expect } from "vitest";
import { mapShopifyOrder } from "./map";
import { ctx, raw, order } from "../../../test/support/shopify-map";

describe("hostile URLs in Shopify order data never become links", () => {
  const HOSTILE = [
    "javascript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    " JAVASCRIPT:alert(1)",
  ];

  it("a script tracking URL is dropped; the carrier's own page replaces it when the number is known", () => {
    for (const url of HOSTILE) {
      const node = raw(1002);
      node.fulfillments[0].trackingInfo = [{ company: "UPS", number: "1ZA84R270384120936", url }];
      const s = mapShopifyOrder(node, ctx).shipments[0];
      expect(s.trackingUrl).toBe("https://www.ups.com/track?tracknum=1ZA84R270384120936");
      expect(s.trackingUrlInferred).toBe(true);
      const plain = mapShopifyOrder(node, ctx, { inferCarrier: false }).shipments[0];
      expect(plain.trackingUrl).toBeNull();
    }
  });

  it("a script status page URL or product image URL is dropped", () => {
    for (const url of HOSTILE) {
      const node = raw(1002);
      node.statusPageUrl = url;
      node.lineItems.nodes[0].image = { url };
      const o = mapShopifyOrder(node, ctx);
      expect(o.statusPageUrl).toBeNull();
      expect(o.items[0].imageUrl).toBeNull();
    }
  });

  it("an injected carrier inference cannot smuggle a script link either", () => {
    const node = raw(1010);
    const o = mapShopifyOrder(node, ctx, {
      inferCarrier: () => ({
        carrier: "X",
        carrierCode: null,
        trackingUrl: "javascript:alert(1)",
        trackingUrlInferred: true,
      }),
    });
    expect(o.shipments[0].trackingUrl).toBeNull();
  });

  it("ordinary https links are kept as the store wrote them", () => {
    const o = order(1002);
    expect(o.statusPageUrl).toMatch(/^https:\/\//);
    expect(o.shipments[0].trackingUrl).toMatch(/^https:\/\/www\.ups\.com\//);
  });
});

describe("Shopify tracking company 'DHL Parcel' (issue 17)", () => {
  it("is kept as DHL Parcel, not coded or linked as DHL Express", () => {
    const node = raw(1002);
    node.shippingAddress = { ...node.shippingAddress, countryCodeV2: "NL" };
    node.fulfillments[0].trackingInfo = [{ company: "DHL Parcel", number: "1234567890", url: null }];
    const s = mapShopifyOrder(node, ctx).shipments[0];
    expect(s).toMatchObject({ carrier: "DHL Parcel", carrierCode: null, trackingUrl: null });
  });
});

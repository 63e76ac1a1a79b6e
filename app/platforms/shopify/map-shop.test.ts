/**
 * Shopify mapper: the shop and its policies.
 * Fixtures in test/support/shopify-map.ts.
 */
import { describe, it, expect } from "vitest";
import { mapShopInfo, mapPolicies, type ShopifyShopNode } from "./map";
import { store } from "../../../test/support/shopify-map";

describe("mapShopInfo / mapPolicies", () => {
  const shop = store.shop as unknown as ShopifyShopNode;
  it("maps the demo shop", () => {
    expect(mapShopInfo(shop)).toEqual({
      name: "Demo Outfitters",
      domain: "demo-outfitters.myshopify.com",
      currency: "USD",
      timezone: "America/New_York",
      locale: null,
      supportEmail: "support@example.com",
    });
  });
  it("maps the four policies by type", () => {
    const p = mapPolicies(shop);
    expect(p.returns).toContain("30-day return policy");
    expect(p.shipping).toContain("Processing time");
    expect(p.privacy).toContain("Demo Outfitters");
    expect(p.terms).toContain("These terms");
    expect(mapPolicies({ shopPolicies: [] })).toEqual({
      shipping: null,
      returns: null,
      privacy: null,
      terms: null,
    });
  });
});

/** Shopify shop → StoreInfo and StorePolicies. */
import type { StoreInfo, StorePolicies } from "../../../orders/types";
import type { ShopifyShopNode } from "./types";

export function mapShopInfo(shop: ShopifyShopNode): StoreInfo {
  return {
    name: shop.name,
    domain: shop.myshopifyDomain,
    currency: shop.currencyCode,
    timezone: shop.ianaTimezone,
    locale: null,
    supportEmail: shop.contactEmail ?? shop.email ?? null,
  };
}

/** Policy bodies are HTML as the merchant wrote them; the engine decides how to render/strip them. */
export function mapPolicies(shop: Pick<ShopifyShopNode, "shopPolicies">): StorePolicies {
  const byType = new Map<string, string>();
  for (const p of shop.shopPolicies ?? []) if (p.body && p.body.trim() !== "") byType.set(p.type, p.body);
  return {
    shipping: byType.get("SHIPPING_POLICY") ?? null,
    returns: byType.get("REFUND_POLICY") ?? null,
    privacy: byType.get("PRIVACY_POLICY") ?? null,
    terms: byType.get("TERMS_OF_SERVICE") ?? byType.get("TERMS_OF_SALE") ?? null,
  };
}

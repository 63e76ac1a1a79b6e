/**
 * Shared fixtures of the Shopify mapper tests (app/platforms/shopify/map-*.test.ts): the demo store's orders,
 * raw as the Admin API returns them and mapped with the store's context.
 */
import { loadDemoShopifyStore } from "../emulators/shopify-admin/data";
import { mapShopifyOrder, type ShopifyOrderNode } from "../../app/platforms/shopify/map";

export const store = loadDemoShopifyStore();
export const ctx = {
  shopDomain: "demo-outfitters.myshopify.com",
  timezone: "America/New_York",
  currency: "USD",
};
export function raw(num: number): ShopifyOrderNode {
  const o = store.orders.find((x) => x.name === `#${num}`);
  if (!o) throw new Error(`no demo order #${num}`);
  return structuredClone(o) as unknown as ShopifyOrderNode;
}
export const order = (num: number) => mapShopifyOrder(raw(num), ctx);

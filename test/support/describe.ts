/**
 * Describe contexts of the two demo stores, shared by the order-answer tests (app/orders/describe/*.test.ts).
 */
import type { DescribeContext } from "../../app/orders/describe";
import { describeOrder } from "../../app/orders/describe";
import type { Language } from "../../app/protocol";
import { shopifyOrders, wooOrders, SHOPIFY_NOW, WOO_NOW, SHOPIFY_POLICIES } from "./orders";

export const shopCtx = (lang: Language = "en", extra: Partial<DescribeContext> = {}): DescribeContext => ({
  lang,
  timezone: "America/New_York",
  now: SHOPIFY_NOW,
  storeName: "Demo Outfitters",
  supportEmail: "support@example.com",
  knowsDelivery: true,
  policies: SHOPIFY_POLICIES,
  ...extra,
});
export const wooCtx = (lang: Language = "en", extra: Partial<DescribeContext> = {}): DescribeContext => ({
  lang,
  timezone: "Europe/Berlin",
  now: WOO_NOW,
  storeName: "Demo Woo Garden",
  supportEmail: null,
  knowsDelivery: false,
  ...extra,
});

export const S = (n: string, lang: Language = "en") => describeOrder(shopifyOrders[n]!, shopCtx(lang));
export const W = (n: string, lang: Language = "en") => describeOrder(wooOrders[n]!, wooCtx(lang));

/** Number of sentences in an answer (URLs count as words). */
export function sentences(text: string): number {
  return text.replace(/https?:\/\/\S+/g, "URL").split(/(?<=[.!?])\s+(?=[A-Z#€$"„«¿¡])/).length;
}

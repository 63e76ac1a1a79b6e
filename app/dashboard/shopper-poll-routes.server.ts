/** The GET loaders of the two storefront message routes (the POST actions live in the route files). */
import { verifyShopifyProxy } from "../platforms/shopify/proxy.server";
import { verifyWooPluginRequest } from "../platforms/woocommerce/verify.server";
import { storefrontBoundary } from "../storefront/errors.server";
import { pollMessages } from "./shopper-poll.server";

/** GET /apps/trulybot/messages (Shopify app proxy → /proxy/messages), signature checked as for POST. */
export const shopifyPollLoader = async ({ request }: { request: Request }) =>
  storefrontBoundary(async () => {
    const ctx = await verifyShopifyProxy(request);
    if (ctx instanceof Response) return ctx;
    return pollMessages(ctx.store, new URL(request.url), ctx.shopperKey);
  });

/** GET {store}/wp-json/trulybot/v1/messages, forwarded and signed by the plugin (path with query as sent). */
export const wooPollLoader = async ({ request }: { request: Request }) =>
  storefrontBoundary(async () => {
    const ctx = await verifyWooPluginRequest(request);
    if (ctx instanceof Response) return ctx;
    const url = new URL(request.url);
    // without the plugin's shopper hash, limit per conversation
    const key = ctx.shopper ?? `conversation:${url.searchParams.get("conversationId") ?? ""}`;
    return pollMessages(ctx.store, url, key);
  });

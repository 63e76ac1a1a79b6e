/** The GET loaders of the two storefront message routes (the POST actions live in the route files). */
import { verifyShopifyProxy } from "../platforms/shopify/proxy.server";
import { verifyWooPluginRequest } from "../platforms/woocommerce/verify.server";
import { storefrontBoundary } from "../storefront/errors.server";
import { exchangeResumeLink } from "../storefront/resume.server";
import { pollMessages } from "./shopper-poll.server";

/** GET /apps/trulybot/messages (Shopify app proxy → /proxy/messages), signature checked as for POST. */
export const shopifyPollLoader = async ({ request }: { request: Request }) =>
  storefrontBoundary(async () => {
    const ctx = await verifyShopifyProxy(request);
    if (ctx instanceof Response) return ctx;
    const url = new URL(request.url);
    // ?resume=<token>: the e-mail's resume link (ADR 0033)
    if (url.searchParams.has("resume"))
      return exchangeResumeLink(ctx.store, url, { key: ctx.shopperKey, customerId: ctx.customerId });
    return pollMessages(ctx.store, url, ctx.shopperKey);
  });

/** GET {store}/wp-json/trulybot/v1/messages, forwarded and signed by the plugin (path with query as sent). */
export const wooPollLoader = async ({ request }: { request: Request }) =>
  storefrontBoundary(async () => {
    const ctx = await verifyWooPluginRequest(request);
    if (ctx instanceof Response) return ctx;
    const url = new URL(request.url);
    if (url.searchParams.has("resume"))
      return exchangeResumeLink(ctx.store, url, {
        key: ctx.shopper ?? "unidentified",
        customerId: ctx.customerId,
      });
    // without the plugin's shopper hash, limit per conversation
    const key = ctx.shopper ?? `conversation:${url.searchParams.get("conversationId") ?? ""}`;
    return pollMessages(ctx.store, url, key);
  });

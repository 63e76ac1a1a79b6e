import type { LoaderFunctionArgs } from "@remix-run/node";
import { proactiveNote } from "../orders/health/proactive.server";
import { verifyShopifyProxy } from "../platforms/shopify/proxy.server";
import { storefrontBoundary } from "../storefront/errors.server";

/** GET /apps/trulybot/proactive?conversationToken=… (Shopify app proxy): the launcher's at-risk note, or `{}`. */
export const loader = async ({ request }: LoaderFunctionArgs) =>
  storefrontBoundary(async () => {
    const ctx = await verifyShopifyProxy(request);
    if (ctx instanceof Response) return ctx;
    return proactiveNote(ctx.store, new URL(request.url), {
      key: ctx.shopperKey,
      customerId: ctx.customerId,
    });
  });

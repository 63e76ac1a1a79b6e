import type { LoaderFunctionArgs } from "@remix-run/node";
import { proactiveNote } from "../orders/health/proactive.server";
import { verifyWooPluginRequest } from "../platforms/woocommerce/verify.server";
import { storefrontBoundary } from "../storefront/errors.server";

/** GET {store}/wp-json/trulybot/v1/proactive?conversationToken=…, forwarded and signed by the plugin. */
export const loader = async ({ request }: LoaderFunctionArgs) =>
  storefrontBoundary(async () => {
    const ctx = await verifyWooPluginRequest(request);
    if (ctx instanceof Response) return ctx;
    return proactiveNote(ctx.store, new URL(request.url), {
      key: ctx.shopper ?? "unidentified",
      customerId: ctx.customerId,
    });
  });

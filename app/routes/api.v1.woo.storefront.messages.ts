import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../db.server";
import { wooPollLoader } from "../dashboard/shopper-poll-routes.server";
import { NETWORK_REQUEST_LIMIT } from "../platforms/shopify/shopper-identity.server";
import { wooNetworkHeader } from "../platforms/woocommerce/signature.server";
import { hitRateLimit } from "../security/rate-limit.server";
import { jsonError, storefrontBoundary } from "../storefront/errors.server";
import { MAX_BODY_BYTES, storefrontMessages } from "../storefront/turn.server";
import { verifyWooStorefront } from "../storefront/verify.server";

/**
 * POST {store}/wp-json/trulybot/v1/messages, forwarded and signed by the plugin (body unchanged).
 * Also served by server.mjs's hot path.
 */
export const action = async ({ request }: ActionFunctionArgs) =>
  storefrontBoundary(async () => {
    if (request.method !== "POST")
      return jsonError(405, "method_not_allowed", "Use POST.", { Allow: "POST" });
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
      return jsonError(400, "too_large", "Request body too large.");
    const db = await getDb();
    const ctx = await verifyWooStorefront(db, request);
    if (ctx instanceof Response) return ctx;
    const networkKey = wooNetworkHeader(request);
    if (networkKey === "malformed") return jsonError(401, "bad_network", "Malformed network hash");
    if (networkKey) {
      // the same per-network request limit as the Shopify app proxy's (client IP prefix there)
      const { limit, windowSeconds } = NETWORK_REQUEST_LIMIT;
      const r = await hitRateLimit(db, `req:net:${ctx.store.id}:${networkKey}`, limit, windowSeconds);
      if (!r.allowed)
        return jsonError(429, "rate_limited", "Too many requests from your network. Please wait a moment.", {
          "Retry-After": String(r.retryAfterSeconds),
        });
    }
    // The plugin's shopper hash; without one, all such requests share one identity (a random
    // per-request key would let them escape the per-shopper limits).
    const key = ctx.shopper ?? "unidentified";
    return storefrontMessages(ctx.store, ctx.body, { key, customerId: ctx.customerId, networkKey }, db);
  });

/** GET: the messages newer than `after` (live handoff replies), app/dashboard/shopper-poll-routes.server.ts. */
export const loader = (args: LoaderFunctionArgs) => wooPollLoader(args);

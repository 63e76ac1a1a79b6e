import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../db.server";
import { wooPollLoader } from "../dashboard/shopper-poll-routes.server";
import { wooNetworkHeader } from "../platforms/woocommerce/signature.server";
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
    // the per-network request limit (as on Shopify) is counted with the other request limits
    // The plugin's shopper hash; without one, all such requests share one identity (a random
    // per-request key would let them escape the per-shopper limits).
    const key = ctx.shopper ?? "unidentified";
    return storefrontMessages(ctx.store, ctx.body, { key, customerId: ctx.customerId, networkKey }, db);
  });

/** GET: the messages newer than `after` (live handoff replies), app/dashboard/shopper-poll-routes.server.ts. */
export const loader = (args: LoaderFunctionArgs) => wooPollLoader(args);

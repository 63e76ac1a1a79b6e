import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../db.server";
import { shopifyPollLoader } from "../dashboard/shopper-poll-routes.server";
import { jsonError, storefrontBoundary } from "../storefront/errors.server";
import { MAX_BODY_BYTES, storefrontMessages } from "../storefront/turn.server";
import { verifyShopifyStorefront } from "../storefront/verify.server";

/** POST /apps/trulybot/messages on the storefront (Shopify app proxy). Also served by server.mjs's hot path. */
export const action = async ({ request }: ActionFunctionArgs) =>
  storefrontBoundary(async () => {
    if (request.method !== "POST")
      return jsonError(405, "method_not_allowed", "Use POST.", { Allow: "POST" });
    const len = Number(request.headers.get("content-length") ?? 0);
    if (len > MAX_BODY_BYTES) return jsonError(400, "too_large", "Request body too large.");
    const body = await request.text();
    const db = await getDb();
    const ctx = await verifyShopifyStorefront(db, request, new URL(request.url), body);
    if (ctx instanceof Response) return ctx;
    return storefrontMessages(
      ctx.store,
      body,
      { key: ctx.shopperKey, customerId: ctx.customerId, networkKey: ctx.networkKey },
      db,
    );
  });

/** GET: the messages newer than `after` (live handoff replies), app/dashboard/shopper-poll-routes.server.ts. */
export const loader = (args: LoaderFunctionArgs) => shopifyPollLoader(args);

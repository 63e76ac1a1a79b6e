import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import crypto from "node:crypto";
import { getDb } from "../db.server";
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
    // The plugin sends a hash of IP + UA + store secret; without one, fall back to a per-request key.
    const key = ctx.shopper ?? crypto.randomBytes(16).toString("hex");
    return storefrontMessages(ctx.store, ctx.body, { key, customerId: ctx.customerId }, db);
  });

export const loader = async (_args: LoaderFunctionArgs) =>
  jsonError(405, "method_not_allowed", "Use POST.", { Allow: "POST" });

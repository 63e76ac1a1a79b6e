/**
 * POST {base}/messages for both platforms: rate limits, request validation, the engine turn.
 * Only the request verification (Shopify app proxy vs plugin signature) differs per platform,
 * and it happens in the route before this is called.
 */
import type { Store } from "@prisma/client";
import { runTurn } from "../chat/context.server";
import { parseMessagesBody } from "../chat/engine";
import { getDb, type Db } from "../db.server";
import { jsonError } from "./errors.server";
import { hitRateLimits } from "./rate-limits.server";

export const MAX_BODY_BYTES = 16 * 1024;
/** Requests (not failed lookups — the engine limits those) per window. */
export const REQUEST_LIMITS = {
  store: { limit: 3000, windowSeconds: 60 },
  shopper: { limit: 40, windowSeconds: 60 },
};

export interface StorefrontShopper {
  /** stable, hashed identity of the shopper's browser (never raw IP/UA) */
  key: string;
  customerId: string | null;
  /** hashed network prefix of the shopper's address (Shopify: client IP; Woo: X-TrulyBot-Network), null when unknown */
  networkKey?: string | null;
}

export async function storefrontMessages(
  store: Store,
  bodyText: string,
  shopper: StorefrontShopper,
  database?: Db,
): Promise<Response> {
  if (Buffer.byteLength(bodyText, "utf8") > MAX_BODY_BYTES)
    return jsonError(400, "too_large", "Request body too large.");
  const parsed = parseMessagesBody(bodyText);
  if (!parsed.ok) return jsonError(400, parsed.error.code, parsed.error.message);

  const db = database ?? (await getDb());
  const now = new Date();
  // both request counters in one statement
  const [store_, shopper_] = await hitRateLimits(
    db,
    [
      { key: `req:store:${store.id}`, ...REQUEST_LIMITS.store },
      { key: `req:shopper:${store.id}:${shopper.key}`, ...REQUEST_LIMITS.shopper },
    ],
    now,
  );
  for (const [scope, r] of [
    ["store", store_!],
    ["shopper", shopper_!],
  ] as const) {
    if (!r.allowed) {
      return jsonError(
        429,
        "rate_limited",
        scope === "store"
          ? "This store's assistant is very busy. Please try again shortly."
          : "You're sending messages very quickly. Please wait a moment.",
        { "Retry-After": String(r.retryAfterSeconds) },
      );
    }
  }

  const result = await runTurn({ store, shopper, db }, parsed.request);
  return new Response(JSON.stringify(result), {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

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
import { NETWORK_REQUEST_LIMIT } from "../platforms/shopify/shopper-identity.server";
import { hitRateLimits } from "../security/rate-limits.server";

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

const LIMITED: Record<"store" | "shopper" | "network", string> = {
  store: "This store's assistant is very busy. Please try again shortly.",
  shopper: "You're sending messages very quickly. Please wait a moment.",
  network: "Too many requests from your network. Please wait a moment.",
};

/** The store's, the shopper's and the shopper's network's request counters, in one statement. */
async function requestLimits(
  db: Db,
  storeId: string,
  shopper: StorefrontShopper,
  now: Date,
): Promise<Response | null> {
  const rules = [
    { scope: "store" as const, key: `req:store:${storeId}`, ...REQUEST_LIMITS.store },
    { scope: "shopper" as const, key: `req:shopper:${storeId}:${shopper.key}`, ...REQUEST_LIMITS.shopper },
    ...(shopper.networkKey
      ? [
          {
            scope: "network" as const,
            key: `req:net:${storeId}:${shopper.networkKey}`,
            ...NETWORK_REQUEST_LIMIT,
          },
        ]
      : []),
  ];
  const results = await hitRateLimits(db, rules, now);
  const i = results.findIndex((r) => !r.allowed);
  if (i === -1) return null;
  return jsonError(429, "rate_limited", LIMITED[rules[i]!.scope], {
    "Retry-After": String(results[i]!.retryAfterSeconds),
  });
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
  const refused = await requestLimits(db, store.id, shopper, now);
  if (refused) return refused;

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

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
import { admitRequest } from "./admission.server";

export { REQUEST_LIMITS } from "./admission.server";

export const MAX_BODY_BYTES = 16 * 1024;
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
  const admitted = await admitRequest(db, store.id, shopper, now);
  if (!admitted.allowed)
    return jsonError(429, "rate_limited", LIMITED[admitted.scope], {
      "Retry-After": String(admitted.retryAfterSeconds),
    });

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

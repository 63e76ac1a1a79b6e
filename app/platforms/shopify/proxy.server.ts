/**
 * Shopify app proxy requests (/apps/trulybot/* on the storefront → /proxy/* here).
 * The signature and timestamp are verified by @shopify/shopify-app-remix (authenticate.public.appProxy);
 * before that, a pre-check answers 401 (not the library's bare 400) so the widget protocol's
 * error contract holds. POSTs are protected against replay: Shopify signs only the query string
 * (to the second), so the same signed request — same signature, path, shopper and body — is
 * accepted once; a duplicated delivery is refused instead of being answered twice. Different
 * shoppers in the same second have different keys (client IP), so they are not confused.
 */
import crypto from "node:crypto";
import type { Store } from "@prisma/client";
import { loadEnv } from "../../env.server";
import { verifyAppProxySignature } from "./proxy-signature";
import { getDb } from "../../db.server";
import { findStore } from "../../stores/stores.server";
import { rememberNonce } from "../../security/nonces.server";
import { jsonError } from "../../storefront/errors.server";
import { hitRateLimit } from "../../security/rate-limit.server";
import { NETWORK_REQUEST_LIMIT, shopperIdentity } from "./shopper-identity.server";

export interface ProxyContext {
  store: Store;
  shop: string;
  customerId: string | null;
  /** hashed client address (see shopperIdentity) */
  shopperKey: string;
  /** hashed network prefix of the client address, null when unknown */
  networkKey: string | null;
  locale: string | null;
}

async function signatureValid(url: URL): Promise<boolean> {
  return verifyAppProxySignature(url.searchParams, loadEnv().SHOPIFY_API_SECRET).ok;
}

/** Returns the proxy context, or a Response to send as is (401 bad signature, 404 unknown shop, 401 replay). */
export async function verifyShopifyProxy(request: Request, body = ""): Promise<ProxyContext | Response> {
  const url = new URL(request.url);
  if (!(await signatureValid(url)))
    return jsonError(401, "bad_signature", "Invalid or expired app proxy signature.");
  // Imported here, not at the top: the storefront entry is loaded at boot without the Shopify app
  // library (its session storage, its API client), which the first proxy request loads.
  const { authenticate } = await import("./app.server");
  const { session } = await authenticate.public.appProxy(request);
  const shop = url.searchParams.get("shop")!;
  const store = await findStore("shopify", shop);
  if (!store || store.status !== "active" || !session) {
    return jsonError(404, "unknown_store", "This store is not connected to TrulyBot.");
  }
  const customer = url.searchParams.get("logged_in_customer_id") ?? "";
  const { shopperKey, networkKey } = shopperIdentity(shop, request.headers.get("x-forwarded-for"));
  if (request.method === "POST") {
    const db = await getDb();
    if (networkKey) {
      const { limit, windowSeconds } = NETWORK_REQUEST_LIMIT;
      const r = await hitRateLimit(db, `req:net:${store.id}:${networkKey}`, limit, windowSeconds);
      if (!r.allowed)
        return jsonError(429, "rate_limited", "Too many requests from your network. Please wait a moment.", {
          "Retry-After": String(r.retryAfterSeconds),
        });
    }
    const nonce = crypto
      .createHash("sha256")
      .update(
        [
          url.searchParams.get("signature"),
          url.pathname,
          shopperKey,
          crypto.createHash("sha256").update(body).digest("hex"),
        ].join("|"),
      )
      .digest("hex");
    const fresh = await rememberNonce(db, store.id, `proxy:${nonce}`, 180);
    if (!fresh) return jsonError(401, "replayed", "This signed request was already used.");
  }
  return {
    store,
    shop,
    customerId: /^\d{1,20}$/.test(customer) ? customer : null,
    shopperKey,
    networkKey,
    locale: url.searchParams.get("locale"),
  };
}

export { NETWORK_REQUEST_LIMIT, shopperIdentity } from "./shopper-identity.server";

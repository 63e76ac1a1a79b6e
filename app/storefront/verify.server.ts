/**
 * Request verification of the storefront paths (config, messages) on both platforms, with one
 * signature check each and the store, session and secret from the versioned caches.
 *
 * Shopify: the app-proxy signature (platforms/shopify/proxy-signature) is checked once here —
 * the library's authenticate.public.appProxy would check it again and reload the session on every
 * request — then the store and the existence of its offline session come from the cache. Signed
 * POSTs are accepted once (same replay key as platforms/shopify/proxy.server.ts).
 * WooCommerce: the plugin signature (platforms/woocommerce/signature.server) against the store's
 * secret, decrypted once per store version; a re-connect's pending secret is promoted as before.
 */
import crypto from "node:crypto";
import type { Store } from "@prisma/client";
import type { Db } from "../db.server";
import { loadEnv } from "../env.server";
import { verifyAppProxySignature } from "../platforms/shopify/proxy-signature";
import { verifyWooRequest } from "../platforms/woocommerce/signature.server";
import { promotePendingSecret, wooStoreSecret } from "../platforms/woocommerce/verify.server";
import { shopperIdentity } from "../platforms/shopify/shopper-identity.server";
import { rememberNonce } from "../security/nonces.server";
import { openSecret } from "../stores/secrets.server";
import {
  cachedHasSession,
  cachedStoreByDomain,
  cachedStoreById,
  storefrontCaches,
} from "../cache/storefront.server";
import { jsonError } from "./errors.server";

export interface ShopifyStorefrontContext {
  store: Store;
  shop: string;
  customerId: string | null;
  /** hashed client address as Shopify's proxy appended it (shopper-identity.server.ts) */
  shopperKey: string;
  /** hashed network prefix of that address, null when unknown */
  networkKey: string | null;
  locale: string | null;
}

/** The proxy context, or a Response to send as is (401 bad signature or replay, 404 unknown shop). */
export async function verifyShopifyStorefront(
  db: Db,
  request: Request,
  url: URL,
  body = "",
): Promise<ShopifyStorefrontContext | Response> {
  if (!verifyAppProxySignature(url.searchParams, loadEnv().SHOPIFY_API_SECRET).ok)
    return jsonError(401, "bad_signature", "Invalid or expired app proxy signature.");
  const shop = url.searchParams.get("shop") ?? "";
  const store = shop ? await cachedStoreByDomain(db, "shopify", shop) : null;
  if (!store || store.status !== "active" || !(await cachedHasSession(db, store)))
    return jsonError(404, "unknown_store", "This store is not connected to TrulyBot.");
  const customer = url.searchParams.get("logged_in_customer_id") ?? "";
  const { shopperKey, networkKey } = shopperIdentity(shop, request.headers.get("x-forwarded-for"));
  // the per-network request limit is counted with the other request limits (turn.server.ts)
  if (request.method === "POST") {
    const bodyHash = crypto.createHash("sha256").update(body).digest("hex");
    const nonce = crypto
      .createHash("sha256")
      .update([url.searchParams.get("signature"), url.pathname, shopperKey, bodyHash].join("|"))
      .digest("hex");
    if (!(await rememberNonce(db, store.id, `proxy:${nonce}`, 180)))
      return jsonError(401, "replayed", "This signed request was already used.");
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

export interface WooStorefrontContext {
  store: Store;
  customerId: string | null;
  shopper: string | null;
  body: string;
}

function cachedSecrets(db: Db, store: Store) {
  return storefrontCaches(db).secrets.get(store.id, async () => ({
    secret: wooStoreSecret(store),
    pending: store.pendingSigningSecret
      ? openSecret(store.pendingSigningSecret, "store.signingSecret")
      : null,
  }));
}

/** The plugin request's context, or a Response to send as is. Only active WooCommerce stores. */
export async function verifyWooStorefront(
  db: Db,
  request: Request,
): Promise<WooStorefrontContext | Response> {
  let store: Store | null = null;
  const result = await verifyWooRequest(request, {
    secretFor: async (storeId) => {
      store = await cachedStoreById(db, storeId);
      if (!store || store.platform !== "woocommerce" || store.status !== "active") return null;
      return (await cachedSecrets(db, store)).secret;
    },
    pendingSecretFor: async () => (store ? (await cachedSecrets(db, store)).pending : null),
    rememberNonce: (storeId, nonce, ttl) => rememberNonce(db, storeId, nonce, ttl),
  });
  if (!result.ok) return jsonError(result.status, result.code, result.message);
  const verified = result.pendingSecret ? await promotePendingSecret(store!) : store!;
  return { store: verified, customerId: result.customer, shopper: result.shopper, body: result.body };
}

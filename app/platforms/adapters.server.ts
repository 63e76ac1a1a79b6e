/**
 * The platform adapter for a store record: Shopify (Admin GraphQL with the store's offline
 * session) or WooCommerce (REST v3 with the store's encrypted key pair). Cached per store for a
 * few minutes so a chat turn does not rebuild clients (and shop facts stay cached inside).
 */
import type { Store } from "@prisma/client";
import { loadEnv } from "../env.server";
import { inferCarrier } from "../orders/carriers";
import { createShopifyAdapter } from "./shopify/adapter";
import { createShopifyGraphqlClient, resolveAdminOrigin } from "./shopify/client";
import { PlatformUnavailableError, type PlatformAdapter } from "./types";
import { createWooAdapter } from "./woocommerce/adapter";
import { createWooClient } from "./woocommerce/client";
import { platformFetch } from "./http.server";
import { openSecret } from "../stores/secrets.server";
import { createShopifyActions } from "./shopify/actions.server";
import { createWooActions, createWooWriter } from "./woocommerce/actions.server";

export interface WooCredentials {
  consumerKey: string;
  consumerSecret: string;
  keyId?: number | string | null;
  /** the key's permission as WooCommerce reported it at connect (read | read_write); absent: unknown */
  permissions?: string;
}

const CACHE_MS = 5 * 60 * 1000;
const cache = new Map<string, { at: number; adapter: PlatformAdapter }>();

export function readWooCredentials(store: Pick<Store, "credentials">): WooCredentials | null {
  if (!store.credentials) return null;
  return JSON.parse(openSecret(store.credentials, "store.credentials")) as WooCredentials;
}

/** The access token of a Shopify store's offline session (refreshed by the library when it expires). */
export async function shopifyAccess(shop: string): Promise<{ accessToken: string; scopes: string[] }> {
  const { unauthenticated } = await import("./shopify/app.server");
  try {
    const { session } = await unauthenticated.admin(shop);
    if (!session.accessToken) throw new Error("no access token");
    return { accessToken: session.accessToken, scopes: (session.scope ?? "").split(",").filter(Boolean) };
  } catch (error) {
    throw new PlatformUnavailableError(
      `No usable Shopify session for ${shop}: ${(error as Error).message}`,
      "auth",
    );
  }
}

export async function adapterForStore(store: Store): Promise<PlatformAdapter> {
  const key = `${store.id}:${store.updatedAt.getTime()}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.adapter;
  let adapter: PlatformAdapter;
  if (store.platform === "shopify") {
    const { accessToken, scopes } = await shopifyAccess(store.domain);
    const env = loadEnv();
    const origin = resolveAdminOrigin(store.domain, {
      SHOPIFY_ADMIN_API_ORIGIN: env.SHOPIFY_ADMIN_API_ORIGIN,
    });
    // reads over the keep-alive platform client (http.server.ts); the actions' writes keep fetch
    const client = createShopifyGraphqlClient({
      shop: store.domain,
      accessToken,
      origin,
      fetchImpl: platformFetch,
    });
    adapter = createShopifyAdapter({
      client,
      shop: store.domain,
      scopes: scopes.length ? scopes : (store.scopes ?? "").split(","),
    });
    // changes are never retried by the client (a retry could act twice)
    adapter.actions = createShopifyActions(
      createShopifyGraphqlClient({ shop: store.domain, accessToken, origin, maxRetries: 0 }),
    );
  } else if (store.platform === "woocommerce") {
    const creds = readWooCredentials(store);
    if (!creds || !store.url)
      throw new PlatformUnavailableError("WooCommerce store has no credentials", "auth");
    const client = createWooClient({
      storeUrl: store.url,
      consumerKey: creds.consumerKey,
      consumerSecret: creds.consumerSecret,
      fetchImpl: platformFetch,
    });
    adapter = createWooAdapter({
      client,
      storeUrl: store.url,
      inferCarrier,
      storeInfo: {
        name: store.name,
        domain: store.domain,
        ...(store.currency ? { currency: store.currency } : {}),
        ...(store.timezone ? { timezone: store.timezone } : {}),
        ...(store.supportEmail ? { supportEmail: store.supportEmail } : {}),
      },
    });
    adapter.actions = createWooActions(
      client,
      createWooWriter({
        storeUrl: store.url,
        consumerKey: creds.consumerKey,
        consumerSecret: creds.consumerSecret,
      }),
    );
  } else {
    throw new Error(`unknown platform ${store.platform}`);
  }
  for (const k of cache.keys()) if (k.startsWith(`${store.id}:`)) cache.delete(k);
  cache.set(key, { at: Date.now(), adapter });
  return adapter;
}

export function forgetAdapter(storeId: string) {
  for (const k of cache.keys()) if (k.startsWith(`${storeId}:`)) cache.delete(k);
}

/** Seeding helpers for route tests: a Shopify shop with an offline session, a connected WooCommerce store. */
import crypto from "node:crypto";
import type { Db } from "../../app/db.server";
import { sealSecret } from "../../app/stores/secrets.server";
import { signAppProxy } from "../../app/platforms/shopify/proxy-signature";

export async function seedShopifyShop(db: Db, shop: string, accessToken: string, scope = "read_orders") {
  await db.session.upsert({
    where: { id: `offline_${shop}` },
    create: { id: `offline_${shop}`, shop, state: "", isOnline: false, scope, accessToken },
    update: { accessToken, scope },
  });
  const ws = await db.workspace.create({ data: { name: shop } });
  const store = await db.store.create({
    data: {
      workspaceId: ws.id,
      platform: "shopify",
      domain: shop,
      name: "Demo Outfitters",
      status: "active",
      scopes: scope,
      currency: "USD",
      timezone: "America/New_York",
      supportEmail: "support@example.com",
      installedAt: new Date(),
    },
  });
  await db.botSettings.create({ data: { storeId: store.id } });
  return store;
}

export async function seedWooStore(
  db: Db,
  opts: { url: string; consumerKey: string; consumerSecret: string; domain?: string },
) {
  const secret = crypto.randomBytes(32).toString("hex");
  const ws = await db.workspace.create({ data: { name: "woo" } });
  const store = await db.store.create({
    data: {
      workspaceId: ws.id,
      platform: "woocommerce",
      domain: opts.domain ?? new URL(opts.url).host,
      url: opts.url,
      name: "Demo Woo Garden",
      status: "active",
      currency: "EUR",
      timezone: "Europe/Berlin",
      credentials: sealSecret(
        JSON.stringify({ consumerKey: opts.consumerKey, consumerSecret: opts.consumerSecret, keyId: 1 }),
        "store.credentials",
      ),
      signingSecret: sealSecret(secret, "store.signingSecret"),
      connectedAt: new Date(),
    },
  });
  await db.botSettings.create({ data: { storeId: store.id } });
  return { store, secret };
}

/** A storefront request as Shopify's app proxy forwards it: query signed with the app secret. */
export function appProxyRequest(
  path: string,
  opts: {
    shop: string;
    secret: string;
    customerId?: string;
    method?: string;
    body?: string;
    headers?: Record<string, string>;
    timestamp?: number;
    tamper?: boolean;
  },
): Request {
  const url = new URL(`https://trulybot.test/proxy/${path}`);
  url.searchParams.set("shop", opts.shop);
  url.searchParams.set("logged_in_customer_id", opts.customerId ?? "");
  url.searchParams.set("path_prefix", "/apps/trulybot");
  url.searchParams.set("timestamp", String(opts.timestamp ?? Math.floor(Date.now() / 1000)));
  url.searchParams.set("signature", signAppProxy(url.searchParams, opts.secret));
  if (opts.tamper) url.searchParams.set("logged_in_customer_id", "999");
  return new Request(url, {
    method: opts.method ?? "GET",
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": "203.0.113.7",
      "user-agent": "vitest",
      ...(opts.headers ?? {}),
    },
    body: opts.body,
  });
}

/**
 * The storefront set-up that route, fault, property and perf tests share: a fresh test database set as the
 * app's, the Shopify Admin emulator with the demo shop installed, the WooCommerce emulator with a connected
 * store (or a store at an address nothing answers), and requests signed as the WordPress plugin signs them
 * (the Shopify app proxy's are `appProxyRequest` in ./seed.ts).
 */
import crypto from "node:crypto";
import { setDb, type Db } from "../../app/db.server";
import { resetEnvForTests } from "../../app/env.server";
import type { JobQueue } from "../../app/jobs/queue.server";
import { signedHeaders } from "../../app/platforms/woocommerce/signature.server";
import {
  startShopifyAdminEmulator,
  DEMO_SHOP,
  DEMO_ACCESS_TOKEN,
  type ShopifyAdminEmulator,
} from "../emulators/shopify-admin/emulator";
import { startWooEmulator, DEMO_WOO_KEY, type WooEmulator } from "../emulators/woocommerce/emulator";
import { createTestDb } from "./db";
import { startAppJobQueue } from "./jobs";
import { seedShopifyShop, seedWooStore } from "./seed";

export interface StorefrontWorld {
  db: Db;
  /** the Shopify Admin emulator (null unless asked for) */
  shopify: ShopifyAdminEmulator;
  /** the WooCommerce emulator (null unless asked for) */
  woo: WooEmulator;
  /** the Shopify store record of DEMO_SHOP (id "" unless asked for) */
  shopifyStoreId: string;
  /** the connected WooCommerce store: its id and the secret the plugin signs with ("" unless asked for) */
  wooStore: { id: string; secret: string };
  /** the app's job queue on this database, set as the app's (null unless asked for) */
  queue: JobQueue;
  /** stop the emulators, drop the database, restore `env` */
  close(): Promise<void>;
}

export interface StorefrontWorldOptions {
  /** start the Shopify Admin emulator and install DEMO_SHOP (SHOPIFY_ADMIN_API_ORIGIN points at it) */
  shopify?: boolean;
  /** true: start the WooCommerce emulator and connect a store to it; { url }: connect a store at `url`, no emulator */
  woo?: boolean | { url: string };
  /** extra environment for the app, set before it reads its configuration and restored by close() */
  env?: Record<string, string>;
  /** the app's job queue (appJobs, polled every 50 ms), started unless `{ start: false }` */
  jobs?: boolean | { start: boolean };
}

export async function startStorefrontWorld(opts: StorefrontWorldOptions = {}): Promise<StorefrontWorld> {
  const saved = Object.keys(opts.env ?? {}).map((k) => [k, process.env[k]] as const);
  Object.assign(process.env, opts.env);
  const shopify = opts.shopify ? await startShopifyAdminEmulator({ port: 0, host: "127.0.0.1" }) : null;
  const woo =
    opts.woo === true ? await startWooEmulator({ port: 0, host: "127.0.0.1", keys: [DEMO_WOO_KEY] }) : null;
  if (shopify) process.env.SHOPIFY_ADMIN_API_ORIGIN = shopify.url;
  if (woo) process.env.WOO_ALLOW_HTTP_STORES = "1";
  resetEnvForTests();
  const { db, url: dbUrl, cleanup } = await createTestDb();
  setDb(db);
  const jobs = opts.jobs
    ? await startAppJobQueue(db, dbUrl, { start: opts.jobs === true || opts.jobs.start })
    : null;
  const shopifyStoreId = shopify ? (await seedShopifyShop(db, DEMO_SHOP, DEMO_ACCESS_TOKEN)).id : "";
  let wooStore = { id: "", secret: "" };
  if (opts.woo) {
    const key = woo ? DEMO_WOO_KEY : { consumerKey: "ck_x", consumerSecret: "cs_x" };
    const url = woo ? woo.url : (opts.woo as { url: string }).url;
    const seeded = await seedWooStore(db, {
      url,
      consumerKey: key.consumerKey,
      consumerSecret: key.consumerSecret,
    });
    wooStore = { id: seeded.store.id, secret: seeded.secret };
  }
  return {
    db,
    shopify: shopify as ShopifyAdminEmulator,
    woo: woo as WooEmulator,
    shopifyStoreId,
    wooStore,
    queue: jobs?.queue as JobQueue,
    async close() {
      await jobs?.stop();
      await shopify?.close();
      await woo?.close();
      await cleanup();
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      resetEnvForTests();
    },
  };
}

/** A new shopper as the plugin identifies one: 64 hex characters. */
export const newShopperHash = () => crypto.randomBytes(32).toString("hex");

/**
 * A storefront request as the WordPress plugin forwards it: GET config or POST messages under
 * /api/v1/woo/storefront/, signed with the store's secret (or `key`, to sign wrongly) for `shopper`
 * (a new one unless given) and optionally a network prefix.
 */
export function wooStorefrontRequest(
  store: { id: string; secret: string },
  path: "config" | "messages",
  opts: {
    body?: string;
    shopper?: string;
    network?: string;
    key?: string;
    headers?: Record<string, string>;
  } = {},
): Request {
  const method = path === "config" ? "GET" : "POST";
  const pathWithQuery = `/api/v1/woo/storefront/${path}`;
  const body = opts.body ?? "";
  const signed = signedHeaders(store.id, opts.key ?? store.secret, {
    method,
    pathWithQuery,
    body,
    shopper: opts.shopper ?? newShopperHash(),
    network: opts.network,
  });
  return new Request(`https://trulybot.test${pathWithQuery}`, {
    method,
    headers: { "content-type": "application/json", ...signed, ...opts.headers },
    body: method === "GET" ? undefined : body,
  });
}

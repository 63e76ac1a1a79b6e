/**
 * The order mirror's initial sync starts by itself (issue 17): installing the Shopify app (the
 * afterAuth hook) and connecting a WooCommerce store (manual connect; one-click connect's secret
 * exchange calls the same start) each queue the sync job, and the real job runner mirrors the
 * store's orders from the emulators over HTTP — no dashboard button pressed. A reinstall does not
 * start it again.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb, type Db } from "../../app/db.server";
import { resetEnvForTests } from "../../app/env.server";
import { appJobs } from "../../app/jobs/definitions.server";
import { createJobQueue, setJobQueue, type JobQueue } from "../../app/jobs/queue.server";
import { onShopifyInstall } from "../../app/platforms/shopify/install.server";
import { connectWooManually } from "../../app/platforms/woocommerce/manual-connect.server";
import {
  DEMO_ACCESS_TOKEN,
  DEMO_SHOP,
  startShopifyAdminEmulator,
  type ShopifyAdminEmulator,
} from "../emulators/shopify-admin/emulator";
import { DEMO_WOO_KEY, startWooEmulator, type WooEmulator } from "../emulators/woocommerce/emulator";
import { createTestDb } from "../helpers/db";

let db: Db;
let cleanup: () => Promise<void>;
let shopify: ShopifyAdminEmulator;
let woo: WooEmulator;
let queue: JobQueue;

beforeAll(async () => {
  shopify = await startShopifyAdminEmulator({ port: 0, host: "127.0.0.1" });
  process.env.SHOPIFY_ADMIN_API_ORIGIN = shopify.url;
  process.env.WOO_ALLOW_HTTP_STORES = "1";
  resetEnvForTests();
  woo = await startWooEmulator({ port: 0, host: "127.0.0.1", keys: [DEMO_WOO_KEY] });
  let url: string;
  ({ db, url, cleanup } = await createTestDb());
  setDb(db);
  queue = await createJobQueue(db, url, appJobs(), { pollMs: 50, pollingIntervalSeconds: 0.5 });
  setJobQueue(queue);
  await queue.start();
});
afterAll(async () => {
  await queue?.stop();
  setJobQueue(undefined);
  await shopify?.close();
  await woo?.close();
  await cleanup?.();
});

const syncOf = (storeId: string) => db.orderMirrorSync.findUnique({ where: { storeId } });

async function syncedDone(storeId: string) {
  await vi.waitFor(async () => expect((await syncOf(storeId))?.status).toBe("done"), {
    timeout: 60_000,
    interval: 100,
  });
  return (await syncOf(storeId))!;
}

describe("initial mirror sync on install / connect", () => {
  it("GIVEN a Shopify install THEN the sync job runs by itself and mirrors the shop's recent orders; a reinstall does not restart it", async () => {
    // the offline session the OAuth flow stores before afterAuth runs
    await db.session.create({
      data: {
        id: `offline_${DEMO_SHOP}`,
        shop: DEMO_SHOP,
        state: "",
        isOnline: false,
        scope: "read_orders",
        accessToken: DEMO_ACCESS_TOKEN,
      },
    });
    const admin = {
      graphql: async () =>
        Response.json({ data: { shop: { name: "Demo Outfitters", currencyCode: "USD" } } }),
    };
    const store = await onShopifyInstall({
      session: { shop: DEMO_SHOP, scope: "read_orders" } as never,
      admin,
    });
    const done = await syncedDone(store.id);
    expect(done.synced).toBeGreaterThan(0);
    const numbers = (await db.orderMirror.findMany({ where: { storeId: store.id } })).map(
      (r) => r.orderNumber,
    );
    expect(numbers).toContain("1002");
    expect(shopify.requests.some((r) => r.operationName === "TrulyBotMirrorBulk")).toBe(true);

    const bulkBefore = shopify.requests.filter((r) => r.operationName === "TrulyBotMirrorBulk").length;
    await onShopifyInstall({ session: { shop: DEMO_SHOP, scope: "read_orders" } as never, admin });
    const again = await syncOf(store.id);
    expect(again).toMatchObject({ status: "done", finishedAt: done.finishedAt });
    expect(shopify.requests.filter((r) => r.operationName === "TrulyBotMirrorBulk")).toHaveLength(bulkBefore);
  });

  it("GIVEN a WooCommerce store connected THEN the sync job pages through its orders by itself", async () => {
    const r = await connectWooManually({
      storeUrl: woo.url,
      consumerKey: DEMO_WOO_KEY.consumerKey,
      consumerSecret: DEMO_WOO_KEY.consumerSecret,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const done = await syncedDone(r.storeId);
    expect(done.synced).toBeGreaterThan(0);
    expect(await db.orderMirror.count({ where: { storeId: r.storeId } })).toBe(done.synced);
    expect(woo.requests.some((q) => /\/wc\/v3\/orders/.test(q.path))).toBe(true);
  });
});

/**
 * Bench child process: the Shopify Admin GraphQL and WooCommerce REST emulators (test/emulators),
 * in their own process so neither their CPU nor their memory is counted as the app's.
 * IPC: {type:"latency", ms} sets the platforms' latency; {type:"stats"} → {type:"stats", shopify, woo}
 * (requests served so far); {type:"deliver", name} marks every package of order `name` delivered
 * (→ {type:"delivered"}); BENCH_SHOPIFY_PLAN selects Shopify's real cost bucket. Sends {type:"ready", shopifyUrl, wooUrl} once listening.
 */
import {
  startShopifyAdminEmulator,
  DEMO_SHOP,
  DEMO_ACCESS_TOKEN,
  SHOPIFY_PLAN_RATE_LIMITS,
} from "../test/emulators/shopify-admin/emulator";
import { startWooEmulator, DEMO_WOO_KEY } from "../test/emulators/woocommerce/emulator";

type Msg =
  { type: "latency"; ms: number } | { type: "stats" } | { type: "deliver"; name: string } | { type: "stop" };

async function main() {
  // A bucket this large never throttles: the bench measures the app, not Shopify's cost limiter.
  // BENCH_SHOPIFY_PLAN=standard|advanced|plus|enterprise: Shopify's real bucket for that plan
  // (bench/lookups.ts: the store's API budget is what the order mirror is for).
  const plan = process.env.BENCH_SHOPIFY_PLAN as keyof typeof SHOPIFY_PLAN_RATE_LIMITS | undefined;
  const shopify = await startShopifyAdminEmulator({
    port: 0,
    host: "127.0.0.1",
    now: new Date(),
    bucket:
      plan && SHOPIFY_PLAN_RATE_LIMITS[plan]
        ? { ...SHOPIFY_PLAN_RATE_LIMITS[plan] }
        : { maximumAvailable: 1e12, restoreRate: 1e12 },
  });
  const woo = await startWooEmulator({ port: 0, host: "127.0.0.1", keys: [DEMO_WOO_KEY] });
  let served = { shopify: 0, woo: 0 };
  const trim = () => {
    // keep the request logs from growing without bound during the soak
    served = { shopify: served.shopify + shopify.requests.length, woo: served.woo + woo.requests.length };
    shopify.requests.length = 0;
    (woo.requests as unknown[]).length = 0;
  };
  const timer = setInterval(trim, 2000);
  process.on("message", async (m: Msg) => {
    if (m.type === "latency") {
      shopify.clearFaults();
      woo.clearFaults();
      if (m.ms > 0) {
        shopify.inject({ kind: "latency", ms: m.ms });
        woo.inject({ kind: "latency", ms: m.ms }); // no `times`: stays until cleared
      }
      process.send!({ type: "latency-set", ms: m.ms });
    } else if (m.type === "deliver") {
      // the carrier delivered every package of the order (what Shopify shows after the scan)
      const order = shopify.store.orders.find((o) => o.name === m.name) as
        Record<string, unknown> | undefined;
      const at = new Date().toISOString();
      for (const f of (order?.fulfillments as Record<string, unknown>[]) ?? []) {
        f.displayStatus = "DELIVERED";
        f.deliveredAt = at;
        f.updatedAt = at;
      }
      if (order) order.updatedAt = at;
      process.send!({ type: "delivered", found: !!order, at });
    } else if (m.type === "stats") {
      trim();
      process.send!({ type: "stats", ...served });
    } else if (m.type === "stop") {
      clearInterval(timer);
      await shopify.close();
      await woo.close();
      process.exit(0);
    }
  });
  process.send!({
    type: "ready",
    shopifyUrl: shopify.url,
    wooUrl: woo.url,
    shop: DEMO_SHOP,
    accessToken: DEMO_ACCESS_TOKEN,
    wooKey: DEMO_WOO_KEY,
    wooStore: woo.data.store,
    shopData: shopify.store.shop,
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

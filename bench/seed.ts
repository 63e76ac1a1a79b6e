/**
 * The bench's data set, like `npm run demo`: migrations, the Shopify demo shop with its offline
 * session, the WooCommerce demo store with a known signing secret. Used by bench/server.ts (in the
 * app's process) and bench/probe.ts (before it starts `server.mjs`). Needs the app's environment
 * (DATABASE_URL, ENCRYPTION_KEYS) and BENCH_SHOP, BENCH_SHOP_TOKEN, BENCH_WOO_KEY, BENCH_WOO_URL.
 */
import crypto from "node:crypto";

export async function seedBenchDatabase(dbUrl: string) {
  const { applyMigrations } = await import("../scripts/lib/migrate.mjs");
  await applyMigrations(dbUrl);
  const { getDb } = await import("../app/db.server");
  const { upsertShopifyStore } = await import("../app/stores/stores.server");
  const { sealSecret } = await import("../app/stores/secrets.server");
  const { DEMO_WOO_DOMAIN } = await import("../app/demo/signers.server");
  const db = await getDb();

  const shop = process.env.BENCH_SHOP!;
  const token = process.env.BENCH_SHOP_TOKEN!;
  await db.session.create({
    data: {
      id: `offline_${shop}`,
      shop,
      state: "",
      isOnline: false,
      scope: "read_orders,read_themes",
      accessToken: token,
    },
  });
  const shopStore = await upsertShopifyStore({
    shop,
    scopes: "read_orders,read_themes",
    name: "Demo Outfitters",
    currency: "USD",
    timezone: "America/New_York",
    supportEmail: "support@example.com",
  });
  const wooKey = JSON.parse(process.env.BENCH_WOO_KEY!);
  const secret = crypto.randomBytes(32).toString("hex");
  const wooStore = await db.store.create({
    data: {
      workspaceId: shopStore.workspaceId,
      platform: "woocommerce",
      domain: DEMO_WOO_DOMAIN,
      url: process.env.BENCH_WOO_URL!,
      name: "Demo Woo Garden",
      status: "active",
      currency: "EUR",
      timezone: "Europe/Berlin",
      supportEmail: "hallo@example.com",
      credentials: sealSecret(
        JSON.stringify({
          consumerKey: wooKey.consumerKey,
          consumerSecret: wooKey.consumerSecret,
          keyId: wooKey.keyId ?? 1,
        }),
        "store.credentials",
      ),
      signingSecret: sealSecret(secret, "store.signingSecret"),
      installedAt: new Date(),
      connectedAt: new Date(),
    },
  });
  await db.botSettings.create({ data: { storeId: wooStore.id, name: "Gartenhelfer" } });
  return { db, shop, shopStore, wooStore, secret };
}

type BenchDb = Awaited<ReturnType<typeof seedBenchDatabase>>["db"];

/**
 * The bench's database messages to an app child, the same for bench/server.ts and bench/cluster-server.ts:
 * `reset` empties the rate-limit and nonce tables between runs, `counts` reports stored conversations and
 * messages. Returns false for any other message.
 */
export async function answerDbMessage(db: BenchDb, m: { type: string }): Promise<boolean> {
  if (m.type === "reset") {
    await db.rateLimit.deleteMany({});
    await db.nonce.deleteMany({});
    process.send!({ type: "reset-done" });
    return true;
  }
  if (m.type === "counts") {
    const [conversations, messages] = await Promise.all([db.conversation.count(), db.message.count()]);
    process.send!({ type: "counts", conversations, messages });
    return true;
  }
  return false;
}

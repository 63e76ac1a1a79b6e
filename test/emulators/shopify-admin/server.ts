/**
 * CLI: start the Shopify Admin GraphQL emulator for the demo.
 *
 *   tsx test/emulators/shopify-admin/server.ts [--port 4010] [--host 127.0.0.1] [--data path/to/shopify-store.json]
 *                                              [--latency-ms 0] [--now 2026-11-23T15:00:00Z]
 *                                              [--plan standard|advanced|plus|enterprise]
 *                                              [--restore-rate 100] [--bucket-size 1000]
 * Environment fallbacks: SHOPIFY_EMULATOR_PORT, SHOPIFY_EMULATOR_HOST, SHOPIFY_EMULATOR_DATA,
 * SHOPIFY_EMULATOR_PLAN, SHOPIFY_EMULATOR_RESTORE_RATE, SHOPIFY_EMULATOR_BUCKET_SIZE.
 * Rate limit default: the standard plan (1,000 points, restored 100/s); Plus restores 1,000/s.
 * Prints one JSON line {"url", "port", "shop", "tokens"} on stdout once listening; point the app at it
 * with SHOPIFY_ADMIN_API_ORIGIN=<url>.
 */
import {
  startShopifyAdminEmulator,
  DEMO_ACCESS_TOKEN,
  DEMO_ALL_ORDERS_TOKEN,
  DEMO_SHOP,
  SHOPIFY_PLAN_RATE_LIMITS,
  type ShopifyPlan,
} from "./emulator";

function positiveNumber(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`Invalid ${name}: ${raw}`);
  return n;
}

export function parseArgs(argv: string[], env: Record<string, string | undefined>) {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0 && i + 1 < argv.length) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq ? eq.slice(name.length + 3) : undefined;
  };
  const port = Number(get("port") ?? env.SHOPIFY_EMULATOR_PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid port: ${get("port") ?? env.SHOPIFY_EMULATOR_PORT}`);
  const now = get("now");
  const plan = get("plan") ?? env.SHOPIFY_EMULATOR_PLAN;
  if (plan !== undefined && !(plan in SHOPIFY_PLAN_RATE_LIMITS)) throw new Error(`Invalid plan: ${plan}`);
  const restoreRate = positiveNumber(
    "restore rate",
    get("restore-rate") ?? env.SHOPIFY_EMULATOR_RESTORE_RATE,
  );
  const maximumAvailable = positiveNumber(
    "bucket size",
    get("bucket-size") ?? env.SHOPIFY_EMULATOR_BUCKET_SIZE,
  );
  return {
    plan: plan as ShopifyPlan | undefined,
    bucket: { restoreRate, maximumAvailable },
    port,
    host: get("host") ?? env.SHOPIFY_EMULATOR_HOST ?? "127.0.0.1",
    data: get("data") ?? env.SHOPIFY_EMULATOR_DATA,
    latencyMs: Number(get("latency-ms") ?? 0),
    now: now ? new Date(now) : undefined,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2), process.env);
  const emulator = await startShopifyAdminEmulator(args);
  process.stdout.write(
    JSON.stringify({
      url: emulator.url,
      port: emulator.port,
      shop: DEMO_SHOP,
      tokens: { readOrders: DEMO_ACCESS_TOKEN, readAllOrders: DEMO_ALL_ORDERS_TOKEN },
    }) + "\n",
  );
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

const invokedDirectly =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop() ?? "");
if (invokedDirectly) {
  main().catch((e: unknown) => {
    process.stderr.write(`shopify-admin emulator: ${(e as Error).message}\n`);
    process.exit(1);
  });
}

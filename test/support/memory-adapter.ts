/**
 * In-memory platform adapter: tests, benchmarks and database-less demos. Behaves like the real
 * adapters (60-day window without read_all_orders → "out_of_range", newest-first customer lists,
 * customer ids compared by numeric tail) and can inject outages (`failNext`).
 *
 * `loadDemoShopifyAdapter()` / `loadDemoWooAdapter()` build it from the demo fixtures through the
 * real platform mappers, so the engine sees exactly what the live adapters would produce.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { NormalizedOrder, StoreInfo, StorePolicies } from "../../app/orders/types";
import {
  mapPolicies,
  mapShopInfo,
  mapShopifyOrder,
  type ShopifyOrderNode,
  type ShopifyShopNode,
} from "../../app/platforms/shopify/map";
import {
  PlatformUnavailableError,
  type FindOrderQuery,
  type FindOrderResult,
  type PlatformAdapter,
  type PlatformCapabilities,
} from "../../app/platforms/types";
import { mapWooOrder } from "../../app/platforms/woocommerce/map";
import type { WooOrder, WooOrderNote, WooShipmentTracking } from "../../app/platforms/woocommerce/types";

export interface MemoryAdapterOptions {
  orders: NormalizedOrder[];
  store: StoreInfo;
  policies?: StorePolicies;
  capabilities?: Partial<PlatformCapabilities>;
  /** "now" for the recent-orders window (default: real time) */
  now?: () => Date;
  /** simulated platform latency in ms */
  latencyMs?: number;
}

export interface MemoryAdapter extends PlatformAdapter {
  readonly orders: NormalizedOrder[];
  capabilities: PlatformCapabilities;
  /** the next adapter call throws this error (default: a PlatformUnavailableError timeout) */
  failNext(error?: Error, times?: number): void;
  /** every call, for assertions ("no adapter call after the limit") */
  readonly calls: {
    method: "findOrder" | "listCustomerOrders" | "getPolicies" | "getStoreInfo";
    arg?: unknown;
  }[];
  setCapabilities(c: Partial<PlatformCapabilities>): void;
}

const tail = (id: string | null | undefined) =>
  id ? (/(\d+)\s*$/.exec(String(id))?.[1] ?? String(id)) : null;
const normNumber = (n: string) => n.trim().replace(/^#+/, "").toUpperCase();

export function createMemoryAdapter(opts: MemoryAdapterOptions): MemoryAdapter {
  const orders = [...opts.orders];
  const now = opts.now ?? (() => new Date());
  let pending: { error: Error; times: number } | null = null;
  const calls: MemoryAdapter["calls"] = [];
  const capabilities: PlatformCapabilities = {
    platform: "memory",
    readAllOrders: true,
    knowsDelivery: true,
    ...opts.capabilities,
  };

  const maybeFail = async () => {
    if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
    if (pending && pending.times > 0) {
      pending.times -= 1;
      const e = pending.error;
      if (pending.times <= 0) pending = null;
      throw e;
    }
  };
  const inWindow = (o: NormalizedOrder) => {
    if (adapter.capabilities.readAllOrders) return true;
    const days = adapter.capabilities.recentOrdersDays ?? 60;
    return now().getTime() - new Date(o.placedAt).getTime() <= days * 86_400_000;
  };

  const adapter: MemoryAdapter = {
    orders,
    capabilities,
    calls,
    failNext(error = new PlatformUnavailableError("simulated outage", "timeout"), times = 1) {
      pending = { error, times };
    },
    setCapabilities(c) {
      Object.assign(adapter.capabilities, c);
    },
    async findOrder(query: FindOrderQuery): Promise<FindOrderResult> {
      calls.push({ method: "findOrder", arg: query });
      await maybeFail();
      const n = normNumber(query.orderNumber);
      const order = orders.find((o) => normNumber(o.number) === n);
      if (!order) return { kind: "not_found" };
      if (!inWindow(order))
        return { kind: "out_of_range", days: adapter.capabilities.recentOrdersDays ?? 60 };
      return { kind: "found", order: structuredClone(order) };
    },
    async listCustomerOrders(customerId: string, limit: number) {
      calls.push({ method: "listCustomerOrders", arg: customerId });
      await maybeFail();
      const c = tail(customerId);
      return orders
        .filter((o) => c !== null && tail(o.contact.customerId) === c && inWindow(o))
        .sort((a, b) => b.placedAt.localeCompare(a.placedAt))
        .slice(0, limit)
        .map((o) => structuredClone(o));
    },
    async getPolicies() {
      calls.push({ method: "getPolicies" });
      await maybeFail();
      return { ...(opts.policies ?? {}) };
    },
    async getStoreInfo() {
      calls.push({ method: "getStoreInfo" });
      await maybeFail();
      return { ...opts.store };
    },
  };
  return adapter;
}

/** The repo's `fixtures/demo/` (TRULYBOT_DEMO_FIXTURES overrides). */
export function findDemoFixturesDir(): string | null {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
  const candidates = [
    process.env.TRULYBOT_DEMO_FIXTURES,
    join(repoRoot, "fixtures/demo"),
    join(process.cwd(), "fixtures/demo"),
  ].filter((x): x is string => !!x);
  for (const dir of candidates)
    if (existsSync(join(dir, "shopify-store.json")) && existsSync(join(dir, "woocommerce-store.json")))
      return dir;
  return null;
}

function demoDir(): string {
  const dir = findDemoFixturesDir();
  if (!dir) throw new Error("demo fixtures not found (fixtures/demo)");
  return dir;
}

const readJson = <T>(dir: string, file: string): T => JSON.parse(readFileSync(join(dir, file), "utf8")) as T;

export interface DemoAdapterOptions {
  capabilities?: Partial<PlatformCapabilities>;
  now?: () => Date;
  latencyMs?: number;
}

/** Demo "today": Monday 2026-11-23, 10:00 in New York. */
export const DEMO_NOW = new Date("2026-11-23T15:00:00Z");

/** Demo Outfitters (Shopify) from shopify-store.json through mapShopifyOrder. Default: no read_all_orders (60 days). */
export function loadDemoShopifyAdapter(
  opts: DemoAdapterOptions = {},
): MemoryAdapter & { policies: StorePolicies; store: StoreInfo } {
  const data = readJson<{ shop: ShopifyShopNode; orders: ShopifyOrderNode[] }>(
    demoDir(),
    "shopify-store.json",
  );
  const store = mapShopInfo(data.shop);
  const policies = mapPolicies(data.shop);
  const ctx = {
    shopDomain: data.shop.myshopifyDomain,
    timezone: data.shop.ianaTimezone,
    currency: data.shop.currencyCode,
  };
  const orders = data.orders.map((o) => mapShopifyOrder(o, ctx));
  const adapter = createMemoryAdapter({
    orders,
    store,
    policies,
    capabilities: {
      platform: "shopify",
      readAllOrders: false,
      recentOrdersDays: 60,
      knowsDelivery: true,
      ...opts.capabilities,
    },
    now: opts.now ?? (() => DEMO_NOW),
    latencyMs: opts.latencyMs,
  });
  return Object.assign(adapter, { policies, store });
}

/** Demo Woo Garden (WooCommerce) from the woocommerce-*.json files through mapWooOrder. */
export function loadDemoWooAdapter(
  opts: DemoAdapterOptions = {},
): MemoryAdapter & { policies: StorePolicies; store: StoreInfo } {
  const dir = demoDir();
  const data = {
    ...readJson<{
      store: { url: string; name: string; currency: string; timezone: string };
      orders: WooOrder[];
    }>(dir, "woocommerce-store.json"),
    trackings: readJson<Record<string, WooShipmentTracking[]>>(dir, "woocommerce-shipment-trackings.json"),
    notes: readJson<Record<string, WooOrderNote[]>>(dir, "woocommerce-order-notes.json"),
  };
  const storeCtx = {
    url: data.store.url,
    timezone: data.store.timezone,
    currency: data.store.currency,
    name: data.store.name,
  };
  const orders = data.orders.map((o) =>
    mapWooOrder(o, {
      trackings: data.trackings[String(o.id)] ?? [],
      notes: data.notes[String(o.id)] ?? [],
      store: storeCtx,
    }),
  );
  const store: StoreInfo = {
    name: data.store.name,
    domain: new URL(data.store.url).host,
    currency: data.store.currency,
    timezone: data.store.timezone,
    locale: "de-DE",
    supportEmail: null,
  };
  const policies: StorePolicies = {};
  const adapter = createMemoryAdapter({
    orders,
    store,
    policies,
    capabilities: {
      platform: "woocommerce",
      readAllOrders: true,
      knowsDelivery: false,
      ...opts.capabilities,
    },
    now: opts.now ?? (() => DEMO_NOW),
    latencyMs: opts.latencyMs,
  });
  return Object.assign(adapter, { policies, store });
}

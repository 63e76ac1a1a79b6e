/**
 * The Shopify implementation of PlatformAdapter (app/platforms/types.ts), over the Admin GraphQL client.
 * Returns what Shopify has — test orders included (flagged test=true; the engine hides them).
 */
import type { FindOrderQuery, FindOrderResult, PlatformAdapter, PlatformCapabilities } from "../types";
import type { NormalizedOrder, StoreInfo, StorePolicies } from "../../orders/types";
import type { ShopifyGraphqlClient } from "./client";
import {
  mapPolicies,
  mapShopInfo,
  mapShopifyOrder,
  type MapContext,
  type ShopifyOrderNode,
  type ShopifyShopNode,
} from "./map";
import { CUSTOMER_ORDERS, ORDER_BY_ID, ORDER_SEARCH, SHOP_INFO, orderNumberSearchQuery } from "./queries";

export const RECENT_ORDERS_DAYS = 60;
const SHOP_CACHE_MS = 5 * 60 * 1000;

export interface ShopifyAdapterOptions {
  client: ShopifyGraphqlClient;
  shop: string;
  /** scopes granted to the installation (session.scope split on ","), e.g. ["read_orders", "read_all_orders"] */
  scopes: string[];
  now?: () => number;
}

export interface ShopifyAdapter extends PlatformAdapter {
  /** one order by gid (webhooks, CLI) */
  getOrderById(id: string): Promise<NormalizedOrder | null>;
}

interface OrderRef {
  id: string;
  name: string;
  createdAt: string;
}

/** Normalize what a shopper typed ("#1003", " 1003 ", "№1003") to the digits/letters Shopify puts after '#'. */
export function cleanOrderNumber(input: string): string {
  return input
    .trim()
    .replace(/^(?:#|no\.?\s*|№\s*)/i, "")
    .trim();
}

export function toCustomerGid(customerId: string): string {
  const id = customerId.trim();
  if (id.startsWith("gid://shopify/Customer/")) return id;
  if (/^\d+$/.test(id)) return `gid://shopify/Customer/${id}`;
  throw new Error(`Not a Shopify customer id: ${customerId}`);
}

/** The shop facts (timezone, currency, policies), cached for a few minutes; a failed load is not cached. */
function createShopCache(client: ShopifyGraphqlClient, shop: string, now: () => number) {
  let shopCache: { at: number; value: Promise<ShopifyShopNode> } | null = null;
  function loadShop(): Promise<ShopifyShopNode> {
    if (shopCache && now() - shopCache.at < SHOP_CACHE_MS) return shopCache.value;
    const value = client.request<{ shop: ShopifyShopNode }>(SHOP_INFO).then((r) => r.data.shop);
    const entry = { at: now(), value };
    shopCache = entry;
    value.catch(() => {
      if (shopCache === entry) shopCache = null;
    });
    return value;
  }
  async function mapContext(): Promise<MapContext> {
    try {
      const s = await loadShop();
      return { shopDomain: s.myshopifyDomain, timezone: s.ianaTimezone, currency: s.currencyCode };
    } catch {
      // order data carries its own currencies; the context only supplies fallbacks
      return { shopDomain: shop, timezone: "UTC", currency: "USD" };
    }
  }
  return { loadShop, mapContext };
}

/**
 * One request in the common case (ORDER_SEARCH carries the newest matching order in full); a second
 * (the order by id) only when Shopify's search put another, exactly named order first.
 */
async function searchOrder(
  client: ShopifyGraphqlClient,
  query: FindOrderQuery,
  readAllOrders: boolean,
  orderById: (id: string) => Promise<NormalizedOrder | null>,
  mapContext: () => Promise<MapContext>,
): Promise<FindOrderResult> {
  const number = cleanOrderNumber(query.orderNumber);
  if (!number || /["\\\s]/.test(number)) return { kind: "not_found" };
  const [r, ctx] = await Promise.all([
    client.request<{
      newest: { nodes: ShopifyOrderNode[] };
      matches: { nodes: OrderRef[] };
      highestVisible: { nodes: OrderRef[] };
    }>(ORDER_SEARCH, { query: orderNumberSearchQuery(number), first: 5 }),
    mapContext(),
  ]);
  const wanted = `#${number}`.toLowerCase();
  // Shopify's search may be fuzzy or ignore a filter: only an exact name match counts.
  const newest = r.data.newest.nodes[0];
  if (newest && newest.name.toLowerCase() === wanted)
    return { kind: "found", order: mapShopifyOrder(newest, ctx) };
  const match = r.data.matches.nodes.find((n) => n.name.toLowerCase() === wanted);
  if (match) {
    const order = await orderById(match.id);
    if (order) return { kind: "found", order };
  }
  if (!readAllOrders && mayBeOlderThanWindow(number, r.data.highestVisible.nodes[0])) {
    return { kind: "out_of_range", days: RECENT_ORDERS_DAYS };
  }
  return { kind: "not_found" };
}

export function createShopifyAdapter(options: ShopifyAdapterOptions): ShopifyAdapter {
  const { client, shop } = options;
  const scopes = options.scopes.map((s) => s.trim()).filter(Boolean);
  const readAllOrders = scopes.includes("read_all_orders");
  const capabilities: PlatformCapabilities = {
    platform: "shopify",
    readAllOrders,
    recentOrdersDays: readAllOrders ? undefined : RECENT_ORDERS_DAYS,
    knowsDelivery: true,
  };
  const { loadShop, mapContext } = createShopCache(client, shop, options.now ?? Date.now);

  async function getOrderById(id: string): Promise<NormalizedOrder | null> {
    const [r, ctx] = await Promise.all([
      client.request<{ order: ShopifyOrderNode | null }>(ORDER_BY_ID, { id }),
      mapContext(),
    ]);
    return r.data.order ? mapShopifyOrder(r.data.order, ctx) : null;
  }

  async function listCustomerOrders(customerId: string, limit: number): Promise<NormalizedOrder[]> {
    const first = Math.max(1, Math.min(20, Math.floor(limit) || 1));
    const [r, ctx] = await Promise.all([
      client.request<{ customer: { id: string; orders: { nodes: ShopifyOrderNode[] } } | null }>(
        CUSTOMER_ORDERS,
        { id: toCustomerGid(customerId), first },
      ),
      mapContext(),
    ]);
    const nodes = r.data.customer?.orders.nodes ?? [];
    return nodes
      .map((n) => mapShopifyOrder(n, ctx))
      .sort((a, b) => Date.parse(b.placedAt) - Date.parse(a.placedAt))
      .slice(0, first);
  }

  return {
    capabilities,
    findOrder: (query) => searchOrder(client, query, readAllOrders, getOrderById, mapContext),
    listCustomerOrders,
    getOrderById,
    async getPolicies(): Promise<StorePolicies> {
      return mapPolicies(await loadShop());
    },
    async getStoreInfo(): Promise<StoreInfo> {
      return mapShopInfo(await loadShop());
    },
  };
}

/**
 * Without read_all_orders Shopify shows only the last 60 days, so a miss may be an older order: say so
 * honestly ("not in the last 60 days") instead of "not found" — unless the number is above the highest
 * order number the store has issued recently, which cannot be an old order.
 */
function mayBeOlderThanWindow(number: string, highestVisible: OrderRef | undefined): boolean {
  if (!/^\d+$/.test(number)) return false;
  if (!highestVisible) return true;
  const highest = Number(highestVisible.name.replace(/\D/g, ""));
  return !Number.isFinite(highest) || Number(number) < highest;
}

/**
 * PlatformAdapter for WooCommerce (REST v3 + Shipment Tracking endpoint + order notes).
 * Returns what the store has; the engine decides what the shopper may see.
 */
import type { NormalizedOrder, StoreInfo, StorePolicies } from "../../orders/types";
import {
  PlatformUnavailableError,
  type FindOrderQuery,
  type FindOrderResult,
  type PlatformAdapter,
  type PlatformCapabilities,
} from "../types";
import { WooApiError, type WooClient } from "./client";
import { mapWooOrder } from "./map";
import { createStoreInfoCache, optional } from "./store-info";
import type {
  InferCarrierFn,
  WooOrder,
  WooOrderNote,
  WooRefund,
  WooShipmentTracking,
  WooStoreContext,
} from "./types";

export interface WooAdapterOptions {
  client: WooClient;
  storeUrl: string;
  /** what the app already knows about the store (from connect); fills gaps and avoids lookups */
  storeInfo?: Partial<StoreInfo>;
  /** carrier/URL inference for tracking items without a link (app/orders/carriers.ts) */
  inferCarrier?: InferCarrierFn;
  /** store-info cache lifetime, ms (default 5 min) */
  cacheTtlMs?: number;
  now?: () => number;
}

export const WOO_CAPABILITIES: PlatformCapabilities = Object.freeze({
  platform: "woocommerce",
  readAllOrders: true,
  knowsDelivery: false,
});

/** Shipment Tracking (WST) and AST register this route; without either plugin WordPress answers 404 rest_no_route. */
const TRACKING_ROUTES = ["/wc-shipment-tracking/v3/orders/{id}/shipment-trackings"];

export function parseOrderNumber(input: string): string | null {
  const s = String(input ?? "")
    .trim()
    .replace(/^(?:order\s*)?(?:no\.?|nr\.?|number)?\s*#?\s*/i, "")
    .trim();
  if (!s || s.length > 64) return null;
  if (!/^[A-Za-z0-9][A-Za-z0-9_\-./]*$/.test(s)) return null;
  return s;
}

function isVisible(order: WooOrder): boolean {
  const s = String(order.status ?? "").toLowerCase();
  return (
    s !== "trash" &&
    s !== "auto-draft" &&
    s !== "checkout-draft" &&
    !(order.parent_id && order.parent_id > 0 && order.status === "")
  );
}

type Hydrate = (order: WooOrder) => Promise<NormalizedOrder>;

async function searchOrder(client: WooClient, input: string, hydrate: Hydrate): Promise<FindOrderResult> {
  const number = parseOrderNumber(input);
  if (!number) return { kind: "not_found" };
  // default WooCommerce: order number = post/order id
  if (/^\d{1,12}$/.test(number)) {
    try {
      const order = await client.get<WooOrder>(`/wc/v3/orders/${number}`);
      if (
        order &&
        typeof order === "object" &&
        String(order.number ?? order.id) === number &&
        isVisible(order)
      )
        return { kind: "found", order: await hydrate(order) };
      // id exists but the store shows a different number (sequential-number plugins): search below
    } catch (e) {
      if (!(e instanceof WooApiError) || (e.status !== 404 && e.status !== 400)) throw e;
    }
  }
  // custom order numbers: search and exact-match `number`
  const list = await client.get<WooOrder[]>("/wc/v3/orders", { search: number, per_page: 20 });
  const hit = (Array.isArray(list) ? list : []).find(
    (o) => String(o.number ?? "").replace(/^#/, "") === number && isVisible(o),
  );
  if (!hit) return { kind: "not_found" };
  return { kind: "found", order: await hydrate(hit) };
}

async function customerOrders(
  client: WooClient,
  customerId: string,
  limit: number,
  hydrate: Hydrate,
): Promise<NormalizedOrder[]> {
  if (!/^\d+$/.test(String(customerId)) || Number(customerId) <= 0) return [];
  const perPage = Math.min(100, Math.max(1, Math.floor(limit) || 10));
  const list = await client.get<WooOrder[]>("/wc/v3/orders", {
    customer: customerId,
    per_page: perPage,
    orderby: "date",
    order: "desc",
  });
  const orders = (Array.isArray(list) ? list : [])
    .filter((o) => String(o.customer_id) === String(customerId) && isVisible(o))
    .slice(0, perPage);
  const mapped: NormalizedOrder[] = new Array(orders.length);
  let next = 0;
  const worker = async () => {
    while (next < orders.length) {
      const i = next++;
      mapped[i] = await hydrate(orders[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, orders.length) }, worker)); // ≤ 4 orders in flight
  return mapped.sort((a, b) => b.placedAt.localeCompare(a.placedAt));
}

/**
 * Shipment Tracking items of an order; null when the plugin is missing (remembered until
 * clearCache) or refuses us, so the mapper falls back to the order meta.
 */
function createTrackingFetcher(client: WooClient) {
  let trackingPluginMissing = false;
  return {
    reset() {
      trackingPluginMissing = false;
    },
    async fetch(id: number): Promise<WooShipmentTracking[] | null> {
      if (trackingPluginMissing) return null;
      for (const route of TRACKING_ROUTES) {
        try {
          const list = await client.get<unknown>(route.replace("{id}", String(id)));
          return Array.isArray(list) ? (list as WooShipmentTracking[]) : null;
        } catch (e) {
          if (e instanceof WooApiError) {
            if (e.code === "rest_no_route") trackingPluginMissing = true; // plugin not installed: meta fallback
            continue;
          }
          // an auth error on the plugin namespace (some plugins check other capabilities): fall back to meta
          if (e instanceof PlatformUnavailableError && e.reason === "auth") return null;
          throw e;
        }
      }
      return null;
    },
  };
}

export function createWooAdapter(opts: WooAdapterOptions): PlatformAdapter & { clearCache(): void } {
  const { client } = opts;
  const storeUrl = opts.storeUrl.replace(/\/+$/, "");
  const info = createStoreInfoCache(
    client,
    storeUrl,
    opts.storeInfo ?? {},
    opts.cacheTtlMs ?? 5 * 60 * 1000,
    opts.now ?? Date.now,
  );
  const trackings = createTrackingFetcher(client);

  async function storeContext(): Promise<WooStoreContext> {
    let known: Partial<StoreInfo>;
    try {
      known = await info.get();
    } catch (e) {
      if (!(e instanceof PlatformUnavailableError)) throw e;
      known = opts.storeInfo ?? {};
    }
    return {
      url: storeUrl,
      timezone: known.timezone || "UTC",
      currency: known.currency || "",
      name: known.name ?? null,
    };
  }

  const hydrate: Hydrate = async (order) => {
    const [ctx, parcels, notes, refunds] = await Promise.all([
      storeContext(),
      trackings.fetch(order.id),
      optional(
        client.get<WooOrderNote[]>(`/wc/v3/orders/${order.id}/notes`, { type: "customer" }),
        [] as WooOrderNote[],
      ),
      Array.isArray(order.refunds) && order.refunds.length > 0
        ? optional(client.get<WooRefund[]>(`/wc/v3/orders/${order.id}/refunds`), null as WooRefund[] | null)
        : Promise.resolve(null),
    ]);
    return mapWooOrder(order, {
      trackings: parcels,
      notes: Array.isArray(notes) ? notes : [],
      refunds: Array.isArray(refunds) ? refunds : null,
      store: { ...ctx, currency: order.currency || ctx.currency },
      inferCarrier: opts.inferCarrier,
    });
  };

  return {
    capabilities: WOO_CAPABILITIES,
    findOrder: (query: FindOrderQuery) => searchOrder(client, query.orderNumber, hydrate),
    listCustomerOrders: (customerId, limit) => customerOrders(client, customerId, limit, hydrate),
    // WooCommerce has no policies API; merchants configure policies in the app.
    getPolicies: async (): Promise<StorePolicies> => ({
      shipping: null,
      returns: null,
      privacy: null,
      terms: null,
    }),
    getStoreInfo: () => info.get(),
    clearCache() {
      info.clear();
      trackings.reset();
    },
  };
}

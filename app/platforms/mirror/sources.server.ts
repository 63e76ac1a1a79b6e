/**
 * Where the mirror's initial sync reads from: one page of the store's recent order references at a
 * time (Shopify: an id-only orders search, paged by cursor; WooCommerce: REST v3 paged by page
 * number), each then read in full through the store's adapter — the same mapping the bot's live
 * lookups use, so a mirrored order is exactly what the API would have answered.
 */
import type { Store } from "@prisma/client";
import { loadEnv } from "../../env.server";
import type { NormalizedOrder } from "../../orders/types";
import { adapterForStore, readWooCredentials, shopifyAccess } from "../adapters.server";
import type { ShopifyAdapter } from "../shopify/adapter";
import { createShopifyGraphqlClient, resolveAdminOrigin } from "../shopify/client";
import { createWooClient } from "../woocommerce/client";

export const SYNC_PAGE_SIZE = 25;

export interface SyncPage {
  orders: NormalizedOrder[];
  /** where the next page starts; null: this was the last page */
  next: string | null;
}

export const MIRROR_SYNC_QUERY = /* GraphQL */ `
  query TrulyBotMirrorSync($query: String!, $first: Int!, $after: String) {
    orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes {
        id
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface SyncQueryData {
  orders: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

async function shopifyPage(
  store: Store,
  since: Date,
  cursor: string | null,
  size: number,
): Promise<SyncPage> {
  const { accessToken } = await shopifyAccess(store.domain);
  const env = loadEnv();
  const client = createShopifyGraphqlClient({
    shop: store.domain,
    accessToken,
    origin: resolveAdminOrigin(store.domain, { SHOPIFY_ADMIN_API_ORIGIN: env.SHOPIFY_ADMIN_API_ORIGIN }),
  });
  const { data } = await client.request<SyncQueryData>(MIRROR_SYNC_QUERY, {
    query: `created_at:>=${since.toISOString().slice(0, 10)}`,
    first: size,
    after: cursor,
  });
  const adapter = (await adapterForStore(store)) as ShopifyAdapter;
  const orders: NormalizedOrder[] = [];
  for (const { id } of data.orders.nodes) {
    const order = await adapter.getOrderById(id);
    if (order) orders.push(order);
  }
  const { hasNextPage, endCursor } = data.orders.pageInfo;
  return { orders, next: hasNextPage && endCursor ? endCursor : null };
}

async function wooPage(store: Store, since: Date, cursor: string | null, size: number): Promise<SyncPage> {
  const creds = readWooCredentials(store);
  if (!creds || !store.url) throw new Error("WooCommerce store has no credentials");
  const client = createWooClient({
    storeUrl: store.url,
    consumerKey: creds.consumerKey,
    consumerSecret: creds.consumerSecret,
  });
  const page = Math.max(1, Number(cursor ?? 1) || 1);
  const res = await client.getWithMeta<{ id: number; number?: string }[]>("/wc/v3/orders", {
    after: since.toISOString().slice(0, 19),
    per_page: size,
    page,
    orderby: "date",
    order: "desc",
  });
  const adapter = await adapterForStore(store);
  const orders: NormalizedOrder[] = [];
  for (const ref of Array.isArray(res.data) ? res.data : []) {
    const r = await adapter.findOrder({ orderNumber: String(ref.number ?? ref.id) });
    if (r.kind === "found") orders.push(r.order);
  }
  const more = res.totalPages != null ? page < res.totalPages : res.data.length === size;
  return { orders, next: more ? String(page + 1) : null };
}

export function syncPage(
  store: Store,
  since: Date,
  cursor: string | null,
  pageSize = SYNC_PAGE_SIZE,
): Promise<SyncPage> {
  const size = Math.min(100, Math.max(1, Math.floor(pageSize) || SYNC_PAGE_SIZE));
  if (store.platform === "shopify") return shopifyPage(store, since, cursor, size);
  if (store.platform === "woocommerce") return wooPage(store, since, cursor, size);
  throw new Error(`no mirror sync for platform ${store.platform}`);
}

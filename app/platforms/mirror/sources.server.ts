/**
 * Where the mirror's initial sync reads from: one page of the store's recent order references at a
 * time (Shopify: the ids from one bulk operation's JSONL file; WooCommerce: REST v3 paged by page
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

/** The order ids of the window, listed by a bulk operation (no cost-bucket spend for the listing). */
export const MIRROR_BULK_MUTATION = /* GraphQL */ `
  mutation TrulyBotMirrorBulk($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation {
        id
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const MIRROR_BULK_STATUS = /* GraphQL */ `
  query TrulyBotMirrorBulkStatus($id: ID!) {
    node(id: $id) {
      ... on BulkOperation {
        id
        status
        errorCode
        url
      }
    }
  }
`;

/** The inner bulk query: ids only, one line per order (validated by Shopify against the Admin schema). */
export function bulkOrdersQuery(since: Date): string {
  const day = since.toISOString().slice(0, 10);
  return `{ orders(query: "created_at:>=${day}") { edges { node { id } } } }`;
}

interface BulkRun {
  bulkOperationRunQuery: {
    bulkOperation: { id: string; status: string } | null;
    userErrors: { message: string }[];
  };
}
interface BulkStatus {
  node: { id: string; status: string; errorCode: string | null; url: string | null } | null;
}

const BULK_POLLS = 120;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function shopifyClient(store: Store) {
  const { accessToken } = await shopifyAccess(store.domain);
  const env = loadEnv();
  return createShopifyGraphqlClient({
    shop: store.domain,
    accessToken,
    origin: resolveAdminOrigin(store.domain, { SHOPIFY_ADMIN_API_ORIGIN: env.SHOPIFY_ADMIN_API_ORIGIN }),
  });
}

/** Run the bulk listing and wait for its file; returns the JSONL URL ("" when no order matched). */
async function runBulkListing(store: Store, since: Date): Promise<string> {
  const client = await shopifyClient(store);
  const run = await client.request<BulkRun>(MIRROR_BULK_MUTATION, { query: bulkOrdersQuery(since) });
  const started = run.data.bulkOperationRunQuery;
  if (!started.bulkOperation) throw new Error(`bulk operation refused: ${started.userErrors[0]?.message}`);
  for (let i = 0; i < BULK_POLLS; i++) {
    const { data } = await client.request<BulkStatus>(MIRROR_BULK_STATUS, { id: started.bulkOperation.id });
    const st = data.node?.status;
    if (st === "COMPLETED") return data.node?.url ?? "";
    if (st === "FAILED" || st === "CANCELED" || st === "EXPIRED")
      throw new Error(`bulk operation ${st}: ${data.node?.errorCode ?? ""}`);
    await sleep(Math.min(5000, 250 * 2 ** i));
  }
  throw new Error("bulk operation did not finish in time");
}

async function bulkIds(url: string): Promise<string[]> {
  if (!url) return [];
  const res = await fetch(url);
  if (!res.ok) throw new Error(`bulk file: HTTP ${res.status}`);
  const ids: string[] = [];
  for (const line of (await res.text()).split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { id?: unknown; __parentId?: unknown };
    if (typeof row.id === "string" && !row.__parentId && row.id.startsWith("gid://shopify/Order/"))
      ids.push(row.id);
  }
  return ids;
}

/**
 * Cursor: null (start: run the bulk listing) or "bulk:{offset}:{file url}" — the file stays
 * downloadable for days, so each page re-reads it instead of storing the id list.
 */
async function shopifyPage(
  store: Store,
  since: Date,
  cursor: string | null,
  size: number,
): Promise<SyncPage> {
  const m = cursor ? /^bulk:(\d+):(.*)$/.exec(cursor) : null;
  const offset = m ? Number(m[1]) : 0;
  const url = m ? m[2] : await runBulkListing(store, since);
  const ids = await bulkIds(url);
  const adapter = (await adapterForStore(store)) as ShopifyAdapter;
  const orders: NormalizedOrder[] = [];
  for (const id of ids.slice(offset, offset + size)) {
    const order = await adapter.getOrderById(id);
    if (order) orders.push(order);
  }
  const next = offset + size;
  return { orders, next: next < ids.length ? `bulk:${next}:${url}` : null };
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

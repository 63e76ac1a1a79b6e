/**
 * Embedded shell (Shopify admin): authenticate, then find (or create) the shop's store.
 * authenticate.admin is never wrapped in try/catch: it throws the redirects/responses
 * Shopify's auth flow needs.
 */
import { getDb } from "../db.server";
import { authenticate } from "../platforms/shopify/app.server";
import { upsertShopifyStore } from "../stores/stores.server";
import type { DashboardCtx } from "./context.server";

export { refreshEmbedStatus } from "./embed-status.server";

export async function embeddedContext(request: Request) {
  const { admin, session } = await authenticate.admin(request);
  const db = await getDb();
  let store = await db.store.findUnique({
    where: { platform_domain: { platform: "shopify", domain: session.shop } },
  });
  if (!store) store = await upsertShopifyStore({ shop: session.shop, scopes: session.scope ?? null });
  const ctx: DashboardCtx = { db, workspaceId: store.workspaceId, storeId: store.id, request };
  return { ctx, admin, shop: session.shop, store };
}

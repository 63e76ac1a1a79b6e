/**
 * Embedded shell (Shopify admin): authenticate, then find (or create) the shop's store.
 * authenticate.admin is never wrapped in try/catch: it throws the redirects/responses
 * Shopify's auth flow needs.
 */
import { getDb } from "../db.server";
import { authenticate } from "../platforms/shopify/app.server";
import { upsertShopifyStore } from "../stores/stores.server";
import type { DashboardCtx } from "./context.server";
import { safeTimeZone } from "./timezone";
import { OUTSIDE_ADMIN } from "../components/OutsideAdmin";

export { refreshEmbedStatus } from "./embed-status.server";

export { OUTSIDE_ADMIN };

/**
 * /app opened straight in a browser tab (bookmark, shared link), not inside Shopify admin: Shopify's
 * auth would answer a bare redirect or 410. Throw a response the /app error boundary turns into a page
 * explaining how to open the app from the admin instead.
 */
export function assertInsideAdmin(request: Request): void {
  const url = new URL(request.url);
  const fromAdmin =
    url.searchParams.has("shop") ||
    url.searchParams.has("host") ||
    url.searchParams.has("id_token") ||
    request.headers.has("authorization");
  if (!fromAdmin)
    throw new Response(OUTSIDE_ADMIN, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
}

/** The current store's time zone, for the embedded shell. */
export async function embeddedTimeZone(shop: string): Promise<string> {
  const db = await getDb();
  const store = await db.store.findUnique({
    where: { platform_domain: { platform: "shopify", domain: shop } },
  });
  return safeTimeZone(store?.timezone);
}

export async function embeddedContext(request: Request) {
  assertInsideAdmin(request);
  const { admin, session } = await authenticate.admin(request);
  const db = await getDb();
  let store = await db.store.findUnique({
    where: { platform_domain: { platform: "shopify", domain: session.shop } },
  });
  if (!store) store = await upsertShopifyStore({ shop: session.shop, scopes: session.scope ?? null });
  const ctx: DashboardCtx = { db, workspaceId: store.workspaceId, storeId: store.id, request };
  return { ctx, admin, shop: session.shop, store };
}

/**
 * Embedded shell (Shopify admin): authenticate, then find (or create) the shop's store.
 * authenticate.admin is never wrapped in try/catch: it throws the redirects/responses
 * Shopify's auth flow needs.
 */
import { getDb } from "../db.server";
import { authenticate } from "../shopify.server";
import { upsertShopifyStore } from "../stores/stores.server";
import type { DashboardCtx } from "./context.server";
import { EMBED_STATUS_QUERY, embedEnabledFromSettingsData, settingsDataFromResponse } from "./embed-status";

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

type AdminGraphql = { graphql: (query: string) => Promise<Response> };

/**
 * Check the live theme for the TrulyBot app embed and cache it in Store.embedEnabled.
 * On any failure (e.g. read_themes not granted yet) the last known value is kept.
 */
export async function refreshEmbedStatus(ctx: DashboardCtx, admin: AdminGraphql): Promise<boolean | null> {
  let enabled: boolean | null = null;
  try {
    const res = await admin.graphql(EMBED_STATUS_QUERY);
    enabled = embedEnabledFromSettingsData(settingsDataFromResponse(await res.json()));
  } catch {
    enabled = null;
  }
  if (enabled === null) {
    const s = await ctx.db.store.findUnique({ where: { id: ctx.storeId }, select: { embedEnabled: true } });
    return s?.embedEnabled ?? null;
  }
  await ctx.db.store.update({ where: { id: ctx.storeId }, data: { embedEnabled: enabled } });
  return enabled;
}

/** Live-theme app-embed check through Admin GraphQL, cached in Store.embedEnabled. */
import type { DashboardCtx } from "./context.server";
import { EMBED_STATUS_QUERY, embedEnabledFromSettingsData, settingsDataFromResponse } from "./embed-status";

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

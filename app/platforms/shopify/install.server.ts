import type { Session } from "@shopify/shopify-api";
import { upsertShopifyStore } from "../../stores/stores.server";
import { startInitialMirrorSync } from "../mirror/sync.server";

interface AdminLike {
  graphql: (query: string, options?: { variables?: Record<string, unknown> }) => Promise<Response>;
}

export const SHOP_FACTS_QUERY = `#graphql
  query TrulyBotShopFacts {
    shop { name currencyCode ianaTimezone contactEmail myshopifyDomain }
  }`;

/** afterAuth hook: create the workspace, store and default bot settings (idempotent); start the mirror's sync. */
export async function onShopifyInstall({ session, admin }: { session: Session; admin: AdminLike }) {
  let facts: { name?: string; currencyCode?: string; ianaTimezone?: string; contactEmail?: string } = {};
  try {
    const res = await admin.graphql(SHOP_FACTS_QUERY);
    const json = (await res.json()) as { data?: { shop?: typeof facts } };
    facts = json.data?.shop ?? {};
  } catch (error) {
    // Shop facts are refreshed later by the adapter; never fail the install on them.
    console.warn(`[install] could not read shop facts for ${session.shop}: ${(error as Error).message}`);
  }
  const store = await upsertShopifyStore({
    shop: session.shop,
    scopes: session.scope ?? null,
    name: facts.name,
    currency: facts.currencyCode,
    timezone: facts.ianaTimezone,
    supportEmail: facts.contactEmail,
  });
  // The order mirror's initial sync starts by itself (a job; the install does not wait for it).
  await startInitialMirrorSync(store.id);
  return store;
}

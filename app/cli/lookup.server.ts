/**
 * `npm run trulybot -- lookup …` (CONTRACTS.md §4): run the real adapter against a real store and
 * print the normalized order, or the reason it cannot. Stores nothing. Verification is applied as
 * the bot would (email/phone must match) when --email/--phone is given.
 */
import { contactMatches } from "../chat/verification";
import { inferCarrier } from "../orders/carriers";
import { createShopifyAdapter } from "../platforms/shopify/adapter";
import { createShopifyGraphqlClient, resolveAdminOrigin } from "../platforms/shopify/client";
import { PlatformUnavailableError, type PlatformAdapter } from "../platforms/types";
import { createWooAdapter } from "../platforms/woocommerce/adapter";
import { createWooClient } from "../platforms/woocommerce/client";
import { openSessionToken } from "../stores/session-storage.server";

export interface LookupArgs {
  platform?: string;
  storeUrl?: string;
  consumerKey?: string;
  consumerSecret?: string;
  shop?: string;
  order?: string;
  email?: string;
  phone?: string;
}

type Result =
  | { ok: true; platform: string; verified: boolean | null; order: unknown }
  | { ok: false; reason: string; detail?: unknown };

async function shopifyAdapter(shop: string): Promise<PlatformAdapter> {
  const { getDb } = await import("../db.server");
  const db = await getDb();
  const session = await db.session.findFirst({
    where: { shop, isOnline: false },
    orderBy: { expires: "desc" },
  });
  if (!session) throw new Error(`no stored offline session for ${shop}: install the app on that shop first`);
  const client = createShopifyGraphqlClient({
    shop,
    accessToken: openSessionToken(session.accessToken),
    origin: resolveAdminOrigin(shop, process.env),
  });
  return createShopifyAdapter({ client, shop, scopes: (session.scope ?? "").split(",") });
}

export async function runLookup(a: LookupArgs): Promise<Result> {
  if (!a.order) return { ok: false, reason: "usage", detail: "--order is required" };
  let adapter: PlatformAdapter;
  try {
    if (a.platform === "woocommerce") {
      if (!a.storeUrl || !a.consumerKey || !a.consumerSecret)
        return {
          ok: false,
          reason: "usage",
          detail: "--store-url, --consumer-key and --consumer-secret are required",
        };
      const client = createWooClient({
        storeUrl: a.storeUrl,
        consumerKey: a.consumerKey,
        consumerSecret: a.consumerSecret,
      });
      adapter = createWooAdapter({ client, storeUrl: a.storeUrl, inferCarrier });
    } else if (a.platform === "shopify") {
      if (!a.shop) return { ok: false, reason: "usage", detail: "--shop is required" };
      adapter = await shopifyAdapter(a.shop);
    } else {
      return { ok: false, reason: "usage", detail: "--platform must be shopify or woocommerce" };
    }
    const found = await adapter.findOrder({ orderNumber: a.order });
    if (found.kind === "not_found")
      return { ok: false, reason: "not_found", detail: { capabilities: adapter.capabilities } };
    if (found.kind === "out_of_range")
      return {
        ok: false,
        reason: "out_of_range",
        detail: {
          days: found.days,
          hint: "the app can only read orders from the last 60 days without read_all_orders",
        },
      };
    const order = found.order;
    const verified =
      a.email || a.phone ? contactMatches(order, { email: a.email, phone: a.phone }) !== null : null;
    if (verified === false)
      return {
        ok: false,
        reason: "verification_failed",
        detail: "the email/phone does not match this order",
      };
    return { ok: true, platform: a.platform, verified, order };
  } catch (e) {
    if (e instanceof PlatformUnavailableError) return { ok: false, reason: e.reason, detail: e.message };
    return { ok: false, reason: "error", detail: (e as Error).message };
  }
}

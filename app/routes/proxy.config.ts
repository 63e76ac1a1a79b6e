import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../db.server";
import { storefrontConfig } from "../storefront/config.server";
import { storefrontBoundary } from "../storefront/errors.server";
import { verifyShopifyStorefront } from "../storefront/verify.server";

/** GET /apps/trulybot/config on the storefront (Shopify app proxy). Also served by server.mjs's hot path. */
export const loader = async ({ request }: LoaderFunctionArgs) =>
  storefrontBoundary(async () => {
    const db = await getDb();
    const ctx = await verifyShopifyStorefront(db, request, new URL(request.url));
    if (ctx instanceof Response) return ctx;
    return storefrontConfig(db, request, ctx.store, ctx.locale);
  });

import { storefrontBoundary } from "../storefront/errors.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../db.server";
import { buildWidgetConfig, configResponse } from "../storefront/config.server";
import { verifyShopifyProxy } from "../platforms/shopify/proxy.server";

/** GET /apps/trulybot/config on the storefront (Shopify app proxy). */
export const loader = async ({ request }: LoaderFunctionArgs) =>
  storefrontBoundary(async () => {
    const ctx = await verifyShopifyProxy(request);
    if (ctx instanceof Response) return ctx;
    const db = await getDb();
    const settings =
      (await db.botSettings.findUnique({ where: { storeId: ctx.store.id } })) ??
      (await db.botSettings.create({ data: { storeId: ctx.store.id } }));
    return configResponse(request, buildWidgetConfig(ctx.store, settings, ctx.locale));
  });

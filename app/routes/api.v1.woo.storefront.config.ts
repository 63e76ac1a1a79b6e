import { storefrontBoundary } from "../storefront/errors.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../db.server";
import { buildWidgetConfig, configResponse } from "../storefront/config.server";
import { verifyWooPluginRequest } from "../platforms/woocommerce/verify.server";

/** GET {store}/wp-json/trulybot/v1/config, forwarded and signed by the plugin. */
export const loader = async ({ request }: LoaderFunctionArgs) =>
  storefrontBoundary(async () => {
    const ctx = await verifyWooPluginRequest(request);
    if (ctx instanceof Response) return ctx;
    if (!ctx.store.widgetEnabled)
      return new Response(
        JSON.stringify({ error: { code: "widget_disabled", message: "The chat widget is switched off." } }),
        { status: 404, headers: { "Content-Type": "application/json" } },
      );
    const db = await getDb();
    const settings =
      (await db.botSettings.findUnique({ where: { storeId: ctx.store.id } })) ??
      (await db.botSettings.create({ data: { storeId: ctx.store.id } }));
    const locale = new URL(request.url).searchParams.get("locale") ?? request.headers.get("accept-language");
    return configResponse(request, buildWidgetConfig(ctx.store, settings, locale));
  });

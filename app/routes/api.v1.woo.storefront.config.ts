import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../db.server";
import { storefrontConfig } from "../storefront/config.server";
import { storefrontBoundary } from "../storefront/errors.server";
import { verifyWooStorefront } from "../storefront/verify.server";

/** GET {store}/wp-json/trulybot/v1/config, forwarded and signed by the plugin. Also served by server.mjs's hot path. */
export const loader = async ({ request }: LoaderFunctionArgs) =>
  storefrontBoundary(async () => {
    const db = await getDb();
    const ctx = await verifyWooStorefront(db, request);
    if (ctx instanceof Response) return ctx;
    if (!ctx.store.widgetEnabled)
      return new Response(
        JSON.stringify({ error: { code: "widget_disabled", message: "The chat widget is switched off." } }),
        { status: 404, headers: { "Content-Type": "application/json" } },
      );
    const locale = new URL(request.url).searchParams.get("locale") ?? request.headers.get("accept-language");
    return storefrontConfig(db, request, ctx.store, locale);
  });

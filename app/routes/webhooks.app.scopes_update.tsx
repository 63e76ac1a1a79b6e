import type { ActionFunctionArgs } from "@remix-run/node";
import { handleScopesUpdate } from "../platforms/shopify/compliance.server";
import { receiveShopifyWebhook } from "../security/shopify-webhook.server";

/** app/scopes_update: keep the session's and the store's scopes current (read_all_orders changes what the bot can see). */
export const action = async ({ request }: ActionFunctionArgs) =>
  receiveShopifyWebhook(request, "app/scopes_update", ({ shop, payload }) => {
    const current = Array.isArray((payload as { current?: unknown }).current)
      ? (payload as { current: unknown[] }).current.map(String)
      : [];
    return handleScopesUpdate(shop, current);
  });

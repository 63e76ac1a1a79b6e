import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "../platforms/shopify/app.server";
import { oncePerDelivery, handleScopesUpdate } from "../platforms/shopify/compliance.server";

/** app/scopes_update: keep the session's and the store's scopes current (read_all_orders changes what the bot can see). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticate.webhook(request);
  const current = Array.isArray((payload as { current?: unknown }).current)
    ? (payload as { current: unknown[] }).current.map(String)
    : [];
  await oncePerDelivery(webhookId, topic, shop, () => handleScopesUpdate(shop, current));
  return new Response();
};

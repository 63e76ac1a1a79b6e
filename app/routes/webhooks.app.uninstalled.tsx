import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "../platforms/shopify/app.server";
import { oncePerDelivery, handleAppUninstalled } from "../platforms/shopify/compliance.server";

/** app/uninstalled: mark the store uninstalled and delete its sessions. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId } = await authenticate.webhook(request);
  await oncePerDelivery(webhookId, topic, shop, () => handleAppUninstalled(shop));
  return new Response();
};

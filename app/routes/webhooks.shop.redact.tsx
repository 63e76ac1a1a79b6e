import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "../platforms/shopify/app.server";
import { oncePerDelivery, handleShopRedact } from "../platforms/shopify/compliance.server";

/** shop/redact (mandatory compliance topic, 48 h after uninstall): delete everything of that shop. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId } = await authenticate.webhook(request);
  await oncePerDelivery(webhookId, topic, shop, () => handleShopRedact(shop));
  return new Response();
};

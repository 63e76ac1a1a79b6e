import type { ActionFunctionArgs } from "@remix-run/node";
import { handleShopRedact } from "../platforms/shopify/compliance.server";
import { receiveShopifyWebhook } from "../security/shopify-webhook.server";

/** shop/redact (mandatory compliance topic, 48 h after uninstall): delete everything of that shop. */
export const action = async ({ request }: ActionFunctionArgs) =>
  receiveShopifyWebhook(request, "shop/redact", ({ shop }) => handleShopRedact(shop));

import type { ActionFunctionArgs } from "@remix-run/node";
import { handleAppUninstalled } from "../platforms/shopify/compliance.server";
import { receiveShopifyWebhook } from "../security/shopify-webhook.server";

/** app/uninstalled: mark the store uninstalled and delete its sessions. */
export const action = async ({ request }: ActionFunctionArgs) =>
  receiveShopifyWebhook(request, "app/uninstalled", ({ shop }) => handleAppUninstalled(shop));

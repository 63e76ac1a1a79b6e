import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWooWebhook } from "../platforms/woocommerce/webhooks/intake.server";
import { jsonError } from "../storefront/errors.server";

/** WooCommerce's own webhooks, registered by the plugin (CONTRACTS.md §2): verified, recorded, enqueued. */
export const action = async ({ request }: ActionFunctionArgs) => handleWooWebhook(request);

export const loader = () => jsonError(405, "method_not_allowed", "Use POST.");

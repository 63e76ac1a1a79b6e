import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "../platforms/shopify/app.server";
import { recordShopifyOrderEvent } from "../platforms/shopify/order-events/record.server";

/** fulfillments/create: HMAC-verified, recorded once per webhook id, the work enqueued (docs/decisions/0020-job-queue.md). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, webhookId, payload } = await authenticate.webhook(request);
  return recordShopifyOrderEvent({ topic: "fulfillments/create", shop, webhookId, payload });
};

import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "../platforms/shopify/app.server";
import { oncePerDelivery, handleCustomerRedact } from "../platforms/shopify/compliance.server";

/** customers/redact (mandatory compliance topic): delete the customer's conversations, messages, lookups and handoffs. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticate.webhook(request);
  const p = payload as { customer?: { id?: number | string; email?: string; phone?: string } };
  await oncePerDelivery(webhookId, topic, shop, () => handleCustomerRedact(shop, p.customer ?? {}));
  return new Response();
};

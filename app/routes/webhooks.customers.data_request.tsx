import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "../platforms/shopify/app.server";
import { oncePerDelivery, handleCustomerDataRequest } from "../platforms/shopify/compliance.server";

/** customers/data_request (mandatory compliance topic): compile what we hold about the customer for the merchant. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticate.webhook(request);
  const p = payload as {
    customer?: { id?: number | string; email?: string; phone?: string };
    data_request?: { id?: number | string };
  };
  await oncePerDelivery(webhookId, topic, shop, () =>
    handleCustomerDataRequest(shop, p.customer ?? {}, p.data_request?.id ?? null),
  );
  return new Response();
};

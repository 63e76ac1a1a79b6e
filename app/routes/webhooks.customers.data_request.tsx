import type { ActionFunctionArgs } from "@remix-run/node";
import { handleCustomerDataRequest } from "../platforms/shopify/compliance.server";
import { receiveShopifyWebhook } from "../security/shopify-webhook.server";

type Payload = {
  customer?: { id?: number | string; email?: string; phone?: string };
  data_request?: { id?: number | string };
};

/** customers/data_request (mandatory compliance topic): compile what we hold about the customer for the merchant. */
export const action = async ({ request }: ActionFunctionArgs) =>
  receiveShopifyWebhook(request, "customers/data_request", ({ shop, payload }) => {
    const p = payload as Payload;
    return handleCustomerDataRequest(shop, p.customer ?? {}, p.data_request?.id ?? null);
  });

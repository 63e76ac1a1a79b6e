import type { ActionFunctionArgs } from "@remix-run/node";
import { handleCustomerRedact } from "../platforms/shopify/compliance.server";
import { receiveShopifyWebhook } from "../security/shopify-webhook.server";

type Payload = {
  customer?: { id?: number | string; email?: string; phone?: string };
  orders_to_redact?: (number | string)[];
};

/** customers/redact (mandatory compliance topic): delete the customer's conversations, messages, lookups and handoffs. */
export const action = async ({ request }: ActionFunctionArgs) =>
  receiveShopifyWebhook(request, "customers/redact", ({ shop, payload }) =>
    handleCustomerRedact(
      shop,
      (payload as Payload).customer ?? {},
      Array.isArray((payload as Payload).orders_to_redact) ? (payload as Payload).orders_to_redact : [],
    ),
  );

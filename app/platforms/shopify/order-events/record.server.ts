/**
 * Shopify order events (orders/updated, fulfillments/create|update): after authenticate.webhook,
 * record once per X-Shopify-Webhook-Id and enqueue. A shop we do not know (uninstalled) is
 * acknowledged and ignored; a payload we cannot read is acknowledged too (Shopify would only
 * retry the same body) and logged.
 */
import { recordOrderEvent } from "../../../jobs/order-events/record.server";
import { findStore } from "../../../stores/stores.server";
import { shopifyChange, ShopifyPayloadError } from "./change";

export type ShopifyOrderTopic = "orders/updated" | "fulfillments/create" | "fulfillments/update";

export async function recordShopifyOrderEvent(input: {
  topic: ShopifyOrderTopic;
  shop: string;
  webhookId: string | undefined;
  payload: unknown;
}): Promise<Response> {
  const store = await findStore("shopify", input.shop);
  if (!store || store.status === "uninstalled") return new Response(null, { status: 200 });
  let change;
  try {
    change = shopifyChange(input.topic, input.payload);
  } catch (e) {
    if (!(e instanceof ShopifyPayloadError)) throw e;
    console.warn(`[webhooks] ${input.topic} from ${input.shop} ignored: ${e.message}`);
    return new Response(null, { status: 200 });
  }
  const p = input.payload as Record<string, unknown>;
  const deliveryId = input.webhookId ?? `${input.topic}:${String(p.id)}:${String(p.updated_at)}`;
  await recordOrderEvent({ storeId: store.id, platform: "shopify", topic: input.topic, deliveryId, change });
  return new Response(null, { status: 200 });
}

/**
 * Every Shopify webhook route goes through here: HMAC (the library), then the X-Shopify-Topic
 * header must be the route's own topic (the HMAC covers only the body, so a captured body could
 * otherwise be sent to another topic's route), then once per delivery id and once per body.
 */
import { authenticate } from "../platforms/shopify/app.server";
import { oncePerDelivery, topicMatches } from "../platforms/shopify/compliance.server";
import { jsonError } from "../storefront/errors.server";

export interface WebhookContext {
  shop: string;
  topic: string;
  payload: unknown;
}

export async function receiveShopifyWebhook(
  request: Request,
  routeTopic: string,
  work: (ctx: WebhookContext) => Promise<unknown>,
): Promise<Response> {
  const rawBody = await request.clone().text();
  const { shop, topic, webhookId, payload } = await authenticate.webhook(request);
  if (!topicMatches(String(topic), routeTopic))
    return jsonError(400, "wrong_topic", `This endpoint only accepts ${routeTopic}.`);
  await oncePerDelivery(
    webhookId,
    String(topic),
    shop,
    () => work({ shop, topic: String(topic), payload }),
    rawBody,
  );
  return new Response();
}

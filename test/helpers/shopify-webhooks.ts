/**
 * Shopify webhooks as Shopify delivers them, for route and db tests: the documented example payloads from
 * the shared fixtures, a request signed with the app secret (HMAC-SHA256 of the body, base64) and the
 * headers Shopify sends, and the route module's action called as Remix calls it.
 */
import crypto from "node:crypto";
import fs from "node:fs";

/** The documented example payload of a topic ("orders/updated") from fixtures/shopify/webhooks (parsed JSON, untyped like the fixture). */
export function webhookFixture(topic: string): ReturnType<typeof JSON.parse> {
  return JSON.parse(
    fs.readFileSync(
      new URL(`../../fixtures/shopify/webhooks/2025-07/metadatas/${topic}.json`, import.meta.url),
      "utf8",
    ),
  ).response;
}

export interface WebhookOptions {
  /** x-shopify-webhook-id (re-deliveries repeat it); a new one unless given */
  id?: string;
  /** a wrong or forged signature instead of the right one */
  hmac?: string;
}

/** POST /webhooks/<topic> from `shop`, signed with SHOPIFY_API_SECRET. */
export function shopifyWebhookRequest(
  shop: string,
  topic: string,
  payload: unknown,
  opts: WebhookOptions = {},
) {
  const body = JSON.stringify(payload);
  const secret = process.env.SHOPIFY_API_SECRET!;
  const hmac = opts.hmac ?? crypto.createHmac("sha256", secret).update(body).digest("base64");
  return new Request(`https://trulybot.test/webhooks/${topic}`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "x-shopify-hmac-sha256": hmac,
      "x-shopify-topic": topic,
      "x-shopify-shop-domain": shop,
      "x-shopify-api-version": "2026-01",
      "x-shopify-webhook-id": opts.id ?? crypto.randomUUID(),
      "x-shopify-event-id": crypto.randomUUID(),
      "x-shopify-triggered-at": new Date().toISOString(),
    },
  });
}

/**
 * Calls app/routes/webhooks.<route>.tsx (route "orders.updated") with `request`. authenticate.webhook
 * throws Responses by design (401 on a bad HMAC): those are returned; anything else is thrown.
 */
export async function callWebhookRoute(route: string, request: Request): Promise<Response> {
  const mod = await import(`../../app/routes/webhooks.${route}.tsx`);
  try {
    return (await mod.action({ request, params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

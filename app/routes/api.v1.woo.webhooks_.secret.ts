import type { ActionFunctionArgs } from "@remix-run/node";
import { jsonError } from "../storefront/errors.server";
import { verifyWooPluginRequest } from "../platforms/woocommerce/verify.server";
import { json } from "../platforms/woocommerce/http.server";
import {
  isAcceptableWebhookSecret,
  nameStoreBySiteTitle,
  saveWooWebhookSecret,
  wooWebhookDeliveryUrl,
} from "../platforms/woocommerce/webhooks/secret.server";

/**
 * Signed by the plugin (CONTRACTS.md §2): the secret its WooCommerce webhooks sign with. Answers
 * the delivery URL the plugin registers them with. The site title sent along names a store that
 * one-click connect named by its host.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return jsonError(405, "method_not_allowed", "Use POST.");
  const ctx = await verifyWooPluginRequest(request, ["active"]);
  if (ctx instanceof Response) return ctx;
  let secret: unknown;
  let storeName: unknown;
  try {
    ({ secret, storeName } = (JSON.parse(ctx.body) ?? {}) as { secret?: unknown; storeName?: unknown });
  } catch {
    return jsonError(400, "bad_json", "The body is not JSON.");
  }
  if (!isAcceptableWebhookSecret(secret))
    return jsonError(400, "bad_secret", "secret must be 32–128 characters of [A-Za-z0-9._~+/=-].");
  await saveWooWebhookSecret(ctx.store.id, secret);
  await nameStoreBySiteTitle(ctx.store, storeName);
  return json({ ok: true, deliveryUrl: wooWebhookDeliveryUrl(ctx.store.id) });
};

/**
 * POST /api/v1/woo/webhooks?store=<storeId>: WooCommerce's own webhooks (CONTRACTS.md §2).
 * Verified with X-WC-Webhook-Signature (base64 HMAC-SHA256 of the raw body with the store's
 * webhook secret); WooCommerce's unsigned creation ping (`webhook_id=N`) gets a bare 200; a body
 * seen before is acknowledged without being processed again. Only records and enqueues.
 */
import { createHash } from "node:crypto";
import { getDb } from "../../../db.server";
import { timingSafeEqualHex } from "../../../utils/crypto.server";
import { createHmacFast } from "../../../utils/hmac";
import { readBodyWithin } from "../../../utils/read-body.server";
import { jsonError } from "../../../storefront/errors.server";
import { recordOrderEvent } from "../../../jobs/order-events/record.server";
import { json } from "../http.server";
import { isWooWebhookTopic, PayloadError, wooChange } from "./change";
import { wooWebhookSecret } from "./secret.server";
import { cachedVerifier, forgetVerifier, rememberVerifier, type Verifier } from "./verifier-cache.server";

export const MAX_WEBHOOK_BYTES = 2 * 1024 * 1024;

const PING = /^webhook_id=\d{1,20}$/;

export function wooWebhookSignature(secret: string, body: string): string {
  return createHmacFast("sha256", secret).update(body, "utf8").digest("base64");
}

const signatureMatches = (secret: string, body: string, given: string) =>
  timingSafeEqualHex(wooWebhookSignature(secret, body), given);

async function verifierFor(storeId: string | null): Promise<Verifier | null> {
  if (!storeId || storeId.length > 64) return null;
  const cached = cachedVerifier(storeId);
  if (cached) return cached;
  const db = await getDb();
  const store = await db.store.findUnique({ where: { id: storeId } });
  if (!store || store.platform !== "woocommerce" || store.status !== "active") {
    forgetVerifier(storeId);
    return null;
  }
  return rememberVerifier(storeId, store, await wooWebhookSecret(store.id));
}

const unverified = () => jsonError(401, "bad_signature", "The webhook could not be verified.");

export async function handleWooWebhook(request: Request): Promise<Response> {
  if (request.method !== "POST") return jsonError(405, "method_not_allowed", "Use POST.");
  const raw = await readBodyWithin(request, MAX_WEBHOOK_BYTES);
  if (raw === null) return jsonError(413, "too_large", "Body too large.");
  const body = raw.toString("utf8");
  const signature = request.headers.get("x-wc-webhook-signature");
  if (!signature && PING.test(body.trim())) return json({ ok: true, ping: true });
  if (!signature) return unverified();

  const verifier = await verifierFor(new URL(request.url).searchParams.get("store"));
  const secret = verifier?.secret;
  if (!verifier || !secret || !signatureMatches(secret, body, signature)) return unverified();
  const store = verifier.store;

  const topic = request.headers.get("x-wc-webhook-topic") ?? "";
  if (!isWooWebhookTopic(topic)) return json({ ok: true, ignored: true }); // a topic we did not subscribe to
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return jsonError(400, "bad_json", "The body is not JSON.");
  }
  let change;
  try {
    change = wooChange(topic, payload, {
      url: store.url ?? `https://${store.domain}`,
      timezone: store.timezone ?? "UTC",
      currency: store.currency ?? "",
      name: store.name,
    });
  } catch (e) {
    if (e instanceof PayloadError) return jsonError(400, "bad_payload", e.message);
    throw e;
  }
  // WooCommerce's delivery id is a hash of webhook id + second, shared by two deliveries in the same
  // second: an event is identified by it together with the signed body, and a body is taken once.
  const bodyHash = createHash("sha256").update(`${topic}\n${body}`).digest("hex");
  const deliveryHeader = (request.headers.get("x-wc-webhook-delivery-id") ?? "").slice(0, 100);
  const result = await recordOrderEvent({
    storeId: store.id,
    platform: "woocommerce",
    topic,
    deliveryId: `${deliveryHeader}:${bodyHash.slice(0, 32)}`,
    bodyHash,
    change,
  });
  return json({ ok: true, duplicate: result.status === "duplicate" });
}

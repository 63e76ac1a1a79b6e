/**
 * Plugin ↔ app request signing (CONTRACTS.md §2). The PHP plugin implements the same algorithm
 * (woocommerce-plugin/includes/class-trulybot-signer.php); test/vectors/woo-signature.json is
 * the shared test vector both sides check.
 */
import crypto from "node:crypto";
import { createHmacFast } from "../../utils/hmac";

export const SIGNATURE_WINDOW_SECONDS = 300;
export const MAX_SIGNED_BODY_BYTES = 64 * 1024;

export interface SignedParts {
  timestamp: string;
  nonce: string;
  method: string;
  pathWithQuery: string;
  customer: string;
  shopper: string;
  body: string;
}

export function canonicalString(p: SignedParts): string {
  const bodyHash = crypto.createHash("sha256").update(p.body, "utf8").digest("hex");
  return [
    p.timestamp,
    p.nonce,
    p.method.toUpperCase(),
    p.pathWithQuery,
    p.customer,
    p.shopper,
    bodyHash,
  ].join("\n");
}

export function signParts(secret: string, p: SignedParts): string {
  return createHmacFast("sha256", secret).update(canonicalString(p), "utf8").digest("hex");
}

/** Headers for a signed request (used by the demo signer, tests and the bench). */
export function signedHeaders(
  storeId: string,
  secret: string,
  req: {
    method: string;
    pathWithQuery: string;
    body?: string;
    customer?: string;
    shopper?: string;
    /** the plugin's X-TrulyBot-Network value (not part of the canonical string: see wooNetworkHeader) */
    network?: string;
    now?: Date;
    nonce?: string;
  },
): Record<string, string> {
  const parts: SignedParts = {
    timestamp: String(Math.floor((req.now ?? new Date()).getTime() / 1000)),
    nonce: req.nonce ?? crypto.randomBytes(16).toString("hex"),
    method: req.method,
    pathWithQuery: req.pathWithQuery,
    customer: req.customer ?? "",
    shopper: req.shopper ?? "",
    body: req.body ?? "",
  };
  return {
    ...(req.network !== undefined ? { "X-TrulyBot-Network": req.network } : {}),
    "X-TrulyBot-Store": storeId,
    "X-TrulyBot-Timestamp": parts.timestamp,
    "X-TrulyBot-Nonce": parts.nonce,
    "X-TrulyBot-Customer": parts.customer,
    "X-TrulyBot-Shopper": parts.shopper,
    "X-TrulyBot-Signature": signParts(secret, parts),
  };
}

/**
 * The plugin's `X-TrulyBot-Network`: hex HMAC-SHA256(store secret, the shopper's REMOTE_ADDR
 * network prefix, /24 IPv4 or /48 IPv6). The app cannot recompute it (it never sees the address);
 * it is a stable per-network key for limits that rotating the User-Agent does not change.
 * Read only on a request whose signature verified (the plugin builds it, never from a shopper's
 * header); it is outside the canonical string, which is a contract (ADR 0023).
 *
 * Returns the key (lower-case hex), null when absent (a plugin older than the header), or
 * "malformed" for anything else, which the route refuses.
 */
export function wooNetworkHeader(request: Request): string | null | "malformed" {
  const v = request.headers.get("x-trulybot-network");
  if (v === null || v === "") return null;
  return /^[0-9a-f]{64}$/i.test(v) ? v.toLowerCase() : "malformed";
}

export type VerifyFailure = { ok: false; status: 400 | 401 | 403 | 413; code: string; message: string };
export type VerifySuccess = {
  ok: true;
  storeId: string;
  customer: string | null;
  shopper: string | null;
  body: string;
  nonce: string;
  /** true when the request was signed with the store's pending (re-connect) secret */
  pendingSecret: boolean;
};

export interface VerifyDeps {
  now?: Date;
  /** returns the store's shared secret, or null when the store is unknown or not connected */
  secretFor(storeId: string): Promise<string | null>;
  /** a re-connect's new secret, accepted too until it is promoted (called after secretFor) */
  pendingSecretFor?(storeId: string): Promise<string | null>;
  /** records the nonce; false when it was seen before for that store */
  rememberNonce(storeId: string, nonce: string, ttlSeconds: number): Promise<boolean>;
}

const fail = (status: VerifyFailure["status"], code: string, message: string): VerifyFailure => ({
  ok: false,
  status,
  code,
  message,
});

/** Verify a signed request from the plugin. Reads the body (once) and returns it. */
export async function verifyWooRequest(
  request: Request,
  deps: VerifyDeps,
): Promise<VerifySuccess | VerifyFailure> {
  const h = (n: string) => request.headers.get(n);
  const storeId = h("x-trulybot-store") ?? "";
  const timestamp = h("x-trulybot-timestamp") ?? "";
  const nonce = h("x-trulybot-nonce") ?? "";
  const customer = h("x-trulybot-customer") ?? "";
  const shopper = h("x-trulybot-shopper") ?? "";
  const signature = (h("x-trulybot-signature") ?? "").toLowerCase();

  if (!storeId || !timestamp || !nonce || !signature)
    return fail(401, "missing_signature", "Missing signature headers");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(storeId)) return fail(401, "bad_store", "Unknown store");
  if (!/^\d{1,12}$/.test(timestamp)) return fail(401, "bad_timestamp", "Malformed timestamp");
  if (!/^[0-9a-f]{32,128}$/i.test(nonce))
    return fail(401, "bad_nonce", "Nonce must be 16+ random bytes, hex");
  if (!/^[0-9a-f]{64}$/.test(signature)) return fail(401, "bad_signature", "Malformed signature");
  if (!/^[0-9]{0,20}$/.test(customer)) return fail(401, "bad_customer", "Malformed customer id");
  if (!/^([0-9a-f]{64})?$/i.test(shopper)) return fail(401, "bad_shopper", "Malformed shopper hash");

  const nowSec = Math.floor((deps.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSec - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS)
    return fail(401, "expired", "Signature expired or clock skew over 300 s");

  const len = Number(request.headers.get("content-length") ?? "0");
  if (len > MAX_SIGNED_BODY_BYTES) return fail(413, "too_large", "Body too large");
  let body = "";
  if (request.method !== "GET" && request.method !== "HEAD") {
    const buf = await request.arrayBuffer();
    if (buf.byteLength > MAX_SIGNED_BODY_BYTES) return fail(413, "too_large", "Body too large");
    body = new TextDecoder().decode(buf);
  }

  const secret = await deps.secretFor(storeId);
  if (!secret) return fail(401, "unknown_store", "Unknown or disconnected store");

  const url = new URL(request.url);
  const parts = { timestamp, nonce, method: request.method, pathWithQuery: url.pathname + url.search };
  const matches = (key: string) => {
    const a = Buffer.from(signParts(key, { ...parts, customer, shopper, body }), "hex");
    const b = Buffer.from(signature, "hex");
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  };
  let pendingSecret = false;
  if (!matches(secret)) {
    const pending = deps.pendingSecretFor ? await deps.pendingSecretFor(storeId) : null;
    if (!pending || !matches(pending)) return fail(401, "bad_signature", "Signature does not match");
    pendingSecret = true;
  }

  // Only a valid signature may consume a nonce (an attacker cannot burn the plugin's nonces).
  if (!(await deps.rememberNonce(storeId, nonce.toLowerCase(), SIGNATURE_WINDOW_SECONDS * 2))) {
    return fail(401, "replayed", "Nonce already used");
  }
  return {
    ok: true,
    storeId,
    customer: customer || null,
    shopper: shopper || null,
    body,
    nonce,
    pendingSecret,
  };
}

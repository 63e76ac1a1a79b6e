/**
 * OAuth 1.0a one-legged signing exactly as WooCommerce verifies it
 * (WC_REST_Authentication::check_oauth_signature):
 *
 *   params   = all query (and body) parameters + oauth_* (without oauth_signature)
 *   sort     = uksort($params, 'strcmp')            — byte order of the raw keys
 *   each     = rawurlencode(key) "=" rawurlencode(value), then rawurlencode() of that pair again
 *   joined   = pairs joined with "%26"
 *   base     = METHOD "&" rawurlencode(home_url + request path, no query) "&" joined
 *   key      = consumer_secret + "&"
 *   sig      = base64(hmac_sha1|sha256(base, key))
 *
 * Percent-encoding is RFC 3986 (PHP rawurlencode: everything but A-Z a-z 0-9 - _ . ~).
 * Node's crypto is used; this module is server-only in practice but has no secrets of its own.
 */
import { randomBytes } from "node:crypto";
import { createHmacFast } from "../../utils/hmac";

export type OAuthSignatureMethod = "HMAC-SHA1" | "HMAC-SHA256";

/** PHP rawurlencode / RFC 3986. */
export function rawurlencode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

function strcmp(a: string, b: string): number {
  const ba = Buffer.from(a, "utf8");
  const bb = Buffer.from(b, "utf8");
  return Buffer.compare(ba, bb);
}

/** The signature base string WooCommerce builds. `baseUrl` is home_url + path (scheme, host, port, path; no query). */
export function oauthBaseString(method: string, baseUrl: string, params: Record<string, string>): string {
  const keys = Object.keys(params)
    .filter((k) => k !== "oauth_signature")
    .sort(strcmp);
  const pairs = keys.map((k) => rawurlencode(`${rawurlencode(k)}=${rawurlencode(String(params[k]))}`));
  return `${method.toUpperCase()}&${rawurlencode(baseUrl)}&${pairs.join("%26")}`;
}

export function oauthSignature(
  method: string,
  baseUrl: string,
  params: Record<string, string>,
  consumerSecret: string,
  signatureMethod: OAuthSignatureMethod = "HMAC-SHA256",
): string {
  const algo = signatureMethod === "HMAC-SHA1" ? "sha1" : "sha256";
  return createHmacFast(algo, `${consumerSecret}&`)
    .update(oauthBaseString(method, baseUrl, params))
    .digest("base64");
}

export function oauthNonce(): string {
  return randomBytes(16).toString("hex"); // 32 chars, as WooCommerce recommends
}

/**
 * Returns the query parameters to send: the request's own params plus the oauth_* set and the signature.
 */
export function signOAuthQuery(opts: {
  method: string;
  baseUrl: string;
  params: Record<string, string>;
  consumerKey: string;
  consumerSecret: string;
  timestamp: number;
  nonce: string;
  signatureMethod?: OAuthSignatureMethod;
}): Record<string, string> {
  const signatureMethod = opts.signatureMethod ?? "HMAC-SHA256";
  const all: Record<string, string> = {
    ...opts.params,
    oauth_consumer_key: opts.consumerKey,
    oauth_nonce: opts.nonce,
    oauth_signature_method: signatureMethod,
    oauth_timestamp: String(Math.floor(opts.timestamp)),
  };
  all.oauth_signature = oauthSignature(opts.method, opts.baseUrl, all, opts.consumerSecret, signatureMethod);
  return all;
}

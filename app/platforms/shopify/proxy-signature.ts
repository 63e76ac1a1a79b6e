/**
 * Shopify app-proxy signature (see fixtures: shopify/app-proxy/signature-examples.json):
 * drop `signature`; join repeated keys' values with ","; sort "key=value" by key; concatenate with
 * no separator; hex HMAC-SHA256 with the app's client secret; constant-time compare.
 * Plus a timestamp window (Shopify's library allows 90 s of clock difference).
 *
 * Verification refuses ANY repeated parameter, although the signature covers repeats (joined with
 * ","): the app reads single values (`shop`, `logged_in_customer_id`, …), and `a=1&a=2` signs the
 * same as `a=1,2`, so a repeated parameter is ambiguous about which value was meant. The widget
 * never sends repeats.
 */
import crypto from "node:crypto";
import { createHmacFast } from "../../utils/hmac";

export const APP_PROXY_TOLERANCE_SECONDS = 90;

export function appProxyMessage(search: URLSearchParams): string {
  const grouped = new Map<string, string[]>();
  for (const [k, v] of search) {
    if (k === "signature") continue;
    grouped.set(k, [...(grouped.get(k) ?? []), v]);
  }
  return [...grouped.keys()]
    .sort()
    .map((k) => `${k}=${grouped.get(k)!.join(",")}`)
    .join("");
}

export function signAppProxy(search: URLSearchParams, secret: string): string {
  return createHmacFast("sha256", secret).update(appProxyMessage(search), "utf8").digest("hex");
}

export type AppProxyCheck =
  { ok: true } | { ok: false; reason: "missing" | "duplicate" | "expired" | "mismatch" };

export function verifyAppProxySignature(
  search: URLSearchParams,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): AppProxyCheck {
  const sigs = search.getAll("signature");
  const stamps = search.getAll("timestamp");
  const shops = search.getAll("shop");
  if (sigs.length === 0 || stamps.length === 0 || shops.length === 0) return { ok: false, reason: "missing" };
  const seen = new Set<string>();
  for (const k of search.keys()) {
    if (seen.has(k)) return { ok: false, reason: "duplicate" };
    seen.add(k);
  }
  const signature = sigs[0];
  if (!/^[0-9a-f]{64}$/i.test(signature)) return { ok: false, reason: "mismatch" };
  const expected = Buffer.from(signAppProxy(search, secret), "hex");
  const given = Buffer.from(signature, "hex");
  if (!crypto.timingSafeEqual(expected, given)) return { ok: false, reason: "mismatch" };
  const ts = Number(stamps[0]);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > APP_PROXY_TOLERANCE_SECONDS)
    return { ok: false, reason: "expired" };
  return { ok: true };
}

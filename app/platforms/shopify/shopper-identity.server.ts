/**
 * The Shopify storefront shopper's identity for limits: the client address Shopify's proxy appended
 * to X-Forwarded-For (TRUSTED_PROXY_HOPS of our own proxies skipped), hashed — never a value the
 * client chooses (User-Agent, the first X-Forwarded-For entry). Plus its network prefix (/24, /48).
 */
import { loadEnv } from "../../env.server";
import { clientIpFromForwardedFor, networkPrefix } from "../../security/client-ip.server";
import { hashForAudit } from "../../stores/secrets.server";

/** Storefront POSTs per network prefix (/24, /48) per store and minute, whoever the shoppers are. */
export const NETWORK_REQUEST_LIMIT = { limit: 200, windowSeconds: 60 };

export function shopperIdentity(
  shop: string,
  forwardedFor: string | null,
): { shopperKey: string; networkKey: string | null } {
  const ip = clientIpFromForwardedFor(forwardedFor, loadEnv().TRUSTED_PROXY_HOPS);
  const net = ip ? networkPrefix(ip) : null;
  const h = (v: string) => hashForAudit(`${shop}|${v}`, "shopper");
  return { shopperKey: h(ip ? `ip:${ip}` : "ip:unknown"), networkKey: net ? h(`net:${net}`) : null };
}

/**
 * The shopper's address as the platform saw it, for rate limits an attacker cannot rotate.
 *
 * Shopify's app proxy appends the client's IP to X-Forwarded-For; every reverse proxy of our own in
 * front of the app appends one more entry (TRUSTED_PROXY_HOPS). So the client is the entry
 * `hops` places from the right — never the first entry, which the client can write itself.
 * Limits also apply per network (/24 for IPv4, /48 for IPv6), so rotating addresses inside one
 * allocation does not help either.
 */
import { isIP } from "node:net";

/** The client's address from X-Forwarded-For, or null when the header has too few entries. */
export function clientIpFromForwardedFor(header: string | null | undefined, trustedHops = 0): string | null {
  const entries = String(header ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const i = entries.length - 1 - Math.max(0, trustedHops);
  if (i < 0) return null;
  const ip = stripPort(entries[i]);
  return isIP(ip) ? ip.toLowerCase() : null;
}

function stripPort(v: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) return bracketed[1];
  const v4port = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(v);
  return v4port ? v4port[1] : v;
}

function expandIpv6(ip: string): string[] | null {
  const [head, tail, extra] = ip.split("::");
  if (extra !== undefined) return null;
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  if (fill < 0) return null;
  const groups = [...h, ...Array(fill).fill("0"), ...t];
  return groups.length === 8 ? groups.map((g) => g.padStart(4, "0")) : null;
}

/** The network an address belongs to: a.b.c.0/24 for IPv4, the first 48 bits for IPv6. */
export function networkPrefix(ip: string): string | null {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  const v = mapped ? mapped[1] : ip;
  const kind = isIP(v);
  if (kind === 4) return v.split(".").slice(0, 3).join(".") + ".0/24";
  if (kind === 6) {
    const groups = expandIpv6(v.toLowerCase());
    return groups ? groups.slice(0, 3).join(":") + "::/48" : null;
  }
  return null;
}

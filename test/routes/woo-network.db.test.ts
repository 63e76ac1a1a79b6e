/**
 * The plugin's X-TrulyBot-Network (hex HMAC of the shopper's REMOTE_ADDR network prefix) through
 * the real signed storefront route (real Requests signed like the plugin, real database, the
 * WooCommerce emulator behind the adapter). Hostile: missing, malformed and forged headers, and an
 * attacker rotating the User-Agent (a new X-TrulyBot-Shopper per request) from one network.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NETWORK_REQUEST_LIMIT } from "../../app/platforms/shopify/proxy.server";
import { networkPrefix } from "../../app/security/client-ip.server";
import {
  newShopperHash,
  startStorefrontWorld,
  wooStorefrontRequest,
  type StorefrontWorld,
} from "../helpers/storefront";

const PATH = "/api/v1/woo/storefront/messages";
let world: StorefrontWorld;
let secret = "";
let route: typeof import("../../app/routes/api.v1.woo.storefront.messages");

const hex32 = newShopperHash;
/** what the plugin sends for a network prefix */
const networkOf = (prefix: string, key = secret) =>
  crypto.createHmac("sha256", key).update(prefix).digest("hex");

interface WireBody {
  messages: { type: string; text?: string }[];
  error: { code: string; message: string };
}

async function post(
  opts: { shopper?: string; network?: string; key?: string; extra?: Record<string, string> } = {},
) {
  const request = wooStorefrontRequest(world.wooStore, "messages", {
    body: JSON.stringify({ text: "hello", locale: "en" }),
    shopper: opts.shopper,
    network: opts.network,
    key: opts.key,
    headers: opts.extra,
  });
  const res = (await route.action({ request, params: {}, context: {} })) as Response;
  return { status: res.status, headers: res.headers, body: (await res.json()) as WireBody };
}

beforeAll(async () => {
  world = await startStorefrontWorld({ woo: true });
  ({ secret } = world.wooStore);
  route = await import("../../app/routes/api.v1.woo.storefront.messages");
});
afterAll(async () => {
  await world?.close();
});

describe("WooCommerce network identity (X-TrulyBot-Network)", () => {
  // the same table as the plugin's NetworkTest::network_prefixes (PHP builds the string it hashes)
  it.each([
    ["203.0.113.7", "203.0.113.0/24"],
    ["::ffff:203.0.113.7", "203.0.113.0/24"],
    ["2001:db8:abcd:12::1", "2001:0db8:abcd::/48"],
    ["2001:DB8:ABCD:FFFF:1:2:3:4", "2001:0db8:abcd::/48"],
    ["::1", "0000:0000:0000::/48"],
  ])("the plugin and the app name the network of %s alike: %s", (ip, prefix) => {
    expect(networkPrefix(ip)).toBe(prefix);
  });

  it("a request without the header (a plugin older than it) is still answered by the bot", async () => {
    const r = await post();
    expect(r.status).toBe(200);
    expect(r.body.messages.some((m) => m.type === "text")).toBe(true);
  });

  it.each([
    ["too short", "abc123"],
    ["not hex", "z".repeat(64)],
    ["two values (a second header appended)", `${"a".repeat(64)}, ${"b".repeat(64)}`],
    ["an address instead of a hash", "203.0.113.7"],
  ])("a malformed header (%s) is refused with 401 bad_network", async (_label, value) => {
    const r = await post({ network: value });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe("bad_network");
  });

  it("a forged request (network header, signed without the store secret) is refused", async () => {
    const forged = await post({ network: networkOf("203.0.113.0/24"), key: hex32() });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe("bad_signature");
    const unsigned = new Request(`https://trulybot.test${PATH}`, {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json", "x-trulybot-network": networkOf("203.0.113.0/24") },
    });
    const res = (await route.action({ request: unsigned, params: {}, context: {} })) as Response;
    expect(res.status).toBe(401);
  });

  it("rotating the User-Agent (a new shopper hash per request) from one network hits the network limit; other networks are answered", async () => {
    const network = networkOf("198.51.100.0/24");
    const { limit } = NETWORK_REQUEST_LIMIT;
    // limit + 10 requests, 20 at a time, each from a new browser identity behind the same /24
    const statuses: number[] = [];
    const refusals: Awaited<ReturnType<typeof post>>[] = [];
    for (let sent = 0; sent < limit + 10; sent += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, limit + 10 - sent) }, () => post({ shopper: hex32(), network })),
      );
      statuses.push(...batch.map((r) => r.status));
      refusals.push(...batch.filter((r) => r.status === 429));
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(limit);
    expect(refusals).toHaveLength(10);
    const refused = refusals[0];
    expect(refused.body.error.code).toBe("rate_limited");
    expect(refused.body.error.message).toMatch(/network/i);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // a shopper in another network is not affected
    const other = await post({ shopper: hex32(), network: networkOf("192.0.2.0/24") });
    expect(other.status).toBe(200);
  }, 120_000);
});

/**
 * Two app instances on one database share rate limits exactly: two separate Prisma clients (as two
 * processes would have) on the same PostgreSQL database (the PostgreSQL pass of `npm test`),
 * hitting the same key concurrently. Every hit is counted once, exactly `limit` hits are allowed,
 * and the storefront's per-shopper 429 comes at the same total whichever instance serves a request.
 * SQLite is the single-instance database (README): in the SQLite pass both "instances" share one
 * client, so the same assertions check the limiter under concurrent requests within one instance.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, setDb, type Db } from "../../app/db.server";
import { hitRateLimit } from "../../app/security/rate-limit.server";
import {
  LOOKUP_LIMITS,
  STEP_UP_THRESHOLDS,
  needsStepUp,
  reserveLookup,
} from "../../app/security/lookup-guard.server";
import { REQUEST_LIMITS } from "../../app/storefront/turn.server";
import { createTestDb, testDbFlavor } from "../helpers/db";
import { appProxyRequest, seedShopifyShop } from "../helpers/seed";
import {
  startShopifyAdminEmulator,
  DEMO_SHOP,
  DEMO_ACCESS_TOKEN,
  type ShopifyAdminEmulator,
} from "../emulators/shopify-admin/emulator";

let a: Db; // instance A's client
let b: Db; // instance B's client (a second, independent client on the same database)
let cleanup: () => Promise<void>;
let emulator: ShopifyAdminEmulator;

beforeAll(async () => {
  let url: string;
  ({ db: a, url, cleanup } = await createTestDb());
  b = testDbFlavor() === "postgres" ? await createDb(url) : a;
  emulator = await startShopifyAdminEmulator({ port: 0, host: "127.0.0.1" });
  process.env.SHOPIFY_ADMIN_API_ORIGIN = emulator.url;
  await seedShopifyShop(a, DEMO_SHOP, DEMO_ACCESS_TOKEN);
});
afterAll(async () => {
  if (b !== a) await b?.$disconnect();
  await emulator?.close();
  await cleanup?.();
});

describe("rate limits shared by two instances on one database", () => {
  it.each([
    [40, 60],
    [10, 25],
    [1, 8],
  ])(
    "limit %i, %i concurrent hits split across both instances: every hit counted once, exactly `limit` allowed",
    async (limit, hits) => {
      const key = `test:${crypto.randomUUID()}`;
      const now = new Date();
      const results = await Promise.all(
        Array.from({ length: hits }, (_, i) => hitRateLimit(i % 2 ? b : a, key, limit, 60, now)),
      );
      const row = await a.rateLimit.findUniqueOrThrow({ where: { key } });
      expect(row.count).toBe(hits);
      expect(results.filter((r) => r.allowed)).toHaveLength(limit);
      for (const r of results.filter((x) => !x.allowed)) expect(r.retryAfterSeconds).toBeGreaterThan(0);
    },
  );

  it("a fresh window opened by both instances at the same moment is one window, not two", async () => {
    for (let round = 0; round < 5; round++) {
      const key = `test:open:${crypto.randomUUID()}`;
      const now = new Date();
      const [x, y] = await Promise.all([hitRateLimit(a, key, 5, 60, now), hitRateLimit(b, key, 5, 60, now)]);
      expect([x.allowed, y.allowed]).toEqual([true, true]);
      expect((await a.rateLimit.findUniqueOrThrow({ where: { key } })).count).toBe(2);
    }
  });

  it("the storefront's per-shopper 429 comes at the same total whichever instance serves each request", async () => {
    const route = await import("../../app/routes/proxy.messages");
    const shopper = { "x-forwarded-for": "198.51.100.200", "user-agent": `shared-${crypto.randomUUID()}` };
    const statuses: number[] = [];
    for (let i = 0; i < REQUEST_LIMITS.shopper.limit + 5; i++) {
      setDb(i % 2 ? b : a); // alternate instances, like a round-robin load balancer
      const res = (await route.action({
        request: appProxyRequest("messages", {
          shop: DEMO_SHOP,
          secret: process.env.SHOPIFY_API_SECRET!,
          method: "POST",
          body: JSON.stringify({ text: `hello ${i}` }),
          headers: shopper,
        }),
        params: {},
        context: {},
      })) as Response;
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    setDb(a);
    expect(statuses.indexOf(429)).toBe(REQUEST_LIMITS.shopper.limit); // the 41st request, whichever instance
    expect(statuses.filter((s) => s === 200)).toHaveLength(REQUEST_LIMITS.shopper.limit);
    expect(statuses.slice(REQUEST_LIMITS.shopper.limit).every((s) => s === 429)).toBe(true);
  });

  it("concurrent storefront requests of one shopper on both instances: exactly the limit is answered", async () => {
    // Each route call resolves getDb() at its start; half the requests run with A's client, half with B's.
    const key = `req:shopper:concurrency:${crypto.randomUUID()}`;
    const now = new Date();
    const hits = REQUEST_LIMITS.shopper.limit + 20;
    const results = await Promise.all(
      Array.from({ length: hits }, (_, i) =>
        hitRateLimit(
          i % 2 ? b : a,
          key,
          REQUEST_LIMITS.shopper.limit,
          REQUEST_LIMITS.shopper.windowSeconds,
          now,
        ),
      ),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(REQUEST_LIMITS.shopper.limit);
    expect((await b.rateLimit.findUniqueOrThrow({ where: { key } })).count).toBe(hits);
  });

  it("per-shopper limit: rotating User-Agent and the first X-Forwarded-For entry does not make a new shopper", async () => {
    const route = await import("../../app/routes/proxy.messages");
    const statuses: number[] = [];
    for (let i = 0; i < REQUEST_LIMITS.shopper.limit + 3; i++) {
      const res = (await route.action({
        request: appProxyRequest("messages", {
          shop: DEMO_SHOP,
          secret: process.env.SHOPIFY_API_SECRET!,
          method: "POST",
          body: JSON.stringify({ text: `hi ${i}` }),
          headers: {
            "x-forwarded-for": `10.${i}.${i}.${i}, 198.51.100.77`, // forged first entry, Shopify's last
            "user-agent": `rotating-${crypto.randomUUID()}`,
          },
        }),
        params: {},
        context: {},
      })) as Response;
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.indexOf(429)).toBe(REQUEST_LIMITS.shopper.limit);
  });
});

describe("order lookups: reserve before the store is asked", () => {
  const storeId = () => `store-${crypto.randomUUID()}`;

  it("20 concurrent guesses from one shopper over both instances reach the store at most `limit` times", async () => {
    setDb(a);
    const sid = storeId();
    let storeCalls = 0;
    const guess = async (i: number) => {
      const r = await reserveLookup(i % 2 ? b : a, {
        storeId: sid,
        shopperKey: "attacker",
        networkKey: "net-1",
        orderNumber: String(1000 + i),
      });
      if (!r.allowed) return "limited";
      storeCalls++; // the adapter call the reservation guards
      await r.settle("failed");
      return "asked";
    };
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(i)));
    expect(storeCalls).toBe(LOOKUP_LIMITS.shopper.limit);
    expect(outcomes.filter((o) => o === "limited")).toHaveLength(20 - LOOKUP_LIMITS.shopper.limit);
  });

  it("addresses rotated inside one network share the network limit", async () => {
    const sid = storeId();
    let allowed = 0;
    for (let i = 0; i < LOOKUP_LIMITS.network.limit + 10; i++) {
      const r = await reserveLookup(a, {
        storeId: sid,
        shopperKey: `ip-${i}`,
        networkKey: "same-24",
        orderNumber: "1001",
      });
      if (r.allowed) allowed++;
    }
    expect(allowed).toBe(LOOKUP_LIMITS.network.limit);
  });

  it("a verified lookup gives its reservation back: the real shopper is never limited by their own successes", async () => {
    const sid = storeId();
    for (let i = 0; i < LOOKUP_LIMITS.shopper.limit * 3; i++) {
      const r = await reserveLookup(a, { storeId: sid, shopperKey: "owner", orderNumber: "1001" });
      expect(r.allowed).toBe(true);
      await r.settle("verified");
    }
  });

  it("failures on one order number switch THAT order to step-up instead of locking its owner out", async () => {
    setDb(a);
    const sid = storeId();
    for (let i = 0; i < STEP_UP_THRESHOLDS.orderFailures.limit; i++) {
      expect(await needsStepUp(sid, "#1001")).toBe(false);
      const r = await reserveLookup(a, { storeId: sid, shopperKey: `attacker-${i}`, orderNumber: "1001" });
      await r.settle("failed");
    }
    expect(await needsStepUp(sid, "1001")).toBe(true);
    expect(await needsStepUp(sid, "1002")).toBe(false);
    // the owner (another identity) may still look up: the engine asks for a one-time code
    const owner = await reserveLookup(a, { storeId: sid, shopperKey: "owner", orderNumber: "1001" });
    expect(owner.allowed).toBe(true);
  });

  it("a store-wide enumeration wave switches every order to step-up (not a store lockout)", async () => {
    setDb(a);
    const sid = storeId();
    for (let i = 0; i < STEP_UP_THRESHOLDS.storeFailures.limit; i++) {
      const r = await reserveLookup(i % 2 ? b : a, {
        storeId: sid,
        shopperKey: `wave-${i}`,
        orderNumber: String(5000 + i),
      });
      await r.settle("failed");
    }
    expect(await needsStepUp(sid, "9999")).toBe(true);
    expect(await needsStepUp(storeId(), "9999")).toBe(false);
    const someone = await reserveLookup(a, { storeId: sid, shopperKey: "real", orderNumber: "7777" });
    expect(someone.allowed).toBe(true);
  });
});

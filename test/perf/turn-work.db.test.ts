/**
 * The work of one storefront request, counted (not timed): database round trips as the driver
 * adapter sees them (statements, BEGIN, COMMIT) and calls to the platform emulators, through the
 * real routes, the real engine, the real adapters over HTTP and a real database (SQLite, or
 * PostgreSQL with TEST_DB=postgres). Caches are warm after the first request of a store, as in
 * production; every counted turn comes from a new shopper with a new conversation. The store
 * version check (one indexed read per store at most every 500 ms, whatever the traffic) is left
 * out by a long check interval, so the counts do not depend on how fast the machine is; the
 * cache tests (test/perf/caches.db.test.ts) cover the check itself.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onDbEvent, type Db, type DbEvent } from "../../app/db.server";
import { createStorefrontCaches, setStorefrontCaches } from "../../app/cache/storefront.server";
import { appProxyRequest } from "../helpers/seed";
import { startStorefrontWorld, wooStorefrontRequest, type StorefrontWorld } from "../helpers/storefront";
import { DEMO_SHOP, type ShopifyAdminEmulator } from "../emulators/shopify-admin/emulator";
import type { WooEmulator } from "../emulators/woocommerce/emulator";

const SECRET = process.env.SHOPIFY_API_SECRET!;
let world: StorefrontWorld;
let db: Db;
let shopify: ShopifyAdminEmulator;
let woo: WooEmulator;
let proxyConfig: typeof import("../../app/routes/proxy.config");
let proxyMessages: typeof import("../../app/routes/proxy.messages");
let wooConfig: typeof import("../../app/routes/api.v1.woo.storefront.config");
let wooMessages: typeof import("../../app/routes/api.v1.woo.storefront.messages");

beforeAll(async () => {
  world = await startStorefrontWorld({ shopify: true, woo: true });
  ({ db, shopify, woo } = world);
  setStorefrontCaches(db, createStorefrontCaches(db, { checkMs: 3_600_000 }));
  proxyConfig = await import("../../app/routes/proxy.config");
  proxyMessages = await import("../../app/routes/proxy.messages");
  wooConfig = await import("../../app/routes/api.v1.woo.storefront.config");
  wooMessages = await import("../../app/routes/api.v1.woo.storefront.messages");
});
afterAll(async () => {
  await world?.close();
});

/** Runs fn and returns what it sent to the database and to the platforms. */
async function counted<T>(fn: () => Promise<T>) {
  const events: DbEvent[] = [];
  const off = onDbEvent(db, (e) => events.push(e));
  const shopifyBefore = shopify.requests.length;
  const wooBefore = woo.requests.length;
  const calls = () => [
    ...shopify.requests.slice(shopifyBefore).map((r) => String(r.operationName)),
    ...woo.requests.slice(wooBefore).map((r) => r.path.replace(/\/\d+\b/g, "/{id}")),
  ];
  try {
    const result = await fn();
    return {
      result,
      events,
      // not counted: the clean-up of expired nonces that about 1 request in 100 runs
      roundTrips: events.filter((e) => !/^\s*DELETE\s+FROM\s+[`"\w.]*Nonce[`"]/i.test(e.sql)).length,
      writes: events.filter((e) => e.table !== null).map((e) => e.table),
      storeCalls: calls(),
    };
  } finally {
    off();
  }
}

/**
 * Every verified lookup gave its reservation back inside the turn's write transaction: the
 * shopper's and network's lookup counters are reserved (rows exist) and back at 0.
 */
async function expectLookupsGivenBack() {
  const rows = await db.rateLimit.findMany({ where: { key: { startsWith: "lk:" } } });
  expect(rows.length).toBeGreaterThanOrEqual(2);
  expect(rows.map((r) => [r.key.split(":")[1], r.count])).toEqual(rows.map((r) => [r.key.split(":")[1], 0]));
}

const shopifyTurn = (text: string, ip: string) =>
  proxyMessages.action({
    request: appProxyRequest("messages", {
      shop: DEMO_SHOP,
      secret: SECRET,
      method: "POST",
      body: JSON.stringify({ text }),
      headers: { "x-forwarded-for": ip },
    }),
    params: {},
    context: {},
  }) as Promise<Response>;

const wooTurn = (text: string) =>
  wooMessages.action({
    request: wooStorefrontRequest(world.wooStore, "messages", { body: JSON.stringify({ text }) }),
    params: {},
    context: {},
  }) as Promise<Response>;

async function orderCard(res: Response) {
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    conversationId: string;
    messages: { type: string; order?: { number: string } }[];
  };
  return { body, card: body.messages.find((m) => m.type === "order") };
}

/**
 * Round trips of a verified order turn: the replay nonce, the request limits (store, shopper,
 * network: one statement), the lookup reservation (shopper + network) with the step-up counters
 * read in the same statement, and the turn's writes (one transaction, which also gives the
 * verified lookup's reservation back). Issue 15 asks for ≤ 4.
 */
const MAX_ROUND_TRIPS_PER_TURN = 4;

describe("work per order-status turn (verified order card in one turn)", () => {
  it("Shopify: at most 4 database round trips, the conversation inserted once; the platform asked only for the order (no shop or policy call)", async () => {
    // warm-up: the first turn builds the adapter, whose session load writes the session back (a
    // version bump, as any session write is); the second reloads the store's cached data once
    await shopifyTurn("where is my order #1002? marcus.reed@example.net", "198.51.100.1");
    await shopifyTurn("where is my order #1002? marcus.reed@example.net", "198.51.100.4");
    for (const ip of ["198.51.100.2", "198.51.100.3"]) {
      const c = await counted(async () =>
        orderCard(await shopifyTurn("where is my order #1002? marcus.reed@example.net", ip)),
      );
      expect(c.result.card?.order?.number).toContain("1002");
      expect(c.roundTrips, c.events.map((e) => e.sql.slice(0, 60)).join("\n")).toBeLessThanOrEqual(
        MAX_ROUND_TRIPS_PER_TURN,
      );
      // one Admin request: the search carries the order (platforms/shopify/adapter.ts)
      expect(c.storeCalls).toEqual(["TrulyBotOrderSearch"]);
      // one INSERT of the conversation (with the state the turn ended in), no UPDATE of it
      const convWrites = c.events.flatMap(
        (e) => e.sql.match(/(INSERT INTO|UPDATE)\s+[`"\w.]*Conversation[`"]/gi) ?? [],
      );
      expect(convWrites.map((w) => w.split(/\s/)[0])).toEqual(["INSERT"]);
      const conv = await db.conversation.findUniqueOrThrow({ where: { id: c.result.body.conversationId } });
      expect(conv.verified).toBe(true);
      expect(await db.message.count({ where: { conversationId: conv.id } })).toBe(conv.messageCount);
    }
    await expectLookupsGivenBack();
  });

  it("WooCommerce: at most 4 database round trips; the platform asked only for the order, then its trackings and notes in parallel", async () => {
    await wooTurn("where is my order #2002? tobias.wagner@example.net");
    for (let i = 0; i < 2; i++) {
      const c = await counted(async () =>
        orderCard(await wooTurn("where is my order #2002? tobias.wagner@example.net")),
      );
      expect(c.result.card?.order?.number).toContain("2002");
      expect(c.roundTrips, c.events.map((e) => e.sql.slice(0, 60)).join("\n")).toBeLessThanOrEqual(
        MAX_ROUND_TRIPS_PER_TURN,
      );
      expect(c.storeCalls[0]).toBe("/wp-json/wc/v3/orders/{id}");
      expect(c.storeCalls.slice(1).sort()).toEqual([
        "/wp-json/wc-shipment-tracking/v3/orders/{id}/shipment-trackings",
        "/wp-json/wc/v3/orders/{id}/notes",
      ]);
    }
    await expectLookupsGivenBack();
  });
});

describe("work per config request", () => {
  it("Shopify: no database work and the same bytes while the store's version is unchanged", async () => {
    const get = (headers: Record<string, string> = {}) =>
      proxyConfig.loader({
        request: appProxyRequest("config", { shop: DEMO_SHOP, secret: SECRET, headers }),
        params: {},
        context: {},
      }) as Promise<Response>;
    const first = await get();
    const etag = first.headers.get("etag")!;
    const c = await counted(async () => {
      const a = await get();
      const b = await get({ "if-none-match": etag });
      return { a: { status: a.status, etag: a.headers.get("etag"), body: await a.text() }, b: b.status };
    });
    expect(c.result.a).toEqual({ status: 200, etag, body: await first.text() });
    expect(c.result.b).toBe(304);
    expect(c.roundTrips).toBeLessThanOrEqual(1); // at most the version check (every 500 ms)
  });

  it("WooCommerce: only the nonce (replay protection) and at most the version check", async () => {
    const c = await counted(async () => {
      const r = await wooConfig.loader({
        request: wooStorefrontRequest(world.wooStore, "config"),
        params: {},
        context: {},
      });
      return (r as Response).status;
    });
    expect(c.result).toBe(200);
    // the nonce insert (plus, about 1 request in 100, the clean-up of expired nonces)
    expect([...new Set(c.writes)]).toEqual(["Nonce"]);
    expect(c.roundTrips).toBeLessThanOrEqual(3);
  });
});

describe("the lookup guard through the storefront route (reservation and step-up read in one statement)", () => {
  it("5 wrong emails on #1003 from 5 shoppers → the owner's right email gets the step-up reply and the store is not asked; the failed shoppers' reservations stay counted", async () => {
    const reply = async (res: Response) =>
      ((await res.json()) as { messages: { type: string; text?: string }[] }).messages;
    for (let i = 0; i < 5; i++) {
      const r = await reply(
        await shopifyTurn(`where is my order #1003? guess${i}@example.com`, `192.0.2.${10 + i}`),
      );
      expect(r.map((m) => m.text ?? "").join(" ")).toContain("I couldn't find an order #1003");
    }
    const c = await counted(async () =>
      reply(await shopifyTurn("where is my order #1003? alice.johnson@example.com", "192.0.2.99")),
    );
    expect(c.result.some((m) => m.type === "order")).toBe(false);
    expect(c.result.map((m) => m.text ?? "").join(" ")).toContain(
      "For your security I need to confirm it's you before I can show order #1003",
    );
    expect(c.storeCalls).toEqual([]); // number + email alone no longer opens it
    // a failed lookup gives nothing back: each guessing shopper's counter is at 1
    const rows = await db.rateLimit.findMany({ where: { key: { startsWith: "lk:shopper:" } } });
    expect(rows.filter((r) => r.count === 1).length).toBeGreaterThanOrEqual(5);
  });
});

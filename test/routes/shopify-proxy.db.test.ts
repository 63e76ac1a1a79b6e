/**
 * The Shopify storefront path end to end: app-proxy routes (real Remix loaders/actions with real
 * Requests) → engine → Shopify adapter → the Admin GraphQL emulator over HTTP → database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../app/db.server";
import { appProxyRequest } from "../helpers/seed";
import { startStorefrontWorld, type StorefrontWorld } from "../helpers/storefront";
import { signAppProxy } from "../../app/platforms/shopify/proxy-signature";
import { DEMO_SHOP, type ShopifyAdminEmulator } from "../emulators/shopify-admin/emulator";

const SECRET = process.env.SHOPIFY_API_SECRET!;
let world: StorefrontWorld;
let db: Db;
let emulator: ShopifyAdminEmulator;
let configRoute: typeof import("../../app/routes/proxy.config");
let messagesRoute: typeof import("../../app/routes/proxy.messages");

const post = (body: unknown, opts: Partial<Parameters<typeof appProxyRequest>[1]> = {}) =>
  messagesRoute.action({
    request: appProxyRequest("messages", {
      shop: DEMO_SHOP,
      secret: SECRET,
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      ...opts,
    }),
    params: {},
    context: {},
  }) as Promise<Response>;

beforeAll(async () => {
  world = await startStorefrontWorld({ shopify: true });
  ({ db, shopify: emulator } = world);
  configRoute = await import("../../app/routes/proxy.config");
  messagesRoute = await import("../../app/routes/proxy.messages");
});
afterAll(async () => {
  await world?.close();
});

describe("GET /apps/trulybot/config (app proxy)", () => {
  it("GIVEN a correctly signed request WHEN the widget asks for config THEN it gets the bot settings with an ETag, and 304 when unchanged", async () => {
    const res = (await configRoute.loader({
      request: appProxyRequest("config", { shop: DEMO_SHOP, secret: SECRET }),
      params: {},
      context: {},
    })) as Response;
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.bot).toMatchObject({
      name: expect.any(String),
      accentColor: expect.stringMatching(/^#/),
      position: "right",
    });
    expect(body.features.orderTracking).toBe(true);
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"/);
    const again = (await configRoute.loader({
      request: appProxyRequest("config", {
        shop: DEMO_SHOP,
        secret: SECRET,
        headers: { "if-none-match": etag },
      }),
      params: {},
      context: {},
    })) as Response;
    expect(again.status).toBe(304);
  });

  it("carries the store's IANA time zone (and leaves out a zone Intl does not know)", async () => {
    const get = async () =>
      (await (
        (await configRoute.loader({
          request: appProxyRequest("config", { shop: DEMO_SHOP, secret: SECRET }),
          params: {},
          context: {},
        })) as Response
      ).json()) as { timeZone?: string };
    await db.store.updateMany({ where: { domain: DEMO_SHOP }, data: { timezone: "America/New_York" } });
    expect((await get()).timeZone).toBe("America/New_York");
    await db.store.updateMany({ where: { domain: DEMO_SHOP }, data: { timezone: "Mars/Olympus_Mons" } });
    expect(await get()).not.toHaveProperty("timeZone");
  });

  it("changes its ETag when the merchant changes a setting", async () => {
    const first = (await configRoute.loader({
      request: appProxyRequest("config", { shop: DEMO_SHOP, secret: SECRET }),
      params: {},
      context: {},
    })) as Response;
    const store = await db.store.findFirstOrThrow({ where: { domain: DEMO_SHOP } });
    await db.botSettings.update({
      where: { storeId: store.id },
      data: { accentColor: "#ff0000", version: { increment: 1 } },
    });
    const second = (await configRoute.loader({
      request: appProxyRequest("config", {
        shop: DEMO_SHOP,
        secret: SECRET,
        headers: { "if-none-match": first.headers.get("etag")! },
      }),
      params: {},
      context: {},
    })) as Response;
    expect(second.status).toBe(200);
    expect((await second.json()).bot.accentColor).toBe("#ff0000");
  });

  it.each([
    ["a tampered query", { tamper: true }],
    ["an expired timestamp", { timestamp: Math.floor(Date.now() / 1000) - 600 }],
    ["the wrong secret", { secret: "not-the-secret" }],
  ])("refuses %s with 401", async (_n, opts) => {
    const res = (await configRoute.loader({
      request: appProxyRequest("config", { shop: DEMO_SHOP, secret: SECRET, ...opts }),
      params: {},
      context: {},
    })) as Response;
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("bad_signature");
  });

  it("refuses a repeated logged_in_customer_id (signed over both values) with 401 — no order list for either id", async () => {
    const url = new URL("https://trulybot.test/proxy/messages");
    url.searchParams.set("shop", DEMO_SHOP);
    url.searchParams.append("logged_in_customer_id", "");
    url.searchParams.append("logged_in_customer_id", "7012345678");
    url.searchParams.set("path_prefix", "/apps/trulybot");
    url.searchParams.set("timestamp", String(Math.floor(Date.now() / 1000)));
    url.searchParams.set("signature", signAppProxy(url.searchParams, SECRET));
    const res = (await messagesRoute.action({
      request: new Request(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.7" },
        body: JSON.stringify({ text: "show my orders" }),
      }),
      params: {},
      context: {},
    })) as Response;
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe("bad_signature");
    expect(JSON.stringify(body)).not.toMatch(/order_list|#10\d\d/);
  });

  it("refuses an unknown shop and an uninstalled one cleanly (404, no stack)", async () => {
    const unknown = (await configRoute.loader({
      request: appProxyRequest("config", { shop: "nobody.myshopify.com", secret: SECRET }),
      params: {},
      context: {},
    })) as Response;
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("unknown_store");
  });
});

describe("POST /apps/trulybot/messages (app proxy)", () => {
  it("order lookups are limited per network too: rotating addresses inside one /24 does not get past 20", async () => {
    const guess = async (ip: string, n: number) =>
      (await (
        await post({ text: `order ${5000 + n} guess@example.com` }, { headers: { "x-forwarded-for": ip } })
      ).json()) as {
        messages: { text?: string }[];
      };
    const said = (r: { messages: { text?: string }[] }) => r.messages.map((m) => m.text ?? "").join(" ");
    for (let i = 1; i <= 20; i++)
      expect(said(await guess(`198.51.101.${i}`, i))).toContain("I couldn't find an order");
    expect(said(await guess("198.51.101.77", 77))).toMatch(/can't check more orders/);
    expect(said(await guess("192.0.2.9", 78))).toContain("I couldn't find an order"); // another network
  });

  it("every response names the conversation's one language, also for a reply without words", async () => {
    const first = await post(
      { text: "Hallo, wo ist meine Bestellung?" },
      { headers: { "x-forwarded-for": "198.51.100.40" } },
    );
    expect(first.status).toBe(200);
    const a = await first.json();
    expect(a.language).toBe("de");
    const second = await post(
      { conversationId: a.conversationId, conversationToken: a.conversationToken, text: "1002" },
      { headers: { "x-forwarded-for": "198.51.100.40" } },
    );
    const b = await second.json();
    expect(b.conversationId).toBe(a.conversationId);
    expect(b.language).toBe("de");
    expect(JSON.stringify(b.messages)).toMatch(/E-Mail/);
  });

  it("answers a demo order end to end after verification, through the real adapter and emulator", async () => {
    const first = await post({ text: "where is my order #1002?" });
    expect(first.status).toBe(200);
    const a = await first.json();
    expect(a.awaiting).toBe("email_or_phone");
    expect(JSON.stringify(a)).not.toContain("1ZA84R270384120936"); // nothing before verification
    const second = await post({
      conversationId: a.conversationId,
      conversationToken: a.conversationToken,
      text: "Marcus.Reed@example.net",
    });
    const b = await second.json();
    const card = b.messages.find((m: { type: string }) => m.type === "order");
    expect(card.order.number).toBe("1002");
    expect(card.order.shipments[0]).toMatchObject({ carrier: "UPS", trackingNumber: "1ZA84R270384120936" });
    expect(card.order.shipments[0].trackingUrl).toMatch(/^https:\/\/www\.ups\.com\//);
    // stored exactly once each
    const msgs = await db.message.findMany({ where: { conversationId: a.conversationId } });
    expect(msgs.filter((m) => m.role === "shopper")).toHaveLength(2);
  });

  it("uses logged_in_customer_id as a verified identity: Alice sees her order without giving an email", async () => {
    const res = await post({ text: "where is order 1003" }, { customerId: "7700000000001" });
    const body = await res.json();
    const card = body.messages.find((m: { type: string }) => m.type === "order");
    expect(card?.order.number).toBe("1003");
  });

  it("refuses a replayed signed POST (the same request delivered twice is answered once)", async () => {
    const req = appProxyRequest("messages", {
      shop: DEMO_SHOP,
      secret: SECRET,
      method: "POST",
      body: JSON.stringify({ text: "hi" }),
    });
    const url = req.url;
    const headers = Object.fromEntries(req.headers);
    const r1 = (await messagesRoute.action({ request: req, params: {}, context: {} })) as Response;
    expect(r1.status).toBe(200);
    const replay = new Request(url, { method: "POST", body: JSON.stringify({ text: "hi" }), headers });
    const r2 = (await messagesRoute.action({ request: replay, params: {}, context: {} })) as Response;
    expect(r2.status).toBe(401);
    expect((await r2.json()).error.code).toBe("replayed");
  });

  it.each([
    ["malformed JSON", "{not json"],
    ["text over 1,000 characters", JSON.stringify({ text: "a".repeat(1001) })],
    ["a non-object body", JSON.stringify(["where is my order"])],
    ["an empty message", JSON.stringify({ text: "   " })],
  ])("answers %s with 400 and an error code", async (_n, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const j = await res.json();
    expect(j.error.code).toEqual(expect.any(String));
    expect(j.error.message).toEqual(expect.any(String));
  });

  it("turns a Shopify outage into an honest reply, never a 500", async () => {
    emulator.inject({ kind: "http_status", status: 503, times: 20 });
    try {
      const a = await (await post({ text: "where is my order #1003?" })).json();
      const res = await post({
        conversationId: a.conversationId,
        conversationToken: a.conversationToken,
        text: "alice.johnson@example.com",
      });
      expect(res.status).toBe(200);
      const b = await res.json();
      const text = b.messages.map((m: { text?: string }) => m.text ?? "").join(" ");
      expect(text).toMatch(/can't reach|cannot reach|right now/i);
      expect(b.messages.some((m: { type: string }) => m.type === "order")).toBe(false);
    } finally {
      emulator.clearFaults();
    }
  });

  it("rate-limits a shopper who floods the endpoint (429 with Retry-After)", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 45; i++) {
      last = await post(
        { text: `hello ${i}` },
        { headers: { "x-forwarded-for": "198.51.100.99", "user-agent": "flood" } },
      );
      if (last.status === 429) break;
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

/**
 * Faults on the Shopify side of a storefront turn, through the real app-proxy route (real Requests,
 * real adapter + GraphQL client, the Admin API emulator over HTTP with injected faults, real database):
 * 5xx, 429 with Retry-After, malformed JSON, GraphQL THROTTLED. The shopper always gets an honest
 * 200 reply (never a 500, never an order card built from nothing), each accepted message is stored
 * exactly once, and the same conversation works again once Shopify is back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../app/db.server";
import { appProxyRequest } from "../helpers/seed";
import { startStorefrontWorld, type StorefrontWorld } from "../helpers/storefront";
import {
  DEMO_SHOP,
  type EmulatorFault,
  type ShopifyAdminEmulator,
} from "../emulators/shopify-admin/emulator";

const SECRET = process.env.SHOPIFY_API_SECRET!;
const FULL_TURN = "where is my order #1002? marcus.reed@example.net";
let world: StorefrontWorld;
let db: Db;
let emulator: ShopifyAdminEmulator;
let messagesRoute: typeof import("../../app/routes/proxy.messages");
let shopperSeq = 0;

interface Reply {
  conversationId: string;
  conversationToken?: string;
  messages: { type: string; text?: string; order?: { number: string } }[];
}

async function post(body: object, shopper = `198.51.100.${++shopperSeq}`): Promise<Response> {
  const request = appProxyRequest("messages", {
    shop: DEMO_SHOP,
    secret: SECRET,
    method: "POST",
    body: JSON.stringify(body),
    headers: { "x-forwarded-for": shopper, "user-agent": "fault-test" },
  });
  try {
    return (await messagesRoute.action({ request, params: {}, context: {} })) as Response;
  } catch (thrown) {
    // what Remix would send for a thrown error in a resource route
    return thrown instanceof Response ? thrown : new Response("Unexpected Server Error", { status: 500 });
  }
}

const text = (r: Reply) => r.messages.map((m) => m.text ?? "").join(" ");
const hasOrder = (r: Reply) => r.messages.some((m) => m.type === "order");

async function storedShopperMessages(conversationId: string) {
  return db.message.count({ where: { conversationId, role: "shopper" } });
}

beforeAll(async () => {
  world = await startStorefrontWorld({ shopify: true });
  ({ db, shopify: emulator } = world);
  messagesRoute = await import("../../app/routes/proxy.messages");
});
afterEach(() => emulator.clearFaults());
afterAll(async () => {
  await world?.close();
});

describe("Shopify upstream faults on a full order-status turn", () => {
  it.each<[string, EmulatorFault]>([
    ["HTTP 503 (every retry)", { kind: "http_status", status: 503, times: 50 }],
    ["HTTP 500 (every retry)", { kind: "http_status", status: 500, times: 50 }],
    [
      "HTTP 429 with a Retry-After longer than the client waits",
      { kind: "http_status", status: 429, retryAfter: 120, times: 50 },
    ],
    ["malformed JSON (every retry)", { kind: "malformed_json", times: 50 }],
  ])(
    "GIVEN Shopify answers %s WHEN the shopper asks THEN an honest outage reply (200, no order), the message stored once, and the same conversation answers once Shopify is back",
    async (_name, fault) => {
      emulator.inject(fault);
      const shopper = `203.0.113.${++shopperSeq}`;
      const res = await post({ text: FULL_TURN }, shopper);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      const a = (await res.json()) as Reply;
      expect(hasOrder(a)).toBe(false);
      expect(text(a)).toMatch(/can't reach|cannot reach|right now|try again/i);
      expect(JSON.stringify(a)).not.toContain("1ZA84R270384120936"); // nothing invented
      expect(JSON.stringify(a)).not.toMatch(/stack|Error:|at .*\.ts:\d+/);
      expect(await storedShopperMessages(a.conversationId)).toBe(1);

      emulator.clearFaults();
      const again = await post(
        { conversationId: a.conversationId, conversationToken: a.conversationToken, text: FULL_TURN },
        shopper,
      );
      expect(again.status).toBe(200);
      const b = (await again.json()) as Reply;
      expect(b.conversationId).toBe(a.conversationId);
      expect(b.messages.find((m) => m.type === "order")?.order?.number).toBe("1002");
      expect(await storedShopperMessages(a.conversationId)).toBe(2);
    },
  );

  it("GIVEN one 429 with Retry-After: 1 WHEN the shopper asks THEN the client waits as told, retries, and the shopper gets the order in the same turn", async () => {
    emulator.inject({ kind: "http_status", status: 429, retryAfter: 1, times: 1 });
    const before = emulator.requests.length;
    const t0 = Date.now();
    const res = await post({ text: FULL_TURN });
    expect(res.status).toBe(200);
    const a = (await res.json()) as Reply;
    expect(a.messages.find((m) => m.type === "order")?.order?.number).toBe("1002");
    const log = emulator.requests.slice(before);
    expect(log.some((r) => r.outcome === "injected")).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900); // it honoured Retry-After
    expect(await storedShopperMessages(a.conversationId)).toBe(1);
  });

  it("GIVEN a GraphQL THROTTLED answer once WHEN the shopper asks THEN it backs off and still answers with the order", async () => {
    emulator.inject({ kind: "throttled", times: 1 });
    const res = await post({ text: FULL_TURN });
    expect(res.status).toBe(200);
    const a = (await res.json()) as Reply;
    expect(hasOrder(a)).toBe(true);
  });

  it("GIVEN a 503 for a moment WHEN the first retry succeeds THEN the shopper never notices (order shown, one stored message)", async () => {
    emulator.inject({ kind: "http_status", status: 503, times: 1 });
    const res = await post({ text: FULL_TURN });
    const a = (await res.json()) as Reply;
    expect(hasOrder(a)).toBe(true);
    expect(await storedShopperMessages(a.conversationId)).toBe(1);
  });
});

describe("hostile data from Shopify on a full order-status turn (issue 12 item 8)", () => {
  type Obj = Record<string, unknown>;
  const order1002 = () => emulator.store.orders.find((o) => o.name === "#1002") as Obj;

  it.each([
    ["javascript:alert(document.cookie)"],
    ["data:text/html,<script>alert(1)</script>"],
    [" JAVASCRIPT:alert(1)"],
  ])(
    "GIVEN the store's tracking URL and status page URL are %s WHEN the shopper asks THEN the order card links only to https pages",
    async (hostile) => {
      const o = order1002();
      const saved = structuredClone({ statusPageUrl: o.statusPageUrl, fulfillments: o.fulfillments });
      try {
        o.statusPageUrl = hostile;
        const f = (o.fulfillments as Obj[])[0];
        f.trackingInfo = (f.trackingInfo as Obj[]).map((t) => ({ ...t, url: hostile }));
        const res = await post({ text: FULL_TURN });
        expect(res.status).toBe(200);
        const body = await res.text();
        expect(body.toLowerCase()).not.toContain("javascript:");
        expect(body).not.toContain("data:text");
        const a = JSON.parse(body) as {
          messages: {
            type: string;
            order?: { statusPageUrl: string | null; shipments: { trackingUrl: string | null }[] };
          }[];
        };
        const card = a.messages.find((m) => m.type === "order")?.order;
        expect(card?.statusPageUrl).toBeNull();
        // the store's link is gone; the carrier's own tracking page (inferred from the UPS number) replaces it
        expect(card?.shipments[0].trackingUrl).toBe("https://www.ups.com/track?tracknum=1ZA84R270384120936");
      } finally {
        Object.assign(o, saved);
      }
    },
  );
});

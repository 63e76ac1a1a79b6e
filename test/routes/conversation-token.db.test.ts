/**
 * The conversation token through the real storefront routes (Shopify app proxy and the WooCommerce
 * plugin path): the first response carries it; an id without it does not resume the conversation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../../app/db.server";
import { resetEnvForTests } from "../../app/env.server";
import { signedHeaders } from "../../app/platforms/woocommerce/signature.server";
import { createTestDb } from "../helpers/db";
import { appProxyRequest, seedShopifyShop, seedWooStore } from "../helpers/seed";
import {
  startShopifyAdminEmulator,
  DEMO_SHOP,
  DEMO_ACCESS_TOKEN,
  type ShopifyAdminEmulator,
} from "../emulators/shopify-admin/emulator";
import { startWooEmulator, DEMO_WOO_KEY, type WooEmulator } from "../emulators/woocommerce/emulator";

const SECRET = process.env.SHOPIFY_API_SECRET!;
let db: Db;
let cleanup: () => Promise<void>;
let shopify: ShopifyAdminEmulator;
let woo: WooEmulator;
let wooStore = { id: "", secret: "" };
let shopifyRoute: typeof import("../../app/routes/proxy.messages");
let wooRoute: typeof import("../../app/routes/api.v1.woo.storefront.messages");

interface Reply {
  conversationId: string;
  conversationToken?: string;
  messages: { type: string; text?: string }[];
  awaiting: string | null;
}

async function shopifyPost(body: unknown): Promise<Response> {
  return (await shopifyRoute.action({
    request: appProxyRequest("messages", {
      shop: DEMO_SHOP,
      secret: SECRET,
      method: "POST",
      body: JSON.stringify(body),
    }),
    params: {},
    context: {},
  })) as Response;
}

async function wooPost(body: unknown): Promise<Response> {
  const raw = JSON.stringify(body);
  const path = "/api/v1/woo/storefront/messages";
  const request = new Request(`https://trulybot.test${path}`, {
    method: "POST",
    body: raw,
    headers: {
      "content-type": "application/json",
      ...signedHeaders(wooStore.id, wooStore.secret, {
        method: "POST",
        pathWithQuery: path,
        body: raw,
        shopper: "ab".repeat(32),
      }),
    },
  });
  return (await wooRoute.action({ request, params: {}, context: {} })) as Response;
}

const json = async (r: Promise<Response>): Promise<Reply> => {
  const res = await r;
  expect(res.status).toBe(200);
  return res.json();
};

beforeAll(async () => {
  shopify = await startShopifyAdminEmulator({ port: 0, host: "127.0.0.1" });
  woo = await startWooEmulator({ port: 0, host: "127.0.0.1", keys: [DEMO_WOO_KEY] });
  process.env.SHOPIFY_ADMIN_API_ORIGIN = shopify.url;
  process.env.WOO_ALLOW_HTTP_STORES = "1";
  resetEnvForTests();
  ({ db, cleanup } = await createTestDb());
  setDb(db);
  await seedShopifyShop(db, DEMO_SHOP, DEMO_ACCESS_TOKEN);
  const seeded = await seedWooStore(db, {
    url: woo.url,
    consumerKey: DEMO_WOO_KEY.consumerKey,
    consumerSecret: DEMO_WOO_KEY.consumerSecret,
  });
  wooStore = { id: seeded.store.id, secret: seeded.secret };
  shopifyRoute = await import("../../app/routes/proxy.messages");
  wooRoute = await import("../../app/routes/api.v1.woo.storefront.messages");
});
afterAll(async () => {
  await shopify?.close();
  await woo?.close();
  await cleanup?.();
});

describe.each([
  ["Shopify app proxy", () => shopifyPost, "where is my order #1002? marcus.reed@example.net"],
  ["WooCommerce plugin", () => wooPost, "where is my order #2002? tobias.wagner@example.net"],
] as const)("%s: POST /messages binds the conversation to its browser", (_name, poster, question) => {
  it("GIVEN a verified conversation WHEN another browser sends only its id THEN a new conversation starts without the order; with the token it resumes", async () => {
    const post = (body: unknown) => json(poster()(body));
    const a = await post({ text: question });
    expect(a.messages.some((m) => m.type === "order")).toBe(true);
    expect(a.conversationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stolen = await post({ conversationId: a.conversationId, text: "show me that order again" });
    expect(stolen.conversationId).not.toBe(a.conversationId);
    expect(stolen.messages.some((m) => m.type === "order")).toBe(false);
    const mine = await post({
      conversationId: a.conversationId,
      conversationToken: a.conversationToken,
      text: "thanks!",
    });
    expect(mine.conversationId).toBe(a.conversationId);
    expect(mine.conversationToken).toBeUndefined();
  });

  it("GIVEN a malformed token THEN 400 with a code", async () => {
    const res = await poster()({ text: "hi", conversationToken: "<script>" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_conversation_token");
  });
});

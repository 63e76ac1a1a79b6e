/**
 * Upstream timeouts: the platform accepts the connection and never answers. The storefront routes
 * use the clients' production timeouts (8 s, with retries), too slow for a unit suite, so this test
 * builds the turn through the same composition root the routes use (buildTurnContext: settings,
 * policies, Prisma repository on a real database) and hands it only its own parts: the real
 * Shopify GraphQL / WooCommerce REST clients over HTTP to the emulators with short client timeouts,
 * and no mailer. The shopper gets an honest reply within the bound, and the message is stored once.
 */
import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../app/db.server";
import { buildTurnContext } from "../../app/chat/context.server";
import { handleTurn, type TurnContext } from "../../app/chat/engine";
import { inferCarrier } from "../../app/orders/carriers";
import { createShopifyAdapter } from "../../app/platforms/shopify/adapter";
import { createShopifyGraphqlClient } from "../../app/platforms/shopify/client";
import { createWooAdapter } from "../../app/platforms/woocommerce/adapter";
import { createWooClient } from "../../app/platforms/woocommerce/client";
import type { PlatformAdapter } from "../../app/platforms/types";
import { startStorefrontWorld, type StorefrontWorld } from "../helpers/storefront";
import { DEMO_SHOP, DEMO_ACCESS_TOKEN, type ShopifyAdminEmulator } from "../emulators/shopify-admin/emulator";
import { DEMO_WOO_KEY, type WooEmulator } from "../emulators/woocommerce/emulator";

let world: StorefrontWorld;
let db: Db;
let shopify: ShopifyAdminEmulator;
let woo: WooEmulator;
let shopifyStoreId = "";
let wooStoreId = "";

beforeAll(async () => {
  world = await startStorefrontWorld({ shopify: true, woo: true });
  ({ db, shopify, woo, shopifyStoreId } = world);
  wooStoreId = world.wooStore.id;
});
afterEach(() => {
  shopify.clearFaults();
  woo.clearFaults();
});
afterAll(async () => {
  await world?.close();
});

async function context(storeId: string, adapter: PlatformAdapter): Promise<TurnContext> {
  const store = await db.store.findUniqueOrThrow({ where: { id: storeId } });
  return buildTurnContext({
    store,
    adapter,
    db,
    notifier: null,
    shopper: { key: crypto.randomBytes(16).toString("hex"), customerId: null },
  });
}

const shopifyAdapter = () =>
  createShopifyAdapter({
    client: createShopifyGraphqlClient({
      shop: DEMO_SHOP,
      accessToken: DEMO_ACCESS_TOKEN,
      origin: shopify.url,
      timeoutMs: 250,
      maxRetries: 1,
      deadlineMs: 1500,
    }),
    shop: DEMO_SHOP,
    scopes: ["read_orders"],
  });

const wooAdapter = () =>
  createWooAdapter({
    client: createWooClient({
      storeUrl: woo.url,
      consumerKey: DEMO_WOO_KEY.consumerKey,
      consumerSecret: DEMO_WOO_KEY.consumerSecret,
      timeoutMs: 250,
      maxRetries: 1,
    }),
    storeUrl: woo.url,
    inferCarrier,
  });

const replyText = (r: { messages: { text?: string }[] }) => r.messages.map((m) => m.text ?? "").join(" ");

describe("upstream timeouts", () => {
  it.each([
    [
      "Shopify",
      () => shopifyStoreId,
      shopifyAdapter,
      "where is my order #1002? marcus.reed@example.net",
      () => shopify.inject({ kind: "timeout", times: 20 }),
    ],
    [
      "WooCommerce",
      () => wooStoreId,
      wooAdapter,
      "where is my order #2002? tobias.wagner@example.net",
      () => woo.inject({ kind: "timeout", times: 20 }),
    ],
  ] as const)(
    "GIVEN %s never answers WHEN the shopper asks for an order THEN an honest reply comes within the client's bound and the message is stored once",
    async (_name, storeId, makeAdapter, question, fault) => {
      fault();
      const ctx = await context(storeId(), makeAdapter());
      const t0 = Date.now();
      const res = await handleTurn(ctx, { text: question });
      const elapsed = Date.now() - t0;
      expect(elapsed).toBeLessThan(4000);
      expect(res.messages.some((m) => m.type === "order")).toBe(false);
      expect(replyText(res)).toMatch(/can't reach|cannot reach|right now|try again/i);
      expect(await db.message.count({ where: { conversationId: res.conversationId, role: "shopper" } })).toBe(
        1,
      );
      // the lookup is not counted as a failed verification (an outage is not the shopper's fault)
      const lookups = await db.orderLookup.findMany({ where: { conversationId: res.conversationId } });
      expect(lookups.every((l) => l.outcome !== "mismatch" && l.outcome !== "not_found")).toBe(true);
    },
  );
});

/**
 * A short attack run (bench/attack.ts, a few seconds instead of 60) over real HTTP against the real
 * storefront routes of both platforms (Shopify app proxy, WooCommerce plugin signature), a real
 * database, both emulators and a real SMTP server for the one-time codes: 1,000 rotating browser
 * identities over 60 addresses guessing order numbers with made-up emails while real shoppers look
 * up their own orders (typing the code from their own mail when the store is in step-up). Counts,
 * not timings: 0 orders revealed, every real shopper served.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../../app/db.server";
import { resetEnvForTests } from "../../app/env.server";
import { createTestDb } from "../helpers/db";
import { seedShopifyShop, seedWooStore } from "../helpers/seed";
import { startRouteServer } from "../helpers/route-server";
import {
  startShopifyAdminEmulator,
  DEMO_SHOP,
  DEMO_ACCESS_TOKEN,
  DEMO_NOW,
  type ShopifyAdminEmulator,
} from "../emulators/shopify-admin/emulator";
import { startWooEmulator, DEMO_WOO_KEY, type WooEmulator } from "../emulators/woocommerce/emulator";
import {
  attackSummary,
  attackerAddresses,
  attackerIdentities,
  storefrontTurn,
  realOrders,
  runAttack,
  type AttackResult,
  type AttackTarget,
} from "../../bench/attack";
import { networkPrefix } from "../../app/security/client-ip.server";
import { needsStepUp } from "../../app/security/lookup-guard.server";
import { startBenchMailbox, type BenchMailbox } from "../../bench/mailbox";

let db: Db;
let cleanup: () => Promise<void>;
let shopify: ShopifyAdminEmulator;
let woo: WooEmulator;
let server: { url: string; close: () => Promise<void> };
let target: AttackTarget;
let mailbox: BenchMailbox;
let wooStoreId: string;
let shopifyStoreId: string;

beforeAll(async () => {
  process.env.WOO_ALLOW_HTTP_STORES = "1";
  mailbox = await startBenchMailbox();
  process.env.SMTP_URL = mailbox.url;
  resetEnvForTests();
  ({ db, cleanup } = await createTestDb());
  setDb(db);
  // as in the bench: Shopify's cost limiter out of the way (the run measures the app's limits)
  shopify = await startShopifyAdminEmulator({
    port: 0,
    host: "127.0.0.1",
    bucket: { maximumAvailable: 1e12, restoreRate: 1e12 },
  });
  process.env.SHOPIFY_ADMIN_API_ORIGIN = shopify.url;
  woo = await startWooEmulator({ port: 0, host: "127.0.0.1", keys: [DEMO_WOO_KEY] });
  shopifyStoreId = (await seedShopifyShop(db, DEMO_SHOP, DEMO_ACCESS_TOKEN)).id;
  const { store, secret } = await seedWooStore(db, {
    url: woo.url,
    consumerKey: DEMO_WOO_KEY.consumerKey,
    consumerSecret: DEMO_WOO_KEY.consumerSecret,
  });
  server = await startRouteServer({
    "/proxy/messages": await import("../../app/routes/proxy.messages"),
    "/api/v1/woo/storefront/messages": await import("../../app/routes/api.v1.woo.storefront.messages"),
  });
  const orders = realOrders(shopify.store.orders, woo.data.orders, 4, DEMO_NOW);
  target = {
    url: server.url,
    shopify: { shop: DEMO_SHOP, apiSecret: process.env.SHOPIFY_API_SECRET! },
    woo: { storeId: store.id, secret },
    orders,
    storeRequests: async () => ({ shopify: shopify.requests.length, woo: woo.requests.length }),
    mailbox,
  };
  wooStoreId = store.id;
});
afterAll(async () => {
  await server?.close();
  await shopify?.close();
  await woo?.close();
  await mailbox?.close();
  delete process.env.SMTP_URL;
  await cleanup?.();
});

describe("attack run (short)", () => {
  it("uses ≥ 50 attacker addresses in several IPv4 and IPv6 networks", () => {
    const addresses = attackerAddresses(60);
    expect(new Set(addresses).size).toBe(60);
    const networks = new Set(addresses.map((a) => networkPrefix(a)));
    expect(networks.size).toBeGreaterThanOrEqual(8);
    expect(addresses.some((a) => a.includes(":"))).toBe(true);
  });

  it("reveals 0 orders to 1,000 rotating identities guessing with made-up emails, while real shoppers look up theirs", async () => {
    const r: AttackResult = await runAttack(target, {
      seconds: 4,
      identities: 1000,
      addresses: 60,
      concurrency: 4,
      shopperPauseMs: 50,
      shopperConcurrency: 2,
      minShopperLookups: 4,
    });
    console.log(attackSummary(r));
    expect(r.attacker.requests).toBeGreaterThan(0);
    // a new browser identity for every request (until all 1,000 were used)
    expect(r.attacker.identitiesUsed).toBe(Math.min(r.attacker.requests, 1000));
    expect(r.attacker.ordersRevealed).toBe(0);
    // every attacker request was answered (200 with a reply, or 429), none failed
    expect((r.attacker.statusCodes["200"] ?? 0) + r.attacker.refused429).toBe(r.attacker.requests);
    // real shoppers ran alongside, each with the right email: every one saw their order
    expect(r.shoppers.lookups).toBeGreaterThan(0);
    expect(r.shoppers.shown).toBe(r.shoppers.lookups);
    expect(r.shoppers.successRate).toBe(100);
    expect(r.shoppers.byPlatform.shopify.lookups).toBeGreaterThan(0);
    expect(r.shoppers.byPlatform.woocommerce.lookups).toBeGreaterThan(0);
  }, 60_000);

  it("with both stores in step-up (an enumeration wave), every real shopper is served with the code from their own mail, and the attacker only gets the same reply", async () => {
    // the attacker guesses until both stores saw an enumeration wave (50 failed lookups in 10 min)
    const ids = attackerIdentities(1000, attackerAddresses(60));
    const waveOver = async () =>
      (await needsStepUp(shopifyStoreId, "no-such-order", new Date(), db)) &&
      (await needsStepUp(wooStoreId, "no-such-order", new Date(), db));
    let i = 0;
    while (!(await waveOver())) {
      if (i > 3000) throw new Error("no enumeration wave after 3,000 guesses");
      const batch = Array.from({ length: 16 }, async () => {
        const k = i++;
        const platform = k % 2 ? "shopify" : "woocommerce";
        // a new number each time (an order already in step-up counts no more failures)
        const turn = storefrontTurn(
          target,
          platform,
          ids[k % 1000]!,
          `order #${70000 + k} x${k}@guess.example`,
        );
        const res = await fetch(turn.url, turn.init);
        await res.arrayBuffer();
        return res.status;
      });
      for (const status of await Promise.all(batch)) expect([200, 429]).toContain(status);
    }
    const r = await runAttack(target, {
      seconds: 3,
      identities: 1000,
      addresses: 60,
      concurrency: 4,
      shopperPauseMs: 50,
      shopperConcurrency: 2,
      minShopperLookups: 4,
    });
    console.log(attackSummary(r));
    expect(r.attacker.ordersRevealed).toBe(0);
    expect(r.shoppers.lookups).toBeGreaterThan(0);
    // every real shopper needed the code (the stores are in step-up) and got in with it
    expect(r.shoppers.codeOffers).toBe(r.shoppers.lookups);
    expect(r.shoppers.shownWithCode).toBe(r.shoppers.lookups);
    expect(r.shoppers.shown).toBe(r.shoppers.lookups);
    expect(r.shoppers.byPlatform.shopify.shown).toBeGreaterThan(0);
    expect(r.shoppers.byPlatform.woocommerce.shown).toBeGreaterThan(0);
    // the mails went to the real owners' addresses only: none to an address the attacker typed
    expect(r.mailsSent).toBeGreaterThanOrEqual(r.shoppers.codeOffers);
  }, 60_000);
});

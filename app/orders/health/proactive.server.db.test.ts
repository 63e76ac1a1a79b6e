/**
 * Proactive notes end to end on Shopify: the Admin API emulator over HTTP, the real mirror sync and
 * order-event jobs, signed app-proxy Requests to the real routes. A demo order is moved past its ETA
 * (the carrier's new estimate arrives by webhook): the browser that verified it gets the note in its
 * language; another browser, a forged token and a stranger get `{}`; off in settings: `{}` for all.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Store } from "@prisma/client";
import type { Db } from "../../db.server";
import { signAppProxy } from "../../platforms/shopify/proxy-signature";
import { startMirrorSync } from "../../platforms/mirror/sync.server";
import { startStorefrontWorld, type StorefrontWorld } from "../../../test/helpers/storefront";
import { appProxyRequest } from "../../../test/helpers/seed";
import { shopifyWebhookRequest } from "../../../test/helpers/shopify-webhooks";
import { DEMO_SHOP, type ShopifyAdminEmulator } from "../../../test/emulators/shopify-admin/emulator";

const SECRET = process.env.SHOPIFY_API_SECRET!;
const DAY = 24 * 3600_000;
let world: StorefrontWorld;
let db: Db;
let emulator: ShopifyAdminEmulator;
let store: Store;
let ip = 10;

async function say(text: string, conversationId?: string) {
  const request = appProxyRequest("messages", {
    shop: DEMO_SHOP,
    secret: SECRET,
    method: "POST",
    body: JSON.stringify({ text, ...(conversationId ? { conversationId } : {}) }),
    headers: { "x-forwarded-for": `198.51.100.${ip++}`, "user-agent": "proactive-test" },
  });
  const route = await import("../../routes/proxy.messages");
  const res = (await route.action({ request, params: {}, context: {} })) as Response;
  expect(res.status).toBe(200);
  return (await res.json()) as { conversationId: string; conversationToken: string };
}

async function proactive(opts: { token?: string; customerId?: string; tamper?: boolean } = {}) {
  const url = new URL("https://trulybot.test/proxy/proactive");
  url.searchParams.set("shop", DEMO_SHOP);
  url.searchParams.set("logged_in_customer_id", opts.customerId ?? "");
  url.searchParams.set("path_prefix", "/apps/trulybot");
  url.searchParams.set("timestamp", String(Math.floor(Date.now() / 1000)));
  if (opts.token !== undefined) url.searchParams.set("conversationToken", opts.token);
  url.searchParams.set("signature", signAppProxy(url.searchParams, SECRET));
  if (opts.tamper) url.searchParams.set("logged_in_customer_id", "7700000000001");
  const route = await import("../../routes/proxy.proactive");
  const request = new Request(url, { headers: { "x-forwarded-for": `192.0.2.${ip++}`, "user-agent": "t" } });
  const res = (await route.loader({ request, params: {}, context: {} })) as Response;
  return { status: res.status, body: (await res.json()) as { note?: Record<string, string> } };
}

function fulfillmentOf(number: string) {
  const order = emulator.store.orders.find((o) => o.name === `#${number}`)! as Record<string, unknown>;
  return (order.fulfillments as Record<string, unknown>[])[0];
}

async function fulfillmentUpdated(orderId: string, fulfillmentId: string) {
  const request = shopifyWebhookRequest(DEMO_SHOP, "fulfillments/update", {
    id: Number(fulfillmentId),
    order_id: Number(orderId),
    shipment_status: "in_transit",
  });
  const hook = await import("../../routes/webhooks.fulfillments.update");
  expect(((await hook.action({ request, params: {}, context: {} })) as Response).status).toBe(200);
  await vi.waitFor(
    async () =>
      expect(await db.orderEvent.count({ where: { storeId: store.id, processedAt: null } })).toBe(0),
    { timeout: 15_000, interval: 50 },
  );
}

beforeAll(async () => {
  world = await startStorefrontWorld({ shopify: true, jobs: true });
  ({ db, shopify: emulator } = world);
  store = await db.store.findUniqueOrThrow({ where: { id: world.shopifyStoreId } });
  await db.botSettings.update({ where: { storeId: store.id }, data: { proactive: true } });
  // #1009 is on its way, scanned an hour ago, due in two days (the demo data's dates lie in the
  // past of the real clock)
  const events = (fulfillmentOf("1009").events as { nodes: Record<string, unknown>[] }).nodes;
  const scanned = new Date(Date.now() - 3600_000).toISOString();
  Object.assign(events[events.length - 1], { happenedAt: scanned, createdAt: scanned });
  Object.assign(fulfillmentOf("1009"), {
    estimatedDeliveryAt: new Date(Date.now() + 2 * DAY).toISOString(),
    updatedAt: new Date().toISOString(),
  });
  await startMirrorSync(store.id);
  await vi.waitFor(
    async () =>
      expect((await db.orderMirrorSync.findUnique({ where: { storeId: store.id } }))?.status).toBe("done"),
    { timeout: 30_000, interval: 100 },
  );
});
afterAll(async () => {
  await world?.close();
});

describe("GET /apps/trulybot/proactive", () => {
  let verifiedToken: string;
  let otherToken: string;

  it("a verified browser gets nothing while its order is on time", async () => {
    const r = await say("Wo ist meine Bestellung #1009? juergen.mueller@example.net");
    verifiedToken = r.conversationToken;
    otherToken = (await say("hallo, wie lange dauert der Versand?")).conversationToken;
    expect(await proactive({ token: verifiedToken })).toEqual({ status: 200, body: {} });
  });

  it("once the order is past its ETA the verified browser gets the note, in its language, with the next step", async () => {
    const f = fulfillmentOf("1009");
    Object.assign(f, {
      estimatedDeliveryAt: new Date(Date.now() - 2 * DAY).toISOString(),
      updatedAt: new Date().toISOString(),
    });
    await fulfillmentUpdated("5500000000009", String(f.legacyResourceId));
    const { status, body } = await proactive({ token: verifiedToken });
    expect(status).toBe(200);
    expect(body.note).toMatchObject({
      orderNumber: "1009",
      reason: "past_eta",
      next: "wait",
      language: "de",
    });
    expect(body.note!.text).toBe("Bestellung #1009 verspätet sich");
    expect(body.note!.explanation).toContain("DHL Express");
    expect(body.note!.nextStep).toMatch(/Geduld/);
  });

  it("another browser, a forged or malformed token and no token get {} — nothing about the order", async () => {
    for (const token of [
      otherToken,
      crypto.randomBytes(32).toString("base64url"),
      "x'; DROP TABLE--",
      undefined,
    ]) {
      const r = await proactive({ token });
      expect(r).toEqual({ status: 200, body: {} });
    }
  });

  it("a signed logged-in customer gets the note for their own order at risk; a tampered signature is refused", async () => {
    const alice = await proactive({ customerId: "7700000000001" });
    expect(alice.body.note?.orderNumber).toBe("1004"); // partly delivered, the rest past its ETA
    expect(alice.body.note?.language).toBe("en");
    expect((await proactive({ tamper: true })).status).toBe(401);
  });

  it("the merchant's own wording replaces the note; switched off, everyone gets {}", async () => {
    await db.botSettings.update({
      where: { storeId: store.id },
      data: { proactiveNote: "News about your order #{n}" },
    });
    expect((await proactive({ token: verifiedToken })).body.note?.text).toBe("News about your order #1009");
    await db.botSettings.update({ where: { storeId: store.id }, data: { proactive: false } });
    expect(await proactive({ token: verifiedToken })).toEqual({ status: 200, body: {} });
    expect(await proactive({ customerId: "7700000000001" })).toEqual({ status: 200, body: {} });
  });
});

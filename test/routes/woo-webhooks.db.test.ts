/**
 * POST /api/v1/woo/webhooks over real HTTP, delivered the way WooCommerce delivers (the webhook
 * emulator after WC_Webhook), bodies from the captured REST v3 order. The secret is registered by
 * the signed POST /api/v1/woo/webhooks/secret, as the plugin does. Hostile deliveries are refused
 * and change nothing; accepted ones are recorded, and the job turns them into the latest status
 * per order.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb, type Db } from "../../app/db.server";
import { resetEnvForTests } from "../../app/env.server";
import type { JobQueue } from "../../app/jobs/queue.server";
import { startAppJobQueue } from "../helpers/jobs";
import { pruneOrderEvents } from "../../app/jobs/order-events/apply.server";
import { recentOrderChanges } from "../../app/jobs/order-events/recent.server";
import { signedHeaders } from "../../app/platforms/woocommerce/signature.server";
import { createTestDb } from "../helpers/db";
import { startRouteServer } from "../helpers/route-server";
import { seedWooStore } from "../helpers/seed";
import { WooWebhookEmulator, type EmulatedWebhook } from "../emulators/woocommerce/webhooks";

const order727 = JSON.parse(
  fs.readFileSync(
    new URL("../../fixtures/woocommerce/rest-v3/order-727.retrieve-example.docs.json", import.meta.url),
    "utf8",
  ),
);

let db: Db;
let cleanup: () => Promise<void>;
let app: { url: string; close: () => Promise<void> };
let queue: JobQueue;
let jobs: Awaited<ReturnType<typeof startAppJobQueue>>;
let store: { id: string };
let storeSecret: string;
let other: { id: string };
let otherSecret: string;
let woo: WooWebhookEmulator;
const hooks: Record<string, EmulatedWebhook> = {};
const WEBHOOK_SECRET = crypto.randomBytes(24).toString("base64url");
const OTHER_WEBHOOK_SECRET = crypto.randomBytes(24).toString("base64url");

async function registerSecret(storeId: string, secret: string, webhookSecret: unknown, storeName?: string) {
  const body = JSON.stringify({ secret: webhookSecret, storeName });
  const pathWithQuery = "/api/v1/woo/webhooks/secret";
  return fetch(app.url + pathWithQuery, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...signedHeaders(storeId, secret, { method: "POST", pathWithQuery, body }),
    },
    body,
  });
}

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(app.url + path, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });

const snapshot = (orderId: string) =>
  db.orderSnapshot.findUnique({ where: { storeId_orderId: { storeId: store.id, orderId } } });

const eventCount = () => db.orderEvent.count({ where: { storeId: store.id } });

beforeAll(async () => {
  let url: string;
  ({ db, url, cleanup } = await createTestDb());
  setDb(db);
  jobs = await startAppJobQueue(db, url);
  queue = jobs.queue;
  app = await startRouteServer({
    "/api/v1/woo/webhooks": await import("../../app/routes/api.v1.woo.webhooks"),
    "/api/v1/woo/webhooks/secret": await import("../../app/routes/api.v1.woo.webhooks_.secret"),
  });
  process.env.SHOPIFY_APP_URL = app.url;
  resetEnvForTests();
  ({ store, secret: storeSecret } = await seedWooStore(db, {
    url: "https://garden.example",
    consumerKey: "ck_1",
    consumerSecret: "cs_1",
  }));
  ({ store: other, secret: otherSecret } = await seedWooStore(db, {
    url: "https://other.example",
    consumerKey: "ck_2",
    consumerSecret: "cs_2",
  }));
  woo = new WooWebhookEmulator("https://garden.example");
});
afterAll(async () => {
  await jobs?.stop();
  await app?.close();
  await cleanup?.();
});

describe("registering the webhook secret (plugin → app, signed)", () => {
  it("refuses an unsigned call and a malformed secret", async () => {
    const unsigned = await post("/api/v1/woo/webhooks/secret", JSON.stringify({ secret: WEBHOOK_SECRET }));
    expect(unsigned.status).toBe(401);
    const short = await registerSecret(store.id, storeSecret, "too-short");
    expect(short.status).toBe(400);
    expect(await db.wooWebhookSecret.count()).toBe(0);
  });

  it("stores it sealed and answers the delivery URL naming the store", async () => {
    const res = await registerSecret(store.id, storeSecret, WEBHOOK_SECRET);
    expect(res.status).toBe(200);
    const { deliveryUrl } = (await res.json()) as { deliveryUrl: string };
    expect(deliveryUrl).toBe(`${app.url}/api/v1/woo/webhooks?store=${store.id}`);
    const row = await db.wooWebhookSecret.findUniqueOrThrow({ where: { storeId: store.id } });
    expect(row.secret).not.toContain(WEBHOOK_SECRET);
    expect((await registerSecret(other.id, otherSecret, OTHER_WEBHOOK_SECRET)).status).toBe(200);
    for (const topic of ["order.created", "order.updated", "order.deleted", "customer.deleted"]) {
      hooks[topic] = woo.create({ name: `TrulyBot ${topic}`, topic, deliveryUrl, secret: WEBHOOK_SECRET });
    }
  });
});

describe("the store's name after one-click connect", () => {
  it("a store still named by its host takes the site title the plugin sends; a name the merchant chose stays", async () => {
    await db.store.update({ where: { id: other.id }, data: { name: "other.example" } });
    const res = await registerSecret(
      other.id,
      otherSecret,
      OTHER_WEBHOOK_SECRET,
      "  Other Garden\u0007 & Co ",
    );
    expect(res.status).toBe(200);
    expect((await db.store.findUniqueOrThrow({ where: { id: other.id } })).name).toBe("Other Garden & Co");
    expect((await registerSecret(store.id, storeSecret, WEBHOOK_SECRET, "Renamed?")).status).toBe(200);
    expect((await db.store.findUniqueOrThrow({ where: { id: store.id } })).name).toBe("Demo Woo Garden");
  });
});

describe("deliveries", () => {
  it("answers WooCommerce's creation ping with 200 (so the webhook can be saved) and records nothing", async () => {
    expect(await woo.ping(hooks["order.created"].id)).toEqual({ ok: true, status: 200 });
    expect(await eventCount()).toBe(0);
  });

  it("refuses unsigned, wrongly signed and other-store-signed deliveries with 401", async () => {
    const url = `/api/v1/woo/webhooks?store=${store.id}`;
    const body = JSON.stringify(order727);
    expect((await post(url, body, { "x-wc-webhook-topic": "order.updated" })).status).toBe(401);
    const wrong = await woo.deliver(hooks["order.updated"], order727, {
      secret: "not-the-secret-at-all-0123456789",
    });
    expect(wrong.status).toBe(401);
    const otherStores = await woo.deliver(hooks["order.updated"], order727, { secret: OTHER_WEBHOOK_SECRET });
    expect(otherStores.status).toBe(401);
    // a tampered body with the original signature
    const sig = crypto.createHmac("sha256", WEBHOOK_SECRET).update(body).digest("base64");
    const tampered = body.replace('"processing"', '"cancelled"');
    const res = await post(url, tampered, {
      "x-wc-webhook-topic": "order.updated",
      "x-wc-webhook-signature": sig,
    });
    expect(res.status).toBe(401);
    expect(await eventCount()).toBe(0);
  });

  it("refuses an unknown or missing store with 401", async () => {
    const body = JSON.stringify(order727);
    const sig = crypto.createHmac("sha256", WEBHOOK_SECRET).update(body).digest("base64");
    const headers = { "x-wc-webhook-topic": "order.updated", "x-wc-webhook-signature": sig };
    expect((await post("/api/v1/woo/webhooks?store=nope", body, headers)).status).toBe(401);
    expect((await post("/api/v1/woo/webhooks", body, headers)).status).toBe(401);
    expect((await post(`/api/v1/woo/webhooks?store=${"x".repeat(500)}`, body, headers)).status).toBe(401);
  });

  it("refuses an oversized body with 413 and malformed signed JSON with 400", async () => {
    const url = `/api/v1/woo/webhooks?store=${store.id}`;
    const huge = JSON.stringify({ ...order727, pad: "x".repeat(2 * 1024 * 1024) });
    expect(
      (await post(url, huge, { "x-wc-webhook-topic": "order.updated", "x-wc-webhook-signature": "x" }))
        .status,
    ).toBe(413);
    const junk = '{"id": 727, "status": ';
    const sig = crypto.createHmac("sha256", WEBHOOK_SECRET).update(junk).digest("base64");
    const res = await post(url, junk, {
      "x-wc-webhook-topic": "order.updated",
      "x-wc-webhook-signature": sig,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_json");
    const noId = await woo.deliver(hooks["order.updated"], { status: "processing" });
    expect(noId.status).toBe(400);
    const notObject = await woo.deliver(hooks["order.updated"], [1, 2]);
    expect(notObject.status).toBe(400);
    expect(await eventCount()).toBe(0);
  });

  it("acknowledges a signed topic it did not subscribe to without recording it", async () => {
    const hook = woo.create({
      name: "x",
      topic: "product.updated",
      deliveryUrl: hooks["order.created"].deliveryUrl,
      secret: WEBHOOK_SECRET,
    });
    expect((await woo.deliver(hook, { id: 5 })).status).toBe(200);
    woo.remove(hook.id);
    expect(await eventCount()).toBe(0);
  });

  it("order.created then order.updated: recorded, and the job records the status the bot would show", async () => {
    const created = { ...order727, status: "pending", date_modified_gmt: "2026-12-01T10:00:00" };
    expect((await woo.deliver(hooks["order.created"], created)).status).toBe(200);
    const updated = { ...order727, status: "completed", date_modified_gmt: "2026-12-02T10:00:00" };
    expect((await woo.deliver(hooks["order.updated"], updated)).status).toBe(200);
    expect(await eventCount()).toBe(2);
    await queue.start();
    await vi.waitFor(async () => expect((await snapshot("727"))?.platformStatus).toBe("completed"), {
      timeout: 15_000,
      interval: 50,
    });
    expect(await snapshot("727")).toMatchObject({
      orderNumber: "727",
      status: "shipped",
      lastTopic: "order.updated",
      sourceUpdatedAt: new Date("2026-12-02T10:00:00Z"),
    });
    const stored = await db.orderEvent.findMany({ where: { storeId: store.id } });
    for (const e of stored) expect(e.payload).not.toContain("john.doe@example.com");
  });

  it("an older update delivered late does not overwrite a newer status", async () => {
    const stale = { ...order727, status: "on-hold", date_modified_gmt: "2026-12-01T12:00:00" };
    expect((await woo.deliver(hooks["order.updated"], stale)).status).toBe(200);
    await vi.waitFor(
      async () =>
        expect(await db.orderEvent.count({ where: { storeId: store.id, processedAt: null } })).toBe(0),
      { timeout: 15_000, interval: 50 },
    );
    expect((await snapshot("727"))?.platformStatus).toBe("completed");
  });

  it("a replayed delivery — same delivery id, or the same signed body again — is acknowledged and not recorded twice", async () => {
    const body = { ...order727, status: "refunded", date_modified_gmt: "2026-12-03T08:00:00" };
    const first = await woo.deliver(hooks["order.updated"], body);
    expect(first.status).toBe(200);
    const before = await eventCount();
    const again = await post(
      hooks["order.updated"].deliveryUrl.replace(app.url, ""),
      first.body,
      first.headers,
    );
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });
    const fresh = { ...first.headers, "x-wc-webhook-delivery-id": crypto.randomBytes(16).toString("hex") };
    const replay = await post(hooks["order.updated"].deliveryUrl.replace(app.url, ""), first.body, fresh);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ duplicate: true });
    expect(await eventCount()).toBe(before);
  });

  it("two different orders delivered in the same second (same WooCommerce delivery id) are both recorded", async () => {
    const sameSecond = new WooWebhookEmulator(
      "https://garden.example",
      () => new Date("2026-12-03T09:00:00Z"),
    );
    const hook = sameSecond.create({ ...hooks["order.created"] });
    const a = await sameSecond.deliver(hook, { ...order727, id: 801, number: "801" });
    const b = await sameSecond.deliver(hook, { ...order727, id: 802, number: "802" });
    expect(a.deliveryId).toBe(b.deliveryId);
    expect([a.status, b.status]).toEqual([200, 200]);
    await vi.waitFor(async () => expect(await snapshot("802")).not.toBeNull(), {
      timeout: 15_000,
      interval: 50,
    });
    expect(await snapshot("801")).not.toBeNull();
  });

  it("the dashboard lists the store's recent order changes, newest first, and no other store's", async () => {
    const changes = await recentOrderChanges(store.id);
    expect(changes.map((c) => c.orderId).sort()).toEqual(["727", "801", "802"]);
    const times = changes.map((c) => c.lastEventAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(changes.find((c) => c.orderId === "727")).toMatchObject({
      orderNumber: "727",
      lastTopic: "order.updated",
    });
    expect(await recentOrderChanges(other.id)).toEqual([]);
  });

  it("order.deleted marks the order deleted", async () => {
    expect((await woo.deliver(hooks["order.deleted"], { id: 801 })).status).toBe(200);
    await vi.waitFor(async () => expect((await snapshot("801"))?.status).toBe("deleted"), {
      timeout: 15_000,
      interval: 50,
    });
  });

  it("customer.deleted forgets that customer's conversations with the bot, and nobody else's", async () => {
    const mine = await db.conversation.create({
      data: { storeId: store.id, shopperKey: "k1", customerId: "77" },
    });
    const theirs = await db.conversation.create({
      data: { storeId: store.id, shopperKey: "k2", customerId: "78" },
    });
    const otherStore = await db.conversation.create({
      data: { storeId: other.id, shopperKey: "k3", customerId: "77" },
    });
    expect((await woo.deliver(hooks["customer.deleted"], { id: 77 })).status).toBe(200);
    await vi.waitFor(
      async () => expect(await db.conversation.findUnique({ where: { id: mine.id } })).toBeNull(),
      {
        timeout: 15_000,
        interval: 50,
      },
    );
    expect(await db.conversation.findUnique({ where: { id: theirs.id } })).not.toBeNull();
    expect(await db.conversation.findUnique({ where: { id: otherStore.id } })).not.toBeNull();
  });

  it("a disconnected store's deliveries are refused (WooCommerce then disables the webhook)", async () => {
    await db.store.update({ where: { id: other.id }, data: { status: "disconnected" } });
    const hook = woo.create({
      name: "other",
      topic: "order.updated",
      deliveryUrl: `${app.url}/api/v1/woo/webhooks?store=${other.id}`,
      secret: OTHER_WEBHOOK_SECRET,
    });
    for (let i = 0; i < 7; i++) expect((await woo.deliver(hook, order727)).status).toBe(401);
    expect(hook.status).toBe("disabled");
  });

  it("processed events older than 30 days are pruned; unprocessed and recent ones stay", async () => {
    const old = new Date("2026-10-01T00:00:00Z");
    await db.orderEvent.create({
      data: {
        storeId: store.id,
        platform: "woocommerce",
        topic: "order.updated",
        deliveryId: "old-1",
        receivedAt: old,
        processedAt: old,
      },
    });
    await db.orderEvent.create({
      data: {
        storeId: store.id,
        platform: "woocommerce",
        topic: "order.updated",
        deliveryId: "old-2",
        receivedAt: old,
      },
    });
    const total = await eventCount();
    expect(await pruneOrderEvents(store.id, new Date("2026-12-03T00:00:00Z"))).toBe(1);
    expect(await eventCount()).toBe(total - 1);
    expect(await db.orderEvent.findFirst({ where: { deliveryId: "old-2" } })).not.toBeNull();
  });

  it("GET is not allowed", async () => {
    expect((await fetch(`${app.url}/api/v1/woo/webhooks?store=${store.id}`)).status).toBe(405);
  });
});

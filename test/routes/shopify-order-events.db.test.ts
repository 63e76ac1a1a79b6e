/**
 * Shopify order events: orders/updated, fulfillments/create, fulfillments/update — real Requests
 * signed like Shopify (HMAC of the body with the app secret), bodies from Shopify's documented
 * examples. A bad HMAC is refused with 401; each delivery is recorded once per X-Shopify-Webhook-Id;
 * the job turns them into the latest status per order.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb, type Db } from "../../app/db.server";
import type { JobQueue } from "../../app/jobs/queue.server";
import { startAppJobQueue } from "../helpers/jobs";
import { createTestDb } from "../helpers/db";
import { seedShopifyShop } from "../helpers/seed";
import { callWebhookRoute, shopifyWebhookRequest, webhookFixture } from "../helpers/shopify-webhooks";

const SHOP = "events-test.myshopify.com";
const fixture = webhookFixture;

let db: Db;
let cleanup: () => Promise<void>;
let queue: JobQueue;
let jobs: Awaited<ReturnType<typeof startAppJobQueue>>;
let storeId: string;

async function deliver(
  topic: string,
  payload: unknown,
  opts: { id?: string; hmac?: string; shop?: string } = {},
) {
  return callWebhookRoute(
    topic.replace("/", "."),
    shopifyWebhookRequest(opts.shop ?? SHOP, topic, payload, opts),
  );
}

const snapshot = (orderId: string) =>
  db.orderSnapshot.findUnique({ where: { storeId_orderId: { storeId, orderId } } });

beforeAll(async () => {
  let url: string;
  ({ db, url, cleanup } = await createTestDb());
  setDb(db);
  jobs = await startAppJobQueue(db, url);
  queue = jobs.queue;
  storeId = (await seedShopifyShop(db, SHOP, "shpat_events")).id;
});
afterAll(async () => {
  await jobs?.stop();
  await cleanup?.();
});

describe("Shopify order events", () => {
  it("refuses a bad HMAC with 401 and records nothing", async () => {
    for (const topic of ["orders/updated", "fulfillments/create", "fulfillments/update"]) {
      const res = await deliver(topic, fixture(topic), { hmac: "bm90LXRoZS1obWFj" });
      expect(res.status).toBe(401);
    }
    expect(await db.orderEvent.count()).toBe(0);
  });

  it("orders/updated is recorded once per webhook id, even when delivered twice at once", async () => {
    const order = {
      ...fixture("orders/updated"),
      admin_graphql_api_id: "gid://shopify/Order/5001",
      name: "#1001",
    };
    const id = crypto.randomUUID();
    const [a, b] = await Promise.all([
      deliver("orders/updated", order, { id }),
      deliver("orders/updated", order, { id }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await db.orderEvent.count({ where: { storeId, orderId: "5001" } })).toBe(1);
    const [event] = await db.orderEvent.findMany({ where: { storeId, orderId: "5001" } });
    expect(event.payload).not.toContain("john@example.com");
    expect(event.payload).not.toContain("Elm St");
    await queue.start();
    await vi.waitFor(async () => expect((await snapshot("5001"))?.status).toBe("cancelled"), {
      timeout: 15_000,
      interval: 50,
    });
    expect(await snapshot("5001")).toMatchObject({ orderNumber: "1001", lastTopic: "orders/updated" });
  });

  it("a later orders/updated (paid, partly fulfilled) replaces the status", async () => {
    const order = {
      ...fixture("orders/updated"),
      admin_graphql_api_id: "gid://shopify/Order/5001",
      cancelled_at: null,
      financial_status: "paid",
      fulfillment_status: "partial",
      updated_at: "2030-01-01T10:00:00Z",
    };
    expect((await deliver("orders/updated", order)).status).toBe(200);
    await vi.waitFor(async () => expect((await snapshot("5001"))?.status).toBe("partially_shipped"), {
      timeout: 15_000,
      interval: 50,
    });
  });

  it("fulfillments/create then fulfillments/update carry the shipment's progress", async () => {
    const created = { ...fixture("fulfillments/create"), order_id: 5001, shipment_status: "in_transit" };
    expect((await deliver("fulfillments/create", created)).status).toBe(200);
    await vi.waitFor(async () => expect((await snapshot("5001"))?.shipmentStatus).toBe("in_transit"), {
      timeout: 15_000,
      interval: 50,
    });
    const updated = { ...fixture("fulfillments/update"), order_id: 5001, shipment_status: "delivered" };
    expect((await deliver("fulfillments/update", updated)).status).toBe(200);
    await vi.waitFor(async () => expect((await snapshot("5001"))?.shipmentStatus).toBe("delivered"), {
      timeout: 15_000,
      interval: 50,
    });
    expect((await snapshot("5001"))?.lastTopic).toBe("fulfillments/update");
  });

  it("a fulfillment for an order not seen yet is remembered", async () => {
    const f = { ...fixture("fulfillments/create"), order_id: 6002, shipment_status: null };
    expect((await deliver("fulfillments/create", f)).status).toBe(200);
    await vi.waitFor(
      async () => expect(await snapshot("6002")).toMatchObject({ shipmentStatus: "unknown" }),
      {
        timeout: 15_000,
        interval: 50,
      },
    );
  });

  it("an unknown shop, or a payload without an order id, is acknowledged and records nothing", async () => {
    const before = await db.orderEvent.count();
    expect(
      (await deliver("orders/updated", fixture("orders/updated"), { shop: "nobody.myshopify.com" })).status,
    ).toBe(200);
    expect((await deliver("fulfillments/update", { id: 1, status: "success" })).status).toBe(200);
    expect(await db.orderEvent.count()).toBe(before);
  });
});

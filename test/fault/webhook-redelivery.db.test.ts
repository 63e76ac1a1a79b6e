/**
 * Shopify re-delivers a webhook when our answer is slow or lost — sometimes while the first delivery
 * is still being processed. Each delivery (X-Shopify-Webhook-Id) must take effect exactly once, also
 * when the two copies arrive at the same time (the PostgreSQL pass shows the race; SQLite's single
 * connection happens to serialize the two).
 *
 * Bug shown here (PostgreSQL): oncePerDelivery() (app/platforms/shopify/compliance.server.ts) checks for the
 * delivery id, runs the work, then records the id — two concurrent copies both pass the check, so a
 * data request is exported/logged twice. Fix: claim the id first (create the WebhookDelivery row,
 * P2002 → already handled, return), run the work, and delete the claim if the work throws so
 * Shopify's retry can run it.
 *
 * Replays: a captured body + HMAC sent again under a new delivery id (within Shopify's 48 h retry
 * window), or re-labelled with another topic, is not processed again
 * (app/security/shopify-webhook.server.ts).
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../../app/db.server";
import { createTestDb } from "../helpers/db";
import { seedShopifyShop } from "../helpers/seed";
import { callWebhookRoute, shopifyWebhookRequest, webhookFixture } from "../helpers/shopify-webhooks";

const SHOP = "redelivery-test.myshopify.com";
const fixture = webhookFixture;

let db: Db;
let cleanup: () => Promise<void>;
let storeId = "";

function deliver(route: string, topic: string, payload: unknown, id: string): Promise<Response> {
  return callWebhookRoute(route, shopifyWebhookRequest(SHOP, topic, payload, { id }));
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  setDb(db);
  storeId = (await seedShopifyShop(db, SHOP, "shpat_x")).id;
});
afterAll(async () => cleanup?.());

describe("webhook re-delivery", () => {
  it("customers/data_request delivered twice in a row with the same id: one export recorded", async () => {
    const id = crypto.randomUUID();
    const p = { ...fixture("customers/data_request"), shop_domain: SHOP };
    expect((await deliver("customers.data_request", "customers/data_request", p, id)).status).toBe(200);
    expect((await deliver("customers.data_request", "customers/data_request", p, id)).status).toBe(200);
    expect(await db.activityLog.count({ where: { storeId, action: "customer.data_request" } })).toBe(1);
  });

  it("customers/data_request delivered several times AT THE SAME TIME with the same id: still one export recorded", async () => {
    // several deliveries (each its own data request), three copies each at once: a check-then-act
    // race shows up reliably
    for (let round = 0; round < 5; round++) {
      const p = {
        ...fixture("customers/data_request"),
        shop_domain: SHOP,
        data_request: { id: 90_000 + round },
      };
      const before = await db.activityLog.count({ where: { storeId, action: "customer.data_request" } });
      const id = crypto.randomUUID();
      const responses = await Promise.all(
        [0, 1, 2].map(() => deliver("customers.data_request", "customers/data_request", p, id)),
      );
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(await db.activityLog.count({ where: { storeId, action: "customer.data_request" } })).toBe(
        before + 1,
      );
      expect(await db.webhookDelivery.count({ where: { id: { contains: id } } })).toBe(1);
    }
  });

  it("app/scopes_update delivered twice at the same time: applied once, scopes current", async () => {
    const id = crypto.randomUUID();
    const p = {
      id: 1,
      previous: ["read_orders"],
      current: ["read_orders", "read_all_orders"],
      updated_at: new Date().toISOString(),
    };
    const [r1, r2] = await Promise.all([
      deliver("app.scopes_update", "app/scopes_update", p, id),
      deliver("app.scopes_update", "app/scopes_update", p, id),
    ]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    expect((await db.store.findUniqueOrThrow({ where: { id: storeId } })).scopes).toBe(
      "read_orders,read_all_orders",
    );
    expect(await db.webhookDelivery.count({ where: { id: { contains: id } } })).toBe(1);
  });

  it("a captured body + HMAC replayed under a NEW X-Shopify-Webhook-Id within 48 h: 200, not processed again", async () => {
    const p = { ...fixture("customers/data_request"), shop_domain: SHOP, data_request: { id: 424242 } };
    const count = () => db.activityLog.count({ where: { storeId, action: "customer.data_request" } });
    const before = await count();
    expect(
      (await deliver("customers.data_request", "customers/data_request", p, crypto.randomUUID())).status,
    ).toBe(200);
    expect(await count()).toBe(before + 1);
    const replays = await Promise.all(
      [0, 1, 2].map(() =>
        deliver("customers.data_request", "customers/data_request", p, crypto.randomUUID()),
      ),
    );
    expect(replays.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await count()).toBe(before + 1);
    // after the 48 h window the same body is a new event again
    await db.webhookPayload.updateMany({ data: { receivedAt: new Date(Date.now() - 49 * 3600_000) } });
    expect(
      (await deliver("customers.data_request", "customers/data_request", p, crypto.randomUUID())).status,
    ).toBe(200);
    expect(await count()).toBe(before + 2);
  });

  it("the same body sent to ANOTHER topic's route (topic header changed to match) is not processed", async () => {
    const c = await db.conversation.create({
      data: { storeId, shopperKey: crypto.randomUUID(), customerId: "5150" },
    });
    const body = { ...fixture("customers/data_request"), shop_domain: SHOP, customer: { id: 5150 } };
    expect(
      (await deliver("customers.data_request", "customers/data_request", body, crypto.randomUUID())).status,
    ).toBe(200);
    // the attacker re-labels the captured data request as a redaction
    const res = await deliver("customers.redact", "customers/redact", body, crypto.randomUUID());
    expect(res.status).toBe(200);
    expect(await db.conversation.count({ where: { id: c.id } })).toBe(1);
  });

  it.each([
    ["customers.redact", "customers/data_request"],
    ["shop.redact", "app/uninstalled"],
    ["app.uninstalled", "shop/redact"],
  ])("the %s route refuses a webhook whose topic header is %s (400, nothing done)", async (route, topic) => {
    const p = { ...fixture("shop/redact"), shop_domain: SHOP, nonce: crypto.randomUUID() };
    const res = await deliver(route, topic, p, crypto.randomUUID());
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("wrong_topic");
    const store = await db.store.findUniqueOrThrow({ where: { id: storeId } });
    expect(store.status).toBe("active");
  });
});

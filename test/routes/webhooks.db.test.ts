/**
 * Shopify webhooks: each topic, HMAC-verified by authenticate.webhook, does its job (checked in the
 * database), refuses a bad HMAC with 401, and is idempotent under re-delivery. Payloads are
 * Shopify's documented examples from the shared fixtures, pointed at our test shop.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../../app/db.server";
import { createTestDb } from "../helpers/db";
import { seedShopifyShop } from "../helpers/seed";
import { callWebhookRoute, shopifyWebhookRequest, webhookFixture } from "../helpers/shopify-webhooks";

const SHOP = "webhook-test.myshopify.com";
const fixture = webhookFixture;

let db: Db;
let cleanup: () => Promise<void>;
let storeId: string;

async function deliver(
  route: string,
  topic: string,
  payload: unknown,
  opts: { id?: string; hmac?: string } = {},
): Promise<Response> {
  return callWebhookRoute(route, shopifyWebhookRequest(SHOP, topic, payload, opts));
}

async function seedConversation(customer: { id?: string; email?: string }, text: string) {
  const c = await db.conversation.create({
    data: { storeId, shopperKey: crypto.randomUUID(), customerId: customer.id ?? null },
  });
  await db.message.create({ data: { conversationId: c.id, role: "shopper", type: "text", text } });
  await db.orderLookup.create({
    data: {
      storeId,
      conversationId: c.id,
      orderNumberHash: "h",
      method: "email",
      outcome: "verified",
      latencyMs: 5,
    },
  });
  return c;
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  setDb(db);
  storeId = (await seedShopifyShop(db, SHOP, "shpat_x")).id;
});
afterAll(async () => cleanup?.());

describe("webhooks", () => {
  it("refuses a bad HMAC with 401 and changes nothing", async () => {
    const res = await deliver("app.uninstalled", "app/uninstalled", fixture("app/uninstalled"), {
      hmac: "bm90LXRoZS1obWFj",
    });
    expect(res.status).toBe(401);
    expect((await db.store.findUniqueOrThrow({ where: { id: storeId } })).status).toBe("active");
  });

  it("customers/data_request compiles what we hold about that customer", async () => {
    const p = fixture("customers/data_request");
    p.shop_domain = SHOP;
    p.customer = { id: 4242, email: "john@example.com", phone: "555-625-1199" };
    await seedConversation({ id: "4242" }, "where is my order 1001");
    await db.handoffRequest.create({
      data: { storeId, email: "John@Example.com", message: "please call me" },
    });
    const res = await deliver("customers.data_request", "customers/data_request", p);
    expect(res.status).toBe(200);
    const log = await db.activityLog.findFirstOrThrow({
      where: { storeId, action: "customer.data_request" },
    });
    const exported = JSON.parse(log.details).export;
    expect(exported.conversations).toHaveLength(1);
    expect(exported.conversations[0].messages[0].text).toBe("where is my order 1001");
    expect(exported.handoffs[0].message).toBe("please call me");
  });

  it("customers/redact deletes that customer's conversations, messages, lookups and handoffs — and nobody else's", async () => {
    const p = fixture("customers/redact");
    p.shop_domain = SHOP;
    const byId = await seedConversation({ id: String(p.customer.id) }, "hi");
    const byEmail = await seedConversation({}, `my email is ${p.customer.email.toUpperCase()}`);
    const other = await seedConversation({ id: "999" }, "someone else, other@example.com");
    await db.handoffRequest.create({ data: { storeId, email: p.customer.email, message: "m" } });
    const res = await deliver("customers.redact", "customers/redact", p);
    expect(res.status).toBe(200);
    expect(await db.conversation.count({ where: { id: { in: [byId.id, byEmail.id] } } })).toBe(0);
    expect(await db.message.count({ where: { conversationId: { in: [byId.id, byEmail.id] } } })).toBe(0);
    expect(await db.orderLookup.count({ where: { conversationId: { in: [byId.id, byEmail.id] } } })).toBe(0);
    expect(await db.handoffRequest.count({ where: { email: p.customer.email } })).toBe(0);
    expect(await db.conversation.count({ where: { id: other.id } })).toBe(1);
  });

  it("customers/redact matches the exact address: ann@example.com never touches joann@, ann@example.com.au or a%n@ lookalikes", async () => {
    const p = fixture("customers/redact");
    p.shop_domain = SHOP;
    p.customer = { id: 70001, email: "Ann@Example.com", phone: null };
    const ann = await seedConversation({}, "it's ann@example.com.");
    const joann = await seedConversation({}, "my email is joann@example.com");
    const au = await seedConversation({}, "ann@example.com.au here");
    const wild = await seedConversation({}, "a_n@example.com");
    await db.handoffRequest.createMany({
      data: [
        { storeId, email: "ANN@example.com", message: "mine" },
        { storeId, email: "joann@example.com", message: "not mine" },
        { storeId, email: "ann@example.com.au", message: "not mine either" },
      ],
    });
    expect((await deliver("customers.redact", "customers/redact", p)).status).toBe(200);
    expect(await db.conversation.count({ where: { id: ann.id } })).toBe(0);
    expect(await db.conversation.count({ where: { id: { in: [joann.id, au.id, wild.id] } } })).toBe(3);
    const left = await db.handoffRequest.findMany({ where: { storeId }, select: { email: true } });
    expect(left.map((h) => h.email)).toEqual(
      expect.arrayContaining(["joann@example.com", "ann@example.com.au"]),
    );
    expect(left.map((h) => h.email.toLowerCase())).not.toContain("ann@example.com");
  });

  it("customers/redact: % and _ in an address are literal characters, not wildcards", async () => {
    const p = fixture("customers/redact");
    p.shop_domain = SHOP;
    p.customer = { id: 70002, email: "b_b%@example.com", phone: null };
    const bob = await seedConversation({}, "bobb@example.com please");
    const exact = await seedConversation({}, "write to b_b%@example.com");
    expect((await deliver("customers.redact", "customers/redact", p)).status).toBe(200);
    expect(await db.conversation.count({ where: { id: exact.id } })).toBe(0);
    expect(await db.conversation.count({ where: { id: bob.id } })).toBe(1);
  });

  it("customers/redact removes that customer's data-request export from the activity log (and no one else's)", async () => {
    const req = fixture("customers/data_request");
    req.shop_domain = SHOP;
    req.customer = { id: 70003, email: "cara@example.com", phone: null };
    await seedConversation({ id: "70003" }, "my email is cara@example.com");
    expect((await deliver("customers.data_request", "customers/data_request", req)).status).toBe(200);
    const other = { ...req, customer: { id: 70004, email: "dave@example.com", phone: null } };
    expect((await deliver("customers.data_request", "customers/data_request", other)).status).toBe(200);
    const before = await db.activityLog.findMany({ where: { storeId, action: "customer.data_request" } });
    expect(before.some((l) => l.details.includes("cara@example.com"))).toBe(true);

    const red = fixture("customers/redact");
    red.shop_domain = SHOP;
    red.customer = { id: 70003, email: "cara@example.com", phone: null };
    expect((await deliver("customers.redact", "customers/redact", red)).status).toBe(200);
    const all = await db.activityLog.findMany({ where: { storeId } });
    expect(all.some((l) => l.details.includes("cara@example.com"))).toBe(false);
    expect(all.some((l) => l.details.includes("dave@example.com"))).toBe(true);
  });

  it("app/scopes_update keeps the session's and store's scopes current", async () => {
    const res = await deliver("app.scopes_update", "app/scopes_update", {
      id: 1,
      previous: ["read_orders"],
      current: ["read_orders", "read_all_orders"],
      updated_at: new Date().toISOString(),
    });
    expect(res.status).toBe(200);
    expect((await db.session.findFirstOrThrow({ where: { shop: SHOP } })).scope).toBe(
      "read_orders,read_all_orders",
    );
    expect((await db.store.findUniqueOrThrow({ where: { id: storeId } })).scopes).toBe(
      "read_orders,read_all_orders",
    );
  });

  it("app/uninstalled marks the store uninstalled and deletes sessions; re-delivery is a no-op", async () => {
    const id = crypto.randomUUID();
    const res = await deliver("app.uninstalled", "app/uninstalled", fixture("app/uninstalled"), { id });
    expect(res.status).toBe(200);
    const store = await db.store.findUniqueOrThrow({ where: { id: storeId } });
    expect(store.status).toBe("uninstalled");
    expect(store.uninstalledAt).not.toBeNull();
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(0);
    const again = await deliver("app.uninstalled", "app/uninstalled", fixture("app/uninstalled"), { id });
    expect(again.status).toBe(200);
    expect(await db.activityLog.count({ where: { storeId, action: "store.uninstalled" } })).toBe(1);
  });

  it("shop/redact deletes everything of that shop", async () => {
    await db.faqEntry.create({ data: { storeId, question: "q", answer: "a" } });
    await db.orderSnapshot.create({
      data: {
        storeId,
        orderId: "gid://shopify/Order/1",
        orderNumber: "1001",
        status: "shipped",
        customerId: "7",
        lastEventAt: new Date(),
        lastTopic: "orders/updated",
      },
    });
    const p = fixture("shop/redact");
    p.shop_domain = SHOP;
    const res = await deliver("shop.redact", "shop/redact", p);
    expect(res.status).toBe(200);
    expect(await db.store.count({ where: { id: storeId } })).toBe(0);
    for (const count of [
      db.conversation.count({ where: { storeId } }),
      db.handoffRequest.count({ where: { storeId } }),
      db.faqEntry.count({ where: { storeId } }),
      db.orderLookup.count({ where: { storeId } }),
      db.botSettings.count({ where: { storeId } }),
      db.activityLog.count({ where: { storeId } }),
      db.orderSnapshot.count({ where: { storeId } }),
      db.orderEvent.count({ where: { storeId } }),
    ]) {
      expect(await count).toBe(0);
    }
    // idempotent: a second delivery (new id) succeeds and changes nothing
    expect((await deliver("shop.redact", "shop/redact", p)).status).toBe(200);
  });
});

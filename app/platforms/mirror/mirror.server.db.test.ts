/**
 * The order mirror against the Shopify Admin API emulator over HTTP (real GraphQL client, real
 * database, real job runner, real signed webhook Requests and the real app-proxy chat route):
 * steady-state lookups cost (almost) no API calls, PII is sealed at rest, a stale row falls back to
 * the API, and a status change delivered by webhook reaches the bot's next answer.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Store } from "@prisma/client";
import type { Db } from "../../db.server";
import { startStorefrontWorld, type StorefrontWorld } from "../../../test/helpers/storefront";
import { appProxyRequest } from "../../../test/helpers/seed";
import { shopifyWebhookRequest } from "../../../test/helpers/shopify-webhooks";
import { DEMO_SHOP, type ShopifyAdminEmulator } from "../../../test/emulators/shopify-admin/emulator";
import { createLatencyFloor } from "../../security/latency-floor";
import { adapterForStore } from "../adapters.server";
import { withOrderMirror } from "./adapter.server";
import { mirroredFields } from "./rows.server";
import { startMirrorSync } from "./sync.server";

const SECRET = process.env.SHOPIFY_API_SECRET!;
const KNOWN = ["1001", "1002", "1003", "1004", "1006", "1007", "1008", "1009", "1010", "1012"];
let world: StorefrontWorld;
let db: Db;
let emulator: ShopifyAdminEmulator;
let store: Store;

const orderRequests = () => emulator.requests.filter((r) => /Order/.test(r.operationName ?? "")).length;

beforeAll(async () => {
  world = await startStorefrontWorld({ shopify: true, jobs: true });
  ({ db, shopify: emulator } = world);
  store = await db.store.findUniqueOrThrow({ where: { id: world.shopifyStoreId } });
});
afterAll(async () => {
  await world?.close();
});

describe("order mirror", () => {
  it("passes lookups through to the API until the initial sync is done, then the sync mirrors the window", async () => {
    const adapter = withOrderMirror(await adapterForStore(store), { db, storeId: store.id });
    expect((await adapter.findOrder({ orderNumber: "1002" })).kind).toBe("found");
    expect(await db.orderMirror.count()).toBe(0);
    await startMirrorSync(store.id, { pageSize: 4 });
    await vi.waitFor(
      async () =>
        expect(await db.orderMirrorSync.findUnique({ where: { storeId: store.id } })).toMatchObject({
          status: "done",
        }),
      { timeout: 30_000, interval: 100 },
    );
    const numbers = (await db.orderMirror.findMany({ where: { storeId: store.id } })).map(
      (r) => r.orderNumber,
    );
    // every demo order placed within 60 days, and not the one from July
    for (const n of KNOWN) expect(numbers).toContain(n);
    expect(numbers).not.toContain("1011");
    // one bulk operation listed the ids (validated against the Admin schema); each page read its file
    const ops = emulator.requests.map((r) => r.operationName);
    expect(ops.filter((o) => o === "TrulyBotMirrorBulk")).toHaveLength(1);
    expect(emulator.requests.filter((r) => r.path.startsWith("/bulk/")).length).toBeGreaterThan(1);
  });

  it("answers 100 lookups of known orders with at most 0.1 store API calls each", async () => {
    const adapter = withOrderMirror(await adapterForStore(store), { db, storeId: store.id });
    const fromApi = new Map<string, unknown>();
    for (const n of KNOWN) {
      const r = await adapter.findOrder({ orderNumber: `#${n}` });
      expect(r.kind).toBe("found");
      if (r.kind === "found") fromApi.set(n, mirroredFields(r.order));
    }
    const before = emulator.requests.length;
    for (let i = 0; i < 100; i++) {
      const n = KNOWN[i % KNOWN.length];
      const r = await adapter.findOrder({ orderNumber: n });
      expect(r.kind === "found" && r.order).toEqual(fromApi.get(n));
    }
    const perLookup = (emulator.requests.length - before) / 100;
    console.log(`store API calls per lookup at steady state: ${perLookup}`);
    expect(perLookup).toBeLessThanOrEqual(0.1);
  });

  it("pads a mirror hit to the store's latency floor without lowering it (no timing oracle)", async () => {
    const floor = createLatencyFloor({ minMs: 400 });
    const pads: number[] = [];
    const adapter = withOrderMirror(await adapterForStore(store), {
      db,
      storeId: store.id,
      floor,
      sleep: async (ms) => void pads.push(ms),
    });
    for (const n of ["1002", "1003", "1004"])
      expect((await adapter.findOrder({ orderNumber: n })).kind).toBe("found");
    expect(pads).toHaveLength(3);
    for (const p of pads) expect(p).toBeGreaterThan(0);
    expect(floor.target()).toBe(400); // the fast mirror hits were not recorded as lookup times
    expect(floor.paddedMs).toBeCloseTo(pads.reduce((a, b) => a + b, 0));
    // the owner's answer (the caller's contact check passes) is not padded: its body shows the order
    const owner = await adapter.findOrder({ orderNumber: "1002", verify: (r) => r.kind === "found" });
    expect(owner.kind).toBe("found");
    expect(pads).toHaveLength(3);
  });

  it("keeps e-mail, phone, names and city sealed at rest", async () => {
    const row = await db.orderMirror.findUnique({
      where: { storeId_orderNumber: { storeId: store.id, orderNumber: "1002" } },
    });
    expect(row).toMatchObject({ orderNumber: "1002", orderId: "5500000000002" });
    for (const clear of ["marcus.reed@example.net", "Marcus", "Reed", "Columbus", "DHL"])
      expect(row!.data).not.toContain(clear);
  });

  it("asks the API again once a row is older than the freshness window, and on an unknown number", async () => {
    const later = new Date(Date.now() + 31 * 60_000);
    const adapter = withOrderMirror(await adapterForStore(store), {
      db,
      storeId: store.id,
      now: () => later,
    });
    const before = orderRequests();
    expect((await adapter.findOrder({ orderNumber: "1003" })).kind).toBe("found");
    expect(orderRequests()).toBeGreaterThan(before);
    const row = await db.orderMirror.findUnique({
      where: { storeId_orderNumber: { storeId: store.id, orderNumber: "1003" } },
    });
    expect(row!.syncedAt.getTime()).toBe(later.getTime());
    const mid = orderRequests();
    expect((await adapter.findOrder({ orderNumber: "9999" })).kind).toBe("not_found");
    expect(orderRequests()).toBeGreaterThan(mid);
    expect(await db.orderMirror.count({ where: { storeId: store.id, orderNumber: "9999" } })).toBe(0);
    // hostile input never reaches the database as a key, nor breaks the lookup
    expect((await adapter.findOrder({ orderNumber: "' OR 1=1 --" })).kind).toBe("not_found");
  });

  it("a delivery reported by webhook reaches the bot's next answer, served from the mirror", async () => {
    const ask = async () => {
      const request = appProxyRequest("messages", {
        shop: DEMO_SHOP,
        secret: SECRET,
        method: "POST",
        body: JSON.stringify({ text: "where is my order #1009? juergen.mueller@example.net" }),
        headers: {
          "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 200)}`,
          "user-agent": "mirror",
        },
      });
      const route = await import("../../routes/proxy.messages");
      const res = (await route.action({ request, params: {}, context: {} })) as Response;
      expect(res.status).toBe(200);
      const reply = (await res.json()) as { messages: { type: string; order?: { status: string } }[] };
      return reply.messages.find((m) => m.type === "order")?.order?.status;
    };
    expect(await ask()).toBe("shipped");

    const order = emulator.store.orders.find((o) => o.name === "#1009")! as Record<string, unknown>;
    const fulfillment = (order.fulfillments as Record<string, unknown>[])[0];
    Object.assign(fulfillment, { displayStatus: "DELIVERED", deliveredAt: "2026-11-23T11:00:00Z" });
    order.updatedAt = "2026-11-23T11:05:00Z";
    const webhook = shopifyWebhookRequest(DEMO_SHOP, "fulfillments/update", {
      id: 5120000000007,
      order_id: 5500000000009,
      shipment_status: "delivered",
    });
    const hook = await import("../../routes/webhooks.fulfillments.update");
    expect(((await hook.action({ request: webhook, params: {}, context: {} })) as Response).status).toBe(200);
    await vi.waitFor(
      async () =>
        expect(await db.orderEvent.count({ where: { storeId: store.id, processedAt: null } })).toBe(0),
      { timeout: 15_000, interval: 50 },
    );
    const before = orderRequests();
    expect(await ask()).toBe("delivered");
    expect(orderRequests()).toBe(before);
  });
});

describe("order mirror purges", () => {
  it("customers/redact deletes the customer's mirrored orders (by customer id and by orders_to_redact)", async () => {
    const { handleCustomerRedact } = await import("../shopify/compliance.server");
    const rows = await db.orderMirror.findMany({ where: { storeId: store.id } });
    const withCustomer = rows.find((r) => r.customerId && r.orderNumber !== "1002")!;
    await handleCustomerRedact(DEMO_SHOP, { id: withCustomer.customerId }, [5500000000002]);
    const left = await db.orderMirror.findMany({ where: { storeId: store.id } });
    expect(left.map((r) => r.orderNumber)).not.toContain("1002");
    expect(left.some((r) => r.customerId === withCustomer.customerId)).toBe(false);
    expect(left.length).toBeGreaterThan(0);
  });

  it("the retention sweep drops rows placed before the mirror window", async () => {
    const { purgeExpiredConversations } = await import("../../security/retention.server");
    await db.botSettings.update({ where: { storeId: store.id }, data: { mirrorDays: 1 } });
    const far = new Date("2026-12-31T00:00:00Z");
    await purgeExpiredConversations(far);
    expect(await db.orderMirror.count({ where: { storeId: store.id } })).toBe(0);
    await db.botSettings.update({ where: { storeId: store.id }, data: { mirrorDays: 60 } });
  });
});

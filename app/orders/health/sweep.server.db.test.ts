import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../../db.server";
import { createTestDb } from "../../../test/helpers/db";
import { seedShopifyShop } from "../../../test/helpers/seed";
import { putMirrored } from "../../platforms/mirror/rows.server";
import type { NormalizedOrder } from "../types";
import { atRiskAction, loadOrdersAtRisk } from "./at-risk.server";
import { sweepStoreHealth } from "./sweep.server";

let db: Db;
let cleanup: () => Promise<void>;
let storeId: string;

const order = (number: string, eta: string): NormalizedOrder => ({
  id: `gid://shopify/Order/${number}`,
  number,
  placedAt: "2026-11-25T09:00:00Z",
  status: "shipped",
  platformStatus: "PAID / FULFILLED",
  total: { amount: "10.00", currency: "USD" },
  items: [{ title: "Boots", quantity: 1 }],
  shipments: [
    {
      carrier: "UPS",
      trackingNumber: "1Z",
      trackingUrl: null,
      status: "in_transit",
      shippedAt: "2026-11-26T09:00:00Z",
      estimatedDeliveryAt: eta,
      deliveredAt: null,
      items: [{ title: "Boots", quantity: 1 }],
      lastEvent: { at: "2026-11-27T09:00:00Z", message: "In transit" },
    },
  ],
  refunds: [],
  statusPageUrl: null,
  deliveryMethod: "shipping",
  contact: { email: "pat@example.com", phone: null, customerId: "gid://shopify/Customer/77" },
  test: false,
});

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  setDb(db);
  storeId = (await seedShopifyShop(db, "health-sweep.myshopify.com", "shpat_x")).id;
});
afterAll(async () => cleanup?.());

describe("order-health sweep", () => {
  it("marks an order at risk once its ETA has passed, with no event needed, and clears it when fixed", async () => {
    const written = new Date("2026-11-28T12:00:00Z");
    await putMirrored(db, storeId, order("2001", "2026-11-29T17:00:00Z"), { days: 60, now: written });
    await putMirrored(db, storeId, order("2002", "2026-12-09T17:00:00Z"), { days: 60, now: written });
    const row = (n: string) =>
      db.orderMirror.findUnique({ where: { storeId_orderNumber: { storeId, orderNumber: n } } });
    expect((await row("2001"))?.riskReason).toBeNull();

    const r = await sweepStoreHealth(db, storeId, new Date("2026-11-30T12:00:00Z"));
    expect(r).toEqual({ checked: 2, atRisk: 1 });
    expect(await row("2001")).toMatchObject({ riskReason: "past_eta" });
    expect(JSON.parse((await row("2001"))!.riskDetail!)).toEqual({
      next: "wait",
      carrier: "UPS",
      eta: "2026-11-29T17:00:00Z",
    });
    expect((await row("2002"))?.riskReason).toBeNull();

    // the dashboard lists it with reason and age; another workspace sees nothing of it
    const store = await db.store.findUniqueOrThrow({ where: { id: storeId } });
    const ctx = (workspaceId: string) => ({
      db,
      workspaceId,
      storeId,
      request: new Request("https://trulybot.test/dashboard/at-risk"),
    });
    const page = await loadOrdersAtRisk(ctx(store.workspaceId), new Date("2026-11-30T12:00:00Z"));
    expect(page.rows).toEqual([
      {
        storeName: "Demo Outfitters",
        platform: "shopify",
        orderNumber: "2001",
        reason: "past_eta",
        next: "wait",
        carrier: "UPS",
        since: "2026-11-29T17:00:00.000Z",
        ageHours: 19,
      },
    ]);
    const other = await db.workspace.create({ data: { name: "other" } });
    expect((await loadOrdersAtRisk(ctx(other.id))).rows).toEqual([]);
    const bogus = new FormData();
    bogus.set("intent", "drop-everything");
    expect(await atRiskAction(ctx(store.workspaceId), bogus)).toMatchObject({ ok: false, status: 400 });
    const sync = new FormData();
    sync.set("intent", "sync");
    expect(await atRiskAction(ctx(other.id), sync)).toMatchObject({ ok: false, status: 404 });
    expect(await db.orderMirrorSync.count()).toBe(0);

    // the carrier delivers: the webhook refresh rewrites the row, the risk is gone
    const delivered = order("2001", "2026-11-29T17:00:00Z");
    delivered.status = "delivered";
    await putMirrored(db, storeId, delivered, { days: 60, now: new Date("2026-11-30T13:00:00Z") });
    expect((await row("2001"))?.riskReason).toBeNull();
  });
});

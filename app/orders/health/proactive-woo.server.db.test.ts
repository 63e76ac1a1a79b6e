/**
 * GET /api/v1/woo/storefront/proactive (what the plugin forwards from /wp-json/trulybot/v1/proactive):
 * real Requests signed like the plugin, real database. The signed logged-in customer and the
 * browser whose conversation verified the order get the note; anyone else `{}`; unsigned or
 * tampered requests 401.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../../db.server";
import { hashConversationToken } from "../../chat/conversation-token";
import { hashOrderNumber } from "../../chat/verification";
import { signedHeaders } from "../../platforms/woocommerce/signature.server";
import { putMirrored } from "../../platforms/mirror/rows.server";
import { hashForAudit } from "../../stores/secrets.server";
import { createTestDb } from "../../../test/helpers/db";
import { seedWooStore } from "../../../test/helpers/seed";
import type { NormalizedOrder } from "../types";

let db: Db;
let cleanup: () => Promise<void>;
let storeId: string;
let secret: string;
const DAY = 24 * 3600_000;

const lateOrder = (number: string, customerId: string): NormalizedOrder => ({
  id: number,
  number,
  placedAt: new Date(Date.now() - 10 * DAY).toISOString(),
  status: "shipped",
  platformStatus: "completed",
  total: { amount: "20.00", currency: "EUR" },
  items: [{ title: "Rake", quantity: 1 }],
  shipments: [
    {
      carrier: "DHL Parcel",
      trackingNumber: "JJD1",
      trackingUrl: null,
      status: "in_transit",
      shippedAt: new Date(Date.now() - 8 * DAY).toISOString(),
      estimatedDeliveryAt: new Date(Date.now() - 2 * DAY).toISOString(),
      deliveredAt: null,
      items: [{ title: "Rake", quantity: 1 }],
      lastEvent: { at: new Date(Date.now() - DAY).toISOString(), message: "In transit" },
    },
  ],
  refunds: [],
  statusPageUrl: null,
  deliveryMethod: "shipping",
  contact: { email: "gardener@example.com", phone: null, customerId },
  test: false,
});

async function get(query: string, opts: { customer?: string; tamper?: string; unsigned?: boolean } = {}) {
  const path = `/api/v1/woo/storefront/proactive${query}`;
  const headers = opts.unsigned
    ? {}
    : signedHeaders(storeId, secret, {
        method: "GET",
        pathWithQuery: path,
        customer: opts.customer,
        shopper: "ab".repeat(32),
      });
  const request = new Request(`https://trulybot.test${opts.tamper ?? path}`, { headers });
  const route = await import("../../routes/api.v1.woo.storefront.proactive");
  const res = (await route.loader({ request, params: {}, context: {} })) as Response;
  return { status: res.status, body: (await res.json()) as { note?: Record<string, string> } };
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  setDb(db);
  let store;
  ({ store, secret } = await seedWooStore(db, {
    url: "https://garden.example",
    consumerKey: "ck_x",
    consumerSecret: "cs_x",
  }));
  storeId = store.id;
  await db.botSettings.update({ where: { storeId }, data: { proactive: true } });
  await putMirrored(db, storeId, lateOrder("311", "42"), { days: 60 });
  await putMirrored(db, storeId, lateOrder("312", "77"), { days: 60 });
});
afterAll(async () => cleanup?.());

describe("GET /api/v1/woo/storefront/proactive", () => {
  it("the signed logged-in customer gets the note for their own late order, no one else's", async () => {
    const mine = await get("", { customer: "42" });
    expect(mine.status).toBe(200);
    expect(mine.body.note).toMatchObject({ orderNumber: "311", reason: "past_eta", next: "wait" });
    expect(mine.body.note!.explanation).toContain("DHL Parcel");
    expect(await get("", { customer: "43" })).toEqual({ status: 200, body: {} });
    expect(await get("")).toEqual({ status: 200, body: {} });
  });

  it("the browser whose conversation verified #312 gets its note; a conversation that only asked gets {}", async () => {
    const token = crypto.randomBytes(32).toString("base64url");
    const asked = crypto.randomBytes(32).toString("base64url");
    const conv = await db.conversation.create({
      data: {
        storeId,
        shopperKey: "k1",
        tokenHash: hashConversationToken(token),
        verified: true,
        language: "nl",
      },
    });
    const auditKey = hashForAudit("audit-key", "engine");
    await db.orderLookup.create({
      data: {
        storeId,
        conversationId: conv.id,
        orderNumberHash: hashOrderNumber(storeId, "312", auditKey),
        method: "email",
        outcome: "verified",
        latencyMs: 5,
      },
    });
    const other = await db.conversation.create({
      data: { storeId, shopperKey: "k2", tokenHash: hashConversationToken(asked), verified: true },
    });
    await db.orderLookup.create({
      data: {
        storeId,
        conversationId: other.id,
        orderNumberHash: hashOrderNumber(storeId, "312", auditKey),
        method: "email",
        outcome: "mismatch",
        latencyMs: 5,
      },
    });
    const seen = await get(`?conversationToken=${token}`);
    expect(seen.body.note).toMatchObject({
      orderNumber: "312",
      language: "nl",
      text: "Bestelling #312 is vertraagd",
    });
    expect(await get(`?conversationToken=${asked}`)).toEqual({ status: 200, body: {} });
  });

  it("refuses an unsigned request and one whose query was changed after signing", async () => {
    expect((await get("", { unsigned: true })).status).toBe(401);
    const t = crypto.randomBytes(32).toString("base64url");
    const r = await get(`?conversationToken=${t}`, {
      tamper: "/api/v1/woo/storefront/proactive?conversationToken=x",
    });
    expect(r.status).toBe(401);
  });
});

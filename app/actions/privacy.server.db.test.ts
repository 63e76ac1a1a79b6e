/** Self-service rows (addresses in before/after, codes) go with the conversations retention deletes. */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../db.server";
import { createTestDb } from "../../test/helpers/db";
import { seedShopifyShop } from "../../test/helpers/seed";
import { purgeExpiredConversations } from "../security/retention.server";

let db: Db;
let cleanup: () => Promise<void>;
const DAY = 86_400_000;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  setDb(db);
});
afterAll(async () => cleanup?.());

async function withAction(storeId: string, ageDays: number) {
  const at = new Date(Date.now() - ageDays * DAY);
  const c = await db.conversation.create({
    data: { storeId, shopperKey: crypto.randomUUID(), createdAt: at, lastMessageAt: at },
  });
  await db.orderAction.create({
    data: {
      storeId,
      conversationId: c.id,
      idempotencyKey: `${c.id}:1`,
      action: "address",
      orderNumber: "1001",
      orderId: "o",
      verification: "code",
      before: JSON.stringify({ address1: "1234 Market St" }),
      status: "done",
      createdAt: at,
    },
  });
  await db.oneTimeCode.create({
    data: {
      storeId,
      conversationId: c.id,
      orderNumberHash: "h",
      codeHash: "c",
      expiresAt: new Date(at.getTime() + 600_000),
      usedAt: at,
      createdAt: at,
    },
  });
  return c.id;
}

describe("retention of self-service records", () => {
  it("deletes the actions and codes of purged conversations, keeps fresh ones", async () => {
    const store = await seedShopifyShop(db, "privacy-shop.myshopify.com", "shpat_x");
    const old = await withAction(store.id, 120);
    const fresh = await withAction(store.id, 1);
    await purgeExpiredConversations();
    expect(await db.orderAction.findMany({ select: { conversationId: true } })).toEqual([
      { conversationId: fresh },
    ]);
    expect(await db.oneTimeCode.count({ where: { conversationId: old } })).toBe(0);
  });
});

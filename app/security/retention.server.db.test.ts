/**
 * Conversation retention on a real database: the default 90 days, a store's own setting, the
 * daily schedule, and nothing fresher than the period is touched.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb, type Db } from "../db.server";
import { createTestDb } from "../../test/helpers/db";
import { seedShopifyShop } from "../../test/helpers/seed";
import { purgeExpiredConversations, scheduleDailyPurge } from "./retention.server";

let db: Db;
let cleanup: () => Promise<void>;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  setDb(db);
});
afterAll(async () => cleanup?.());

async function conversation(storeId: string, ageDays: number, text = "where is my order 1001?") {
  const at = new Date(Date.now() - ageDays * DAY);
  const c = await db.conversation.create({
    data: { storeId, shopperKey: crypto.randomUUID(), createdAt: at, lastMessageAt: at },
  });
  await db.message.create({
    data: { conversationId: c.id, role: "shopper", type: "text", text, createdAt: at },
  });
  await db.orderLookup.create({
    data: {
      storeId,
      conversationId: c.id,
      orderNumberHash: "h",
      method: "email",
      outcome: "verified",
      latencyMs: 3,
      createdAt: at,
    },
  });
  return c.id;
}

describe("conversation retention", () => {
  it("by default deletes conversations (and their messages and lookups) idle for more than 90 days", async () => {
    const store = await seedShopifyShop(db, "retention-default.myshopify.com", "shpat_r");
    const old = await conversation(store.id, 91);
    const recent = await conversation(store.id, 89);
    const r = await purgeExpiredConversations();
    expect(r.conversations).toBeGreaterThanOrEqual(1);
    expect(await db.conversation.findUnique({ where: { id: old } })).toBeNull();
    expect(await db.message.count({ where: { conversationId: old } })).toBe(0);
    expect(await db.orderLookup.count({ where: { conversationId: old } })).toBe(0);
    expect(await db.conversation.findUnique({ where: { id: recent } })).not.toBeNull();
    expect(await db.message.count({ where: { conversationId: recent } })).toBe(1);
    // re-running finds nothing more
    expect((await purgeExpiredConversations()).conversations).toBe(0);
  });

  it("a store's own retention setting wins over the default", async () => {
    const store = await seedShopifyShop(db, "retention-7.myshopify.com", "shpat_r7");
    await db.botSettings.update({ where: { storeId: store.id }, data: { retentionDays: 7 } });
    const eightDays = await conversation(store.id, 8);
    const sixDays = await conversation(store.id, 6);
    await purgeExpiredConversations();
    expect(await db.conversation.findUnique({ where: { id: eightDays } })).toBeNull();
    expect(await db.conversation.findUnique({ where: { id: sixDays } })).not.toBeNull();
    const log = await db.activityLog.findFirstOrThrow({
      where: { storeId: store.id, action: "retention.purged" },
    });
    expect(JSON.parse(log.details)).toMatchObject({ retentionDays: 7, conversations: 1 });
  });

  it("the server's daily schedule runs the purge (timers unref'd, stoppable)", async () => {
    const store = await seedShopifyShop(db, "retention-daily.myshopify.com", "shpat_rd");
    const old = await conversation(store.id, 120);
    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval"] });
    let stop: () => void = () => undefined;
    try {
      stop = scheduleDailyPurge();
      expect(vi.getTimerCount()).toBe(2);
      vi.advanceTimersByTime(60_000);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(async () => {
      expect(await db.conversation.findUnique({ where: { id: old } })).toBeNull();
    });
    stop();
  });
});

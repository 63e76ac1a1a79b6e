/**
 * The composition root on a real database: what a turn reads, and that it writes no settings row.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../db.server";
import { loadDemoShopifyAdapter } from "../../test/support/memory-adapter";
import { createTestDb } from "../../test/helpers/db";
import { buildTurnContext } from "./context.server";
import { handleTurn } from "./engine";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  setDb(db);
});
afterAll(async () => cleanup?.());

async function bareStore(name: string) {
  const ws = await db.workspace.create({ data: { name } });
  return db.store.create({
    data: {
      workspaceId: ws.id,
      platform: "shopify",
      domain: `${name}.myshopify.com`,
      name,
      status: "active",
    },
  });
}

describe("buildTurnContext", () => {
  it("GIVEN a store without a settings row WHEN a shopper sends a message THEN the bot answers with the defaults and no settings row is created", async () => {
    const store = await bareStore("no-settings");
    const ctx = await buildTurnContext({
      store,
      db,
      adapter: loadDemoShopifyAdapter({}),
      notifier: null,
      shopper: { key: "k1", customerId: null },
    });
    expect(ctx.store.settings).toMatchObject({ name: "TrulyBot", orderTracking: true, handoffEnabled: true });
    const res = await handleTurn(ctx, { text: "hello" });
    expect(res.messages[0]).toMatchObject({ type: "text" });
    expect((res.messages[0] as { text: string }).text).toContain("I'm TrulyBot");
    expect(await db.botSettings.count({ where: { storeId: store.id } })).toBe(0);
    expect(await db.message.count({ where: { conversationId: res.conversationId } })).toBeGreaterThan(1);
  });

  it("GIVEN the merchant's saved settings THEN the turn uses them (read, not re-created)", async () => {
    const store = await bareStore("with-settings");
    await db.botSettings.create({ data: { storeId: store.id, name: "Pip", handoffEnabled: false } });
    const before = await db.botSettings.findUniqueOrThrow({ where: { storeId: store.id } });
    const ctx = await buildTurnContext({
      store,
      db,
      adapter: loadDemoShopifyAdapter({}),
      notifier: null,
      clock: () => new Date("2026-11-24T15:00:00Z"),
      shopper: { key: "k2", customerId: null },
    });
    const res = await handleTurn(ctx, { text: "hi there" });
    expect((res.messages[0] as { text: string }).text).toContain("I'm Pip");
    const conv = await db.conversation.findUniqueOrThrow({ where: { id: res.conversationId } });
    expect(conv.createdAt.toISOString()).toBe("2026-11-24T15:00:00.000Z");
    const after = await db.botSettings.findUniqueOrThrow({ where: { storeId: store.id } });
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it("GIVEN a store whose platform cannot be reached THEN the bot says so instead of failing", async () => {
    const store = await bareStore("unreachable"); // no offline session: the adapter cannot be built
    const ctx = await buildTurnContext({
      store,
      db,
      notifier: null,
      shopper: { key: "k3", customerId: null },
    });
    const res = await handleTurn(ctx, { text: "where is order 1002 marcus.reed@example.net" });
    expect(res.messages.map((m) => ("text" in m ? m.text : "")).join(" ")).toContain(
      "I can't reach the store's order system right now",
    );
  });
});

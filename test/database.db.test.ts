/**
 * Runs on SQLite in the first pass of `npm test` and on PostgreSQL in the second (TEST_DB=postgres).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, listMigrations, migrationStatus } from "../scripts/lib/migrate.mjs";
import { setDb, type Db } from "../app/db.server";
import { upsertShopifyStore } from "../app/stores/stores.server";
import { createTestDb, testDbFlavor } from "./helpers/db";

describe(`database (${testDbFlavor()})`, () => {
  let db: Db;
  let url: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ db, url, cleanup } = await createTestDb());
    setDb(db);
  });
  afterAll(async () => cleanup?.());

  it("applies every migration to an empty database and records it", async () => {
    const status = await migrationStatus(url);
    expect(status.pending).toEqual([]);
    expect(status.modified).toEqual([]);
    expect(status.applied).toEqual(listMigrations(url).map((m) => m.name));
    // idempotent: a second run applies nothing
    expect(await applyMigrations(url)).toEqual([]);
  });

  it("stores and reads every model the product needs", async () => {
    const ws = await db.workspace.create({ data: { name: "Acme" } });
    const store = await db.store.create({
      data: {
        workspaceId: ws.id,
        platform: "woocommerce",
        domain: "acme.test",
        name: "Acme",
        credentials: "tb1.x",
      },
    });
    await db.botSettings.create({ data: { storeId: store.id, accentColor: "#000000" } });
    const conv = await db.conversation.create({ data: { storeId: store.id, shopperKey: "k" } });
    await db.message.create({ data: { conversationId: conv.id, role: "shopper", type: "text", text: "hi" } });
    await db.orderLookup.create({
      data: { storeId: store.id, orderNumberHash: "h", method: "email", outcome: "verified", latencyMs: 12 },
    });
    await db.handoffRequest.create({ data: { storeId: store.id, email: "a@b.c", message: "help" } });
    await db.faqEntry.create({ data: { storeId: store.id, question: "q", answer: "a" } });
    await db.nonce.create({
      data: { storeId: store.id, nonce: "n1", expiresAt: new Date(Date.now() + 300_000) },
    });
    await expect(
      db.nonce.create({ data: { storeId: store.id, nonce: "n1", expiresAt: new Date() } }),
    ).rejects.toThrow();
    await db.rateLimit.create({ data: { key: "k", windowEnd: new Date(), count: 1 } });
    await db.activityLog.create({ data: { workspaceId: ws.id, actor: "system", action: "test" } });
    await db.analyticsEvent.create({ data: { storeId: store.id, type: "conversation_started" } });
    // deleting a store removes everything it owns
    await db.store.delete({ where: { id: store.id } });
    expect(await db.conversation.count({ where: { storeId: store.id } })).toBe(0);
    expect(await db.message.count({ where: { conversationId: conv.id } })).toBe(0);
    expect(await db.nonce.count({ where: { storeId: store.id } })).toBe(0);
  });

  it("install creates workspace, store and default bot settings, idempotently", async () => {
    const a = await upsertShopifyStore({
      shop: "idem.myshopify.com",
      scopes: "read_orders",
      name: "Idem",
      currency: "USD",
    });
    const b = await upsertShopifyStore({ shop: "idem.myshopify.com", scopes: "read_orders" });
    expect(b.id).toBe(a.id);
    expect(await db.store.count({ where: { domain: "idem.myshopify.com" } })).toBe(1);
    const settings = await db.botSettings.findUnique({ where: { storeId: a.id } });
    expect(settings?.accentColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(b.name).toBe("Idem");
    // uninstall then reinstall re-activates the same store
    await db.store.update({
      where: { id: a.id },
      data: { status: "uninstalled", uninstalledAt: new Date() },
    });
    const c = await upsertShopifyStore({ shop: "idem.myshopify.com" });
    expect(c.id).toBe(a.id);
    expect(c.status).toBe("active");
    expect(c.uninstalledAt).toBeNull();
  });
});

/**
 * The Prisma ChatRepository against a fresh migrated database (SQLite; PostgreSQL in the second
 * pass of `npm test`), including the full engine running on it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db.server";
import { createTestDb } from "../../test/helpers/db";
import { handleTurn } from "./engine";
import { createPrismaChatRepository } from "./repository.server";
import type { ChatRepository } from "./repository";
import { demoShopifyContext } from "../../test/support/chat";
import { createTestChatRepository } from "../../test/support/chat-repository";

describe("Prisma chat repository", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let repo: ChatRepository;
  let storeId: string;
  const now = new Date("2026-11-23T15:00:00Z");

  beforeAll(async () => {
    ({ db, cleanup } = await createTestDb());
    repo = createPrismaChatRepository(db);
    const ws = await db.workspace.create({ data: { name: "Demo" } });
    const store = await db.store.create({
      data: {
        workspaceId: ws.id,
        platform: "shopify",
        domain: "demo-outfitters.myshopify.com",
        name: "Demo Outfitters",
      },
    });
    storeId = store.id;
  });
  afterAll(async () => cleanup?.());

  it("creates conversations and applies patches only at the expected revision", async () => {
    const c = await repo.createConversation({
      storeId,
      shopperKey: "k",
      customerId: null,
      language: "en",
      state: { v: 1, a: [1] },
      now,
    });
    expect(c.revision).toBe(0);
    const u = await repo.updateConversation(c.id, 0, {
      state: { v: 1, a: [2] },
      orderQuestion: true,
      messagesAdded: 3,
    });
    expect(u).toMatchObject({ revision: 1, orderQuestion: true, messageCount: 3, state: { v: 1, a: [2] } });
    expect(await repo.updateConversation(c.id, 0, { verified: true })).toBeNull(); // stale revision
    expect((await repo.getConversation(c.id))?.verified).toBe(false);
    expect(await repo.getConversation("nope")).toBeNull();
  });

  it("shares fixed-window counters atomically (parallel hits from two 'instances')", async () => {
    const other = createPrismaChatRepository(db); // a second instance on the same database
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? repo : other).hit("t:key", 60, 10, now)),
    );
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect(results.filter((r) => !r.allowed)).toHaveLength(2);
    expect(await repo.peek("t:key", now)).toBe(12);
    // the window expires
    const later = new Date(now.getTime() + 61_000);
    expect(await repo.peek("t:key", later)).toBe(0);
    expect((await repo.hit("t:key", 60, 10, later)).count).toBe(1);
  });

  it("stores messages, lookups, handoffs, FAQ entries and events", async () => {
    const c = await repo.createConversation({
      storeId,
      shopperKey: "k2",
      customerId: "5",
      language: "de",
      state: {},
      now,
    });
    await repo.appendMessages([
      {
        id: "m1",
        conversationId: c.id,
        role: "shopper",
        type: "text",
        text: "hallo",
        payload: { text: "hallo" },
        intent: "greeting",
        latencyMs: null,
        createdAt: now,
      },
      {
        id: "m2",
        conversationId: c.id,
        role: "bot",
        type: "text",
        text: "Hallo!",
        payload: { id: "m2" },
        intent: null,
        latencyMs: 4,
        createdAt: new Date(now.getTime() + 1),
      },
    ]);
    const msgs = await repo.listMessages(c.id);
    expect(msgs.map((m) => [m.id, m.role, m.text])).toEqual([
      ["m1", "shopper", "hallo"],
      ["m2", "bot", "Hallo!"],
    ]);
    expect(msgs[1]!.payload).toEqual({ id: "m2" });
    await repo.recordLookup({
      storeId,
      conversationId: c.id,
      orderNumberHash: "ab".repeat(32),
      shopperKey: "k2",
      method: "email",
      outcome: "mismatch",
      latencyMs: 12,
      createdAt: now,
    });
    expect(await db.orderLookup.count({ where: { storeId } })).toBe(1);
    const h = await repo.createHandoff({
      storeId,
      conversationId: c.id,
      customerId: "5",
      email: "lena@example.com",
      message: "Bitte stornieren",
      reason: "cancel_order",
      orderNumber: "2001",
      orderContext: { number: "2001" },
      transcript: [{ role: "shopper", text: "hallo", at: now.toISOString() }],
      createdAt: now,
    });
    await repo.markHandoffNotified(h.id, now);
    const [stored] = await repo.listHandoffs(storeId);
    expect(stored).toMatchObject({
      id: h.id,
      reason: "cancel_order",
      orderContext: { number: "2001" },
      status: "open",
    });
    expect(stored!.notifiedAt?.toISOString()).toBe(now.toISOString());
    expect(stored!.transcript[0]!.text).toBe("hallo");
    await db.faqEntry.create({
      data: {
        storeId,
        question: "Do you ship to Canada?",
        answer: "Yes.",
        translations: JSON.stringify({ fr: { question: "Livrez-vous au Canada ?", answer: "Oui." } }),
        position: 1,
      },
    });
    const faqs = await repo.listFaqEntries(storeId);
    expect(faqs[0]).toMatchObject({
      question: "Do you ship to Canada?",
      translations: { fr: { answer: "Oui." } },
      enabled: true,
    });
  });

  it("runs the engine end to end and summarizes", async () => {
    const ws = await db.workspace.create({ data: { name: "Demo 2" } });
    const fresh = await db.store.create({
      data: { workspaceId: ws.id, platform: "shopify", domain: "e2e.myshopify.com", name: "Demo Outfitters" },
    });
    const base = demoShopifyContext({ repo: createTestChatRepository(db) });
    const ctx = { ...base, repo, store: { ...base.store, id: fresh.id } };
    const a = await handleTurn(ctx, { text: "where is my order 1002?" });
    const b = await handleTurn(ctx, {
      conversationId: a.conversationId,
      conversationToken: a.conversationToken,
      text: "marcus.reed@example.net",
    });
    expect(b.messages.some((m) => m.type === "order")).toBe(true);
    const stored = await repo.listMessages(a.conversationId);
    expect(stored.filter((m) => m.role === "shopper")).toHaveLength(2);
    expect(stored.filter((m) => m.role === "bot")).toHaveLength(a.messages.length + b.messages.length);
    const conv = await repo.getConversation(a.conversationId);
    expect(conv).toMatchObject({ verified: true, orderQuestion: true, revision: 2 });
    const s = await repo.summarize(
      fresh.id,
      new Date("2026-11-01T00:00:00Z"),
      new Date("2026-12-01T00:00:00Z"),
    );
    expect(s).toMatchObject({
      conversations: 1,
      orderQuestions: 1,
      verifiedLookups: 1,
      handoffs: 0,
      resolvedWithoutHuman: 1,
    });
    expect(s.medianReplyMs).not.toBeNull();
    // rate-limit counters of failures live in the database too
    await handleTurn(ctx, { text: "order 1003 wrong@example.com" });
    expect(await db.rateLimit.count()).toBeGreaterThanOrEqual(3);
  });
});

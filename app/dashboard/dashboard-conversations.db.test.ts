/**
 * The dashboard's Conversations and Handoffs loaders/actions, shared by the embedded /app and the
 * standalone /dashboard shells, against a real migrated database.
 */
import { describe, expect, it } from "vitest";
import type { Db } from "../db.server";
import { useDashboardDbHarness } from "../../test/support/dashboard-db";
import { ctxFor, formOf, seedConversation, seedWorkspace, SAMPLE_ORDER } from "../../test/support/dashboard";
import { conversationDetail, listConversations, PAGE_SIZE } from "./conversations.server";
import { handoffAction, loadHandoffs } from "./handoffs.server";

let db: Db;
useDashboardDbHarness((opened) => (db = opened));

describe("Conversations", () => {
  it("lists only the workspace's conversations, newest first, with masked previews, filters and pages", async () => {
    const { store, workspace } = await seedWorkspace(db);
    const woo = await db.store.create({
      data: {
        workspaceId: workspace.id,
        platform: "woocommerce",
        domain: `w-${Date.now()}.test`,
        name: "Woo side",
      },
    });
    const other = await seedWorkspace(db);
    await seedConversation(db, other.store.id);
    const base = Date.UTC(2026, 10, 1, 12);
    for (let i = 0; i < PAGE_SIZE + 3; i++) {
      await seedConversation(db, store.id, {
        createdAt: new Date(base + i * 3600_000),
        language: i % 2 ? "es" : "en",
        outcome: i === 0 ? "handoff" : "resolved",
      });
    }
    await seedConversation(db, woo.id, {
      createdAt: new Date(Date.UTC(2026, 10, 5, 12)),
      language: "fr",
      outcome: null,
    });
    const url = (q: string) => `https://trulybot.test/dashboard/conversations${q}`;

    // by default the list shows the current store, labelled; ?store=all shows the whole workspace
    const own = await listConversations(ctxFor(db, store, url("")));
    expect(own.total).toBe(PAGE_SIZE + 3);
    expect(own.scope.label).toBe("Demo Outfitters (Shopify)");
    const sideOnly = await listConversations(ctxFor(db, store, url(`?store=${woo.id}`)));
    expect(sideOnly.rows.map((r) => r.storeName)).toEqual(["Woo side"]);
    const foreign = await listConversations(ctxFor(db, store, url(`?store=${other.store.id}`)));
    expect(foreign.scope.store).toBe(store.id); // another workspace's store is never shown
    expect(foreign.total).toBe(PAGE_SIZE + 3);

    const first = await listConversations(ctxFor(db, store, url("?store=all")));
    expect(first.scope.label).toBe("All 2 stores");
    expect(first.total).toBe(PAGE_SIZE + 4);
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.hasNext).toBe(true);
    expect(first.rows[0].platform).toBe("woocommerce");
    expect(first.rows[1].preview).toBe("where is order 1003? my email is a***e@example.com, phone ***67");
    const second = await listConversations(ctxFor(db, store, url("?store=all&page=2")));
    expect(second.rows).toHaveLength(4);
    expect(second.hasNext).toBe(false);
    expect(second.hasPrevious).toBe(true);

    expect(
      (await listConversations(ctxFor(db, store, url("?store=all&language=fr")))).rows.map(
        (r) => r.storeName,
      ),
    ).toEqual(["Woo side"]);
    expect((await listConversations(ctxFor(db, store, url("?store=all&platform=shopify")))).total).toBe(
      PAGE_SIZE + 3,
    );
    expect((await listConversations(ctxFor(db, store, url("?store=all&outcome=handoff")))).total).toBe(1);
    expect((await listConversations(ctxFor(db, store, url("?store=all&outcome=in_progress")))).total).toBe(1);
    expect(
      (await listConversations(ctxFor(db, store, url("?store=all&from=2026-11-03&to=2026-11-05")))).rows.map(
        (r) => r.storeName,
      ),
    ).toEqual(["Woo side"]);
    expect(
      (await listConversations(ctxFor(db, store, url("?store=all&from=2026-11-02&to=2026-11-02")))).total,
    ).toBe(11);
    expect(
      (await listConversations(ctxFor(db, store, url("?store=all&from=2026-11-05&to=2026-11-01")))).errors,
    ).toEqual({ to: "The end date is before the start date" });
    const bad = await listConversations(
      ctxFor(db, store, url("?store=all&from=2026-13-45&outcome=great&language=es")),
    );
    expect(bad.errors).toEqual({ from: "Use a date like 2026-11-01", outcome: "Unknown outcome" });
    expect(bad.filters).toMatchObject({ from: "", outcome: "", language: "es" });
    expect(bad.total).toBe(Math.floor((PAGE_SIZE + 3) / 2));
  });

  it("shows a transcript with masked shopper data and the order card as the shopper saw it; other workspaces get 404", async () => {
    const { store } = await seedWorkspace(db);
    const conv = await seedConversation(db, store.id);
    const d = await conversationDetail(ctxFor(db, store), conv.id);
    expect(d.messages.map((m) => m.role)).toEqual(["shopper", "bot"]);
    expect(d.messages[0].text).not.toContain("alice@example.com");
    expect(d.messages[0].text).toContain("a***e@example.com");
    expect(d.messages[1].order).toEqual(SAMPLE_ORDER);
    const other = await seedWorkspace(db);
    await expect(conversationDetail(ctxFor(db, other.store), conv.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe("Handoffs", () => {
  it("lists open requests first with their order, and marks them resolved", async () => {
    const { store } = await seedWorkspace(db);
    const ctx = ctxFor(db, store);
    const old = await db.handoffRequest.create({
      data: {
        storeId: store.id,
        email: "old@example.com",
        message: "old",
        status: "resolved",
        resolvedAt: new Date(),
        createdAt: new Date(Date.now() - 5000),
      },
    });
    const open = await db.handoffRequest.create({
      data: {
        storeId: store.id,
        email: "carol@example.com",
        message: "Please cancel",
        reason: "cancel_order",
        orderNumber: "1003",
        orderContext: JSON.stringify(SAMPLE_ORDER),
        createdAt: new Date(Date.now() - 60_000),
      },
    });
    let d = await loadHandoffs(ctx);
    expect(d.openCount).toBe(1);
    expect(d.handoffs.map((h) => h.id)).toEqual([open.id, old.id]);
    expect(d.handoffs[0]).toMatchObject({
      email: "carol@example.com",
      reason: "cancel_order",
      order: { number: "1003" },
    });

    expect(await handoffAction(ctx, formOf({ intent: "resolve", id: open.id }))).toMatchObject({
      ok: true,
      message: "Marked as resolved",
    });
    d = await loadHandoffs(ctx);
    expect(d.openCount).toBe(0);
    expect(d.handoffs.find((h) => h.id === open.id)?.status).toBe("resolved");

    const stranger = await seedWorkspace(db);
    expect(
      await handoffAction(ctxFor(db, stranger.store), formOf({ intent: "reopen", id: open.id })),
    ).toMatchObject({ ok: false, status: 404 });
    expect(await handoffAction(ctx, formOf({ intent: "delete", id: open.id }))).toMatchObject({
      ok: false,
      status: 400,
    });
  });
});

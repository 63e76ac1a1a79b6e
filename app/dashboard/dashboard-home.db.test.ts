/**
 * The dashboard's Home (checklist, numbers, embed state), shared by the embedded /app and the standalone
 * /dashboard shells, against a real migrated database.
 */
import { describe, expect, it } from "vitest";
import type { Db } from "../db.server";
import { useDashboardDbHarness } from "../../test/support/dashboard-db";
import { ctxFor, seedConversation, seedWorkspace } from "../../test/support/dashboard";
import { loadHome } from "./home.server";
import { resetEnvForTests } from "../env.server";
import { refreshEmbedStatus } from "./embed-status.server";
import { loadBotSettings } from "./settings.server";
import { listConversations } from "./conversations.server";

let db: Db;
useDashboardDbHarness((opened) => (db = opened));

describe("Home", () => {
  it("shows a WooCommerce checklist from the store's real state and the last 7 days' numbers", async () => {
    const { store } = await seedWorkspace(db, { platform: "woocommerce" });
    await db.store.update({ where: { id: store.id }, data: { widgetEnabled: false } });
    const ctx = ctxFor(db, store);
    let home = await loadHome(ctx);
    const item = (id: string) => home.checklist.find((c) => c.id === id)!;
    expect(item("connected").done).toBe(true);
    expect(item("widget").done).toBe(false);
    expect(item("test_conversation").done).toBe(false);
    expect(item("faq").done).toBe(false);
    expect(home.checklist.some((c) => c.id === "embed")).toBe(false);
    expect(home.numbers.conversations).toBe(0);
    expect(home.daily).toHaveLength(7);

    // midday UTC: "an hour ago" is the same calendar day whenever the suite runs (no midnight flake)
    const now = new Date(new Date().toISOString().slice(0, 10) + "T12:00:00Z");
    await seedConversation(db, store.id, { createdAt: new Date(now.getTime() - 3600_000) });
    await seedConversation(db, store.id, { createdAt: new Date(now.getTime() - 20 * 86_400_000) }); // outside 7 days
    home = await loadHome(ctx, { now });
    expect(item("test_conversation").done).toBe(true);
    expect(home.numbers).toMatchObject({
      conversations: 1,
      shoppersHelped: 1,
      handoffs: 0,
      resolutionRate: 1,
    });
    expect(home.numbers).not.toHaveProperty("medianReplyMs");
    expect(home.daily[6]).toEqual({ date: now.toISOString().slice(0, 10), count: 1 });

    const month = await loadHome(ctxFor(db, store, "https://trulybot.test/dashboard?range=30"), { now });
    expect(month.range).toBe(30);
    expect(month.daily).toHaveLength(30);
    expect(month.numbers.conversations).toBe(2);
  });

  it("Home's numbers add up and each equals the Conversations list filtered the same way (store time zone)", async () => {
    const { store, workspace } = await seedWorkspace(db, { platform: "shopify" });
    await db.store.update({ where: { id: store.id }, data: { timezone: "America/New_York" } });
    // another store of the same workspace: never counted in this store's numbers
    const sibling = await db.store.create({
      data: {
        workspaceId: workspace.id,
        platform: "woocommerce",
        domain: `sib-${Date.now()}.test`,
        name: "Sibling",
      },
    });
    const now = new Date("2026-11-23T15:00:00Z"); // 10:00 in New York
    const at = (iso: string) => new Date(iso);
    const seeds: [string, string | null][] = [
      ["2026-11-23T14:00:00Z", "resolved"],
      ["2026-11-22T12:00:00Z", "resolved"],
      ["2026-11-21T12:00:00Z", "handoff"],
      ["2026-11-20T12:00:00Z", "unresolved"],
      ["2026-11-19T12:00:00Z", null],
      ["2026-11-17T06:00:00Z", "resolved"], // 01:00 New York on the 17th: first day of the window
      ["2026-11-17T03:00:00Z", "handoff"], // 22:00 New York on the 16th: outside (it is the 17th in UTC)
    ];
    for (const [iso, outcome] of seeds) await seedConversation(db, store.id, { createdAt: at(iso), outcome });
    await seedConversation(db, sibling.id, { createdAt: at("2026-11-22T12:00:00Z"), outcome: "handoff" });

    const home = await loadHome(ctxFor(db, store), { now });
    expect(home.timeZone).toBe("America/New_York");
    expect(home.window).toEqual({ from: "2026-11-17", to: "2026-11-23" });
    expect(home.numbers).toEqual({
      conversations: 6,
      shoppersHelped: 3,
      resolutionRate: 3 / 5,
      handoffs: 1,
      unanswered: 1,
      inProgress: 1,
      orderQuestions: 6,
    });
    const n = home.numbers;
    expect(n.shoppersHelped + n.handoffs + n.unanswered + n.inProgress).toBe(n.conversations);
    expect(home.daily.reduce((a, d) => a + d.count, 0)).toBe(n.conversations);

    const list = async (outcome?: string) => {
      const q = new URLSearchParams({
        from: home.window.from,
        to: home.window.to,
        ...(outcome ? { outcome } : {}),
      });
      return (
        await listConversations(ctxFor(db, store, `https://trulybot.test/dashboard/conversations?${q}`))
      ).total;
    };
    expect(await list()).toBe(n.conversations);
    expect(await list("resolved")).toBe(n.shoppersHelped);
    expect(await list("handoff")).toBe(n.handoffs);
    expect(await list("unresolved")).toBe(n.unanswered);
    expect(await list("in_progress")).toBe(n.inProgress);
  });

  it("with SMTP_URL set the e-mail step is done and no banner is asked for; without it, Settings warns too", async () => {
    const { store } = await seedWorkspace(db, { platform: "woocommerce" });
    const before = process.env.SMTP_URL;
    try {
      process.env.SMTP_URL = "smtp://127.0.0.1:2525";
      resetEnvForTests();
      const on = await loadHome(ctxFor(db, store));
      expect(on.mailConfigured).toBe(true);
      expect(on.checklist.find((c) => c.id === "handoff_email")).toMatchObject({
        done: true,
        action: undefined,
      });
      expect((await loadBotSettings(ctxFor(db, store))).mailConfigured).toBe(true);
      delete process.env.SMTP_URL;
      resetEnvForTests();
      const off = await loadHome(ctxFor(db, store));
      expect(off.checklist.find((c) => c.id === "handoff_email")).toMatchObject({
        done: false,
        action: { url: "handoffs" },
      });
      expect((await loadBotSettings(ctxFor(db, store))).mailConfigured).toBe(false);
    } finally {
      if (before === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = before;
      resetEnvForTests();
    }
  });

  it("shows the Shopify app-embed step with the theme-editor deep link until the embed is on", async () => {
    const { store } = await seedWorkspace(db, { platform: "shopify", domain: "embed-shop.myshopify.com" });
    const off = await loadHome(ctxFor(db, store), { shop: store.domain, embedEnabled: false });
    const embed = off.checklist.find((c) => c.id === "embed")!;
    expect(embed.done).toBe(false);
    expect(embed.action?.url).toBe(
      `https://embed-shop.myshopify.com/admin/themes/current/editor?context=apps&activateAppId=${process.env.SHOPIFY_API_KEY}/trulybot-embed`,
    );
    const on = await loadHome(ctxFor(db, store), { shop: store.domain, embedEnabled: true });
    expect(on.checklist.find((c) => c.id === "embed")).toMatchObject({ done: true, action: undefined });
  });

  it("caches the live theme's embed state in Store.embedEnabled, keeping the last value when the check fails", async () => {
    const { store } = await seedWorkspace(db, { platform: "shopify" });
    const ctx = ctxFor(db, store);
    const content = JSON.stringify({
      current: {
        blocks: { a: { type: "shopify://apps/trulybot/blocks/trulybot-embed/u1", disabled: false } },
      },
    });
    const ok = {
      graphql: async () =>
        Response.json({
          data: { themes: { nodes: [{ id: "t", name: "Dawn", files: { nodes: [{ body: { content } }] } }] } },
        }),
    };
    expect(await refreshEmbedStatus(ctx, ok)).toBe(true);
    expect((await db.store.findUniqueOrThrow({ where: { id: store.id } })).embedEnabled).toBe(true);
    const failing = {
      graphql: async () => {
        throw new Error("Access denied for themes field. Required access: `read_themes` access scope.");
      },
    };
    expect(await refreshEmbedStatus(ctx, failing)).toBe(true);
  });
});

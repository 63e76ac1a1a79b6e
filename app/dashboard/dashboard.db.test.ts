/**
 * The dashboard's shared loaders/actions (used by both the embedded /app and the standalone
 * /dashboard shells) against a real migrated database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../db.server";
import { createTestDb } from "../../test/helpers/db";
import { buildWidgetConfig } from "../storefront/config.server";
import { sealSecret } from "../stores/secrets.server";
import { ctxFor, formOf, seedConversation, seedWorkspace, SAMPLE_ORDER } from "../../test/support/dashboard";
import { loadHome } from "./home.server";
import { resetEnvForTests } from "../env.server";
import { refreshEmbedStatus } from "./embed-status.server";
import { loadBotSettings, saveBotSettings } from "./settings.server";
import { faqAction, loadFaq } from "./faq.server";
import { buildTurnContext, unavailableAdapter } from "../chat/context.server";
import { handleTurn } from "../chat/engine";
import { conversationDetail, listConversations, PAGE_SIZE } from "./conversations.server";
import { handoffAction, loadHandoffs } from "./handoffs.server";
import { loadStores, storesAction, LINK_CODE_TTL_MS } from "./stores.server";

let db: Db;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  setDb(db);
});
afterAll(async () => {
  await cleanup?.();
});

const validSettings = {
  name: "Ava",
  greeting: "Hello from Ava!",
  accentColor: "#e4572e",
  position: "left",
  launcherLabel: "Ask Ava",
  languages: ["en", "es"],
  orderTracking: "true",
  handoffEmail: "help@shop.test",
  businessHours: "Mon–Fri 9:00–17:00",
};

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

describe("Bot settings", () => {
  it("saves valid settings, bumps the version and changes the widget config the storefront fetches", async () => {
    const { store } = await seedWorkspace(db);
    const ctx = ctxFor(db, store);
    const before = await db.botSettings.findUniqueOrThrow({ where: { storeId: store.id } });
    const configBefore = buildWidgetConfig(store, before);
    const r = await saveBotSettings(ctx, formOf(validSettings));
    expect(r).toMatchObject({ ok: true, status: 200 });
    const after = await db.botSettings.findUniqueOrThrow({ where: { storeId: store.id } });
    expect(after.version).toBe(before.version + 1);
    expect(JSON.parse(after.businessHours!)).toEqual({ text: "Mon–Fri 9:00–17:00" });
    const config = buildWidgetConfig(store, after);
    expect(config.bot).toMatchObject({
      name: "Ava",
      greeting: "Hello from Ava!",
      accentColor: "#e4572e",
      position: "left",
      launcherLabel: "Ask Ava",
    });
    expect(config.version).not.toBe(configBefore.version);
    const loaded = await loadBotSettings(ctx);
    expect(loaded.values).toMatchObject({
      languages: ["en", "es"],
      handoffEmail: "help@shop.test",
      businessHours: "Mon–Fri 9:00–17:00",
      orderTracking: true,
    });
  });

  it("rejects invalid input with field errors and changes nothing", async () => {
    const { store } = await seedWorkspace(db);
    const r = await saveBotSettings(
      ctxFor(db, store),
      formOf({ ...validSettings, accentColor: "red", languages: [], name: "" }),
    );
    expect(r.ok).toBe(false);
    expect(r.status).toBe(400);
    expect(Object.keys(r.errors ?? {}).sort()).toEqual(["accentColor", "languages", "name"]);
    const s = await db.botSettings.findUniqueOrThrow({ where: { storeId: store.id } });
    expect(s.version).toBe(1);
    expect(s.name).toBe("TrulyBot");
  });
});

describe("FAQ", () => {
  it("lists the store questions the bot could not answer (asked in the chat), newest first, this store's only", async () => {
    const { store } = await seedWorkspace(db);
    const { store: other } = await seedWorkspace(db);
    const ask = async (s: typeof store, text: string) =>
      handleTurn(
        await buildTurnContext({
          store: s,
          shopper: { key: `k-${text.length}`, customerId: null },
          adapter: unavailableAdapter("shopify", new Error("offline")),
          notifier: null,
          db,
        }),
        { text },
      );
    const r = await ask(store, "do you accept paypal?");
    expect(r.messages.map((m) => ("text" in m ? m.text : "")).join(" ")).toContain(
      "I don't have that information",
    );
    await new Promise((done) => setTimeout(done, 5)); // distinct createdAt
    await ask(store, "¿aceptan tarjetas regalo? mi correo es ana@example.com");
    await ask(other, "do you sell gift cards?");
    const faq = await loadFaq(ctxFor(db, store));
    expect(faq.unanswered.map((q) => [q.text, q.language])).toEqual([
      ["¿aceptan tarjetas regalo? mi correo es [email]", "es"],
      ["do you accept paypal?", "en"],
    ]);
  });

  it("creates, edits and deletes entries with translations, bumping the widget version each time", async () => {
    const { store } = await seedWorkspace(db);
    const ctx = ctxFor(db, store);
    const created = await faqAction(
      ctx,
      formOf({
        intent: "create",
        question: "Do you ship to Canada?",
        answer: "Yes, in 5–8 business days.",
        "tr.es.question": "¿Envían a Canadá?",
        "tr.es.answer": "Sí, en 5–8 días hábiles.",
      }),
    );
    expect(created).toMatchObject({ ok: true, status: 200 });
    let faq = await loadFaq(ctx);
    expect(faq.entries).toHaveLength(1);
    expect(faq.entries[0]).toMatchObject({
      question: "Do you ship to Canada?",
      enabled: true,
      translations: { es: { question: "¿Envían a Canadá?" } },
    });
    const id = faq.entries[0].id;

    expect(
      await faqAction(
        ctx,
        formOf({
          intent: "update",
          id,
          question: "Do you ship to Canada?",
          answer: "Yes — 5 to 8 days.",
          enabled: "false",
        }),
      ),
    ).toMatchObject({ ok: true });
    faq = await loadFaq(ctx);
    expect(faq.entries[0]).toMatchObject({ answer: "Yes — 5 to 8 days.", enabled: false, translations: {} });

    expect(await faqAction(ctx, formOf({ intent: "delete", id }))).toMatchObject({ ok: true });
    expect((await loadFaq(ctx)).entries).toHaveLength(0);
    expect((await db.botSettings.findUniqueOrThrow({ where: { storeId: store.id } })).version).toBe(4);
  });

  it("returns field errors for a missing answer and half a translation", async () => {
    const { store } = await seedWorkspace(db);
    const r = await faqAction(
      ctxFor(db, store),
      formOf({
        intent: "create",
        question: "Gift wrap?",
        answer: "",
        "tr.fr.question": "Emballage cadeau ?",
      }),
    );
    expect(r).toMatchObject({ ok: false, status: 400 });
    expect(r.errors).toEqual({
      answer: "Write the answer the bot gives",
      "tr.fr.answer": "Add the translated answer too, or clear the question",
    });
    expect(await db.faqEntry.count({ where: { storeId: store.id } })).toBe(0);
  });

  it("cannot touch another workspace's entries", async () => {
    const a = await seedWorkspace(db);
    const b = await seedWorkspace(db);
    const entry = await db.faqEntry.create({ data: { storeId: b.store.id, question: "Q?", answer: "A" } });
    expect(await faqAction(ctxFor(db, a.store), formOf({ intent: "delete", id: entry.id }))).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await db.faqEntry.count({ where: { id: entry.id } })).toBe(1);
  });

  it("tests a question: what the bot understood and which entry answers it", async () => {
    const { store } = await seedWorkspace(db);
    const ctx = ctxFor(db, store);
    await faqAction(
      ctx,
      formOf({
        intent: "create",
        question: "Do you offer gift wrapping?",
        answer: "Yes, add it at checkout for $5.",
      }),
    );
    await faqAction(
      ctx,
      formOf({
        intent: "create",
        question: "Can I pick up my order in store?",
        answer: "Yes, at our Main St shop.",
      }),
    );
    const r = await faqAction(ctx, formOf({ intent: "test", text: "do you do gift wrapping?" }));
    expect(r.ok).toBe(true);
    expect(r.test).toMatchObject({
      intent: "faq",
      language: "en",
      match: { question: "Do you offer gift wrapping?", answered: true },
    });
    const order = await faqAction(
      ctx,
      formOf({ intent: "test", text: "where is order #1003, email bob@example.com" }),
    );
    expect(order.test).toMatchObject({
      intent: "order_status",
      entities: { orderNumber: "1003", email: "bob@example.com" },
    });
    expect(await faqAction(ctx, formOf({ intent: "test", text: "  " }))).toMatchObject({
      ok: false,
      status: 400,
      errors: { text: "Type a question to test" },
    });
  });

  it("test a question: intent, confidence, entities with the store's own numbering, and when the bot would ask", async () => {
    const { store } = await seedWorkspace(db, { platform: "woocommerce" });
    const ctx = ctxFor(db, store);
    const ask = async (text: string) => (await faqAction(ctx, formOf({ intent: "test", text }))).test!;
    expect((await ask("did 18 ship?")).entities.orderNumber).toBeNull(); // no orders known yet
    for (let n = 14; n <= 20; n++)
      await db.orderSnapshot.create({
        data: {
          storeId: store.id,
          orderId: `o${n}`,
          orderNumber: String(n),
          status: "processing",
          lastEventAt: new Date(),
          lastTopic: "order.created",
        },
      });
    const t = await ask("did 18 ship?");
    expect(t.entities.orderNumber).toBe("18");
    expect(t.confidence).toBeGreaterThan(0);
    expect((await ask("returns and refunds")).wouldAsk).toEqual(["policy_returns", "return_refund"]);
    expect((await ask("what is your return policy?")).wouldAsk).toBeNull();
  });
});

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

describe("Stores", () => {
  it("links a WooCommerce store into the Shopify store's workspace with a one-time code", async () => {
    const shop = await seedWorkspace(db, { platform: "shopify" });
    const woo = await seedWorkspace(db, { platform: "woocommerce" });
    const wooCtx = ctxFor(db, woo.store);
    const gen = await storesAction(wooCtx, formOf({ intent: "link_code" }));
    expect(gen.ok).toBe(true);
    const code = gen.linkCode!.code;
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);

    const shopCtx = ctxFor(db, shop.store);
    const wrong = await storesAction(
      shopCtx,
      formOf({ intent: "link", storeId: woo.store.id, code: "AAAAA-BBBBB" }),
    );
    expect(wrong).toMatchObject({
      ok: false,
      status: 400,
      errors: { code: expect.stringMatching(/wrong, used or expired/) },
    });
    expect(await storesAction(shopCtx, formOf({ intent: "link", storeId: "", code: "x" }))).toMatchObject({
      ok: false,
      errors: { storeId: expect.any(String), code: expect.any(String) },
    });

    const linked = await storesAction(
      shopCtx,
      formOf({ intent: "link", storeId: woo.store.id, code: code.toLowerCase().replace("-", " ") }),
    );
    expect(linked).toMatchObject({ ok: true, message: "Woo Outfitters linked" });
    const stores = await loadStores(shopCtx);
    expect(stores.stores.map((s) => s.platform).sort()).toEqual(["shopify", "woocommerce"]);

    // single use
    const again = await storesAction(
      ctxFor(db, (await seedWorkspace(db)).store),
      formOf({ intent: "link", storeId: woo.store.id, code }),
    );
    expect(again.ok).toBe(false);
    expect((await db.store.findUniqueOrThrow({ where: { id: woo.store.id } })).workspaceId).toBe(
      shop.workspace.id,
    );
  });

  it("refuses expired link codes", async () => {
    const shop = await seedWorkspace(db);
    const woo = await seedWorkspace(db, { platform: "woocommerce" });
    const past = new Date(Date.now() - LINK_CODE_TTL_MS - 1000);
    const gen = await storesAction(ctxFor(db, woo.store), formOf({ intent: "link_code" }), past);
    const r = await storesAction(
      ctxFor(db, shop.store),
      formOf({ intent: "link", storeId: woo.store.id, code: gen.linkCode!.code }),
    );
    expect(r.ok).toBe(false);
    expect((await db.store.findUniqueOrThrow({ where: { id: woo.store.id } })).workspaceId).toBe(
      woo.workspace.id,
    );
  });

  it("disconnects a WooCommerce store (credentials wiped) but explains Shopify uninstalls", async () => {
    const woo = await seedWorkspace(db, { platform: "woocommerce" });
    await db.store.update({
      where: { id: woo.store.id },
      data: {
        credentials: sealSecret(
          JSON.stringify({ consumerKey: "ck", consumerSecret: "cs", keyId: 7 }),
          "store.credentials",
        ),
        signingSecret: sealSecret("s", "store.signingSecret"),
      },
    });
    const ctx = ctxFor(db, woo.store);
    const r = await storesAction(ctx, formOf({ intent: "disconnect", storeId: woo.store.id }));
    expect(r).toMatchObject({ ok: true, status: 200 });
    const s = await db.store.findUniqueOrThrow({ where: { id: woo.store.id } });
    expect(s).toMatchObject({ status: "disconnected", credentials: null, signingSecret: null });

    const shop = await seedWorkspace(db, { platform: "shopify" });
    const sr = await storesAction(
      ctxFor(db, shop.store),
      formOf({ intent: "disconnect", storeId: shop.store.id }),
    );
    expect(sr).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringMatching(/uninstalling TrulyBot in the Shopify admin/),
    });
    expect(
      await storesAction(ctxFor(db, shop.store), formOf({ intent: "disconnect", storeId: woo.store.id })),
    ).toMatchObject({ ok: false, status: 404 });
  });
});

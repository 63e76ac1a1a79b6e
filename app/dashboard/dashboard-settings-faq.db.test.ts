/**
 * The dashboard's Bot settings and FAQ loaders/actions, shared by the embedded /app and the standalone
 * /dashboard shells, against a real migrated database.
 */
import { describe, expect, it } from "vitest";
import type { Db } from "../db.server";
import { useDashboardDbHarness } from "../../test/support/dashboard-db";
import { buildWidgetConfig } from "../storefront/config.server";
import { ctxFor, formOf, seedWorkspace } from "../../test/support/dashboard";
import { loadBotSettings, saveBotSettings } from "./settings.server";
import { faqAction, loadFaq } from "./faq.server";
import { buildTurnContext, unavailableAdapter } from "../chat/context.server";
import { handleTurn } from "../chat/engine";
import { ambiguousMessage } from "../../test/support/ambiguous";

let db: Db;
useDashboardDbHarness((opened) => (db = opened));

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
    // no orders known yet: the generic rules take a small number where only an order fits
    expect((await ask("did 18 ship?")).entities.orderNumber).toBe("18");
    expect((await ask("did 18 ship? 10115 Berlin")).entities.orderNumber).toBe("18");
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
    const unsure = ambiguousMessage();
    expect((await ask(unsure.text)).wouldAsk).toEqual(unsure.choices);
    expect((await ask("what is your return policy?")).wouldAsk).toBeNull();
  });
});

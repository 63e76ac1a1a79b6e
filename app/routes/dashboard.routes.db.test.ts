/**
 * Standalone dashboard routes (/dashboard/*) with real Requests: the session cookie from
 * createDashboardSession, the CSRF field on every POST, 401 without a session.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db.server";
import { seedConversation, seedWorkspace } from "../../test/support/dashboard";
import {
  DASHBOARD_BASE as BASE,
  routeArgs as args,
  startDashboardClient,
  thrownResponse as thrown,
  type DashboardClient,
} from "../../test/support/dashboard-client";
import * as layout from "./dashboard";
import * as home from "./dashboard._index";
import * as settings from "./dashboard.settings";
import * as faq from "./dashboard.faq";
import * as conversations from "./dashboard.conversations._index";
import * as conversation from "./dashboard.conversations.$id";
import * as handoffs from "./dashboard.handoffs";
import * as stores from "./dashboard.stores";
import * as logout from "./dashboard.logout";
import * as switchStore from "./dashboard.switch-store";

let client: DashboardClient;
let db: Db;
let cookie: string;
let csrf: string;
let storeId: string;

const get = (path: string, withCookie = true) => client.get(path, withCookie);
const post = (
  path: string,
  fields: Record<string, string | string[]>,
  opts: { csrf?: string | null; cookie?: boolean } = {},
) => client.post(path, fields, opts);

type DataResult<T> = { data: T; init: ResponseInit | null };
const asData = <T>(r: unknown) => r as DataResult<T>;

beforeAll(async () => {
  client = await startDashboardClient();
  ({ db, cookie, csrf, storeId } = client);
});
afterAll(async () => {
  await client?.close();
});

describe("without a dashboard session", () => {
  it("the layout answers 401 with the 'open it from WordPress' page data", async () => {
    const r = asData<{ authenticated: boolean }>(await layout.loader(args(get("/dashboard", false))));
    expect(r.init?.status).toBe(401);
    expect(r.data.authenticated).toBe(false);
  });

  it("every page loader and action refuses with 401", async () => {
    for (const [mod, path] of [
      [home, "/dashboard"],
      [settings, "/dashboard/settings"],
      [faq, "/dashboard/faq"],
      [conversations, "/dashboard/conversations"],
      [handoffs, "/dashboard/handoffs"],
      [stores, "/dashboard/stores"],
    ] as const) {
      expect(
        (await thrown((mod.loader as (a: unknown) => Promise<unknown>)(args(get(path, false))))).status,
        path,
      ).toBe(401);
    }
    expect(
      (await thrown(conversation.loader(args(get("/dashboard/conversations/x", false), { id: "x" })))).status,
    ).toBe(401);
    expect(
      (await thrown(settings.action(args(post("/dashboard/settings", { name: "x" }, { cookie: false })))))
        .status,
    ).toBe(401);
  });

  it("a made-up cookie is not a session", async () => {
    const req = new Request(BASE + "/dashboard/settings", {
      headers: { cookie: cookie.split("=")[0] + "=" + "a".repeat(43) },
    });
    expect((await thrown(settings.loader(args(req)))).status).toBe(401);
  });
});

describe("with a dashboard session", () => {
  it("the layout gives the page its CSRF token and store", async () => {
    const r = asData<{ authenticated: true; csrf: string; storeName: string; openHandoffs: number }>(
      await layout.loader(args(get("/dashboard"))),
    );
    expect(r.init?.status ?? 200).toBe(200);
    expect(r.data).toMatchObject({ authenticated: true, csrf, storeName: "Woo Outfitters", openHandoffs: 0 });
  });

  it("Home shows the WooCommerce checklist, with an e-mail step while SMTP_URL is not set", async () => {
    const d = await home.loader(args(get("/dashboard")));
    expect(d.mailConfigured).toBe(false);
    expect(d.checklist.find((c) => c.id === "handoff_email")).toMatchObject({
      done: false,
      label: "Get handoffs by e-mail",
    });
    expect(d.checklist.map((c) => c.id)).toEqual([
      "connected",
      "widget",
      "handoff_email",
      "personalised",
      "faq",
      "test_conversation",
    ]);
  });

  it("settings: a wrong CSRF token is 403 and saves nothing", async () => {
    const res = await thrown(
      settings.action(args(post("/dashboard/settings", { name: "Hacked" }, { csrf: "nope" }))),
    );
    expect(res.status).toBe(403);
    const res2 = await thrown(
      settings.action(args(post("/dashboard/settings", { name: "Hacked" }, { csrf: null }))),
    );
    expect(res2.status).toBe(403);
    expect((await db.botSettings.findUniqueOrThrow({ where: { storeId } })).name).toBe("TrulyBot");
  });

  it("settings: invalid input → 400 with field errors; valid → saved", async () => {
    const fields = {
      name: "Ava",
      greeting: "Hi! Ask me about your order.",
      accentColor: "#0a7d32",
      position: "right",
      launcherLabel: "Chat with Ava",
      languages: ["en", "nl"],
      orderTracking: "true",
      handoffEmail: "",
      businessHours: "",
    };
    const bad = asData<{ ok: boolean; errors: Record<string, string> }>(
      await settings.action(args(post("/dashboard/settings", { ...fields, accentColor: "#12345" }))),
    );
    expect(bad.init?.status).toBe(400);
    expect(bad.data.errors).toEqual({ accentColor: "Use a hex colour such as #1a73e8" });
    const ok = asData<{ ok: boolean; message: string }>(
      await settings.action(args(post("/dashboard/settings", fields))),
    );
    expect(ok.init?.status).toBe(200);
    expect(ok.data).toMatchObject({ ok: true, message: "Settings saved" });
    const loaded = await settings.loader(args(get("/dashboard/settings")));
    expect(loaded.values).toMatchObject({ name: "Ava", accentColor: "#0a7d32", languages: ["en", "nl"] });
    expect(loaded.version).toBe(2);
  });

  it("FAQ: add an entry, with errors for an empty one", async () => {
    const bad = asData<{ errors: Record<string, string> }>(
      await faq.action(args(post("/dashboard/faq", { intent: "create", question: "", answer: "" }))),
    );
    expect(bad.init?.status).toBe(400);
    expect(Object.keys(bad.data.errors).sort()).toEqual(["answer", "question"]);
    const ok = asData<{ ok: boolean }>(
      await faq.action(
        args(
          post("/dashboard/faq", {
            intent: "create",
            question: "Do you ship to Belgium?",
            answer: "Yes, in 2–3 days.",
          }),
        ),
      ),
    );
    expect(ok.data.ok).toBe(true);
    const d = await faq.loader(args(get("/dashboard/faq")));
    expect(d.entries.map((e) => e.question)).toEqual(["Do you ship to Belgium?"]);
    expect(d.languages).toEqual(["en", "nl"]);
  });

  it("conversations: list with filters and a transcript; someone else's conversation is 404", async () => {
    const conv = await seedConversation(db, storeId, { language: "nl" });
    const list = await conversations.loader(args(get("/dashboard/conversations?language=nl&from=nope")));
    expect(list.rows.map((r) => r.id)).toEqual([conv.id]);
    expect(list.errors).toEqual({ from: "Use a date like 2026-11-01" });
    const detail = await conversation.loader(
      args(get(`/dashboard/conversations/${conv.id}`), { id: conv.id }),
    );
    expect(detail.messages[0].text).toContain("a***e@example.com");
    const other = await seedWorkspace(db);
    const foreign = await seedConversation(db, other.store.id);
    expect(
      (
        await thrown(
          conversation.loader(args(get(`/dashboard/conversations/${foreign.id}`), { id: foreign.id })),
        )
      ).status,
    ).toBe(404);
  });

  it("conversation: take over, reply as a person, hand back; CSRF required; another workspace's is 404", async () => {
    const conv = await seedConversation(db, storeId);
    const path = `/dashboard/conversations/${conv.id}`;
    const act = (fields: Record<string, string>, opts: { csrf?: string | null } = {}) =>
      conversation.action(args(post(path, fields, opts), { id: conv.id }));
    expect((await thrown(act({ intent: "take_over" }, { csrf: "forged" }))).status).toBe(403);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conv.id } })).takenOverAt).toBeNull();

    const took = asData<{ ok: boolean; message: string }>(await act({ intent: "take_over" }));
    expect(took.data.message).toMatch(/bot stays quiet/);
    const before = await conversation.loader(args(get(path), { id: conv.id }));
    expect(before.live.takenOverAt).not.toBeNull();
    expect(before.live.shopperHere).toBe(false);

    const empty = asData<{ errors: Record<string, string> }>(await act({ intent: "reply", text: "" }));
    expect(empty.init?.status).toBe(400);
    expect(empty.data.errors).toEqual({ text: "Write a reply first" });
    const sent = asData<{ ok: boolean; sent: number }>(
      await act({ intent: "reply", text: "Hello from the shop" }),
    );
    expect(sent.data.ok).toBe(true);
    expect(sent.data.sent).toBeGreaterThan(0);
    const after = await conversation.loader(args(get(path), { id: conv.id }));
    expect(after.messages.at(-1)).toMatchObject({ role: "agent", text: "Hello from the shop" });

    await act({ intent: "hand_back" });
    expect((await conversation.loader(args(get(path), { id: conv.id }))).live.takenOverAt).toBeNull();

    const other = await seedWorkspace(db);
    const foreign = await seedConversation(db, other.store.id);
    const r = asData<{ ok: boolean }>(
      await conversation.action(
        args(post(`/dashboard/conversations/${foreign.id}`, { intent: "take_over" }), { id: foreign.id }),
      ),
    );
    expect(r.init?.status).toBe(404);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: foreign.id } })).takenOverAt).toBeNull();
  });

  it("handoffs: resolve one", async () => {
    const h = await db.handoffRequest.create({
      data: { storeId, email: "dan@example.com", message: "Need help" },
    });
    expect((await handoffs.loader(args(get("/dashboard/handoffs")))).openCount).toBe(1);
    const r = asData<{ ok: boolean }>(
      await handoffs.action(args(post("/dashboard/handoffs", { intent: "resolve", id: h.id }))),
    );
    expect(r.data.ok).toBe(true);
    expect((await db.handoffRequest.findUniqueOrThrow({ where: { id: h.id } })).status).toBe("resolved");
  });

  it("stores: create a link code; bad link input is 400 with field errors", async () => {
    const gen = asData<{ ok: boolean; linkCode: { code: string; storeId: string } }>(
      await stores.action(args(post("/dashboard/stores", { intent: "link_code" }))),
    );
    expect(gen.data.linkCode.storeId).toBe(storeId);
    const bad = asData<{ errors: Record<string, string> }>(
      await stores.action(args(post("/dashboard/stores", { intent: "link", storeId: "??", code: "1" }))),
    );
    expect(bad.init?.status).toBe(400);
    expect(Object.keys(bad.data.errors).sort()).toEqual(["code", "storeId"]);
    const d = await stores.loader(args(get("/dashboard/stores")));
    expect(d.stores).toHaveLength(1);
    expect(d.stores[0]).toMatchObject({ id: storeId, current: true, platform: "woocommerce" });
  });

  it("store switcher: only to a store of the same workspace, CSRF-checked, and lists follow it", async () => {
    const ws = (await db.store.findUniqueOrThrow({ where: { id: storeId } })).workspaceId;
    const second = await db.store.create({
      data: {
        workspaceId: ws,
        platform: "shopify",
        domain: "second.myshopify.com",
        name: "Second Shop",
        timezone: "Asia/Tokyo",
      },
    });
    await seedConversation(db, second.id, { language: "it" });
    const outsider = await seedWorkspace(db, { name: "Outsider" });
    const sw = (fields: Record<string, string>, opts: { csrf?: string | null } = {}) =>
      switchStore.action(args(post("/dashboard/switch-store", fields, opts)));
    expect((await thrown(sw({ storeId: second.id }, { csrf: "nope" }))).status).toBe(403);
    expect((await thrown(sw({ storeId: outsider.store.id }))).status).toBe(404);

    const layoutBefore = asData<{ stores: { id: string }[] }>(await layout.loader(args(get("/dashboard"))));
    expect(layoutBefore.data.stores.map((s) => s.id).sort()).toEqual([storeId, second.id].sort());

    const res = (await sw({ storeId: second.id, redirectTo: "https://evil.test/" })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/dashboard");
    const list = await conversations.loader(args(get("/dashboard/conversations")));
    expect(list.scope).toMatchObject({
      store: second.id,
      label: "Second Shop (Shopify)",
      timeZone: "Asia/Tokyo",
    });
    expect(list.rows.map((r) => r.language)).toEqual(["it"]);
    const layoutAfter = asData<{ storeName: string; timeZone: string }>(
      await layout.loader(args(get("/dashboard"))),
    );
    expect(layoutAfter.data).toMatchObject({ storeName: "Second Shop", timeZone: "Asia/Tokyo" });

    const back = (await sw({ storeId, redirectTo: "/dashboard/conversations" })) as Response;
    expect(back.headers.get("location")).toBe("/dashboard/conversations");
  });

  it("log out needs the CSRF token, then ends the session", async () => {
    expect((await thrown(logout.action(args(post("/dashboard/logout", {}, { csrf: "bad" }))))).status).toBe(
      403,
    );
    const res = (await logout.action(args(post("/dashboard/logout", {})))) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/dashboard?logged_out=1");
    expect(res.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await thrown(home.loader(args(get("/dashboard"))))).status).toBe(401);
  });
});

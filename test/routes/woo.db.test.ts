/**
 * WooCommerce, app side: the one-click connect flow against the WooCommerce emulator
 * (authorize → callback → return → secret exchange), the signed storefront routes, SSO and disconnect.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../../app/db.server";
import { resetEnvForTests } from "../../app/env.server";
import { signedHeaders } from "../../app/platforms/woocommerce/signature.server";
import { createTestDb } from "../helpers/db";
import { startRouteServer } from "../helpers/route-server";
import { startWooEmulator, type WooEmulator } from "../emulators/woocommerce/emulator";

let db: Db;
let cleanup: () => Promise<void>;
let emu: WooEmulator;
let app: { url: string; close: () => Promise<void> };
let routes: Record<string, import("../helpers/route-server").RouteModule>;

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(app.url + path, { redirect: "manual", ...init });
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  setDb(db);
  emu = await startWooEmulator({ port: 0, host: "127.0.0.1", allowHttpCallback: true });
  routes = {
    "/api/v1/woo/connect/start": await import("../../app/routes/api.v1.woo.connect.start"),
    "/api/v1/woo/connect/callback": await import("../../app/routes/api.v1.woo.connect.callback"),
    "/api/v1/woo/connect/return": await import("../../app/routes/api.v1.woo.connect.return"),
    "/api/v1/woo/connect/exchange": await import("../../app/routes/api.v1.woo.connect.exchange"),
    "/api/v1/woo/storefront/config": await import("../../app/routes/api.v1.woo.storefront.config"),
    "/api/v1/woo/storefront/messages": await import("../../app/routes/api.v1.woo.storefront.messages"),
    "/api/v1/woo/disconnect": await import("../../app/routes/api.v1.woo.disconnect"),
    "/api/v1/woo/sso": await import("../../app/routes/api.v1.woo.sso"),
    "/dashboard/sso": await import("../../app/routes/dashboard.sso"),
  };
  app = await startRouteServer(routes);
  process.env.SHOPIFY_APP_URL = app.url;
  process.env.WOO_ALLOW_HTTP_STORES = "1";
  resetEnvForTests();
});
afterAll(async () => {
  await app?.close();
  await emu?.close();
  await cleanup?.();
});

let storeId = "";
let secret = "";

function postKeys(userId: string, ck: string, cs: string, permissions = "read") {
  return call("/api/v1/woo/connect/callback", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      key_id: 99,
      user_id: userId,
      consumer_key: ck,
      consumer_secret: cs,
      key_permissions: permissions,
    }),
  });
}

async function connect(
  access: "read" | "read_write" | null = null,
): Promise<{ storeId: string; token: string; returnTo: URL }> {
  const token = crypto.randomBytes(16).toString("hex");
  const start = await call(
    `/api/v1/woo/connect/start?store_url=${encodeURIComponent(emu.url)}&return_url=${encodeURIComponent(emu.url + "/wp-admin/admin.php?page=trulybot")}&token=${token}${access ? `&access=${access}` : ""}`,
  );
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get("location")!);
  expect(authorize.origin + authorize.pathname).toBe(`${emu.url}/wc-auth/v1/authorize`);
  expect(authorize.searchParams.get("scope")).toBe(access ?? "read");
  expect(authorize.searchParams.get("app_name")).toBe("TrulyBot");
  const p = Object.fromEntries(authorize.searchParams) as Record<string, string>;
  const approved = await emu.approve(p as never);
  expect(approved.error).toBeUndefined();
  const back = await call(new URL(approved.redirectUrl).pathname + new URL(approved.redirectUrl).search);
  expect(back.status).toBe(302);
  const returnTo = new URL(back.headers.get("location")!);
  return {
    storeId: returnTo.searchParams.get("store_id") ?? "",
    token: returnTo.searchParams.get("token") ?? "",
    returnTo,
  };
}

describe("one-click connect through /wc-auth/v1", () => {
  it("authorize → callback → return → exchange: keys stored encrypted, secret only server to server", async () => {
    const { storeId: id, token, returnTo } = await connect();
    expect(returnTo.searchParams.get("trulybot_connected")).toBe("1");
    expect(returnTo.host).toBe(new URL(emu.url).host);
    expect(returnTo.toString()).not.toMatch(/cs_|secret/);
    // WooCommerce got exactly 200 from our callback, so it kept the key
    expect(emu.callbacks.at(-1)).toMatchObject({ status: 200 });
    const store = await db.store.findUniqueOrThrow({ where: { id } });
    expect(store.status).toBe("pending");
    expect(store.credentials).toMatch(/^tb1\./);
    expect(store.credentials).not.toContain("ck_");

    const ex = await call("/api/v1/woo/connect/exchange", {
      method: "POST",
      body: JSON.stringify({ storeId: id, token }),
    });
    expect(ex.status).toBe(200);
    const j = await ex.json();
    expect(j.storeId).toBe(id);
    expect(j.secret).toMatch(/^[0-9a-f]{64}$/);
    expect((await db.store.findUniqueOrThrow({ where: { id } })).status).toBe("active");
    storeId = id;
    secret = j.secret;

    // the exchange is single use
    const again = await call("/api/v1/woo/connect/exchange", {
      method: "POST",
      body: JSON.stringify({ storeId: id, token }),
    });
    expect(again.status).toBe(401);
  });

  it("a store takeover (start → callback with made-up keys → return → exchange) fails and the real plugin keeps working", async () => {
    const token = crypto.randomBytes(16).toString("hex");
    const start = await call(
      `/api/v1/woo/connect/start?store_url=${encodeURIComponent(emu.url)}&return_url=${encodeURIComponent(emu.url + "/wp-admin/")}&token=${token}`,
    );
    const authorize = new URL(start.headers.get("location")!);
    const userId = authorize.searchParams.get("user_id")!;
    const cb = await postKeys(userId, "ck_" + "a".repeat(40), "cs_" + "b".repeat(40));
    expect(cb.status).toBe(400);
    expect((await cb.json()).error.code).toBe("keys_not_valid");
    const ret = new URL(authorize.searchParams.get("return_url")!);
    const back = await call(ret.pathname + ret.search + "&success=1&user_id=" + userId);
    const to = new URL(back.headers.get("location")!);
    expect(to.searchParams.get("trulybot_connected")).toBe("0");
    expect(to.searchParams.get("store_id")).toBeNull();
    const ex = await call("/api/v1/woo/connect/exchange", {
      method: "POST",
      body: JSON.stringify({ storeId, token }),
    });
    expect(ex.status).toBe(401);
    const store = await db.store.findUniqueOrThrow({ where: { id: storeId } });
    expect(store.status).toBe("active");
    expect(store.pendingSigningSecret).toBeNull();
    // the real plugin's secret still signs requests; SSO still works for it
    expect((await signedFetch("/api/v1/woo/storefront/config", "", { method: "GET" })).status).toBe(200);
  });

  it("refuses keys that are valid for ANOTHER store than the one recorded at start", async () => {
    const other = await startWooEmulator({ port: 0, host: "127.0.0.1" });
    try {
      const theirs = other.addKey({
        consumerKey: "ck_" + crypto.randomBytes(20).toString("hex"),
        consumerSecret: "cs_" + crypto.randomBytes(20).toString("hex"),
        permissions: "read",
      });
      const start = await call(
        `/api/v1/woo/connect/start?store_url=${encodeURIComponent(emu.url)}&return_url=${encodeURIComponent(emu.url + "/wp-admin/")}&token=${"c".repeat(32)}`,
      );
      const userId = new URL(start.headers.get("location")!).searchParams.get("user_id")!;
      const cb = await postKeys(userId, theirs.consumerKey, theirs.consumerSecret);
      expect(cb.status).toBe(400);
      expect((await cb.json()).error.code).toBe("keys_not_valid");
      // the same attempt cannot be tried again with other keys
      expect((await postKeys(userId, theirs.consumerKey, theirs.consumerSecret)).status).toBe(409);
    } finally {
      await other.close();
    }
  });

  it("refuses a key with another permission than the one requested", async () => {
    const start = await call(
      `/api/v1/woo/connect/start?store_url=${encodeURIComponent(emu.url)}&return_url=${encodeURIComponent(emu.url + "/wp-admin/")}&token=${"d".repeat(32)}`,
    );
    const userId = new URL(start.headers.get("location")!).searchParams.get("user_id")!;
    const rw = emu.addKey({
      consumerKey: "ck_" + crypto.randomBytes(20).toString("hex"),
      consumerSecret: "cs_" + crypto.randomBytes(20).toString("hex"),
      permissions: "read_write",
    });
    const cb = await postKeys(userId, rw.consumerKey, rw.consumerSecret, "read_write");
    expect(cb.status).toBe(400);
    expect((await cb.json()).error.code).toBe("bad_permissions");
  });

  it("a read_write reconnect (self-service) asks WooCommerce for Read/Write and records the key's access", async () => {
    const { storeId: id, token } = await connect("read_write");
    const store = await db.store.findUniqueOrThrow({ where: { id } });
    const { readWooCredentials } = await import("../../app/platforms/adapters.server");
    expect(readWooCredentials(store)?.permissions).toBe("read_write");
    const ex = await call("/api/v1/woo/connect/exchange", {
      method: "POST",
      body: JSON.stringify({ storeId: id, token }),
    });
    expect(ex.status).toBe(200);
    const j = await ex.json();
    expect(j.keyAccess).toBe("read_write");
    // the key WooCommerce made for this connect, so the plugin deletes the read-only key it replaces
    expect(j.keyId).toBe(emu.callbacks.at(-1)!.body.key_id);
    // the keys really write: WooCommerce accepts a note with them
    const creds = readWooCredentials(store)!;
    const { createWooWriter } = await import("../../app/platforms/woocommerce/actions.server");
    const write = createWooWriter({ storeUrl: emu.url, ...creds });
    expect(await write("POST", "/wc/v3/orders/2001/notes", { note: "rw check" })).toMatchObject({ ok: true });
    secret = j.secret; // the plugin signs with the new secret from now on
  });

  it("a read_write attempt refuses a read-only key, and an unknown access is refused at start", async () => {
    const start = await call(
      `/api/v1/woo/connect/start?store_url=${encodeURIComponent(emu.url)}&return_url=${encodeURIComponent(emu.url + "/wp-admin/")}&token=${"e".repeat(32)}&access=read_write`,
    );
    const userId = new URL(start.headers.get("location")!).searchParams.get("user_id")!;
    const ro = emu.addKey({
      consumerKey: "ck_" + crypto.randomBytes(20).toString("hex"),
      consumerSecret: "cs_" + crypto.randomBytes(20).toString("hex"),
      permissions: "read",
    });
    const cb = await postKeys(userId, ro.consumerKey, ro.consumerSecret, "read");
    expect(cb.status).toBe(400);
    expect((await cb.json()).error.code).toBe("bad_permissions");
    for (const access of ["write", "admin", "read,write", ""]) {
      const bad = await call(
        `/api/v1/woo/connect/start?store_url=${encodeURIComponent(emu.url)}&return_url=${encodeURIComponent(emu.url + "/wp-admin/")}&token=${"f".repeat(32)}&access=${encodeURIComponent(access)}`,
      );
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.code).toBe("bad_access");
    }
  });

  it("a real re-connect keeps the old secret working until the plugin signs with the new one", async () => {
    const oldSecret = secret;
    const { storeId: id, token } = await connect();
    expect(id).toBe(storeId);
    // between the callback and the exchange the store keeps working with the old secret
    expect((await signedFetch("/api/v1/woo/storefront/config", "", { method: "GET" })).status).toBe(200);
    const ex = await call("/api/v1/woo/connect/exchange", {
      method: "POST",
      body: JSON.stringify({ storeId: id, token }),
    });
    expect(ex.status).toBe(200);
    const newSecret = (await ex.json()).secret as string;
    expect(newSecret).not.toBe(oldSecret);
    const raw = await db.store.findUniqueOrThrow({ where: { id } });
    expect(raw.pendingSigningSecret).toMatch(/^tb1\./);
    expect(raw.pendingSigningSecret).not.toContain(newSecret);
    expect((await signedFetch("/api/v1/woo/storefront/config", "", { method: "GET" })).status).toBe(200);
    // the first request signed with the new secret confirms it; the old one stops working
    const confirm = await signedFetch("/api/v1/woo/storefront/config", "", {
      method: "GET",
      secret: newSecret,
    });
    expect(confirm.status).toBe(200);
    expect((await signedFetch("/api/v1/woo/storefront/config", "", { method: "GET" })).status).toBe(401);
    secret = newSecret;
    expect((await signedFetch("/api/v1/woo/storefront/config", "", { method: "GET" })).status).toBe(200);
    expect((await db.store.findUniqueOrThrow({ where: { id } })).pendingSigningSecret).toBeNull();
  });

  it("the return step needs the plugin's own token (the attempt id alone does not reveal a store id)", async () => {
    const token = crypto.randomBytes(16).toString("hex");
    const start = await call(
      `/api/v1/woo/connect/start?store_url=${encodeURIComponent(emu.url)}&return_url=${encodeURIComponent(emu.url + "/wp-admin/")}&token=${token}`,
    );
    const userId = new URL(start.headers.get("location")!).searchParams.get("user_id")!;
    const res = await call(`/api/v1/woo/connect/return?attempt=${userId}&t=${"e".repeat(32)}`);
    expect(res.status).toBe(400);
    const row = await db.wooConnectAttempt.findUniqueOrThrow({ where: { userIdToken: userId } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(10 * 60 * 1000 + 1000);
  });

  it("production refuses plain-http stores even with WOO_ALLOW_HTTP_STORES", async () => {
    const prev = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    resetEnvForTests();
    try {
      const res = await call(
        `/api/v1/woo/connect/start?store_url=${encodeURIComponent(emu.url)}&return_url=${encodeURIComponent(emu.url + "/wp-admin/")}&token=${"f".repeat(32)}`,
      );
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("insecure_store_url");
    } finally {
      process.env.NODE_ENV = prev;
      resetEnvForTests();
    }
  });

  it("refuses a replayed callback, an unknown attempt and malformed keys (non-200 makes WooCommerce delete the key)", async () => {
    const last = emu.callbacks.at(-1)!;
    const replay = await call("/api/v1/woo/connect/callback", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(last.body),
    });
    expect(replay.status).toBe(409);
    const unknown = await call("/api/v1/woo/connect/callback", {
      method: "POST",
      body: JSON.stringify({
        key_id: 9,
        user_id: "nope",
        consumer_key: "ck_" + "a".repeat(40),
        consumer_secret: "cs_" + "b".repeat(40),
        key_permissions: "read",
      }),
    });
    expect(unknown.status).toBe(400);
    const bad = await call("/api/v1/woo/connect/callback", { method: "POST", body: "{not json" });
    expect(bad.status).toBe(400);
  });

  it("property: no made-up callback body ever gets 200 or touches a store", async () => {
    const fc = (await import("fast-check")).default;
    const before = await db.store.findMany({ orderBy: { id: "asc" } });
    const start = await call(
      `/api/v1/woo/connect/start?store_url=${encodeURIComponent(emu.url)}&return_url=${encodeURIComponent(emu.url + "/wp-admin/")}&token=${"p".repeat(32)}`,
    );
    const userId = new URL(start.headers.get("location")!).searchParams.get("user_id")!;
    const hex40 = fc.stringMatching(/^[0-9a-f]{40}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({
            key_id: fc.oneof(fc.integer(), fc.string()),
            user_id: fc.oneof(fc.constant(userId), fc.string({ maxLength: 70 })),
            consumer_key: fc.oneof(
              hex40.map((h) => "ck_" + h),
              fc.string(),
            ),
            consumer_secret: fc.oneof(
              hex40.map((h) => "cs_" + h),
              fc.string(),
            ),
            key_permissions: fc.constantFrom("read", "write", "read_write", ""),
          }),
          fc.json().map((j) => ({ raw: j })),
        ),
        async (body) => {
          const res = await call("/api/v1/woo/connect/callback", {
            method: "POST",
            body: "raw" in body ? (body.raw as string) : JSON.stringify(body),
          });
          expect(res.status).not.toBe(200);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
    expect(await db.store.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("refuses an expired attempt", async () => {
    const token = crypto.randomBytes(16).toString("hex");
    const start = await call(
      `/api/v1/woo/connect/start?store_url=${encodeURIComponent(emu.url)}&return_url=${encodeURIComponent(emu.url + "/wp-admin/")}&token=${token}`,
    );
    const userId = new URL(start.headers.get("location")!).searchParams.get("user_id")!;
    await db.wooConnectAttempt.update({
      where: { userIdToken: userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const res = await call("/api/v1/woo/connect/callback", {
      method: "POST",
      body: JSON.stringify({
        key_id: 9,
        user_id: userId,
        consumer_key: "ck_" + "a".repeat(40),
        consumer_secret: "cs_" + "b".repeat(40),
        key_permissions: "read",
      }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("expired");
  });

  it.each([
    [
      "a return_url on another host",
      (e: string) =>
        `store_url=${encodeURIComponent(e)}&return_url=${encodeURIComponent("https://evil.example/")}&token=${"a".repeat(32)}`,
    ],
    [
      "a missing token",
      (e: string) => `store_url=${encodeURIComponent(e)}&return_url=${encodeURIComponent(e + "/wp-admin/")}`,
    ],
    ["a non-URL store", () => `store_url=javascript:alert(1)&return_url=x&token=${"a".repeat(32)}`],
  ])("start refuses %s", async (_n, q) => {
    const res = await call(`/api/v1/woo/connect/start?${q(emu.url)}`);
    expect(res.status).toBe(400);
  });

  it("a denied authorization sends the merchant back with an error, no store is created", async () => {
    const token = crypto.randomBytes(16).toString("hex");
    const before = await db.store.count();
    const start = await call(
      `/api/v1/woo/connect/start?store_url=${encodeURIComponent(emu.url)}&return_url=${encodeURIComponent(emu.url + "/wp-admin/")}&token=${token}`,
    );
    const p = Object.fromEntries(new URL(start.headers.get("location")!).searchParams);
    const denied = new URL(emu.deny({ return_url: p.return_url, user_id: p.user_id }));
    const back = await call(denied.pathname + denied.search);
    const to = new URL(back.headers.get("location")!);
    expect(to.searchParams.get("trulybot_connected")).toBe("0");
    expect(to.searchParams.get("error")).toBe("denied");
    expect(await db.store.count()).toBe(before);
  });
});

function signedFetch(
  path: string,
  body: string,
  opts: {
    method?: string;
    customer?: string;
    secret?: string;
    nonce?: string;
    now?: Date;
    headers?: Record<string, string>;
  } = {},
) {
  const method = opts.method ?? "POST";
  const headers = signedHeaders(storeId, opts.secret ?? secret, {
    method,
    pathWithQuery: path,
    body,
    customer: opts.customer,
    shopper: crypto
      .createHash("sha256")
      .update("203.0.113.9ua" + secret)
      .digest("hex"),
    nonce: opts.nonce,
    now: opts.now,
  });
  return call(path, {
    method,
    headers: { ...headers, "content-type": "application/json", ...(opts.headers ?? {}) },
    body: method === "GET" ? undefined : body,
  });
}

describe("signed storefront routes (plugin → app)", () => {
  it("config carries the store's IANA time zone", async () => {
    await db.store.update({ where: { id: storeId }, data: { timezone: "Europe/Berlin" } });
    const r = await signedFetch("/api/v1/woo/storefront/config", "", { method: "GET" });
    expect((await r.json()).timeZone).toBe("Europe/Berlin");
  });

  it("config: 200 with ETag, then 304", async () => {
    const r = await signedFetch("/api/v1/woo/storefront/config", "", { method: "GET" });
    expect(r.status).toBe(200);
    const etag = r.headers.get("etag")!;
    const r2 = await signedFetch("/api/v1/woo/storefront/config", "", {
      method: "GET",
      headers: { "if-none-match": etag },
    });
    expect(r2.status).toBe(304);
  });

  it("messages: a full order-status turn with the real WooCommerce adapter over OAuth 1.0a", async () => {
    const a = await (
      await signedFetch(
        "/api/v1/woo/storefront/messages",
        JSON.stringify({ text: "where is my order 2002?" }),
      )
    ).json();
    expect(a.awaiting).toBe("email_or_phone");
    const r = await signedFetch(
      "/api/v1/woo/storefront/messages",
      JSON.stringify({
        conversationId: a.conversationId,
        conversationToken: a.conversationToken,
        text: "tobias.wagner@example.net",
      }),
    );
    const b = await r.json();
    const card = b.messages.find((m: { type: string }) => m.type === "order");
    expect(card.order.shipments[0]).toMatchObject({ carrier: "UPS", trackingNumber: "1ZE2W6491144172082" });
    expect(card.order.status).toBe("shipped"); // never "delivered" on WooCommerce
    expect(emu.requests.some((q) => typeof q.query.oauth_signature === "string")).toBe(true);
  });

  it("a logged-in customer (signed customer id) sees their orders", async () => {
    const r = await signedFetch(
      "/api/v1/woo/storefront/messages",
      JSON.stringify({ text: "show my orders" }),
      { customer: "5" },
    );
    const b = await r.json();
    const list = b.messages.find((m: { type: string }) => m.type === "order_list");
    expect(list.orders.map((o: { number: string }) => o.number).sort()).toEqual(["2001", "2006", "2013"]);
  });

  it("refuses tampered, expired, replayed and unsigned requests", async () => {
    const body = JSON.stringify({ text: "hi" });
    const nonce = crypto.randomBytes(16).toString("hex");
    expect((await signedFetch("/api/v1/woo/storefront/messages", body, { nonce })).status).toBe(200);
    expect((await signedFetch("/api/v1/woo/storefront/messages", body, { nonce })).status).toBe(401); // replay
    expect((await signedFetch("/api/v1/woo/storefront/messages", body, { secret: "wrong" })).status).toBe(
      401,
    );
    expect(
      (await signedFetch("/api/v1/woo/storefront/messages", body, { now: new Date(Date.now() - 400_000) }))
        .status,
    ).toBe(401);
    const h = signedHeaders(storeId, secret, {
      method: "POST",
      pathWithQuery: "/api/v1/woo/storefront/messages",
      body,
    });
    expect(
      (
        await call("/api/v1/woo/storefront/messages", {
          method: "POST",
          headers: h,
          body: JSON.stringify({ text: "hi!" }),
        })
      ).status,
    ).toBe(401);
    expect((await call("/api/v1/woo/storefront/messages", { method: "POST", body })).status).toBe(401);
  });

  it("answers malformed input with 400", async () => {
    expect((await signedFetch("/api/v1/woo/storefront/messages", "{oops")).status).toBe(400);
    expect(
      (await signedFetch("/api/v1/woo/storefront/messages", JSON.stringify({ text: "x".repeat(1001) })))
        .status,
    ).toBe(400);
  });
});

describe("SSO and disconnect", () => {
  it("SSO: a signed request mints a single-use link that becomes an httpOnly session cookie", async () => {
    const r = await signedFetch(
      "/api/v1/woo/sso",
      JSON.stringify({ wpUserId: 1, email: "owner@example.com", name: "Owner" }),
    );
    expect(r.status).toBe(200);
    const { url } = await r.json();
    const u = new URL(url);
    const first = await call(u.pathname + u.search);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("/dashboard");
    expect(first.headers.get("set-cookie")).toMatch(/HttpOnly/);
    expect(first.headers.get("set-cookie")).toMatch(/SameSite=Lax/);
    const second = await call(u.pathname + u.search);
    expect(second.status).toBe(401);
  });

  it("disconnect: forgets keys and secret, returns the key id, and later requests are refused", async () => {
    const r = await signedFetch("/api/v1/woo/disconnect", JSON.stringify({ reason: "disconnect" }));
    expect(r.status).toBe(200);
    expect((await r.json()).keyId).not.toBeUndefined();
    const store = await db.store.findUniqueOrThrow({ where: { id: storeId } });
    expect(store.status).toBe("disconnected");
    expect(store.credentials).toBeNull();
    expect((await signedFetch("/api/v1/woo/storefront/config", "", { method: "GET" })).status).toBe(401);
  });
});

describe("manual connection (the plugin's fallback)", () => {
  it("checks the keys against the store, stores them encrypted and returns a store id + secret that sign requests", async () => {
    const { connectWooManually } = await import("../../app/platforms/woocommerce/manual-connect.server");
    const { DEMO_WOO_KEY } = await import("../emulators/woocommerce/emulator");
    emu.addKey(DEMO_WOO_KEY);
    const bad = await connectWooManually({
      storeUrl: emu.url,
      consumerKey: "ck_" + "0".repeat(40),
      consumerSecret: "cs_" + "0".repeat(40),
    });
    expect(bad.ok).toBe(false);
    const ok = await connectWooManually({
      storeUrl: emu.url,
      consumerKey: DEMO_WOO_KEY.consumerKey,
      consumerSecret: DEMO_WOO_KEY.consumerSecret,
    });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const store = await db.store.findUniqueOrThrow({ where: { id: ok.storeId } });
    expect(store.status).toBe("active");
    expect(store.credentials).not.toContain(DEMO_WOO_KEY.consumerSecret);
    storeId = ok.storeId;
    secret = ok.secret;
    expect((await signedFetch("/api/v1/woo/storefront/config", "", { method: "GET" })).status).toBe(200);
  });
});

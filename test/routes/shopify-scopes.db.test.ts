/**
 * The embedded Self-service page asks Shopify for write_orders / write_returns through the library's
 * own optional-scope flow, with real Requests end to end: a session token signed like Shopify
 * admin's, the sealed offline session in the real database, the real `authenticate.admin` and
 * `scopes.request` of @shopify/shopify-app-remix, and the library's Admin API call answered by the
 * Shopify Admin emulator (schema-validated), to which the shop's own domain resolves for this file
 * (the library only speaks to `https://{shop}/admin/api/…`).
 */
import crypto from "node:crypto";
import { Session } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../../app/db.server";
import { createTestDb } from "../helpers/db";
import {
  DEMO_SHOP,
  startShopifyAdminEmulator,
  type ShopifyAdminEmulator,
} from "../emulators/shopify-admin/emulator";
import { DEMO_WRITE_TOKEN } from "../emulators/shopify-admin/mutations";
import { DEMO_ACCESS_TOKEN } from "../emulators/shopify-admin/emulator";

let db: Db;
let cleanup: () => Promise<void>;
let emu: ShopifyAdminEmulator;
let previous: typeof fetch | undefined;

const KEY = process.env.SHOPIFY_API_KEY!;
const SECRET = process.env.SHOPIFY_API_SECRET!;

/** A session token as Shopify admin's App Bridge signs it (HS256 with the app's secret). */
function sessionToken(shop: string, secret = SECRET): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: "HS256", typ: "JWT" });
  const body = b64({
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: KEY,
    sub: "42",
    exp: now + 60,
    nbf: now - 5,
    iat: now - 5,
    jti: crypto.randomUUID(),
    sid: crypto.randomUUID(),
  });
  const sig = crypto.createHmac("sha256", secret).update(`${head}.${body}`).digest("base64url");
  return `${head}.${body}.${sig}`;
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  setDb(db);
  emu = await startShopifyAdminEmulator({ port: 0, host: "127.0.0.1" });
  // The shop's own domain resolves to the emulator, as a hosts-file entry would: the library's real
  // request (method, headers, body) goes over real HTTP to it. Installed before the library loads,
  // which keeps the fetch it finds at import.
  const realFetch = globalThis.fetch;
  previous = realFetch;
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== DEMO_SHOP) return realFetch(input, init);
    const to = new URL(url.pathname + url.search, emu.url);
    return input instanceof Request ? realFetch(new Request(to, input), init) : realFetch(to, init);
  };
});
afterAll(async () => {
  if (previous) globalThis.fetch = previous;
  await emu?.close();
  await cleanup?.();
});

async function installWith(accessToken: string, scope: string) {
  const { sessionStorage } = await import("../../app/platforms/shopify/app.server");
  await sessionStorage.storeSession(
    new Session({
      id: `offline_${DEMO_SHOP}`,
      shop: DEMO_SHOP,
      state: "installed",
      isOnline: false,
      accessToken,
      scope,
    }),
  );
  await db.store.deleteMany({ where: { domain: DEMO_SHOP } });
}

/** The Self-service form as the embedded page posts it (fetch with the session token). */
function savePost(fields: Record<string, string | string[]>, token = sessionToken(DEMO_SHOP)): Request {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return new Request(`${process.env.SHOPIFY_APP_URL}/app/actions?_data=routes%2Fapp.actions`, {
    method: "POST",
    body,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/x-www-form-urlencoded",
    },
  });
}

async function runAction(request: Request): Promise<Response | unknown> {
  const route = await import("../../app/routes/app.actions");
  try {
    return await route.action({ request, params: {}, context: {} });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

const CANCEL_ON = { "cancel.enabled": "on", "cancel.statuses": ["pending_payment", "on_hold", "processing"] };

describe("Shopify optional scopes through the library's flow", () => {
  it("turning cancel on without write_orders sends the merchant to Shopify's grant screen for it", async () => {
    await installWith(DEMO_ACCESS_TOKEN, "read_orders,read_themes");
    const res = (await runAction(savePost(CANCEL_ON))) as Response;
    expect(res).toBeInstanceOf(Response);
    // a fetch from the embedded page: App Bridge reads the reauthorize header and opens the grant screen
    expect(res.status).toBe(401);
    const grant = new URL(res.headers.get("x-shopify-api-request-failure-reauthorize-url")!);
    expect(grant.origin + grant.pathname).toBe(`https://${DEMO_SHOP}/admin/oauth/install`);
    expect(grant.searchParams.get("client_id")).toBe(KEY);
    expect(grant.searchParams.get("optional_scopes")).toBe("write_orders");
    // the library asked the shop which scopes are granted (the emulator answered)
    expect(emu.requests.some((r) => r.query?.includes("installation") && r.token === DEMO_ACCESS_TOKEN)).toBe(
      true,
    );
    // the rules were saved before the redirect
    const store = await db.store.findUniqueOrThrow({
      where: { platform_domain: { platform: "shopify", domain: DEMO_SHOP } },
    });
    expect(
      (await db.actionRule.findMany({ where: { storeId: store.id, enabled: true } })).map((r) => r.action),
    ).toEqual(["cancel"]);
  });

  it("returns on as well asks for write_returns too; everything off asks for nothing", async () => {
    await installWith(DEMO_ACCESS_TOKEN, "read_orders,read_themes");
    const res = (await runAction(
      savePost({ ...CANCEL_ON, "return.enabled": "on", "return.statuses": ["delivered"] }),
    )) as Response;
    const grant = new URL(res.headers.get("x-shopify-api-request-failure-reauthorize-url")!);
    expect(grant.searchParams.get("optional_scopes")).toBe("write_orders,write_returns");
    const off = await runAction(savePost({}));
    expect(off).not.toBeInstanceOf(Response);
    expect((off as { data: { ok: boolean } }).data.ok).toBe(true);
  });

  it("an installation that already granted the scopes saves without a grant screen", async () => {
    // the shop granted them in Shopify, the app's row has not heard of it yet: the library checks Shopify
    await installWith(DEMO_WRITE_TOKEN, "read_orders,read_themes");
    const res = await runAction(savePost(CANCEL_ON));
    expect(res).not.toBeInstanceOf(Response);
    expect((res as { data: { ok: boolean } }).data.ok).toBe(true);
  });

  it("a session token not signed with the app's secret changes nothing and asks for nothing", async () => {
    await installWith(DEMO_ACCESS_TOKEN, "read_orders,read_themes");
    const before = emu.requests.length;
    const res = (await runAction(savePost(CANCEL_ON, sessionToken(DEMO_SHOP, "not-the-secret")))) as Response;
    expect(res).toBeInstanceOf(Response);
    expect(res.status).toBe(401);
    expect(res.headers.get("x-shopify-api-request-failure-reauthorize-url")).toBeNull();
    expect(emu.requests.length).toBe(before);
    expect(await db.store.count({ where: { domain: DEMO_SHOP } })).toBe(0);
  });
});

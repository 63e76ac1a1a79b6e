/**
 * The database briefly unavailable: the storefront routes must answer the widget with a clear,
 * retryable JSON error in the widget protocol's shape ({"error": {code, message}}, 503, no stack
 * trace, no HTML error page), store nothing half-way, and work again — each message stored once —
 * as soon as the database is back.
 *
 * "Unavailable" is real on PostgreSQL (a client pointed at a closed port: connection refused on the
 * first query). On SQLite, where there is no server to lose, it is the process-wide client failing
 * to open (getDb() rejects, as when the file's directory is gone or locked).
 */
import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDb, setDb, type Db } from "../../app/db.server";
import { testDbFlavor } from "../helpers/db";
import { appProxyRequest } from "../helpers/seed";
import { startStorefrontWorld, wooStorefrontRequest, type StorefrontWorld } from "../helpers/storefront";
import { DEMO_SHOP } from "../emulators/shopify-admin/emulator";

const SECRET = process.env.SHOPIFY_API_SECRET!;
let world: StorefrontWorld;
let db: Db;
let down: Db | null = null;

async function databaseDown() {
  if (testDbFlavor() === "postgres") {
    down = await createDb("postgresql://postgres@127.0.0.1:1/trulybot_unreachable");
    setDb(down);
  } else {
    const failing = Promise.reject(
      Object.assign(new Error("unable to open database file"), { code: "SQLITE_CANTOPEN" }),
    );
    failing.catch(() => undefined);
    globalThis.__trulybotDb = failing as Promise<Db>;
  }
}
const databaseBack = () => setDb(db);

/** Calls a route like Remix does: a thrown Response is sent as is, any other throw becomes Remix's 500. */
async function call(fn: () => Promise<unknown>): Promise<Response> {
  try {
    return (await fn()) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    return new Response("Unexpected Server Error", {
      status: 500,
      headers: { "content-type": "text/plain" },
    });
  }
}

async function expectRetryableJsonError(res: Response) {
  expect(res.status).toBe(503);
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  const body = await res.json();
  expect(body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
  expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|SQLITE|prisma|\bat .*:\d+/i);
}

beforeAll(async () => {
  world = await startStorefrontWorld({ shopify: true, woo: true });
  db = world.db;
});
afterEach(databaseBack);
afterAll(async () => {
  await down?.$disconnect().catch(() => undefined);
  await world?.close();
});

const shopifyPost = (text: string, conversationId?: string) =>
  appProxyRequest("messages", {
    shop: DEMO_SHOP,
    secret: SECRET,
    method: "POST",
    body: JSON.stringify({ text, conversationId }),
    headers: { "x-forwarded-for": "192.0.2.10", "user-agent": crypto.randomUUID() },
  });

const wooPost = (text: string) =>
  wooStorefrontRequest(world.wooStore, "messages", { body: JSON.stringify({ text }) });

describe("database briefly unavailable", () => {
  it("Shopify app proxy POST /messages: 503 JSON error while down; the next message after recovery is answered and stored once", async () => {
    const route = await import("../../app/routes/proxy.messages");
    const before = await db.message.count();
    await databaseDown();
    const res = await call(() =>
      route.action({
        request: shopifyPost("where is my order #1002? marcus.reed@example.net"),
        params: {},
        context: {},
      }),
    );
    await expectRetryableJsonError(res);
    databaseBack();
    expect(await db.message.count()).toBe(before); // nothing half-stored

    const ok = await call(() =>
      route.action({
        request: shopifyPost("where is my order #1002? marcus.reed@example.net"),
        params: {},
        context: {},
      }),
    );
    expect(ok.status).toBe(200);
    const j = await ok.json();
    expect(j.messages.some((m: { type: string }) => m.type === "order")).toBe(true);
    expect(await db.message.count({ where: { conversationId: j.conversationId, role: "shopper" } })).toBe(1);
  });

  it("Shopify app proxy GET /config: 503 JSON error while down", async () => {
    const route = await import("../../app/routes/proxy.config");
    await databaseDown();
    const res = await call(() =>
      route.loader({
        request: appProxyRequest("config", { shop: DEMO_SHOP, secret: SECRET }),
        params: {},
        context: {},
      }),
    );
    await expectRetryableJsonError(res);
  });

  it("WooCommerce POST /storefront/messages: 503 JSON error while down; answered after recovery", async () => {
    const route = await import("../../app/routes/api.v1.woo.storefront.messages");
    await databaseDown();
    const res = await call(() =>
      route.action({
        request: wooPost("where is my order #2002? tobias.wagner@example.net"),
        params: {},
        context: {},
      }),
    );
    await expectRetryableJsonError(res);
    databaseBack();
    const ok = await call(() =>
      route.action({
        request: wooPost("where is my order #2002? tobias.wagner@example.net"),
        params: {},
        context: {},
      }),
    );
    expect(ok.status).toBe(200);
  });

  it("/healthz reports the outage as 503 JSON (the load balancer's view)", async () => {
    const route = await import("../../app/routes/healthz");
    await databaseDown();
    const res = await call(() => route.loader());
    expect(res.status).toBe(503);
    expect((await res.json()).database).toBe("unavailable");
  });
});

/**
 * server.mjs's storefront hot paths: real HTTP in front of the real route modules (the same ones
 * Remix serves), a real database and the Shopify emulator. What the hot path answers equals what
 * the route answers through Remix's module call; anything it does not handle falls through.
 */
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHotPaths, HOT_ROUTES } from "../../server.mjs";
import type { Db } from "../../app/db.server";
import { appProxyRequest } from "../helpers/seed";
import { startStorefrontWorld, type StorefrontWorld } from "../helpers/storefront";
import { signedHeaders } from "../../app/platforms/woocommerce/signature.server";
import { DEMO_SHOP } from "../emulators/shopify-admin/emulator";

const SECRET = process.env.SHOPIFY_API_SECRET!;
let world: StorefrontWorld;
let db: Db;
let server: http.Server;
let base: string;
let woo: { storeId: string; secret: string };
let errors: unknown[] = [];
let configRoute: typeof import("../../app/routes/proxy.config");

beforeAll(async () => {
  // a Woo store at an address nothing answers: the config hot path never calls the store
  world = await startStorefrontWorld({ shopify: true, woo: { url: "http://127.0.0.1:9" } });
  db = world.db;
  woo = { storeId: world.wooStore.id, secret: world.wooStore.secret };
  configRoute = await import("../../app/routes/proxy.config");
  const modules = {
    "routes/proxy.config": configRoute,
    "routes/proxy.messages": await import("../../app/routes/proxy.messages"),
    "routes/api.v1.woo.storefront.config": await import("../../app/routes/api.v1.woo.storefront.config"),
    "routes/api.v1.woo.storefront.messages": await import("../../app/routes/api.v1.woo.storefront.messages"),
    "routes/healthz": await import("../../app/routes/healthz"),
  };
  const hot = createHotPaths(modules);
  server = http.createServer(async (req, res) => {
    try {
      if (await hot(req, res, `http://${req.headers.host}`)) return;
      res.writeHead(418, { "content-type": "text/plain" }).end("remix"); // stands for the Remix handler
    } catch (e) {
      errors.push(e);
      res.destroy();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await world?.close();
});

/** The app-proxy request's path and query (signed), sent over HTTP to the hot path. */
function proxyUrl(path: string, opts: Partial<Parameters<typeof appProxyRequest>[1]> = {}) {
  const r = appProxyRequest(path, { shop: DEMO_SHOP, secret: SECRET, ...opts });
  const u = new URL(r.url);
  return `${base}${u.pathname}${u.search}`;
}

describe("hot paths ahead of Remix", () => {
  it("covers config and messages on both platforms, WooCommerce webhook intake and the health check", () => {
    expect(Object.keys(HOT_ROUTES).sort()).toEqual([
      "/api/v1/woo/storefront/config",
      "/api/v1/woo/storefront/messages",
      "/api/v1/woo/webhooks",
      "/healthz",
      "/proxy/config",
      "/proxy/messages",
    ]);
  });

  it("/healthz is answered by the hot path: the database answers, no caching; a POST is not its business", async () => {
    const r = await fetch(`${base}/healthz`);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(await r.json()).toMatchObject({ ok: true, database: "ok" });
    // no action on the module: not served by the hot path (falls through to Remix: 418 stands for it here)
    const post = await fetch(`${base}/healthz`, { method: "POST" });
    expect(post.status).toBe(418);
  });

  it("GIVEN a signed Shopify config request THEN the hot path answers exactly like the route module (body, ETag, caching headers), and 304 on the ETag", async () => {
    const url = proxyUrl("config");
    const viaHot = await fetch(url, {
      headers: { "x-forwarded-for": "203.0.113.7", "user-agent": "vitest" },
    });
    const direct = (await configRoute.loader({
      request: new Request(url),
      params: {},
      context: {},
    })) as Response;
    expect(viaHot.status).toBe(200);
    expect(await viaHot.clone().text()).toBe(await direct.text());
    for (const h of ["etag", "cache-control", "content-type", "vary", "x-content-type-options"])
      expect(viaHot.headers.get(h)).toBe(direct.headers.get(h));
    expect((await viaHot.json()).bot.name).toBe("TrulyBot");
    const again = await fetch(proxyUrl("config"), {
      headers: { "if-none-match": viaHot.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("answers a full order-status turn over HTTP (Shopify), stored once", async () => {
    const r = await fetch(proxyUrl("messages", { method: "POST" }), {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.50", "user-agent": "hot" },
      body: JSON.stringify({ text: "where is my order #1002? marcus.reed@example.net" }),
    });
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body.messages.some((m: { type: string }) => m.type === "order")).toBe(true);
    const conv = await db.conversation.findUniqueOrThrow({ where: { id: body.conversationId } });
    expect(await db.message.count({ where: { conversationId: conv.id } })).toBe(conv.messageCount);
  });

  it("serves the WooCommerce config signed by the plugin; refuses a bad signature with the protocol's 401", async () => {
    const path = "/api/v1/woo/storefront/config";
    const headers = signedHeaders(woo.storeId, woo.secret, { method: "GET", pathWithQuery: path });
    const ok = await fetch(base + path, { headers });
    expect(ok.status).toBe(200);
    expect((await ok.json()).bot.name).toBe("TrulyBot");
    const bad = await fetch(base + path, {
      headers: signedHeaders(woo.storeId, "f".repeat(64), { method: "GET", pathWithQuery: path }),
    });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.code).toBe("bad_signature");
  });

  it("hostile: forged, replayed and oversized requests get the route's answers", async () => {
    expect((await fetch(proxyUrl("config", { secret: "wrong" }))).status).toBe(401);
    const url = proxyUrl("messages", { method: "POST" });
    const send = (body: string) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect((await send(JSON.stringify({ text: "hi" }))).status).toBe(200);
    const replay = await send(JSON.stringify({ text: "hi" }));
    expect(replay.status).toBe(401);
    expect((await replay.json()).error.code).toBe("replayed");
    const big = await send(JSON.stringify({ text: "x".repeat(20_000) }));
    expect(big.status).toBe(400);
  });

  it("falls through to Remix for what the module does not handle (POST to config, a trailing slash, other paths)", async () => {
    expect(await (await fetch(proxyUrl("config"), { method: "POST", body: "{}" })).text()).toBe("remix");
    expect(await (await fetch(`${base}/proxy/config/`)).text()).toBe("remix");
    expect(await (await fetch(`${base}/app`)).text()).toBe("remix");
  });

  it("a client that leaves before the answer costs no error and the server keeps serving", async () => {
    errors = [];
    const u = new URL(proxyUrl("messages", { method: "POST" }));
    const body = JSON.stringify({ text: "where is my order #1002? marcus.reed@example.net" });
    await new Promise<void>((resolve) => {
      const s = net.connect(Number(new URL(base).port), "127.0.0.1", () => {
        s.write(
          `POST ${u.pathname}${u.search} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nX-Forwarded-For: 203.0.113.99\r\n\r\n${body}`,
        );
        s.destroy();
        resolve();
      });
    });
    // the next request is answered normally; the abandoned one raised nothing
    const r = await fetch(proxyUrl("config"));
    expect(r.status).toBe(200);
    await new Promise((r2) => setTimeout(r2, 300)); // let the abandoned turn finish
    expect(errors).toEqual([]);
  });
});

/**
 * Oversized bodies on the REAL production server (server.mjs, node:http, Remix's request handler):
 * storefront/API routes answer 413 JSON `payload_too_large` over 64 KiB — by Content-Length or
 * while streaming a chunked body — instead of the 500/503 a cut-off body used to produce.
 * The server runs a minimal Remix server build whose resource routes stand in for the app's.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: { url: string };
let child: ChildProcess;
let dir: string;

const BUILD = `
const body = async ({ request }) => {
  try {
    const text = await request.text();
    return new Response(JSON.stringify({ bytes: text.length }), { headers: { "content-type": "application/json" } });
  } catch (e) {
    // what the app's storefront boundary does with a failed read: an outage answer
    return new Response(JSON.stringify({ error: { code: "unavailable" } }), { status: 503 });
  }
};
export const entry = { module: { default: (req, status, headers) => new Response("<html></html>", { status, headers }) } };
export const routes = {
  root: { id: "root", path: "", module: {} },
  "routes/proxy.messages": { id: "routes/proxy.messages", parentId: "root", path: "proxy/messages", module: { action: body } },
  "routes/api.v1.woo.storefront.messages": { id: "routes/api.v1.woo.storefront.messages", parentId: "root", path: "api/v1/woo/storefront/messages", module: { action: body } },
  "routes/webhooks": { id: "routes/webhooks", parentId: "root", path: "webhooks/x", module: { action: body } },
};
export const assets = { entry: { module: "/e.js", imports: [] }, routes: {}, url: "/m.js", version: "1" };
export const future = {};
export const publicPath = "/";
export const assetsBuildDirectory = "build/client";
export const basename = "/";
export const isSpaMode = false;
export const mode = "production";
`;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-build-"));
  fs.writeFileSync(path.join(dir, "index.mjs"), BUILD);
  // the real server in its own Node process, as `npm start` runs it
  const script = `import { startServer } from ${JSON.stringify(path.resolve("server.mjs"))};
const s = await startServer({ port: 0, host: "127.0.0.1", build: ${JSON.stringify(path.join(dir, "index.mjs"))} });
console.log("PORT " + s.port);`;
  child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c) => {
      out += c;
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  server = { url: `http://127.0.0.1:${port}` };
});
afterAll(async () => {
  child?.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** POST with node:http so the body can be chunked (no Content-Length). */
function post(p: string, bytes: number, chunked: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(server.url + p);
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: "POST",
        headers: chunked
          ? { "content-type": "application/json", "transfer-encoding": "chunked" }
          : { "content-type": "application/json", "content-length": String(bytes) },
      },
      (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    const chunk = Buffer.alloc(8 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!req.write(chunk.subarray(0, n))) return req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

describe("oversized request bodies on the real server", () => {
  it.each([
    ["/proxy/messages", false],
    ["/proxy/messages", true],
    ["/api/v1/woo/storefront/messages", false],
    ["/api/v1/woo/storefront/messages", true],
  ])("%s (chunked: %s) over 64 KiB → 413 payload_too_large JSON", async (p, chunked) => {
    const r = await post(p, 100 * 1024, chunked);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe("payload_too_large");
  });

  it("a body within the limit reaches the route", async () => {
    const r = await post("/proxy/messages", 60 * 1024, true);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).bytes).toBe(60 * 1024);
  });

  it("other routes keep the 1 MiB limit", async () => {
    expect((await post("/webhooks/x", 100 * 1024, false)).status).toBe(200);
    const big = await post("/webhooks/x", 1100 * 1024, true);
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.code).toBe("payload_too_large");
  });
});

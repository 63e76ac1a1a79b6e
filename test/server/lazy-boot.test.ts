/**
 * The lazy boot of the REAL production server (server.mjs in its own Node process): with a
 * storefront entry next to the Remix build (build/server/storefront.js, ADR 0028), only that entry
 * is imported at boot — configuration validated, maintenance and job workers started — and the
 * Remix build on the first request the hot paths do not serve, once, however many requests wait
 * for it. Both entries share one module (as the two entries of the real build share chunks): state
 * written through the storefront entry is what the Remix routes read.
 * The build is a stand-in (three small modules) so that what is imported when can be observed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SHARED = `
export const state = { configHits: 0, jobs: 0, maintenance: 0 };
`;
const STOREFRONT = `
import { state } from "./shared.js";
const json = (v) => new Response(JSON.stringify(v), { headers: { "content-type": "application/json" } });
export const routes = {
  "routes/healthz": { loader: () => json({ ...state, remixImported: globalThis.__remixImported ?? 0 }) },
  "routes/proxy.config": { loader: () => { state.configHits++; return json({ ok: true }); } },
};
export function validateConfiguration() {
  if (process.env.STANDIN_BAD_CONFIG) throw Object.assign(new Error("SHOPIFY_API_SECRET: is required"), { name: "ConfigError" });
}
export function startMaintenance() { state.maintenance++; return () => {}; }
export async function startJobWorkers() { state.jobs++; }
`;
const INDEX = `
import { state } from "./shared.js";
globalThis.__remixImported = (globalThis.__remixImported ?? 0) + 1;
await new Promise((r) => setTimeout(r, 300)); // a slow import: requests arriving meanwhile wait for it
const json = (v) => new Response(JSON.stringify(v), { headers: { "content-type": "application/json" } });
export const entry = { module: { default: (req, status, headers) => new Response("<html></html>", { status, headers }) } };
export const routes = {
  root: { id: "root", path: "", module: {} },
  "routes/dash": { id: "routes/dash", parentId: "root", path: "dash", module: {
    loader: () => json({ configHits: state.configHits, remixImported: globalThis.__remixImported }),
  } },
};
export const assets = { entry: { module: "/e.js", imports: [] }, routes: {}, url: "/m.js", version: "1" };
export const future = {};
export const publicPath = "/";
export const assetsBuildDirectory = "build/client";
export const basename = "/";
export const isSpaMode = false;
export const mode = "production";
`;

let dir: string;
const children: ChildProcess[] = [];

function start(env: Record<string, string> = {}) {
  const script = `import { startServer } from ${JSON.stringify(path.resolve("server.mjs"))};
try {
  const s = await startServer({ port: 0, host: "127.0.0.1", build: ${JSON.stringify(path.join(dir, "index.js"))} });
  console.log("PORT " + s.port);
} catch (e) { console.log("FAILED " + e.name + ": " + e.message); process.exit(1); }`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise<{ url?: string; out: string }>((resolve) => {
    let out = "";
    child.stdout!.on("data", (c) => {
      out += c;
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}`, out });
    });
    child.once("exit", () => resolve({ out }));
  });
}

const getJson = async (url: string) => {
  const r = await fetch(url);
  return { status: r.status, body: await r.json() };
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-lazy-build-"));
  fs.writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }');
  fs.writeFileSync(path.join(dir, "shared.js"), SHARED);
  fs.writeFileSync(path.join(dir, "storefront.js"), STOREFRONT);
  fs.writeFileSync(path.join(dir, "index.js"), INDEX);
});
afterAll(() => {
  for (const c of children) c.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("server.mjs loads the dashboard's build on first use", () => {
  it("boots on the storefront entry alone, with maintenance and job workers running", async () => {
    const { url } = await start();
    const health = await getJson(`${url}/healthz`);
    expect(health).toEqual({
      status: 200,
      body: { configHits: 0, jobs: 1, maintenance: 1, remixImported: 0 },
    });
    expect((await getJson(`${url}/proxy/config`)).status).toBe(200);
    expect((await getJson(`${url}/proxy/config`)).status).toBe(200);
    // still no Remix build after storefront traffic
    expect((await getJson(`${url}/healthz`)).body.remixImported).toBe(0);

    // five requests arrive while the Remix build is being imported: one import, all answered
    const answers = await Promise.all(Array.from({ length: 5 }, () => getJson(`${url}/dash`)));
    for (const a of answers) expect(a).toEqual({ status: 200, body: { configHits: 2, remixImported: 1 } });
    // the storefront entry and the Remix build share the module: one copy of its state
    await getJson(`${url}/proxy/config`);
    expect((await getJson(`${url}/dash`)).body).toEqual({ configHits: 3, remixImported: 1 });
    expect((await getJson(`${url}/healthz`)).body).toMatchObject({
      jobs: 1,
      maintenance: 1,
      remixImported: 1,
    });
  });

  it("a bad configuration fails the boot before listening, from the storefront entry", async () => {
    const { url, out } = await start({ STANDIN_BAD_CONFIG: "1" });
    expect(url).toBeUndefined();
    expect(out).toContain("FAILED ConfigError: SHOPIFY_API_SECRET: is required");
  });
});

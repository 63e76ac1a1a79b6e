import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexStatic, serveStatic } from "../../server.mjs";

let dir: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-static-"));
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(path.join(dir, "assets", "app-abc123.js"), "console.log(1)");
  fs.writeFileSync(path.join(dir, "favicon.ico"), "icon");
  const index = indexStatic(dir);
  server = http.createServer((req, res) => {
    if (!serveStatic(index, req, res)) {
      res.writeHead(404);
      res.end("app");
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("static files indexed at boot", () => {
  it("GIVEN a built asset WHEN requested THEN it is served immutable with its type and length", async () => {
    const r = await fetch(`${base}/assets/app-abc123.js?v=1`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/text\/javascript/);
    expect(r.headers.get("cache-control")).toContain("immutable");
    expect(await r.text()).toBe("console.log(1)");
  });

  it("GIVEN a file created after boot WHEN requested THEN the app handles it (no per-request file-system lookups)", async () => {
    fs.writeFileSync(path.join(dir, "late.txt"), "late");
    const r = await fetch(`${base}/late.txt`);
    expect(r.status).toBe(404);
    expect(await r.text()).toBe("app");
  });

  it.each(["/../package.json", "/%2e%2e/package.json", "/assets/%00x", "/%E0%A4%A"])(
    "GIVEN the hostile path %s THEN it falls through to the app",
    async (p) => {
      const r = await fetch(`${base}${p}`);
      expect(r.status).toBe(404);
    },
  );

  it("GIVEN a POST to a static path THEN it falls through to the app", async () => {
    const r = await fetch(`${base}/favicon.ico`, { method: "POST", body: "x" });
    expect(r.status).toBe(404);
  });
});

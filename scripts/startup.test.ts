/**
 * Start-up order of the production server (server.mjs, what `npm start` runs with --migrate):
 * configuration is validated before any migration or file is created; a busy port and an
 * unreachable database each give one plain sentence naming what to fix. Real sockets, a real
 * SQLite file and a real (refused) PostgreSQL connection; the app build is a stand-in whose
 * validateConfiguration is the app's own parseEnv.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../app/env.server";

// server.mjs is plain JS without types
const { startServer } = (await import("../server.mjs" as string)) as {
  startServer: (o: Record<string, unknown>) => Promise<{ port: number; close: () => Promise<void> }>;
};

let dir: string;
let build: string;
const env = (over: Record<string, string | undefined>) => ({
  ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS,
  SHOPIFY_API_KEY: "k",
  SHOPIFY_API_SECRET: "s",
  NODE_ENV: "production",
  ...over,
});
const g = globalThis as { __trulybotValidate?: () => unknown };
const saved = process.env.DATABASE_URL;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-startup-"));
  // the stand-in build must be importable by the test runner: inside the project, in node_modules/.cache
  const cache = path.resolve("node_modules/.cache");
  fs.mkdirSync(cache, { recursive: true });
  build = path.join(cache, `trulybot-startup-build-${process.pid}.mjs`);
  fs.writeFileSync(
    build,
    "export const entry = { module: { validateConfiguration: () => globalThis.__trulybotValidate() } };\n" +
      "export const routes = {}; export const assets = { routes: {}, entry: { module: '', imports: [] }, url: '', version: '1' };\n" +
      "export const publicPath = '/'; export const assetsBuildDirectory = ''; export const future = {}; export const isSpaMode = false;\n",
  );
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(build, { force: true });
  process.env.DATABASE_URL = saved;
});

async function startWith(e: Record<string, string | undefined>, opts: Record<string, unknown> = {}) {
  g.__trulybotValidate = () => parseEnv(e);
  process.env.DATABASE_URL = e.DATABASE_URL;
  return startServer({ build, host: "127.0.0.1", port: 0, migrate: true, ...opts });
}

describe("server start-up order", () => {
  it("a bad DATABASE_URL is refused by name before anything is created", async () => {
    const stray = path.join(dir, "mysql:");
    await expect(startWith(env({ DATABASE_URL: "mysql://root@db/trulybot" }))).rejects.toMatchObject({
      name: "ConfigError",
      message: expect.stringContaining("DATABASE_URL"),
    });
    expect(fs.existsSync(stray)).toBe(false);
    expect(fs.readdirSync(process.cwd()).some((f) => f.startsWith("mysql"))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("in production a missing DATABASE_URL is an error, not a new prisma/dev.sqlite", async () => {
    const before = fs.existsSync(path.resolve("prisma/dev.sqlite"));
    await expect(startWith(env({ DATABASE_URL: undefined }))).rejects.toMatchObject({
      message: expect.stringMatching(/DATABASE_URL: is required in production/),
    });
    expect(fs.existsSync(path.resolve("prisma/dev.sqlite"))).toBe(before);
  });

  it("an unreachable PostgreSQL is one sentence naming DATABASE_URL and the host", async () => {
    const err = await startWith(env({ DATABASE_URL: "postgresql://app@127.0.0.1:1/trulybot" })).catch(
      (e) => e,
    );
    expect(err.name).toBe("ConfigError");
    expect(err.message).toMatch(
      /^Cannot reach the database in DATABASE_URL \(127\.0\.0\.1:1\): .*ECONNREFUSED/,
    );
    expect(err.message).not.toContain("\n");
  });

  it("a valid SQLite URL is migrated after validation, then the server listens", async () => {
    const file = path.join(dir, "ok.sqlite");
    const s = await startWith(env({ DATABASE_URL: `file:${file}` }));
    expect(fs.existsSync(file)).toBe(true);
    expect(s.port).toBeGreaterThan(0);
    await s.close();
  });

  it("a port in use is a plain message naming PORT", async () => {
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, "127.0.0.1", () => r()));
    const port = (busy.address() as net.AddressInfo).port;
    const err = await startWith(env({ DATABASE_URL: `file:${path.join(dir, "ok.sqlite")}` }), { port }).catch(
      (e) => e,
    );
    await new Promise<void>((r) => busy.close(() => r()));
    expect(err.name).toBe("ConfigError");
    expect(err.message).toBe(
      `Port ${port} is already in use (PORT=${port}). Stop the other program on that port, or set PORT to a free one.`,
    );
  });
});

/**
 * `npm run trulybot -- backup FILE` (and `purge`) as an operator runs them: the real CLI in its own
 * process against a live WAL database that this process keeps open and writing. The backup is
 * restored (opened as the app's database) and holds every committed write, including the last one.
 */
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, setDb, type Db } from "../db.server";
import { createTestDb, testDbFlavor } from "../../test/helpers/db";
import { seedShopifyShop } from "../../test/helpers/seed";
import { backupDatabase } from "./backup.server";

const run = promisify(execFile);
let db: Db;
let url: string;
let cleanup: () => Promise<void>;
let out: string;
const sqlite = testDbFlavor() === "sqlite";

beforeAll(async () => {
  ({ db, url, cleanup } = await createTestDb());
  setDb(db);
  out = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-backup-"));
});
afterAll(async () => {
  await cleanup?.();
  fs.rmSync(out, { recursive: true, force: true });
});

function cli(...args: string[]) {
  return run(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "app/cli/trulybot.ts", ...args],
    {
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production" },
    },
  );
}

describe("backup (SQLite online backup)", () => {
  it("copies a live WAL database consistently; the restored copy has every committed write (PostgreSQL: use pg_dump)", async () => {
    if (!sqlite) {
      const pg = await backupDatabase(path.join(out, "pg.sqlite"));
      expect(pg).toMatchObject({ ok: false, error: expect.stringContaining("pg_dump") });
      return;
    }
    const store = await seedShopifyShop(db, "backup.myshopify.com", "shpat_b");
    const texts = Array.from({ length: 50 }, (_, i) => `message ${i} ${crypto.randomUUID()}`);
    const conv = await db.conversation.create({ data: { storeId: store.id, shopperKey: "k" } });
    for (const text of texts)
      await db.message.create({ data: { conversationId: conv.id, role: "shopper", type: "text", text } });
    // the writes are still in the WAL file, not yet checkpointed into the main file
    expect(fs.statSync(url.replace(/^file:/, "") + "-wal").size).toBeGreaterThan(0);

    const file = path.join(out, "copy.sqlite");
    const { stdout } = await cli("backup", file);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ ok: true, file });
    expect(result.bytes).toBeGreaterThan(0);

    const restored = await createDb(`file:${file}`);
    try {
      const rows = await restored.message.findMany({
        where: { conversationId: conv.id },
        orderBy: { createdAt: "asc" },
      });
      expect(rows.map((r) => r.text)).toEqual(texts);
      expect(await restored.store.count({ where: { domain: "backup.myshopify.com" } })).toBe(1);
    } finally {
      await restored.$disconnect();
    }
  });

  it("refuses to overwrite an existing file and needs a file name", async () => {
    const file = path.join(out, "exists.sqlite");
    fs.writeFileSync(file, "keep me");
    expect(await backupDatabase(file)).toMatchObject({ ok: false });
    expect(fs.readFileSync(file, "utf8")).toBe("keep me");
    expect(await backupDatabase(undefined)).toMatchObject({ ok: false });
  });

  it("a file name with quotes is not SQL", async () => {
    await seedShopifyShop(db, "quotes.myshopify.com", "shpat_q");
    const file = path.join(out, "it's'; DROP TABLE Store; --.sqlite");
    expect(await backupDatabase(file)).toMatchObject({ ok: sqlite });
    expect(await db.store.count({ where: { domain: "quotes.myshopify.com" } })).toBe(1);
  });
});

describe("purge (CLI)", () => {
  it("`trulybot purge` deletes conversations past the retention period and reports the counts", async () => {
    const store = await seedShopifyShop(
      db,
      `purge-${crypto.randomUUID().slice(0, 8)}.myshopify.com`,
      "shpat_p",
    );
    const old = new Date(Date.now() - 200 * 86400_000);
    const c = await db.conversation.create({
      data: { storeId: store.id, shopperKey: "k", createdAt: old, lastMessageAt: old },
    });
    const { stdout } = await cli("purge");
    const result = JSON.parse(stdout);
    expect(result.ok).toBe(true);
    expect(result.conversations).toBeGreaterThanOrEqual(1);
    expect(await db.conversation.findUnique({ where: { id: c.id } })).toBeNull();
  });
});

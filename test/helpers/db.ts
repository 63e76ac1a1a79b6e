/**
 * Real databases for tests: a fresh, migrated SQLite file per call (default), or a fresh
 * PostgreSQL database on 127.0.0.1:5432 when `flavor: "postgres"` (or TEST_DB=postgres).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations, dropPostgresDatabase, ensurePostgresDatabase } from "../../scripts/lib/migrate.mjs";
import { createDb, type Db } from "../../app/db.server";

export type DbFlavor = "sqlite" | "postgres";

export const POSTGRES_BASE_URL = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/test";

export function testDbFlavor(): DbFlavor {
  return process.env.TEST_DB === "postgres" ? "postgres" : "sqlite";
}

export async function createTestDb(
  opts: { flavor?: DbFlavor } = {},
): Promise<{ db: Db; url: string; cleanup: () => Promise<void> }> {
  const flavor = opts.flavor ?? testDbFlavor();
  if (flavor === "postgres") {
    const u = new URL(POSTGRES_BASE_URL);
    u.pathname = `/trulybot_test_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
    const url = u.toString();
    await ensurePostgresDatabase(url);
    await applyMigrations(url);
    const db = await createDb(url);
    return {
      db,
      url,
      cleanup: async () => {
        await db.$disconnect();
        await dropPostgresDatabase(url);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-test-"));
  const url = `file:${path.join(dir, "test.sqlite")}`;
  await applyMigrations(url);
  const db = await createDb(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const TEST_ENCRYPTION_KEYS = [{ version: 1, key: Buffer.alloc(32, 7) }];

/**
 * Two app instances on one fresh test database: two clients (`a`, `b`) on the same URL, each with its own
 * pool and caches; cleanup disconnects both and drops the database.
 */
export async function createTwoInstanceDb(): Promise<{
  a: Db;
  b: Db;
  url: string;
  cleanup: () => Promise<void>;
}> {
  const t = await createTestDb();
  const b = await createDb(t.url);
  return {
    a: t.db,
    b,
    url: t.url,
    cleanup: async () => {
      await b.$disconnect();
      await t.cleanup();
    },
  };
}

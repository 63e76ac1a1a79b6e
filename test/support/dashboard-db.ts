/**
 * Shared set-up of the dashboard loader/action tests (app/dashboard/dashboard-*.db.test.ts): one real,
 * migrated database per test file (SQLite, or PostgreSQL with TEST_DB=postgres), installed as the app's
 * database with setDb(). Call it once at the top of a test file: it registers the hooks. The test bodies
 * use the harness's `db` (`const h = useDashboardDbHarness()`, then `h.db`), or keep a local binding with
 * `onOpen`.
 */
import { afterAll, beforeAll } from "vitest";
import { setDb, type Db } from "../../app/db.server";
import { createTestDb } from "../helpers/db";

export function useDashboardDbHarness(onOpen?: (db: Db) => void): { readonly db: Db } {
  let db: Db | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDb());
    setDb(db);
    onOpen?.(db);
  });
  afterAll(async () => {
    await cleanup?.();
  });
  return {
    get db(): Db {
      if (!db) throw new Error("useDashboardDbHarness(): the database is opened in beforeAll");
      return db;
    },
  };
}

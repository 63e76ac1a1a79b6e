/**
 * Applies the SQL migrations in prisma/migrations (SQLite) or prisma/postgresql/migrations
 * (PostgreSQL) to DATABASE_URL, recording them in Prisma's own `_prisma_migrations` table so
 * `prisma migrate status` agrees with it.
 *
 * Why not `prisma migrate deploy`? Offline, Prisma 6.19 migrates through a JavaScript driver
 * adapter, and its PostgreSQL path fails ("Column type 'name' could not be deserialized",
 * prisma/orm#27403). This runner is ~100 lines, takes a lock, runs each migration in a
 * transaction and is used by `npm run setup`, the demo, the tests and `doctor` alike.
 * See docs/decisions/0003-prisma-offline-two-flavours.md.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//i.test(url ?? "");

export function migrationsDir(url) {
  return isPostgresUrl(url)
    ? path.join(root, "prisma", "postgresql", "migrations")
    : path.join(root, "prisma", "migrations");
}

/** @returns {{ name: string, sql: string, checksum: string }[]} */
export function listMigrations(url) {
  const dir = migrationsDir(url);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Split a migration script into statements (Prisma's generated SQL: no procedures, no `;` in literals
 * except defaults). A SQLite `CREATE TRIGGER … BEGIN …; END` is one statement.
 */
export function splitStatements(sql) {
  const out = [];
  let cur = "";
  let inStr = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (!inStr && c === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
      cur += "\n";
      continue;
    }
    if (c === "'") inStr = !inStr;
    if (c === ";" && !inStr) {
      const trigger = /^\s*CREATE\s+TRIGGER\b/i.test(cur) && /\bBEGIN\b/i.test(cur);
      if (trigger && !/\bEND\s*$/i.test(cur)) {
        cur += c;
        continue;
      }
      if (cur.trim()) out.push(cur.trim());
      cur = "";
    } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;
const PG_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** Resolve a `file:` URL the way the app does: relative paths are relative to the project root. */
export function sqliteFileUrl(url) {
  const p = url.replace(/^file:/, "");
  return "file:" + (path.isAbsolute(p) ? p : path.join(root, p));
}

async function withSqlite(url, fn) {
  const { createClient } = await import("@libsql/client");
  const file = sqliteFileUrl(url).replace(/^file:/, "");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const client = createClient({ url: "file:" + file });
  try {
    return await fn({
      exec: async (sql) => client.executeMultiple(sql),
      query: async (sql, args = []) => (await client.execute({ sql, args })).rows,
      tx: async (stmts) => {
        await client.batch(
          stmts.map((s) => ({ sql: s.sql ?? s, args: s.args ?? [] })),
          "write",
        );
      },
    });
  } finally {
    client.close();
  }
}

async function withPostgres(url, fn) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(72707369)");
    return await fn({
      exec: async (sql) => client.query(sql),
      query: async (sql, args = []) => (await client.query(sql, args)).rows,
      tx: async (stmts) => {
        await client.query("BEGIN");
        try {
          for (const s of stmts) await client.query(s.sql ?? s, s.args ?? []);
          await client.query("COMMIT");
        } catch (e) {
          await client.query("ROLLBACK");
          throw e;
        }
      },
    });
  } finally {
    await client.query("SELECT pg_advisory_unlock(72707369)").catch(() => {});
    await client.end();
  }
}

function conn(url, fn) {
  return isPostgresUrl(url) ? withPostgres(url, fn) : withSqlite(url, fn);
}

/**
 * @param {string} url DATABASE_URL
 * @returns {Promise<{ applied: string[], pending: string[], modified: string[] }>}
 */
export async function migrationStatus(url) {
  const all = listMigrations(url);
  return conn(url, async (c) => {
    await c.exec(isPostgresUrl(url) ? PG_TABLE : SQLITE_TABLE);
    const rows = await c.query(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [String(r.migration_name), String(r.checksum)]));
    return {
      applied: all.filter((m) => done.has(m.name)).map((m) => m.name),
      pending: all.filter((m) => !done.has(m.name)).map((m) => m.name),
      modified: all.filter((m) => done.has(m.name) && done.get(m.name) !== m.checksum).map((m) => m.name),
    };
  });
}

/**
 * Apply pending migrations. Idempotent; safe to run from several instances at once on PostgreSQL
 * (advisory lock). @returns {Promise<string[]>} names applied now
 */
export async function applyMigrations(url, { log = () => {} } = {}) {
  const all = listMigrations(url);
  const pg = isPostgresUrl(url);
  return conn(url, async (c) => {
    await c.exec(pg ? PG_TABLE : SQLITE_TABLE);
    const rows = await c.query(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(rows.map((r) => String(r.migration_name)));
    const applied = [];
    for (const m of all) {
      if (done.has(m.name)) continue;
      const stmts = splitStatements(m.sql);
      const id = crypto.randomUUID();
      const now = new Date().toISOString();
      const record = pg
        ? {
            sql: `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1,$2,$3,$4,$4,1)`,
            args: [id, m.checksum, m.name, now],
          }
        : {
            sql: `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (?,?,?,?,?,1)`,
            args: [id, m.checksum, m.name, now, now],
          };
      await c.tx([...stmts, record]);
      log(`applied migration ${m.name}`);
      applied.push(m.name);
    }
    return applied;
  });
}

/** Create the PostgreSQL database named in the URL if it does not exist (used by tests and the CLI). */
export async function ensurePostgresDatabase(url) {
  const { default: pg } = await import("pg");
  const u = new URL(url);
  const dbName = decodeURIComponent(u.pathname.replace(/^\//, ""));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const r = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE "${dbName.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function dropPostgresDatabase(url) {
  const { default: pg } = await import("pg");
  const u = new URL(url);
  const dbName = decodeURIComponent(u.pathname.replace(/^\//, ""));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${dbName.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * `npm run trulybot -- backup FILE`: a consistent copy of the SQLite database while the app runs.
 *
 * Uses SQLite's own online copy (`VACUUM INTO`), which reads one snapshot through SQLite's locking
 * and includes what is still in the write-ahead log. Copying `*.sqlite` with cp/rsync while the
 * app writes (or opening a live WAL database with another tool) can miss or tear recent writes.
 * PostgreSQL deployments use pg_dump instead.
 */
import fs from "node:fs";
import path from "node:path";
import { dbFlavor, getDb } from "../db.server";

export type BackupResult =
  { ok: true; file: string; bytes: number; tables: number } | { ok: false; error: string };

export async function backupDatabase(target: string | undefined): Promise<BackupResult> {
  if (!target) return { ok: false, error: "usage: backup FILE" };
  const file = path.resolve(target);
  if (fs.existsSync(file)) return { ok: false, error: `${file} exists: choose a new file name` };
  if (!fs.existsSync(path.dirname(file))) return { ok: false, error: `${path.dirname(file)} does not exist` };
  const db = await getDb();
  if (dbFlavor(db) !== "sqlite")
    return { ok: false, error: "backup is for the SQLite database; on PostgreSQL use pg_dump" };
  await db.$executeRawUnsafe(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
  const tables = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`,
  );
  return { ok: true, file, bytes: fs.statSync(file).size, tables: Number(tables[0]?.n ?? 0) };
}

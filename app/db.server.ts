/**
 * The database client. SQLite (Prisma's libSQL adapter over Node's built-in node:sqlite, app/utils/sqlite-adapter.server.ts) by default with zero set-up; PostgreSQL
 * (pg driver adapter) when DATABASE_URL is a postgres:// URL. Both clients are generated from one
 * schema (scripts/prisma.mjs); they expose the same API, typed here as the SQLite client's.
 */
import path from "node:path";
import { PrismaClient } from "@prisma/client";
import { loadEnv } from "./env.server";

export type Db = PrismaClient;

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url);

/** Resolve relative SQLite paths against the project root (cwd of npm scripts), like the migration runner. */
export function sqliteUrl(url: string): string {
  const p = url.replace(/^file:/, "");
  return "file:" + (path.isAbsolute(p) ? p : path.resolve(process.cwd(), p));
}

const flavors = new WeakMap<object, "sqlite" | "postgresql">();

/** Which database a client talks to (some filters differ, e.g. case-insensitive matching). */
export function dbFlavor(db: Db): "sqlite" | "postgresql" {
  return flavors.get(db) ?? "sqlite";
}

export async function createDb(url: string): Promise<Db> {
  if (isPostgresUrl(url)) {
    const [{ PrismaPg }, pgClient] = await Promise.all([
      import("@prisma/adapter-pg"),
      import("@trulybot/prisma-pg"),
    ]);
    const PgPrismaClient = (pgClient as unknown as { PrismaClient: new (o: unknown) => Db }).PrismaClient;
    const adapter = new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
    const pgDb = new PgPrismaClient({ adapter });
    flavors.set(pgDb, "postgresql");
    return pgDb;
  }
  const { NodeSqlitePrismaAdapter } = await import("./utils/sqlite-adapter.server");
  const adapter = new NodeSqlitePrismaAdapter({ url: sqliteUrl(url) });
  const client = new PrismaClient({ adapter });
  flavors.set(client, "sqlite");
  return client;
}

declare global {
  var __trulybotDb: Promise<Db> | undefined;
}

/** The process-wide client (kept across dev-server reloads). */
export function getDb(): Promise<Db> {
  if (!globalThis.__trulybotDb) {
    globalThis.__trulybotDb = createDb(loadEnv().DATABASE_URL);
  }
  return globalThis.__trulybotDb;
}

/** For tests and the demo: use this client as the process-wide one. */
export function setDb(db: Db) {
  globalThis.__trulybotDb = Promise.resolve(db);
}

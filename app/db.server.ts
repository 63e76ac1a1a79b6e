/**
 * The database client. SQLite (Prisma's libSQL adapter over Node's built-in node:sqlite, app/utils/sqlite-adapter.server.ts) by default with zero set-up; PostgreSQL
 * (pg driver adapter) when DATABASE_URL is a postgres:// URL. Both clients are generated from one
 * schema (scripts/prisma.mjs); they expose the same API, typed here as the SQLite client's.
 */
import path from "node:path";
import { PrismaClient } from "@prisma/client";
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { loadEnv } from "./env.server";

export type Db = PrismaClient;

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url);

/** Resolve relative SQLite paths against the project root (cwd of npm scripts), like the migration runner. */
export function sqliteUrl(url: string): string {
  const p = url.replace(/^file:/, "");
  return "file:" + (path.isAbsolute(p) ? p : path.resolve(process.cwd(), p));
}

interface ClientInfo {
  flavor: "sqlite" | "postgresql";
  listeners: Set<DbListener>;
  sqlite: {
    nodeClient: {
      writeBatchSync(s: { sql: string; args: unknown[] }[]): boolean;
      querySync(sql: string, args: unknown[]): Record<string, unknown>[] | null;
    } | null;
  } | null;
  /** the driver adapter Prisma connected (observed: its statements are events too), once it did */
  adapter: SqlDriverAdapter | null;
}
declare global {
  var __trulybotDbClients: WeakMap<object, ClientInfo> | undefined;
}
// Process-wide (not module-wide): the built server bundle and a tool that imports this file from
// source (the bench, the demo) share one client through getDb()/setDb() and must see its facts.
const clients: WeakMap<object, ClientInfo> = (globalThis.__trulybotDbClients ??= new WeakMap());
const INFO = Symbol.for("trulybot.dbClientInfo");

/** Which database a client talks to (some filters differ, e.g. case-insensitive matching). */
export function dbFlavor(db: Db): "sqlite" | "postgresql" {
  return infoOf(db)?.flavor ?? "sqlite";
}

/** The client's facts; also through a wrapper (a Proxy around the client, as fault tests use) via its symbol. */
function infoOf(db: object): ClientInfo | undefined {
  return clients.get(db) ?? (db as { [INFO]?: ClientInfo })[INFO];
}

/**
 * What a client sends to its database, seen at the driver adapter: every statement ("query"),
 * transaction start, commit and rollback is one round trip. `table` is set for INSERT/UPDATE/DELETE
 * (the table written). Listeners run after the database answered.
 */
export interface DbEvent {
  kind: "query" | "begin" | "commit" | "rollback";
  sql: string;
  table: string | null;
  inTransaction: boolean;
}
export type DbListener = (e: DbEvent) => void;

/** Observe this client's round trips (tests count them; caches see this instance's own writes). */
export function onDbEvent(db: Db, listener: DbListener): () => void {
  const set = infoOf(db)?.listeners;
  if (!set) return () => false; // a client not made by createDb: nothing to observe
  set.add(listener);
  return () => set.delete(listener);
}

const tableOf = new Map<string, string | null>();
function writtenTable(sql: string): string | null {
  let t = tableOf.get(sql);
  if (t === undefined) {
    const m =
      /^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+(?:["`]?\w+["`]?\.)?["`]?(\w+)/i.exec(
        sql,
      );
    t = m ? m[1]! : null;
    if (tableOf.size >= 2000) tableOf.clear();
    tableOf.set(sql, t);
  }
  return t;
}

function observed(
  factory: SqlDriverAdapterFactory,
  listeners: Set<DbListener>,
  connected: (adapter: SqlDriverAdapter) => void = () => undefined,
): SqlDriverAdapterFactory {
  const emit = (kind: DbEvent["kind"], sql: string, inTransaction: boolean) => {
    if (listeners.size === 0) return;
    const e: DbEvent = { kind, sql, table: kind === "query" ? writtenTable(sql) : null, inTransaction };
    for (const l of listeners) l(e);
  };
  const queries = (q: SqlDriverAdapter | Transaction, inTx: boolean) => ({
    provider: q.provider,
    adapterName: q.adapterName,
    queryRaw: async (query: SqlQuery) => {
      const r = await q.queryRaw(query);
      emit("query", query.sql, inTx);
      return r;
    },
    executeRaw: async (query: SqlQuery) => {
      const r = await q.executeRaw(query);
      emit("query", query.sql, inTx);
      return r;
    },
  });
  const wrapTx = (tx: Transaction): Transaction => ({
    ...queries(tx, true),
    options: tx.options,
    commit: async () => {
      await tx.commit();
      emit("commit", "COMMIT", true);
    },
    rollback: async () => {
      await tx.rollback();
      emit("rollback", "ROLLBACK", true);
    },
  });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async (): Promise<SqlDriverAdapter> => {
      const adapter = await factory.connect();
      const wrapped: SqlDriverAdapter = {
        ...queries(adapter, false),
        executeScript: (script) => adapter.executeScript(script),
        startTransaction: async (isolation) => {
          const tx = await adapter.startTransaction(isolation);
          emit("begin", "BEGIN", true);
          return wrapTx(tx);
        },
        ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
        dispose: () => adapter.dispose(),
      };
      connected(wrapped);
      return wrapped;
    },
  };
}

export async function createDb(url: string): Promise<Db> {
  const listeners = new Set<DbListener>();
  if (isPostgresUrl(url)) {
    const [{ PrismaPg }, pgClient] = await Promise.all([
      import("@prisma/adapter-pg"),
      import("@trulybot/prisma-pg"),
    ]);
    const PgPrismaClient = (pgClient as unknown as { PrismaClient: new (o: unknown) => Db }).PrismaClient;
    const adapter = new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
    const info: ClientInfo = { flavor: "postgresql", listeners, sqlite: null, adapter: null };
    const pgDb = new PgPrismaClient({ adapter: observed(adapter, listeners, (a) => (info.adapter = a)) });
    clients.set(pgDb, info);
    Object.defineProperty(pgDb, INFO, { value: info });
    return pgDb;
  }
  const { NodeSqlitePrismaAdapter } = await import("./utils/sqlite-adapter.server");
  const adapter = new NodeSqlitePrismaAdapter({ url: sqliteUrl(url) });
  const info: ClientInfo = { flavor: "sqlite", listeners, sqlite: adapter, adapter: null };
  const client = new PrismaClient({ adapter: observed(adapter, listeners, (a) => (info.adapter = a)) });
  clients.set(client, info);
  Object.defineProperty(client, INFO, { value: info });
  return client;
}

type DirectArg = string | number | boolean | Date | null;
const argType = (v: DirectArg) => ({
  scalarType: (v instanceof Date
    ? "datetime"
    : typeof v === "number"
      ? Number.isInteger(v)
        ? "int"
        : "float"
      : typeof v === "boolean"
        ? "boolean"
        : "string") as "datetime" | "int" | "float" | "boolean" | "string",
  arity: "scalar" as const,
});

/**
 * One statement of the storefront's hot path sent straight to the driver adapter Prisma uses: no
 * query compilation and no result mapping in the Prisma client (its largest CPU cost per turn,
 * docs/decisions/0028). The adapter serialises dates like Prisma does and waits for an open
 * transaction on SQLite, as Prisma's own statements do; until Prisma has connected, the statement
 * goes through Prisma's raw query. Rows come back as objects keyed by column name, values as the
 * driver returns them (numbers may be bigint, dates strings). `build` gets a `param` that binds a
 * value and returns its placeholder; the SQL comes from the caller's code, never from input.
 */
export async function queryDirect(
  db: Db,
  build: (param: (value: DirectArg) => string) => string,
): Promise<Record<string, unknown>[]> {
  const info = infoOf(db);
  const pg = (info?.flavor ?? "sqlite") === "postgresql";
  const args: DirectArg[] = [];
  const sql = build((v) => (args.push(v), pg ? `$${args.length}` : "?"));
  if (!info?.adapter) return db.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...args);
  // SQLite: one synchronous call on the connection (dates bound as Prisma binds them), observed
  // like the adapter's statements; while a Prisma transaction is open, through the adapter instead
  const rows = pg ? null : info.sqlite?.nodeClient?.querySync(sql, args.map(sqliteValue));
  if (rows) {
    emitTo(info.listeners, { kind: "query", sql, table: writtenTable(sql), inTransaction: false });
    return rows;
  }
  const r = await info.adapter.queryRaw({ sql, args, argTypes: args.map(argType) });
  return r.rows.map((row) => Object.fromEntries(r.columnNames.map((c, i) => [c, row[i]])));
}

/** A date bound on SQLite as Prisma's adapter binds it (ISO 8601 with "+00:00"). */
const sqliteValue = (v: unknown) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : v);

/** A statement run outside the driver adapter, seen by the client's listeners like the adapter's. */
function emitTo(listeners: Set<DbListener> | undefined, e: DbEvent) {
  if (listeners?.size) for (const l of listeners) l(e);
}

/** Rows for one table: the same columns for every row. */
export interface InsertRows {
  table: string;
  columns: readonly string[];
  rows: unknown[][];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A statement written with the rows (an UPDATE): built for the flavour's placeholders — `param`
 * binds a value and returns its placeholder; the SQL itself comes from the caller's code.
 */
export type AtomicStatement = (param: (value: unknown) => string) => string;

/**
 * Inserts rows into several tables (then runs `statements`) atomically in ONE round trip: on
 * PostgreSQL one statement (data-modifying CTEs), on SQLite one synchronous call running BEGIN …
 * COMMIT on the connection (Prisma's own transaction when one is open between its statements).
 * Identifiers come from the caller's code, never from input; every value is a bound parameter.
 */
export async function insertRowsAtomically(
  db: Db,
  parts: readonly InsertRows[],
  statements: readonly AtomicStatement[] = [],
): Promise<void> {
  const tables = parts.filter((p) => p.rows.length > 0);
  if (tables.length === 0 && statements.length === 0) return;
  const insertSql = (t: InsertRows, param: (v: unknown) => string) =>
    `INSERT INTO ${q(t.table)} (${t.columns.map(q).join(", ")}) VALUES ${t.rows
      .map((r) => `(${r.map(param).join(", ")})`)
      .join(", ")}`;
  if (dbFlavor(db) === "postgresql") {
    const args: unknown[] = [];
    const param = (v: unknown) => (args.push(v), `$${args.length}`);
    const ctes = [...tables.map((t) => insertSql(t, param)), ...statements.map((st) => st(param))];
    const sql = `WITH ${ctes.map((c, i) => `w${i} AS (${c})`).join(", ")} SELECT 1`;
    const adapter = infoOf(db)?.adapter;
    // straight to the driver once connected (as queryDirect): one statement, no client work
    if (adapter) await adapter.executeRaw({ sql, args, argTypes: (args as DirectArg[]).map(argType) });
    else await db.$executeRawUnsafe(sql, ...args);
    return;
  }
  const one = (build: (param: (v: unknown) => string) => string) => {
    const args: unknown[] = [];
    const sql = build((v) => (args.push(sqliteValue(v)), "?"));
    return { sql, args };
  };
  const stmts = [...tables.map((t) => one((p) => insertSql(t, p))), ...statements.map(one)];
  const info = infoOf(db);
  if (info?.sqlite?.nodeClient?.writeBatchSync(stmts)) {
    const sql = stmts.map((x) => x.sql).join(";\n");
    emitTo(info.listeners, { kind: "query", sql, table: null, inTransaction: false });
    return;
  }
  await db.$transaction(stmts.map((x) => db.$executeRawUnsafe(x.sql, ...x.args)));
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

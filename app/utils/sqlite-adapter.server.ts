/**
 * Prisma's SQLite driver adapter, running on Node's built-in `node:sqlite` instead of libSQL.
 *
 * Why: with @libsql/client, every statement leaked a few KB of native memory and every Prisma
 * transaction leaked a whole SQLite connection (`transaction()` hands its connection over and
 * nothing closes it): the app's RSS grew by hundreds of MB under load (measured by `npm run bench`).
 * `node:sqlite` (Node ≥ 22.5; our runtime is Node 24) has no native addon to build and does not leak.
 *
 * How: Prisma's libSQL adapter (its type mapping, error mapping and transaction locking) is reused
 * unchanged; only the client it talks to is replaced by this small libSQL-compatible client. The
 * adapter holds a mutex for the whole duration of a transaction, so transactions simply run
 * BEGIN/COMMIT on the single connection. See docs/decisions/0003-prisma-offline-two-flavours.md.
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import type {
  Client,
  Config,
  InArgs,
  InStatement,
  ResultSet,
  Row,
  Transaction,
  TransactionMode,
} from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { WalCheckpoints } from "./sqlite-checkpointer.server";

/** A statement that writes (INSERT/UPDATE/DELETE … RETURNING answers rows): counted when it
 * changed rows (the job runner's empty claims and the health check are not writes). */
const WRITE_SQL = /^\s*(?:INSERT|UPDATE|DELETE|REPLACE|WITH\b[\s\S]*\b(?:INSERT|UPDATE|DELETE)\b)/i;

/**
 * Prisma asks for "deferred" for every transaction (interactive ones, nested writes, upserts): it
 * starts IMMEDIATE here. A deferred transaction that reads and then writes fails at once with
 * "database is locked" (SQLITE_BUSY_SNAPSHOT, no busy_timeout wait) when another process — a second
 * WEB_CONCURRENCY worker — wrote in between; taking the write lock at BEGIN waits for it instead
 * (test/server/sqlite-two-processes.test.ts). One process is unaffected: its transactions run one
 * at a time on its single connection anyway.
 */
const BEGIN: Record<TransactionMode, string> = {
  write: "BEGIN IMMEDIATE",
  read: "BEGIN DEFERRED",
  deferred: "BEGIN IMMEDIATE",
};

/** libSQL-shaped error so the adapter maps constraint violations (P2002 …) exactly as before. */
class SqliteDriverError extends Error {
  code: string;
  rawCode: number;
  constructor(e: { message: string; errcode?: number }) {
    super(e.message);
    this.code = "SQLITE_ERROR";
    this.rawCode = typeof e.errcode === "number" ? e.errcode : 1;
  }
}

function toValue(v: unknown): SQLInputValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  return v as SQLInputValue;
}

function fromValue(v: unknown): unknown {
  // the adapter expects blobs as ArrayBuffer, like libSQL returns them
  if (v instanceof Uint8Array) return v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength);
  return v;
}

export class NodeSqliteClient {
  readonly protocol = "file";
  closed = false;
  private readonly db: DatabaseSync;
  private readonly cache = new Map<string, StatementSync>();
  /** WAL checkpoints in a worker thread while writes keep coming (sqlite-checkpointer.server.ts) */
  private readonly checkpoints: WalCheckpoints | null;

  constructor(path: string) {
    this.db = new DatabaseSync(path, { enableForeignKeyConstraints: true });
    this.db.exec("PRAGMA busy_timeout = 5000");
    if (path !== ":memory:") {
      // WAL + synchronous=NORMAL: durable across application crashes, one fsync per checkpoint
      // instead of per commit (a power loss can drop the last commits, never corrupt the file).
      this.db.exec("PRAGMA journal_mode = WAL");
      this.db.exec("PRAGMA synchronous = NORMAL");
    }
    this.checkpoints =
      path === ":memory:"
        ? null
        : new WalCheckpoints(path, (pages) => {
            if (!this.closed) this.db.exec(`PRAGMA wal_autocheckpoint = ${pages}`);
          });
  }

  /** A write that changed rows: counted, so checkpoints leave this thread while writes keep coming. */
  private writing() {
    this.checkpoints?.wrote();
  }

  private statement(sql: string): StatementSync {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.cache.size >= 500) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(sql, s);
    }
    return s;
  }

  async execute(stmtOrSql: InStatement | string, maybeArgs?: InArgs): Promise<ResultSet> {
    const stmt = typeof stmtOrSql === "string" ? { sql: stmtOrSql, args: maybeArgs ?? [] } : stmtOrSql;
    const args = stmt.args ?? [];
    try {
      const s = this.statement(stmt.sql);
      const cols = s.columns();
      if (cols.length > 0) {
        s.setReturnArrays(true);
        const raw = (Array.isArray(args)
          ? s.all(...args.map(toValue))
          : s.all(
              Object.fromEntries(Object.entries(args).map(([k, v]) => [k, toValue(v)])),
            )) as unknown as unknown[][];
        if (raw.length > 0 && this.checkpoints && WRITE_SQL.test(stmt.sql)) this.writing(); // … RETURNING
        const rows = raw.map((r) => r.map(fromValue)) as unknown as Row[];
        return {
          columns: cols.map((c) => c.name),
          columnTypes: cols.map((c) => (c.type ?? "").toUpperCase()),
          rows,
          rowsAffected: 0,
          lastInsertRowid: undefined,
          toJSON: () => ({}),
        };
      }
      const r = Array.isArray(args)
        ? s.run(...args.map(toValue))
        : s.run(Object.fromEntries(Object.entries(args).map(([k, v]) => [k, toValue(v)])));
      if (Number(r.changes) > 0) this.writing();
      return {
        columns: [],
        columnTypes: [],
        rows: [],
        rowsAffected: Number(r.changes),
        lastInsertRowid: BigInt(r.lastInsertRowid),
        toJSON: () => ({}),
      };
    } catch (e) {
      throw new SqliteDriverError(e as { message: string; errcode?: number });
    }
  }

  /**
   * Runs INSERT/UPDATE statements as one transaction in ONE synchronous call (no other statement
   * can interleave). Returns false, doing nothing, while another transaction is open on the
   * connection (a Prisma transaction between its statements): the caller then uses Prisma's.
   */
  writeBatchSync(stmts: { sql: string; args: unknown[] }[]): boolean {
    if (this.db.isTransaction) return false;
    this.writing();
    try {
      this.db.exec("BEGIN IMMEDIATE");
    } catch (e) {
      throw new SqliteDriverError(e as { message: string; errcode?: number });
    }
    try {
      for (const st of stmts) this.statement(st.sql).run(...st.args.map(toValue));
      this.db.exec("COMMIT");
      return true;
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw new SqliteDriverError(e as { message: string; errcode?: number });
    }
  }

  /**
   * One statement run synchronously, its rows as objects of driver values (db.server.ts
   * queryDirect): no Prisma adapter round (its mutex, type mapping, row copies). Returns null,
   * running nothing, while another transaction is open on the connection: the caller then goes
   * through Prisma's adapter, which waits for it.
   */
  querySync(sql: string, args: unknown[]): Record<string, unknown>[] | null {
    if (this.db.isTransaction) return null;
    try {
      const s = this.statement(sql);
      s.setReturnArrays(false);
      return s.all(...args.map(toValue)) as Record<string, unknown>[];
    } catch (e) {
      throw new SqliteDriverError(e as { message: string; errcode?: number });
    }
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    const tx = await this.transaction("write");
    try {
      const out: ResultSet[] = [];
      for (const s of stmts) out.push(await this.execute(s));
      await tx.commit();
      return out;
    } catch (e) {
      await tx.rollback();
      throw e;
    }
  }

  async executeMultiple(sql: string): Promise<void> {
    try {
      this.db.exec(sql);
    } catch (e) {
      throw new SqliteDriverError(e as { message: string; errcode?: number });
    }
  }

  async transaction(mode: TransactionMode = "write"): Promise<Transaction> {
    await this.execute(BEGIN[mode]);
    let open = true;
    const finish = async (sql: "COMMIT" | "ROLLBACK") => {
      if (!open) return;
      open = false;
      await this.execute(sql);
    };
    return {
      execute: (stmt: InStatement) => this.execute(stmt),
      batch: async (stmts: InStatement[]) => {
        const out: ResultSet[] = [];
        for (const s of stmts) out.push(await this.execute(s));
        return out;
      },
      executeMultiple: (sql: string) => this.executeMultiple(sql),
      commit: () => finish("COMMIT"),
      rollback: () => finish("ROLLBACK").catch(() => undefined),
      close: () => {
        if (open) void finish("ROLLBACK").catch(() => undefined);
      },
      get closed() {
        return !open;
      },
    } as unknown as Transaction;
  }

  async sync() {
    return undefined;
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    this.checkpoints?.close();
    this.cache.clear();
    this.db.close();
  }
}

export class NodeSqlitePrismaAdapter extends PrismaLibSQL {
  /** the connection, once Prisma connected (db.server.ts's write batches use it directly) */
  nodeClient: NodeSqliteClient | null = null;

  createClient(config: Config): Client {
    const path = config.url === ":memory:" ? ":memory:" : config.url.replace(/^file:/, "");
    this.nodeClient = new NodeSqliteClient(path);
    return this.nodeClient as unknown as Client;
  }
}

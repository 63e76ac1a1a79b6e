/**
 * In-memory, per-store caches that stay correct across app instances. Every write to a store, its
 * settings, its FAQ or its Shopify sessions bumps the store's row in "StoreVersion" (database
 * triggers, so no writer can forget it). A cached value remembers the version it was built from;
 * at most every `checkMs` (500 ms) per store one indexed read of that number decides whether the
 * value is still good. A change made by any instance is therefore seen by all within ~0.5 s.
 * See docs/decisions/0025-storefront-caches.md.
 */
import { onDbEvent, queryDirect, type Db } from "../db.server";

/** Tables whose rows feed the caches (the same ones the version triggers watch). */
const WATCHED = new Set(["Store", "BotSettings", "FaqEntry", "Session", "StoreVersion"]);

export interface VersionedCacheOptions {
  /** how long a version read is trusted (ms) */
  checkMs?: number;
  /** entries kept per cache (least recently used dropped first) */
  maxEntries?: number;
  /** the clock (tests) */
  now?: () => number;
}

interface VersionState {
  version: number;
  checkedAt: number;
  pending: Promise<number> | null;
}

interface Entry<T> {
  version: number;
  value: T;
}

/** The store versions one database client sees; shared by every cache over that client. */
export class StoreVersions {
  private readonly states = new Map<string, VersionState>();
  readonly checkMs: number;
  private readonly now: () => number;
  /** version reads issued (tests count them) */
  reads = 0;

  constructor(
    private readonly db: Db,
    opts: VersionedCacheOptions = {},
  ) {
    this.checkMs = opts.checkMs ?? 500;
    this.now = opts.now ?? Date.now;
    // This instance's own writes are seen at once (other instances' within checkMs): forget every
    // version read after a write to a watched table, and again when its transaction ends.
    let txDirty = false;
    onDbEvent(db, (e) => {
      if (e.kind === "query" && e.table && WATCHED.has(e.table)) {
        if (e.inTransaction) txDirty = true;
        this.states.clear();
      } else if ((e.kind === "commit" || e.kind === "rollback") && txDirty) {
        txDirty = false;
        this.states.clear();
      }
    });
  }

  private async read(storeId: string): Promise<number> {
    this.reads++;
    // straight to the driver (db.server.ts queryDirect): the hot path's one periodic read, without
    // the Prisma client's query compilation
    const rows = await queryDirect(
      this.db,
      (p) => `SELECT "version" FROM "StoreVersion" WHERE "storeId" = ${p(storeId)}`,
    );
    return rows.length ? Number(rows[0]!.version) : 0;
  }

  /** The store's current version, read again only when the last read is older than checkMs. */
  async current(storeId: string): Promise<number> {
    const t = this.now();
    let s = this.states.get(storeId);
    if (s && t - s.checkedAt < this.checkMs) return s.version;
    if (s?.pending) return s.pending;
    if (!s) {
      s = { version: -1, checkedAt: -Infinity, pending: null };
      if (this.states.size >= 10_000) this.states.delete(this.states.keys().next().value!);
      this.states.set(storeId, s);
    }
    const state = s;
    state.pending = this.read(storeId).then(
      (v) => {
        state.version = v;
        state.checkedAt = this.now();
        state.pending = null;
        return v;
      },
      (e) => {
        state.pending = null;
        throw e;
      },
    );
    return state.pending;
  }

  /** Forget what was read (a write by this instance: the next read sees it at once). */
  invalidate(storeId: string) {
    this.states.delete(storeId);
  }
}

/** A cache of values derived from one store's data, keyed by store id plus an optional sub-key. */
export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly maxEntries: number;
  /** loads (misses) so far (tests count them) */
  loads = 0;

  constructor(
    private readonly versions: StoreVersions,
    opts: VersionedCacheOptions = {},
  ) {
    this.maxEntries = opts.maxEntries ?? 5_000;
  }

  async get(storeId: string, load: () => Promise<T>, subKey = ""): Promise<T> {
    const key = subKey ? `${storeId}\u0000${subKey}` : storeId;
    const version = await this.versions.current(storeId);
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // refresh its place in the LRU order
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    this.loads++;
    const value = await load();
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { version, value });
    return value;
  }

  clear() {
    this.entries.clear();
  }
}

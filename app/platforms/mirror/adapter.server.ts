/**
 * A PlatformAdapter decorator that, once the store's mirror sync has completed (before that it
 * passes every call through), answers order lookups from the local mirror when the row is
 * fresh (written by a webhook, a sync or an earlier lookup within MIRROR_FRESH_MINUTES), and asks
 * the store's API otherwise — writing what the API returned back into the mirror. Verification
 * stays the engine's: the mirror returns the same order (contact included) the API would.
 */
import { queryDirect, type Db } from "../../db.server";
import type { LatencyFloor } from "../../security/latency-floor";
import { cleanOrderNumber } from "../shopify/adapter";
import type { FindOrderQuery, FindOrderResult, PlatformAdapter } from "../types";
import { parseOrderNumber } from "../woocommerce/adapter";
import { mirrorActive } from "./active.server";
import { MIRROR_FRESH_MINUTES, mirrorDaysFor, openMirrored, putMirrored } from "./rows.server";

export interface OrderMirrorOptions {
  db: Db;
  storeId: string;
  freshMinutes?: number;
  now?: () => Date;
  /**
   * The store's latency floor, applied by the inner adapter to API lookups: a mirror hit is padded
   * to the same target (and not recorded), so an order answered from the mirror takes as long as a
   * mismatch or an unknown number answered by the API — no timing oracle for which numbers exist.
   */
  floor?: LatencyFloor;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The number as the platform stores it ("#1003" → "1003"); null when it cannot be an order number. */
export function mirrorKey(
  platform: PlatformAdapter["capabilities"]["platform"],
  input: string,
): string | null {
  if (platform === "woocommerce") return parseOrderNumber(input);
  const n = cleanOrderNumber(input);
  return n && n.length <= 64 ? n : null;
}

export function withOrderMirror(inner: PlatformAdapter, opts: OrderMirrorOptions): PlatformAdapter {
  const { db, storeId } = opts;
  const now = opts.now ?? (() => new Date());
  const freshMs = (opts.freshMinutes ?? MIRROR_FRESH_MINUTES) * 60_000;

  const active = () => mirrorActive(db, storeId);

  async function fromMirror(number: string): Promise<FindOrderResult | null> {
    // the lookup's one read, straight to the driver (db.server.ts queryDirect); the freshness
    // window is compared by the database (no driver date string to parse here)
    const freshSince = new Date(now().getTime() - freshMs);
    const rows = await queryDirect(
      db,
      (p) =>
        `SELECT "data" FROM "OrderMirror" WHERE "storeId" = ${p(storeId)} ` +
        `AND "orderNumber" = ${p(number)} AND "syncedAt" >= ${p(freshSince)}`,
    );
    const data = rows[0]?.data;
    if (typeof data !== "string") return null;
    try {
      return { kind: "found", order: openMirrored(data) };
    } catch {
      return null; // sealed with a retired key: the API answers and the row is rewritten
    }
  }

  async function remember(result: FindOrderResult): Promise<void> {
    if (result.kind !== "found") return;
    try {
      await putMirrored(db, storeId, result.order, { days: await mirrorDaysFor(db, storeId), now: now() });
    } catch (e) {
      console.error("order mirror write failed:", (e as Error).message);
    }
  }

  return {
    get capabilities() {
      return inner.capabilities;
    },
    async findOrder(query: FindOrderQuery): Promise<FindOrderResult> {
      const t0 = performance.now();
      const on = await active().catch(() => false);
      if (!on) return inner.findOrder(query);
      const number = mirrorKey(inner.capabilities.platform, query.orderNumber);
      const hit = number ? await fromMirror(number).catch(() => null) : null;
      if (hit) {
        if (query.verify?.(hit)) return hit; // shown to its owner: nothing to hide (latency-floor.ts)
        const pad = opts.floor ? opts.floor.target() - (performance.now() - t0) : 0;
        if (pad > 0) {
          opts.floor!.addPadding(pad);
          await (opts.sleep ?? defaultSleep)(pad);
        }
        return hit;
      }
      const result = await inner.findOrder(query);
      await remember(result);
      return result;
    },
    listCustomerOrders: (customerId, limit) => inner.listCustomerOrders(customerId, limit),
    getPolicies: () => inner.getPolicies(),
    getStoreInfo: () => inner.getStoreInfo(),
    // self-service writes always go to the store itself (the mirror is read-only)
    ...(inner.actions ? { actions: inner.actions } : {}),
  };
}

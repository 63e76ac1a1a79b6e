/**
 * Whether a store's mirror answers lookups (its initial sync is done), cached per process so a
 * lookup costs no extra read: "done" is kept (a sync never becomes undone; a repeated sync keeps
 * the rows, whose freshness is checked per row), "not yet" for 30 s. A sync finishing in this
 * process clears the store's entry at once (forgetMirrorState); another instance sees it within 30 s (until then its lookups go to the API, as before the sync).
 */
import type { Db } from "../../db.server";

const NOT_YET_MS = 30_000;
const cache = new Map<string, { on: boolean; at: number }>();

export async function mirrorActive(db: Db, storeId: string, now = Date.now()): Promise<boolean> {
  const c = cache.get(storeId);
  if (c && (c.on || now - c.at < NOT_YET_MS)) return c.on;
  const row = await db.orderMirrorSync.findUnique({ where: { storeId }, select: { status: true } });
  const on = row?.status === "done";
  if (cache.size > 10_000) cache.clear();
  cache.set(storeId, { on, at: now });
  return on;
}

export function forgetMirrorState(storeId?: string): void {
  if (storeId) cache.delete(storeId);
  else cache.clear();
}

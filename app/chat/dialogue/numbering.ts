/**
 * The store's order numbering (understand/numbering.ts), learned from the numbers of its recent orders:
 * the order-events snapshots (read from the database at most every 10 minutes per store) plus the
 * orders the bot itself just listed for a shopper. Kept in memory per store; never a store call just
 * for this. A store with no known orders gets null (the generic 3–10 digits).
 */
import { learnNumbering, type NumberingProfile } from "../understand/index";
import type { Turn } from "./turn";

export const NUMBERING_REFRESH_MS = 10 * 60 * 1000;
const MAX_NAMES = 200;

interface Known {
  /** from the snapshots, newest first */
  stored: string[];
  /** seen in this process (order lists the bot sent), newest first */
  seen: string[];
  profile: NumberingProfile | null;
  loadedAt: number;
}

const cache = new Map<string, Known>();

function relearn(k: Known): void {
  k.profile = learnNumbering([...k.seen, ...k.stored].slice(0, MAX_NAMES));
}

/** The store's numbering profile for this turn (one database read per store per 10 minutes). */
export async function storeNumbering(turn: Turn): Promise<NumberingProfile | null> {
  const { store, repo } = turn.ctx;
  const at = Date.now();
  const k = cache.get(store.id);
  if (k && at - k.loadedAt < NUMBERING_REFRESH_MS) return k.profile;
  let stored = k?.stored ?? [];
  try {
    stored = await repo.recentOrderNumbers(store.id, MAX_NAMES);
  } catch (err) {
    console.error("[trulybot] recent order numbers", (err as Error)?.message); // keep the last known
  }
  const next: Known = { stored, seen: k?.seen ?? [], profile: null, loadedAt: at };
  relearn(next);
  cache.set(store.id, next);
  return next.profile;
}

/** Order numbers the store just showed (a customer's order list): they are the store's own numbering. */
export function noteOrderNumbers(storeId: string, numbers: readonly string[]): void {
  if (!numbers.length) return;
  const k = cache.get(storeId) ?? { stored: [], seen: [], profile: null, loadedAt: 0 };
  k.seen = [...numbers, ...k.seen.filter((n) => !numbers.includes(n))].slice(0, MAX_NAMES);
  relearn(k);
  cache.set(storeId, k);
}

/** Forget what is known about a store (its next turn reads the snapshots again). */
export function forgetNumbering(storeId: string): void {
  cache.delete(storeId);
}

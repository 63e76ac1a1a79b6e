/**
 * Fixed-window rate limits stored in the database, so every app instance shares them
 * (SQLite for one instance, PostgreSQL for many). Increments are atomic (one upsert … RETURNING);
 * a window that expired is reset. The engine's repository uses the same function.
 */
import type { Db } from "../db.server";

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  limit: number;
  retryAfterSeconds: number;
}

function prismaCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null ? (e as { code?: string }).code : undefined;
}

/**
 * Count one hit against `key`; allowed while the count within the window is ≤ limit.
 * The hit is ONE statement (Prisma's native upsert: INSERT … ON CONFLICT (key) DO UPDATE SET
 * count = count + 1 … RETURNING), so concurrent hits from several instances each see their own
 * position and exactly `limit` are allowed. Use it to *reserve* before the guarded work, not after.
 * A window that expired is reset by a conditional UPDATE (only one concurrent hit wins it).
 */
export async function hitRateLimit(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const result = (count: number, windowEnd: Date): RateLimitResult => ({
    allowed: count <= limit,
    count,
    limit,
    retryAfterSeconds:
      count <= limit ? 0 : Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000)),
  });
  const windowEnd = new Date(now.getTime() + windowSeconds * 1000);
  for (let attempt = 0; attempt < 5; attempt++) {
    let r: { count: number; windowEnd: Date };
    try {
      r = await db.rateLimit.upsert({
        where: { key },
        create: { key, count: 1, windowEnd },
        update: { count: { increment: 1 } },
      });
    } catch (e) {
      if (prismaCode(e) === "P2002") continue; // a racing insert on a database without native upsert
      throw e;
    }
    if (r.windowEnd > now) return result(r.count, r.windowEnd);
    const reset = await db.rateLimit.updateMany({
      where: { key, windowEnd: { lte: now } },
      data: { count: 1, windowEnd },
    });
    if (reset.count === 1) return result(1, windowEnd);
  }
  throw new Error(`rate limit counter ${key}: too much contention`);
}

/** Give back one reserved hit (the guarded work turned out not to count, e.g. a verified lookup). */
export async function releaseRateLimit(db: Db, key: string, now: Date = new Date()): Promise<void> {
  await db.rateLimit.updateMany({
    where: { key, windowEnd: { gt: now }, count: { gt: 0 } },
    data: { count: { decrement: 1 } },
  });
}

/** Current count without counting a hit. */
export async function peekRateLimit(
  db: Db,
  key: string,
  limit: number,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  if (!row || row.windowEnd <= now) return { allowed: true, count: 0, limit, retryAfterSeconds: 0 };
  const over = row.count >= limit;
  return {
    allowed: !over,
    count: row.count,
    limit,
    retryAfterSeconds: over ? Math.max(1, Math.ceil((row.windowEnd.getTime() - now.getTime()) / 1000)) : 0,
  };
}

/** Housekeeping: drop windows that ended more than an hour ago. */
export async function pruneRateLimits(db: Db, now: Date = new Date()) {
  await db.rateLimit.deleteMany({ where: { windowEnd: { lt: new Date(now.getTime() - 3600_000) } } });
}

/**
 * Fixed-window rate limits stored in the database, so every app instance shares them
 * (SQLite for one instance, PostgreSQL for many). Increments are atomic (UPDATE … count + 1
 * RETURNING); a window that expired is reset. The engine's repository uses the same function.
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
 * The increment and the count it returns are one atomic UPDATE … RETURNING, so concurrent hits
 * from several instances each see their own position (exactly `limit` are allowed).
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
    try {
      const r = await db.rateLimit.update({
        where: { key, windowEnd: { gt: now } },
        data: { count: { increment: 1 } },
      });
      return result(r.count, r.windowEnd);
    } catch (e) {
      if (prismaCode(e) !== "P2025") throw e; // no open window for this key
    }
    const reset = await db.rateLimit.updateMany({
      where: { key, windowEnd: { lte: now } },
      data: { count: 1, windowEnd },
    });
    if (reset.count === 1) return result(1, windowEnd);
    try {
      await db.rateLimit.create({ data: { key, count: 1, windowEnd } });
      return result(1, windowEnd);
    } catch (e) {
      if (prismaCode(e) !== "P2002") throw e; // another instance opened the window first: count again
    }
  }
  throw new Error(`rate limit counter ${key}: too much contention`);
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

/**
 * Fixed-window rate limits stored in the database, so every app instance shares them
 * (SQLite for one instance, PostgreSQL for many). Increments are atomic (UPDATE … count + 1);
 * a window that expired is reset by an upsert.
 */
import type { Db } from "../db.server";

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  limit: number;
  retryAfterSeconds: number;
}

function isUniqueViolation(e: unknown) {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/** Count one hit against `key`; allowed while the count within the window is ≤ limit. */
export async function hitRateLimit(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const bumped = await db.rateLimit.updateMany({
      where: { key, windowEnd: { gt: now } },
      data: { count: { increment: 1 } },
    });
    if (bumped.count === 0) {
      const windowEnd = new Date(now.getTime() + windowSeconds * 1000);
      try {
        const existing = await db.rateLimit.findUnique({ where: { key } });
        if (existing && existing.windowEnd > now) continue; // another instance opened the window: bump it
        if (existing) {
          await db.rateLimit.update({ where: { key }, data: { windowEnd, count: 1 } });
        } else {
          await db.rateLimit.create({ data: { key, windowEnd, count: 1 } });
        }
      } catch (e) {
        if (isUniqueViolation(e)) continue;
        throw e;
      }
      return { allowed: 1 <= limit, count: 1, limit, retryAfterSeconds: 0 };
    }
    const row = await db.rateLimit.findUnique({ where: { key } });
    const count = row?.count ?? 1;
    const retryAfterSeconds = row
      ? Math.max(1, Math.ceil((row.windowEnd.getTime() - now.getTime()) / 1000))
      : windowSeconds;
    return {
      allowed: count <= limit,
      count,
      limit,
      retryAfterSeconds: count <= limit ? 0 : retryAfterSeconds,
    };
  }
  throw new Error("rate limit: too much contention");
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

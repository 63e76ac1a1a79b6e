/**
 * Fixed-window counters for several keys in ONE statement (one round trip per turn instead of
 * up to three per key): an upsert that opens, continues or restarts each key's window atomically
 * in the database (SQLite ≥ 3.35 and PostgreSQL share the syntax). Concurrent hits from several
 * instances each see their own position: exactly `limit` hits are allowed per window.
 */
import { Prisma } from "@prisma/client";
import type { Db } from "../db.server";
import type { RateLimitResult } from "./rate-limit.server";

export interface RateLimitRuleHit {
  key: string;
  limit: number;
  windowSeconds: number;
}

/** Counts one hit against every key; the results are in the order of `rules`. */
export async function hitRateLimits(
  db: Db,
  rules: readonly RateLimitRuleHit[],
  now: Date = new Date(),
): Promise<RateLimitResult[]> {
  if (rules.length === 0) return [];
  // one row per key, in a fixed order (PostgreSQL row locks taken in the same order everywhere)
  const keys = [...new Map(rules.map((r) => [r.key, r])).values()].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  const values = keys.map(
    (r) => Prisma.sql`(${r.key}, 1, ${new Date(now.getTime() + r.windowSeconds * 1000)})`,
  );
  const rows = await db.$queryRaw<
    { key: string; count: number | bigint; windowEnd: Date | string }[]
  >(Prisma.sql`
    INSERT INTO "RateLimit" ("key", "count", "windowEnd") VALUES ${Prisma.join(values)}
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowEnd" > ${now} THEN "RateLimit"."count" + 1 ELSE 1 END,
      "windowEnd" = CASE WHEN "RateLimit"."windowEnd" > ${now} THEN "RateLimit"."windowEnd" ELSE excluded."windowEnd" END
    RETURNING "key", "count", "windowEnd"`);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return rules.map((rule) => {
    const row = byKey.get(rule.key);
    if (!row) throw new Error(`rate limit counter ${rule.key}: no row returned`);
    const count = Number(row.count);
    const end = new Date(row.windowEnd).getTime();
    const allowed = count <= rule.limit;
    return {
      allowed,
      count,
      limit: rule.limit,
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((end - now.getTime()) / 1000)),
    };
  });
}

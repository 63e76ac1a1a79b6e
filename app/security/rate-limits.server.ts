/**
 * Fixed-window counters for several keys in ONE statement (one round trip per turn instead of
 * up to three per key): an upsert that opens, continues or restarts each key's window atomically
 * in the database (SQLite ≥ 3.35 and PostgreSQL share the syntax). Concurrent hits from several
 * instances each see their own position: exactly `limit` hits are allowed per window.
 */
import { queryDirect, type Db } from "../db.server";
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
  return (await hitRateLimitsAndPeek(db, rules, [], now)).results;
}

/**
 * Counts one hit against every key of `rules` and, in the SAME statement, reads the current
 * counts of `peek` (keys not hit: scalar subqueries in RETURNING, read at the moment of the hit).
 * `peeked` has a count for every peeked key (0 when absent or its window ended).
 */
export async function hitRateLimitsAndPeek(
  db: Db,
  rules: readonly RateLimitRuleHit[],
  peek: readonly string[],
  now: Date = new Date(),
): Promise<{ results: RateLimitResult[]; peeked: Map<string, number> }> {
  if (rules.length === 0) return { results: [], peeked: new Map() };
  // one row per key, in a fixed order (PostgreSQL row locks taken in the same order everywhere)
  const keys = [...new Map(rules.map((r) => [r.key, r])).values()].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  // straight to the driver (db.server.ts queryDirect): the hot path's statement without the client's work
  const rows = (await queryDirect(db, (p) => {
    // placeholders bound in the order they appear in the SQL (SQLite's "?" are positional)
    const values = keys
      .map((r) => `(${p(r.key)}, 1, ${p(new Date(now.getTime() + r.windowSeconds * 1000))})`)
      .join(", ");
    const countLive = p(now);
    const windowLive = p(now);
    const peeks = peek
      .map(
        (key, i) =>
          `, (SELECT q."count" FROM "RateLimit" q WHERE q."key" = ${p(key)} AND q."windowEnd" > ${p(now)}) AS "p${i}"`,
      )
      .join("");
    return `INSERT INTO "RateLimit" ("key", "count", "windowEnd") VALUES ${values}
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowEnd" > ${countLive} THEN "RateLimit"."count" + 1 ELSE 1 END,
      "windowEnd" = CASE WHEN "RateLimit"."windowEnd" > ${windowLive} THEN "RateLimit"."windowEnd" ELSE excluded."windowEnd" END
    RETURNING "key", "count", "windowEnd"${peeks}`;
  })) as ({ key: string; count: number | bigint; windowEnd: Date | string } & Record<string, unknown>)[];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const results = rules.map((rule) => {
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
  const peeked = new Map(peek.map((key, i) => [key, Number(rows[0]?.[`p${i}`] ?? 0)]));
  return { results, peeked };
}

/**
 * The one-statement rate limiter (app/security/rate-limits.server.ts) on a real database, from
 * two clients at once (two app instances): exact counts under concurrency, windows that restart,
 * several keys per statement. Also: the migration runner keeps a SQLite trigger body whole.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../app/db.server";
import { hitRateLimits } from "../../app/security/rate-limits.server";
import { splitStatements } from "../../scripts/lib/migrate.mjs";
import { createTwoInstanceDb } from "../helpers/db";

let a: Db;
let b: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ a, b, cleanup } = await createTwoInstanceDb());
});
afterAll(async () => cleanup?.());

describe("hitRateLimits", () => {
  it("GIVEN 60 concurrent hits from two instances on a limit of 40 THEN exactly 40 are allowed and the count ends at 60", async () => {
    const now = new Date();
    const hits = Array.from({ length: 60 }, (_, i) =>
      hitRateLimits(i % 2 ? a : b, [{ key: "conc", limit: 40, windowSeconds: 60 }], now),
    );
    const results = (await Promise.all(hits)).map((r) => r[0]!);
    expect(results.filter((r) => r.allowed)).toHaveLength(40);
    expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
    const refused = results.find((r) => !r.allowed)!;
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("counts several keys in one statement, each with its own limit and window, results in the caller's order", async () => {
    const now = new Date();
    const rules = [
      { key: "z:store", limit: 2, windowSeconds: 60 },
      { key: "a:shopper", limit: 1, windowSeconds: 10 },
    ];
    const first = await hitRateLimits(a, rules, now);
    const second = await hitRateLimits(b, rules, now);
    expect(first.map((r) => [r.count, r.allowed])).toEqual([
      [1, true],
      [1, true],
    ]);
    expect(second.map((r) => [r.count, r.allowed])).toEqual([
      [2, true],
      [2, false],
    ]);
    expect(second[1]!.retryAfterSeconds).toBe(10);
  });

  it("restarts an expired window at 1", async () => {
    const t0 = new Date("2026-12-03T10:00:00Z");
    await hitRateLimits(a, [{ key: "exp", limit: 1, windowSeconds: 5 }], t0);
    const late = await hitRateLimits(
      b,
      [{ key: "exp", limit: 1, windowSeconds: 5 }],
      new Date(t0.getTime() + 5_000),
    );
    expect(late[0]).toMatchObject({ count: 1, allowed: true });
  });

  it("hostile keys (quotes, SQL, emoji) are plain values", async () => {
    const key = `x'); DROP TABLE "RateLimit"; -- 🙂`;
    const [r] = await hitRateLimits(a, [{ key, limit: 5, windowSeconds: 60 }]);
    expect(r!.count).toBe(1);
    expect(await a.rateLimit.findUnique({ where: { key } })).toMatchObject({ count: 1 });
  });
});

describe("migration statements", () => {
  it("keeps a SQLite trigger body with inner semicolons as one statement", () => {
    const sql = `CREATE TABLE "T" ("a" TEXT);
CREATE TRIGGER "t1" AFTER INSERT ON "T" BEGIN
  INSERT INTO "U" VALUES (NEW."a");
  UPDATE "U" SET "b" = 'x;y';
END;
CREATE INDEX "i" ON "T"("a");`;
    const out = splitStatements(sql);
    expect(out).toHaveLength(3);
    expect(out[1]).toMatch(/^CREATE TRIGGER[\s\S]*UPDATE "U" SET "b" = 'x;y';\s*END$/);
  });
});

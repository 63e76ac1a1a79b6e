/**
 * The job queue on a real database: the in-process table runner on SQLite, pg-boss on PostgreSQL
 * (TEST_DB=postgres). A job runs once; a failing job is retried with growing delays and then
 * marked failed, visible in jobStats; two workers (two queue instances, two connection pools, on
 * one database) never run the same job twice and lose none.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { createJobQueue } from "../../app/jobs/queue.server";
import { PgBossJobQueue } from "../../app/jobs/pgboss-queue.server";
import { TableJobQueue } from "../../app/jobs/table-queue.server";
import type { JobDefinition, JobQueue } from "../../app/jobs/types";
import { createTestDb, testDbFlavor } from "../helpers/db";

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
const opened: JobQueue[] = [];
const extraClients: Db[] = [];

beforeAll(async () => {
  ({ db, url, cleanup } = await createTestDb());
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((q) => q.stop()));
});
afterAll(async () => {
  await Promise.all(extraClients.map((c) => c.$disconnect()));
  await cleanup?.();
});

async function queueWith(defs: JobDefinition<never>[], client: Db = db): Promise<JobQueue> {
  const q = await createJobQueue(client, url, defs, { pollingIntervalSeconds: 0.5, pollMs: 50 });
  opened.push(q);
  return q;
}

const isPg = testDbFlavor() === "postgres";

describe(`job queue (${isPg ? "pg-boss on PostgreSQL" : "in-process on SQLite"})`, () => {
  it("runs an enqueued job exactly once with its data, and counts it completed", async () => {
    const seen: string[] = [];
    const def: JobDefinition<{ word: string }> = {
      name: "once",
      handler: async (d) => void seen.push(d.word),
    };
    const q = await queueWith([def as JobDefinition<never>]);
    await q.enqueue("once", { word: "hello" });
    await q.start();
    await vi.waitFor(
      async () => expect((await q.stats()).queues.find((s) => s.name === "once")?.completed).toBe(1),
      { timeout: 15_000, interval: 100 },
    );
    expect(seen).toEqual(["hello"]);
    const stats = await q.stats();
    expect(stats.backend).toBe(isPg ? "pg-boss" : "in-process");
    expect(stats.queues.find((s) => s.name === "once")).toMatchObject({ queued: 0, active: 0, failed: 0 });
  });

  it("refuses to enqueue a job nobody defined", async () => {
    const q = await queueWith([]);
    await expect(q.enqueue("nope", {})).rejects.toThrow(/unknown job/);
  });

  it("retries a failing job, then marks it failed with its error, visible in stats", async () => {
    let runs = 0;
    const def: JobDefinition = {
      name: "flaky",
      retryLimit: 2,
      retryDelaySeconds: 1,
      handler: async () => {
        runs++;
        throw new Error("carrier API down");
      },
    };
    const q = await queueWith([def as JobDefinition<never>]);
    await q.enqueue("flaky", {});
    await q.start();
    await vi.waitFor(
      async () => expect((await q.stats()).queues.find((s) => s.name === "flaky")?.failed).toBe(1),
      { timeout: 25_000, interval: 200 },
    );
    expect(runs).toBe(3); // first run + 2 retries
    const { recentFailures } = await q.stats();
    expect(recentFailures[0]).toMatchObject({ queue: "flaky", error: "carrier API down", attempts: 3 });
  }, 30_000);

  it("two workers on one database share the jobs and never run one twice", async () => {
    const runs = new Map<number, string[]>();
    const worker = (who: string): JobDefinition<{ n: number }> => ({
      name: "shared",
      handler: async ({ n }) => {
        runs.set(n, [...(runs.get(n) ?? []), who]);
        await new Promise((r) => setTimeout(r, 5));
      },
    });
    // A second client: its own connection pool, as another app instance has.
    const other = await createDb(url);
    extraClients.push(other);
    const a = await queueWith([worker("a") as JobDefinition<never>]);
    const b = await queueWith([worker("b") as JobDefinition<never>], other);
    for (let n = 0; n < 40; n++) await (n % 2 ? a : b).enqueue("shared", { n });
    await Promise.all([a.start(), b.start()]);
    await vi.waitFor(() => expect(runs.size).toBe(40), { timeout: 25_000, interval: 100 });
    await vi.waitFor(
      async () => expect((await a.stats()).queues.find((s) => s.name === "shared")?.completed).toBe(40),
      { timeout: 10_000, interval: 100 },
    );
    expect([...runs.values()].filter((who) => who.length !== 1)).toEqual([]);
  }, 30_000);
});

// PostgreSQL only (the SQLite runner's crash recovery is the lock-timeout test below).
if (isPg)
  describe("pg-boss: an instance that dies mid-job", () => {
    it("loses no job: another instance runs it once it expires", async () => {
      const ran: string[] = [];
      let release: () => void = () => undefined;
      const dying = new PgBossJobQueue(url, { expireInSeconds: 2, pollingIntervalSeconds: 0.5 });
      dying.define({ name: "survive", handler: () => new Promise<void>((r) => (release = r)) });
      const id = await dying.enqueue("survive", { n: 1 });
      await dying.start();
      await vi.waitFor(async () => expect((await dying.stats()).queues[0].active).toBe(1), {
        timeout: 15_000,
        interval: 100,
      });
      await dying.stop({ graceful: false }); // the instance is gone; its job is still "active"

      const survivor = new PgBossJobQueue(url, { pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1 });
      opened.push(survivor);
      survivor.define({
        name: "survive",
        handler: async (_d, info) => void ran.push(`${info.id}#${info.attempt}`),
      });
      await survivor.start();
      await vi.waitFor(() => expect(ran).toEqual([`${id}#2`]), { timeout: 25_000, interval: 200 });
      release();
    }, 40_000);
  });

describe("in-process runner: backoff", () => {
  it("waits base, then twice base, before each retry, and never runs a job early", async () => {
    const { db: sqlite, cleanup: done } = await createTestDb({ flavor: "sqlite" });
    try {
      let now = new Date("2026-12-03T10:00:00Z");
      const q = new TableJobQueue(sqlite, { now: () => now });
      let runs = 0;
      q.define({
        name: "later",
        retryLimit: 2,
        retryDelaySeconds: 10,
        handler: async () => {
          runs++;
          throw new Error("no");
        },
      });
      const id = await q.enqueue("later", {});
      expect(await q.runDue()).toBe(1);
      const job = () => sqlite.job.findUniqueOrThrow({ where: { id } });
      expect((await job()).runAt.toISOString()).toBe("2026-12-03T10:00:10.000Z");
      now = new Date("2026-12-03T10:00:09Z");
      expect(await q.runDue()).toBe(0);
      now = new Date("2026-12-03T10:00:10Z");
      expect(await q.runDue()).toBe(1);
      expect((await job()).runAt.toISOString()).toBe("2026-12-03T10:00:30.000Z");
      now = new Date("2026-12-03T10:00:30Z");
      expect(await q.runDue()).toBe(1);
      expect(await job()).toMatchObject({ status: "failed", attempts: 3, lastError: "no" });
      expect(runs).toBe(3);
    } finally {
      await done();
    }
  });

  it("claims again a job left running by a crashed process, after the lock timeout", async () => {
    const { db: sqlite, cleanup: done } = await createTestDb({ flavor: "sqlite" });
    try {
      let now = new Date("2026-12-03T10:00:00Z");
      const seen: string[] = [];
      const q = new TableJobQueue(sqlite, { now: () => now, lockTimeoutMs: 60_000 });
      q.define({ name: "x", handler: async () => void seen.push("ran") });
      const id = await q.enqueue("x", {});
      await sqlite.job.update({
        where: { id },
        data: { status: "running", lockedBy: "dead", lockedAt: now, attempts: 1 },
      });
      expect(await q.runDue()).toBe(0);
      now = new Date("2026-12-03T10:01:01Z");
      expect(await q.runDue()).toBe(1);
      expect(seen).toEqual(["ran"]);
      expect(await sqlite.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "completed" });
    } finally {
      await done();
    }
  });
});

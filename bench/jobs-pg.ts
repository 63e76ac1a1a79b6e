/**
 * Job throughput on PostgreSQL with two app instances (issue 17): N jobs queued in the app's
 * pg-boss queue, two instance processes (bench/job-worker.ts) working them, one killed with
 * SIGKILL once a third of the jobs are done. Then, from the runs each handler recorded:
 *   lost            = jobs never finished by anyone (goal 0)
 *   finished twice  = jobs whose handler ran to the end more than once (goal 0)
 *   retried         = jobs the killed instance had started but not finished, run again by the
 *                     survivor after pg-boss's expiry (the crash's cost; handlers are idempotent)
 * and the throughput with both instances up. A scratch database, dropped and recreated.
 */
import pg from "pg";
import { PgBossJobQueue } from "../app/jobs/pgboss-queue.server";
import { startChild, log, round, type Child } from "./children";
const BENCH_JOB = "bench-pg-job"; // bench/job-worker.ts defines it

export interface JobsPgResult {
  jobs: number;
  workMs: number;
  expireSeconds: number;
  killedAfter: number;
  bothUp: { finished: number; seconds: number; perSecond: number };
  total: { seconds: number };
  lost: number;
  finishedTwice: number;
  retried: number;
  byInstance: Record<string, number>;
}

async function recreate(url: string) {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad scratch database name ${name}`);
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString(),
  });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

export async function jobsOnPostgres(cfg: {
  url: string;
  jobs: number;
  workMs: number;
  expireSeconds: number;
}): Promise<JobsPgResult> {
  await recreate(cfg.url);
  const db = new pg.Pool({ connectionString: cfg.url, max: 2 });
  await db.query(
    `CREATE TABLE bench_job_runs (job_id text NOT NULL, n int NOT NULL, instance text NOT NULL, phase text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
  );
  const producer = new PgBossJobQueue(cfg.url, { expireInSeconds: cfg.expireSeconds });
  producer.define({ name: BENCH_JOB, handler: async () => undefined });
  for (let i = 0; i < cfg.jobs; i += 50)
    await Promise.all(
      Array.from({ length: Math.min(50, cfg.jobs - i) }, (_, k) => producer.enqueue(BENCH_JOB, { n: i + k })),
    );
  await producer.stop();
  log(`jobs-pg: ${cfg.jobs} jobs queued`);
  const finished = async () =>
    Number(
      (await db.query("SELECT count(DISTINCT n)::int AS c FROM bench_job_runs WHERE phase = 'finish'"))
        .rows[0].c,
    );

  const env = {
    BENCH_JOBS_PG_URL: cfg.url,
    BENCH_JOB_MS: String(cfg.workMs),
    BENCH_JOB_EXPIRE_S: String(cfg.expireSeconds),
  };
  const t0 = Date.now();
  const [a, b]: Child[] = await Promise.all([
    startChild("bench/job-worker.ts", env),
    startChild("bench/job-worker.ts", env),
  ]);
  const killAt = Math.round(cfg.jobs / 3);
  while ((await finished()) < killAt) await new Promise((r) => setTimeout(r, 50));
  await b.kill(); // SIGKILL: no graceful stop, its active jobs stay "active" in pg-boss
  const killed = Date.now();
  const doneAtKill = await finished();
  log(`jobs-pg: killed ${b.ready.instance} after ${doneAtKill} jobs finished`);
  const deadline = Date.now() + 120_000 + cfg.expireSeconds * 1000;
  while ((await finished()) < cfg.jobs && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const totalSeconds = (Date.now() - t0) / 1000;
  await a.stop();

  const rows = (await db.query("SELECT job_id, n, instance, phase FROM bench_job_runs")).rows as {
    job_id: string;
    n: number;
    instance: string;
    phase: string;
  }[];
  await db.end();
  const finishes = new Map<number, number>();
  const byInstance: Record<string, number> = {};
  for (const r of rows)
    if (r.phase === "finish") {
      finishes.set(r.n, (finishes.get(r.n) ?? 0) + 1);
      byInstance[r.instance] = (byInstance[r.instance] ?? 0) + 1;
    }
  const killedName = b.ready.instance as string;
  const startedOnKilled = new Set(
    rows.filter((r) => r.instance === killedName && r.phase === "start").map((r) => r.n),
  );
  const finishedOnKilled = new Set(
    rows.filter((r) => r.instance === killedName && r.phase === "finish").map((r) => r.n),
  );
  const retried = [...startedOnKilled].filter((n) => !finishedOnKilled.has(n)).length;
  const bothSeconds = (killed - t0) / 1000;
  return {
    jobs: cfg.jobs,
    workMs: cfg.workMs,
    expireSeconds: cfg.expireSeconds,
    killedAfter: doneAtKill,
    bothUp: {
      finished: doneAtKill,
      seconds: round(bothSeconds, 1),
      perSecond: round(doneAtKill / bothSeconds, 1),
    },
    total: { seconds: round(totalSeconds, 1) },
    lost: cfg.jobs - finishes.size,
    finishedTwice: [...finishes.values()].filter((c) => c > 1).length,
    retried,
    byInstance,
  };
}

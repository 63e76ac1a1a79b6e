/**
 * Bench child process: one app instance's job workers on PostgreSQL — the app's own pg-boss queue
 * (app/jobs/pgboss-queue.server.ts) with one bench job whose handler records each run's start and
 * finish (table bench_job_runs) around a short piece of work. bench/jobs-pg.ts runs two of these
 * and kills one mid-run. Env: BENCH_JOBS_PG_URL, BENCH_JOB_MS (work per job), BENCH_JOB_EXPIRE_S.
 * Sends {type:"ready"}; {type:"stop"} stops gracefully.
 */
import pg from "pg";
import { PgBossJobQueue } from "../app/jobs/pgboss-queue.server";

const BENCH_JOB = "bench-pg-job"; // the same name in bench/jobs-pg.ts (importing this file would start a worker)

async function main() {
  const url = process.env.BENCH_JOBS_PG_URL!;
  const workMs = Number(process.env.BENCH_JOB_MS || 20);
  const instance = `pid-${process.pid}`;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const queue = new PgBossJobQueue(url, {
    pollingIntervalSeconds: 0.5,
    expireInSeconds: Number(process.env.BENCH_JOB_EXPIRE_S || 10),
    superviseIntervalSeconds: 1,
  });
  queue.define<{ n: number }>({
    name: BENCH_JOB,
    handler: async ({ n }, info) => {
      await pool.query(
        "INSERT INTO bench_job_runs (job_id, n, instance, phase) VALUES ($1, $2, $3, 'start')",
        [info.id, n, instance],
      );
      await new Promise((r) => setTimeout(r, workMs));
      await pool.query(
        "INSERT INTO bench_job_runs (job_id, n, instance, phase) VALUES ($1, $2, $3, 'finish')",
        [info.id, n, instance],
      );
    },
  });
  await queue.start();
  process.on("message", async (m: { type: string }) => {
    if (m.type !== "stop") return;
    await queue.stop();
    await pool.end();
    process.exit(0);
  });
  process.send!({ type: "ready", instance });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

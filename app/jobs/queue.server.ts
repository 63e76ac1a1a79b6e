/**
 * The process-wide job queue: pg-boss when DATABASE_URL is PostgreSQL, the in-process table
 * runner on SQLite — the same interface either way. The app's jobs are defined in
 * app/jobs/definitions.server.ts; web requests only enqueue, the server process works
 * (startJobWorkers, called once at boot).
 *
 * pg-boss (with pg, its OpenTelemetry API and cron parser: ~110 modules, ~75 ms and ~20 MiB) is
 * imported only when the database is PostgreSQL: a dynamic import, its own chunk in the build, so
 * the SQLite default never loads it (docs/decisions/0035-boot-imports-and-webhook-intake.md).
 */
import { getDb, isPostgresUrl, type Db } from "../db.server";
import { loadEnv } from "../env.server";
import type { PgBossQueueOptions } from "./pgboss-queue.server";
import { TableJobQueue, type TableQueueOptions } from "./table-queue.server";
import type { JobDefinition, JobQueue, JobStats } from "./types";

export type { JobQueue, JobStats } from "./types";

/** A queue for this database with these jobs defined (tests build their own). */
export async function createJobQueue(
  db: Db,
  url: string,
  defs: JobDefinition<never>[],
  opts: TableQueueOptions & PgBossQueueOptions = {},
): Promise<JobQueue> {
  const queue: JobQueue = isPostgresUrl(url)
    ? new (await import("./pgboss-queue.server")).PgBossJobQueue(url, opts)
    : new TableJobQueue(db, opts);
  for (const def of defs) queue.define(def);
  return queue;
}

declare global {
  var __trulybotJobs: Promise<JobQueue> | undefined;
}

/** The process-wide queue with the app's jobs. */
export function getJobQueue(): Promise<JobQueue> {
  globalThis.__trulybotJobs ??= (async () => {
    const { appJobs } = await import("./definitions.server");
    return createJobQueue(await getDb(), loadEnv().DATABASE_URL, appJobs());
  })();
  return globalThis.__trulybotJobs;
}

/** For tests: use this queue as the process-wide one. */
export function setJobQueue(queue: JobQueue | undefined) {
  globalThis.__trulybotJobs = queue ? Promise.resolve(queue) : undefined;
}

export async function enqueueJob(name: string, data: object): Promise<string> {
  return (await getJobQueue()).enqueue(name, data);
}

/** Counts per queue and the latest failures: for the dashboard's system page and `doctor`. */
export async function jobStats(): Promise<JobStats> {
  return (await getJobQueue()).stats();
}

/** Start working jobs in this process (the app server calls it once at boot). */
export async function startJobWorkers(): Promise<void> {
  try {
    await (await getJobQueue()).start();
  } catch (e) {
    console.error(`[jobs] could not start the job workers: ${(e as Error).message}`);
  }
}

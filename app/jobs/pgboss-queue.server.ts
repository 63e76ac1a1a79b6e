/**
 * The job queue on PostgreSQL: pg-boss (docs/decisions/0020-job-queue.md). Its own schema
 * ("pgboss") in the app's database; every app instance runs workers, and pg-boss claims each job
 * with FOR UPDATE SKIP LOCKED, so instances share the work and never run a job twice. A job whose
 * instance died mid-run is retried once its expiry passes.
 */
import { PgBoss } from "pg-boss";
import {
  DEFAULT_RETRY_DELAY_SECONDS,
  DEFAULT_RETRY_LIMIT,
  errorText,
  type JobDefinition,
  type JobQueue,
  type JobStats,
} from "./types";

export interface PgBossQueueOptions {
  /** how often an idle worker polls, in seconds (>= 0.5) */
  pollingIntervalSeconds?: number;
  /** seconds a job may run before it counts as lost and is retried */
  expireInSeconds?: number;
  /** connections in this instance's pool */
  max?: number;
  /** how often this instance looks for expired jobs (those of a dead instance) to retry */
  superviseIntervalSeconds?: number;
}

const SCHEMA = "pgboss";

export class PgBossJobQueue implements JobQueue {
  readonly backend = "pg-boss" as const;
  private defs = new Map<string, JobDefinition>();
  private boss: PgBoss;
  private opened: Promise<void> | null = null;
  private working = false;

  constructor(
    connectionString: string,
    private readonly opts: PgBossQueueOptions = {},
  ) {
    this.boss = new PgBoss({
      connectionString,
      schema: SCHEMA,
      max: opts.max ?? 4,
      application_name: "trulybot-jobs",
      // pg-boss looks for expired jobs once per max(supervise, monitor) interval (monitor: 60 s by default)
      ...(opts.superviseIntervalSeconds
        ? {
            superviseIntervalSeconds: opts.superviseIntervalSeconds,
            monitorIntervalSeconds: opts.superviseIntervalSeconds,
          }
        : {}),
    });
    this.boss.on("error", (e) => console.error(`[jobs] pg-boss: ${errorText(e)}`));
  }

  define<T>(def: JobDefinition<T>): void {
    this.defs.set(def.name, def as JobDefinition);
  }

  /** Connect, install/migrate pg-boss's schema and create the defined queues (once). */
  private open(): Promise<void> {
    this.opened ??= (async () => {
      await this.boss.start();
      for (const def of this.defs.values()) {
        await this.boss.createQueue(def.name, {
          retryLimit: def.retryLimit ?? DEFAULT_RETRY_LIMIT,
          retryDelay: def.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
          retryBackoff: true,
          expireInSeconds: this.opts.expireInSeconds ?? 15 * 60,
        });
      }
    })();
    return this.opened;
  }

  async enqueue(name: string, data: object): Promise<string> {
    if (!this.defs.has(name)) throw new Error(`unknown job "${name}"`);
    await this.open();
    const id = await this.boss.send(name, data);
    if (!id) throw new Error(`job "${name}" was not queued`);
    return id;
  }

  async start(): Promise<void> {
    await this.open();
    if (this.working) return;
    this.working = true;
    for (const def of this.defs.values()) {
      // Batches of up to 20, fetched again at once while batches come back full (with batchSize 1
      // pg-boss waits a polling interval between jobs); each job settled on its own, in order.
      await this.boss.work<Record<string, unknown>>(
        def.name,
        {
          pollingIntervalSeconds: this.opts.pollingIntervalSeconds ?? 1,
          batchSize: 20,
          burstWhenBatchFull: true,
          perJobResults: true,
        },
        async (jobs) => {
          const results = [];
          for (const job of jobs) {
            try {
              await def.handler(job.data, { id: job.id, attempt: job.retryCount + 1 });
            } catch (e) {
              results.push({ id: job.id, status: "failed" as const, output: { message: errorText(e) } });
              continue;
            }
            // Completed at once, not with the batch: an instance killed mid-batch would otherwise
            // leave its finished jobs "active", to be run again after they expire.
            await this.boss.complete(def.name, job.id);
            results.push({ id: job.id, status: "completed" as const });
          }
          return results;
        },
      );
    }
  }

  /** `graceful: false` drops running jobs as a crash would (they are retried once they expire). */
  async stop(opts: { graceful?: boolean } = {}): Promise<void> {
    if (!this.opened) return;
    await this.opened.catch(() => undefined);
    await this.boss.stop({ graceful: opts.graceful ?? true, timeout: 10_000 });
    this.opened = null;
    this.working = false;
  }

  /** Counted from pg-boss's job table (its own queue counters are refreshed only once a minute). */
  async stats(): Promise<JobStats> {
    await this.open();
    const names = [...this.defs.keys()];
    const sql = this.boss.getDb();
    const counts = await sql.executeSql(
      `SELECT name, state, count(*)::int AS n FROM ${SCHEMA}.job WHERE name = ANY($1) GROUP BY name, state`,
      [names],
    );
    const failed = await sql.executeSql(
      `SELECT id, name, retry_count, output, completed_on FROM ${SCHEMA}.job
        WHERE state = 'failed' AND name = ANY($1) ORDER BY completed_on DESC LIMIT 10`,
      [names],
    );
    const rows = counts.rows as { name: string; state: string; n: number }[];
    const n = (name: string, ...states: string[]) =>
      rows.filter((r) => r.name === name && states.includes(r.state)).reduce((a, r) => a + r.n, 0);
    return {
      backend: this.backend,
      queues: names.sort().map((name) => ({
        name,
        queued: n(name, "created", "retry"),
        active: n(name, "active"),
        completed: n(name, "completed"),
        failed: n(name, "failed"),
      })),
      recentFailures: (failed.rows as Record<string, unknown>[]).map((r) => ({
        id: String(r.id),
        queue: String(r.name),
        error: failureMessage(r.output),
        attempts: Number(r.retry_count) + 1,
        failedAt: r.completed_on ? new Date(r.completed_on as string).toISOString() : null,
      })),
    };
  }
}

function failureMessage(output: unknown): string {
  if (output && typeof output === "object" && "message" in output) return String(output.message);
  return output == null ? "" : JSON.stringify(output).slice(0, 1000);
}

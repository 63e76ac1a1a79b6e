/**
 * One job interface for both databases (docs/decisions/0020-job-queue.md): pg-boss on PostgreSQL,
 * a table-backed in-process runner on the SQLite default. Handlers must be idempotent: a job is
 * run once, but after a crash mid-run it may be run again.
 */

export interface JobInfo {
  id: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
}

export interface JobDefinition<T = unknown> {
  name: string;
  handler: (data: T, info: JobInfo) => Promise<void>;
  /** retries after the first failed run (default 4) */
  retryLimit?: number;
  /** delay before the first retry; each further retry doubles it (default 2 s) */
  retryDelaySeconds?: number;
}

export interface QueueCounts {
  name: string;
  queued: number;
  active: number;
  completed: number;
  failed: number;
}

export interface JobFailure {
  id: string;
  queue: string;
  error: string;
  attempts: number;
  failedAt: string | null;
}

export interface JobStats {
  backend: "in-process" | "pg-boss";
  queues: QueueCounts[];
  recentFailures: JobFailure[];
}

/** One row of the Job table, in the shape of `insertRowsAtomically` (app/db.server.ts). */
export interface JobRow {
  id: string;
  table: "Job";
  columns: readonly string[];
  rows: unknown[][];
}

export interface JobQueue {
  readonly backend: JobStats["backend"];
  define<T>(def: JobDefinition<T>): void;
  enqueue(name: string, data: object): Promise<string>;
  /**
   * The row that enqueues this job, for a caller that writes it in the same atomic batch as its
   * own rows (webhook intake: the event and its job in one round trip); null when this backend
   * keeps jobs elsewhere (pg-boss). After the batch is written, call `enqueued()`.
   */
  jobRow?(name: string, data: object): JobRow | null;
  enqueued?(): void;
  /** Begin running defined jobs in this process. */
  start(): Promise<void>;
  stop(): Promise<void>;
  stats(): Promise<JobStats>;
}

export const DEFAULT_RETRY_LIMIT = 4;
export const DEFAULT_RETRY_DELAY_SECONDS = 2;

/** Delay before retry number `retry` (1-based): base, 2×base, 4×base, … */
export function backoffSeconds(base: number, retry: number): number {
  return base * 2 ** Math.max(0, retry - 1);
}

export function errorText(e: unknown): string {
  const s = e instanceof Error ? e.message : String(e);
  return s.slice(0, 1000);
}

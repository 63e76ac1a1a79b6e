/**
 * The in-process job runner for the SQLite default: jobs are rows of the Job table, claimed with a
 * conditional update (only one claimer can move a row from queued to running), retried with
 * exponential backoff and marked failed after the last retry. One app instance per SQLite file,
 * so polling in-process is enough; a job left running by a crashed process is claimed again after
 * `lockTimeoutMs`. A pass claims up to 20 due jobs in one statement, runs them one after another
 * and marks the successful ones completed in one more (a crash mid-batch leaves the rest running
 * until the lock timeout; handlers are idempotent).
 */
import crypto from "node:crypto";
import { dbFlavor, type Db } from "../db.server";
import {
  backoffSeconds,
  DEFAULT_RETRY_DELAY_SECONDS,
  DEFAULT_RETRY_LIMIT,
  errorText,
  type JobDefinition,
  type JobQueue,
  type JobRow,
  type JobStats,
} from "./types";

/** Jobs one pass runs before it yields (and, when it ran that many, starts the next at once). */
const PASS_LIMIT = 100;

/** Jobs claimed together by one runner pass (each still runs on its own, in order). */
const CLAIM_BATCH = 20;

interface ClaimedJob {
  id: string;
  queue: string;
  data: string;
  attempts: number;
  maxAttempts: number;
}
type RawClaimed = Omit<ClaimedJob, "attempts" | "maxAttempts"> & {
  attempts: number | bigint;
  maxAttempts: number | bigint;
  runAt: unknown;
};

/** How Prisma writes a DateTime to SQLite (so raw comparisons with its own rows are exact). */
const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

const JOB_COLUMNS = [
  "id",
  "queue",
  "data",
  "status",
  "attempts",
  "maxAttempts",
  "runAt",
  "createdAt",
] as const;

export interface TableQueueOptions {
  workerId?: string;
  pollMs?: number;
  lockTimeoutMs?: number;
  /** completed jobs are deleted after this long */
  keepCompletedMs?: number;
  now?: () => Date;
}

type Def = Required<Omit<JobDefinition, "handler">> & Pick<JobDefinition, "handler">;

export class TableJobQueue implements JobQueue {
  readonly backend = "in-process" as const;
  private defs = new Map<string, Def>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private kicked = false;
  private lastPrune = 0;
  private readonly workerId: string;
  private readonly pollMs: number;
  private readonly lockTimeoutMs: number;
  private readonly keepCompletedMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly db: Db,
    opts: TableQueueOptions = {},
  ) {
    this.workerId = opts.workerId ?? `w-${process.pid}-${crypto.randomBytes(3).toString("hex")}`;
    this.pollMs = opts.pollMs ?? 1000;
    this.lockTimeoutMs = opts.lockTimeoutMs ?? 10 * 60_000;
    this.keepCompletedMs = opts.keepCompletedMs ?? 7 * 24 * 3600_000;
    this.now = opts.now ?? (() => new Date());
  }

  define<T>(def: JobDefinition<T>): void {
    this.defs.set(def.name, {
      name: def.name,
      handler: def.handler as JobDefinition["handler"],
      retryLimit: def.retryLimit ?? DEFAULT_RETRY_LIMIT,
      retryDelaySeconds: def.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
    });
  }

  async enqueue(name: string, data: object): Promise<string> {
    const def = this.defs.get(name);
    if (!def) throw new Error(`unknown job "${name}"`);
    const job = await this.db.job.create({
      data: { queue: name, data: JSON.stringify(data), maxAttempts: def.retryLimit + 1, runAt: this.now() },
    });
    if (this.timer) this.kick();
    return job.id;
  }

  jobRow(name: string, data: object): JobRow {
    const def = this.defs.get(name);
    if (!def) throw new Error(`unknown job "${name}"`);
    const id = crypto.randomUUID();
    const now = this.now();
    return {
      id,
      table: "Job",
      columns: JOB_COLUMNS,
      rows: [[id, name, JSON.stringify(data), "queued", 0, def.retryLimit + 1, now, now]],
    };
  }

  enqueued(): void {
    if (this.timer) this.kick();
  }

  async start(): Promise<void> {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Run a pass now (or right after the current one): the poll and enqueue both land here. */
  private kick() {
    if (this.running) {
      this.kicked = true;
      return;
    }
    this.running = this.runDue(PASS_LIMIT)
      .then((ran) => {
        if (ran >= PASS_LIMIT) this.kicked = true; // a full pass: more may be due, go on at once
        return ran;
      })
      .catch((e) => {
        console.error(`[jobs] runner pass failed: ${errorText(e)}`);
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.kicked && this.timer) {
          this.kicked = false;
          this.kick();
        }
      });
  }

  /** Run every job that is due now, one after another; returns how many ran. */
  async runDue(limit = PASS_LIMIT): Promise<number> {
    let ran = 0;
    while (ran < limit) {
      const jobs = await this.claimBatch(Math.min(CLAIM_BATCH, limit - ran));
      if (jobs.length === 0) break;
      const done: string[] = [];
      for (const job of jobs) if (await this.runClaimed(job)) done.push(job.id);
      await this.markCompleted(done);
      ran += jobs.length;
    }
    await this.prune();
    return ran;
  }

  /**
   * Up to `max` due jobs, claimed together. On SQLite one statement (UPDATE … RETURNING: the
   * writer lock makes the claim atomic, so two runners never get the same job); otherwise one
   * job at a time with a conditional update.
   */
  private async claimBatch(max: number): Promise<ClaimedJob[]> {
    if (dbFlavor(this.db) !== "sqlite") {
      const one = await this.claimNext();
      return one ? [one] : [];
    }
    const names = [...this.defs.keys()];
    if (names.length === 0) return [];
    const now = this.now();
    const stale = new Date(now.getTime() - this.lockTimeoutMs);
    const rows = await this.db.$queryRawUnsafe<RawClaimed[]>(
      `UPDATE "Job" SET "status" = 'running', "lockedBy" = ?, "lockedAt" = ?, "attempts" = "attempts" + 1
        WHERE "id" IN (SELECT "id" FROM "Job" WHERE "queue" IN (${names.map(() => "?").join(", ")})
          AND (("status" = 'queued' AND "runAt" <= ?) OR ("status" = 'running' AND "lockedAt" < ?))
          ORDER BY "runAt" ASC LIMIT ?)
        RETURNING "id", "queue", "data", "attempts", "maxAttempts", "runAt"`,
      this.workerId,
      sqliteDate(now),
      ...names,
      sqliteDate(now),
      sqliteDate(stale),
      max,
    );
    return rows
      .sort((a, b) => (String(a.runAt) < String(b.runAt) ? -1 : String(a.runAt) > String(b.runAt) ? 1 : 0))
      .map((r) => ({
        id: r.id,
        queue: r.queue,
        data: r.data,
        attempts: Number(r.attempts),
        maxAttempts: Number(r.maxAttempts),
      }));
  }

  /** The batch's successful jobs, completed in one statement. */
  private async markCompleted(ids: string[]) {
    if (ids.length === 0) return;
    await this.db.job.updateMany({
      where: { id: { in: ids }, lockedBy: this.workerId },
      data: { status: "completed", finishedAt: this.now(), lockedBy: null, lockedAt: null },
    });
  }

  private async claimNext() {
    const now = this.now();
    const names = [...this.defs.keys()];
    if (names.length === 0) return null;
    const staleBefore = new Date(now.getTime() - this.lockTimeoutMs);
    for (let tries = 0; tries < 5; tries++) {
      const candidate = await this.db.job.findFirst({
        where: {
          queue: { in: names },
          OR: [
            { status: "queued", runAt: { lte: now } },
            { status: "running", lockedAt: { lt: staleBefore } },
          ],
        },
        orderBy: { runAt: "asc" },
      });
      if (!candidate) return null;
      const { count } = await this.db.job.updateMany({
        where: { id: candidate.id, status: candidate.status, attempts: candidate.attempts },
        data: { status: "running", lockedBy: this.workerId, lockedAt: now, attempts: { increment: 1 } },
      });
      if (count === 1) return { ...candidate, attempts: candidate.attempts + 1 };
    }
    return null;
  }

  /** Run one claimed job; true when it succeeded (the caller marks it completed). */
  private async runClaimed(job: ClaimedJob): Promise<boolean> {
    const def = this.defs.get(job.queue)!;
    try {
      await def.handler(JSON.parse(job.data), { id: job.id, attempt: job.attempts });
      return true;
    } catch (e) {
      const last = job.attempts >= job.maxAttempts;
      const runAt = new Date(
        this.now().getTime() + backoffSeconds(def.retryDelaySeconds, job.attempts) * 1000,
      );
      await this.db.job.update({
        where: { id: job.id },
        data: {
          status: last ? "failed" : "queued",
          lastError: errorText(e),
          lockedBy: null,
          lockedAt: null,
          ...(last ? { finishedAt: this.now() } : { runAt }),
        },
      });
      return false;
    }
  }

  private async prune() {
    const now = this.now().getTime();
    if (now - this.lastPrune < 10 * 60_000) return;
    this.lastPrune = now;
    await this.db.job.deleteMany({
      where: { status: "completed", finishedAt: { lt: new Date(now - this.keepCompletedMs) } },
    });
  }

  async stats(): Promise<JobStats> {
    const groups = await this.db.job.groupBy({ by: ["queue", "status"], _count: { _all: true } });
    const names = new Set([...this.defs.keys(), ...groups.map((g) => g.queue)]);
    const queues = [...names].sort().map((name) => {
      const n = (status: string) =>
        groups.find((g) => g.queue === name && g.status === status)?._count._all ?? 0;
      return {
        name,
        queued: n("queued"),
        active: n("running"),
        completed: n("completed"),
        failed: n("failed"),
      };
    });
    const failed = await this.db.job.findMany({
      where: { status: "failed" },
      orderBy: { finishedAt: "desc" },
      take: 10,
    });
    return {
      backend: this.backend,
      queues,
      recentFailures: failed.map((j) => ({
        id: j.id,
        queue: j.queue,
        error: j.lastError ?? "",
        attempts: j.attempts,
        failedAt: j.finishedAt?.toISOString() ?? null,
      })),
    };
  }
}

/**
 * SQLite WAL checkpoints off the event loop (docs/decisions/0035-boot-imports-and-webhook-intake.md).
 *
 * node:sqlite is synchronous: with SQLite's automatic checkpoint (every 1,000 WAL pages) the commit
 * that crosses the threshold copies the WAL into the database file and fsyncs it, on the thread
 * that serves requests. Measured on the webhook intake's two-row write: 0.06 ms per commit at the
 * median, but one commit in ~65 took 5–27 ms, and every request in flight waited for it (mean
 * 0.31 ms per write with automatic checkpoints, 0.10 ms without).
 *
 * So while the app writes steadily (≥ `busyWritesPerSecond`), its connection turns automatic
 * checkpoints off and a worker thread with its own connection runs PASSIVE checkpoints (they never
 * block the writer, nor wait for it) every `everyMs`. A worker costs ~20 MiB of RSS, so it only runs
 * while writes keep coming: after `quietSeconds` without a write it stops and the connection gets
 * its automatic checkpoints back (also if the worker fails). A quiet process runs no worker and no
 * timer.
 */
import { Worker } from "node:worker_threads";

// CommonJS, evaluated in the worker: no file of its own to find in the built app.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { DatabaseSync } = require("node:sqlite");
const db = new DatabaseSync(workerData.path);
db.exec("PRAGMA busy_timeout = 1000");
const checkpoint = () => {
  try { db.exec("PRAGMA wal_checkpoint(PASSIVE)"); } catch {}
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on("message", () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/** When the worker runs (tests shorten the times). */
export const CHECKPOINT_POLICY = {
  /** writes in one tick (per second) that start the worker */
  busyWritesPerSecond: 50,
  /** ticks without a write that stop it */
  quietSeconds: 30,
  tickMs: 1000,
  /** how often the worker checkpoints */
  everyMs: 250,
};

export interface Checkpointer {
  /** a last checkpoint, then the worker ends */
  stop(): void;
}

/**
 * Checkpoint the WAL of the database file at `path` every `everyMs` from a worker thread.
 * `onFailure` runs if the worker dies (the caller turns automatic checkpoints back on).
 */
export function startCheckpointer(path: string, onFailure: () => void, everyMs: number): Checkpointer {
  let stopped = false;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, everyMs } });
  worker.unref(); // never what keeps the process alive
  worker.on("error", (e) => console.error(`[db] WAL checkpointer failed: ${e.message}`));
  worker.on("exit", () => {
    if (!stopped) onFailure();
  });
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage("stop");
    },
  };
}

/**
 * The write rate of one connection, counted per tick: the checkpoint worker started while it is high
 * and stopped when the writes stop. `setAutocheckpoint(pages)` sets the connection's
 * `wal_autocheckpoint` (0 while the worker runs, SQLite's default 1000 otherwise).
 */
export class WalCheckpoints {
  private writes = 0;
  private quietTicks = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private worker: Checkpointer | null = null;

  constructor(
    private readonly path: string,
    private readonly setAutocheckpoint: (pages: number) => void,
  ) {}

  /** A write that changed rows on the connection. */
  wrote(): void {
    this.writes++;
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), CHECKPOINT_POLICY.tickMs);
    this.timer.unref();
  }

  get workerRunning(): boolean {
    return this.worker !== null;
  }

  private tick() {
    const writes = this.writes;
    this.writes = 0;
    this.quietTicks = writes === 0 ? this.quietTicks + 1 : 0;
    if (!this.worker && writes >= CHECKPOINT_POLICY.busyWritesPerSecond) {
      this.setAutocheckpoint(0);
      this.worker = startCheckpointer(
        this.path,
        () => {
          this.worker = null;
          this.setAutocheckpoint(1000);
        },
        CHECKPOINT_POLICY.everyMs,
      );
    } else if (this.worker && this.quietTicks >= CHECKPOINT_POLICY.quietSeconds) this.stopWorker();
    if (!this.worker && writes === 0) this.stopTimer();
  }

  private stopWorker() {
    this.setAutocheckpoint(1000);
    this.worker?.stop();
    this.worker = null;
  }

  private stopTimer() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The connection closes: the worker makes a last checkpoint and ends. */
  close(): void {
    this.stopTimer();
    this.worker?.stop();
    this.worker = null;
  }
}

/**
 * SQLite WAL checkpoints off the event loop (docs/decisions/0035-boot-imports-and-webhook-intake.md).
 *
 * node:sqlite is synchronous: with SQLite's automatic checkpoint (every 1,000 WAL pages) the commit
 * that crosses the threshold copies the WAL into the database file and fsyncs it, on the thread
 * that serves requests. Measured on the webhook intake's two-row write: 0.06 ms per commit at the
 * median, but one commit in ~65 took 5–27 ms, and every request in flight waited for it (mean
 * 0.31 ms per write with automatic checkpoints, 0.10 ms without).
 *
 * So the app's connection turns automatic checkpoints off and a worker thread with its own
 * connection runs PASSIVE checkpoints (they never block the writer, nor wait for it) every
 * `everyMs`. If the worker fails, the connection gets its automatic checkpoints back.
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

export interface Checkpointer {
  /** a last checkpoint, then the worker ends */
  stop(): void;
}

/**
 * Checkpoint the WAL of the database file at `path` every `everyMs` from a worker thread.
 * `onFailure` runs if the worker dies (the caller turns automatic checkpoints back on).
 */
export function startCheckpointer(path: string, onFailure: () => void, everyMs = 250): Checkpointer {
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

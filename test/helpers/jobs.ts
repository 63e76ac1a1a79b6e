/** The app's job queue (appJobs) on a test database, set as the app's and polled every 50 ms. */
import type { Db } from "../../app/db.server";
import { appJobs } from "../../app/jobs/definitions.server";
import { createJobQueue, setJobQueue, type JobQueue } from "../../app/jobs/queue.server";

/** Creates and sets the queue; `start: true` also runs its workers. `stop()` stops it and unsets it. */
export async function startAppJobQueue(
  db: Db,
  url: string,
  opts: { start?: boolean } = {},
): Promise<{ queue: JobQueue; stop(): Promise<void> }> {
  const queue = await createJobQueue(db, url, appJobs(), { pollMs: 50, pollingIntervalSeconds: 0.5 });
  setJobQueue(queue);
  if (opts.start) await queue.start();
  return {
    queue,
    async stop() {
      await queue.stop();
      setJobQueue(undefined);
    },
  };
}

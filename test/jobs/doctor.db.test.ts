/** `trulybot doctor` shows the job queue: counts per queue, and a failed job fails the check with its error. */
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { setDb, type Db } from "../../app/db.server";
import { runDoctor } from "../../app/cli/doctor.server";
import { createJobQueue, setJobQueue, type JobQueue } from "../../app/jobs/queue.server";
import type { JobDefinition } from "../../app/jobs/types";
import { createTestDb } from "../helpers/db";

let db: Db;
let cleanup: () => Promise<void>;
let queue: JobQueue;

beforeAll(async () => {
  let url: string;
  ({ db, url, cleanup } = await createTestDb());
  setDb(db);
  const defs: JobDefinition[] = [
    { name: "fine", handler: async () => undefined },
    { name: "broken", retryLimit: 0, handler: async () => Promise.reject(new Error("store unreachable")) },
  ];
  queue = await createJobQueue(db, url, defs as JobDefinition<never>[], {
    pollMs: 50,
    pollingIntervalSeconds: 0.5,
  });
  setJobQueue(queue);
});
afterAll(async () => {
  await queue?.stop();
  setJobQueue(undefined);
  await cleanup?.();
});

it("lists job counts, and a failed job fails the jobs check with its error", async () => {
  const jobsCheck = async () => (await runDoctor()).checks.find((c) => c.name === "jobs")!;
  await queue.enqueue("fine", {});
  await queue.start();
  await vi.waitFor(
    async () =>
      expect((await jobsCheck()).detail).toMatchObject({
        queues: expect.arrayContaining([expect.objectContaining({ name: "fine", completed: 1 })]),
      }),
    { timeout: 15_000, interval: 100 },
  );
  expect((await jobsCheck()).ok).toBe(true);

  await queue.enqueue("broken", {});
  await vi.waitFor(async () => expect((await jobsCheck()).ok).toBe(false), {
    timeout: 15_000,
    interval: 100,
  });
  const detail = (await jobsCheck()).detail as { recentFailures: { queue: string; error: string }[] };
  expect(detail.recentFailures[0]).toMatchObject({ queue: "broken", error: "store unreachable" });
});

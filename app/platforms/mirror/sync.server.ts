/**
 * The mirror's initial (or repeated) sync, as a job: one page per run, the next page enqueued by
 * the run before, the cursor kept in OrderMirrorSync so a crash resumes where it stopped. When the
 * last page is written the store's mirror is "done" and lookups start answering from it.
 */
import { forgetMirrorState } from "./active.server";
import { getDb } from "../../db.server";
import { enqueueJob } from "../../jobs/queue.server";
import type { JobDefinition } from "../../jobs/types";
import { mirrorDaysFor, putMirrored } from "./rows.server";
import { syncPage } from "./sources.server";

export const MIRROR_SYNC_JOB = "order-mirror-sync";
const DAY_MS = 24 * 3600_000;

/** Begin (or restart) a store's sync; lookups keep using the API until it is done. */
export async function startMirrorSync(storeId: string, opts: { pageSize?: number } = {}): Promise<void> {
  const db = await getDb();
  const data = {
    status: "running",
    cursor: null,
    synced: 0,
    startedAt: new Date(),
    finishedAt: null,
    error: null,
  };
  await db.orderMirrorSync.upsert({ where: { storeId }, create: { storeId, ...data }, update: data });
  forgetMirrorState(storeId);
  await enqueueJob(MIRROR_SYNC_JOB, { storeId, ...(opts.pageSize ? { pageSize: opts.pageSize } : {}) });
}

/**
 * On install / connect: start the store's initial sync as a job unless one is already running or
 * done (a reinstall or a reconnect keeps the rows it has). Never fails the install or the
 * connection: a sync that could not be queued is logged and can be started from the dashboard.
 */
export async function startInitialMirrorSync(storeId: string): Promise<"started" | "exists" | "failed"> {
  try {
    const db = await getDb();
    const state = await db.orderMirrorSync.findUnique({ where: { storeId }, select: { status: true } });
    if (state?.status === "running" || state?.status === "done") return "exists";
    await startMirrorSync(storeId);
    return "started";
  } catch (e) {
    console.warn(`[mirror] could not start the initial sync of store ${storeId}: ${(e as Error).message}`);
    return "failed";
  }
}

interface SyncJob {
  storeId: string;
  pageSize?: number;
}

export async function runMirrorSyncPage({ storeId, pageSize }: SyncJob): Promise<void> {
  const db = await getDb();
  const [state, store] = await Promise.all([
    db.orderMirrorSync.findUnique({ where: { storeId } }),
    db.store.findUnique({ where: { id: storeId } }),
  ]);
  if (!state || state.status !== "running" || !store) return;
  const days = await mirrorDaysFor(db, storeId);
  try {
    const page = await syncPage(store, new Date(Date.now() - days * DAY_MS), state.cursor, pageSize);
    let written = 0;
    for (const order of page.orders) if (await putMirrored(db, storeId, order, { days })) written++;
    const done = page.next === null;
    // only the run holding this cursor moves it on (a re-run after a crash writes the same rows)
    const moved = await db.orderMirrorSync.updateMany({
      where: { storeId, status: "running", cursor: state.cursor },
      data: {
        cursor: page.next,
        synced: { increment: written },
        ...(done ? { status: "done", finishedAt: new Date() } : {}),
      },
    });
    if (done) forgetMirrorState(storeId);
    if (moved.count === 1 && !done)
      await enqueueJob(MIRROR_SYNC_JOB, { storeId, ...(pageSize ? { pageSize } : {}) });
  } catch (e) {
    await db.orderMirrorSync.update({
      where: { storeId },
      data: { error: (e as Error).message.slice(0, 500) },
    });
    throw e; // the queue retries with backoff
  }
}

export const mirrorSyncJob: JobDefinition<SyncJob> = {
  name: MIRROR_SYNC_JOB,
  handler: (data) => runMirrorSyncPage(data),
  retryLimit: 6,
  retryDelaySeconds: 5,
};

/**
 * The periodic order-health check: re-assess every open mirrored order (time alone makes orders late
 * or silent), so the dashboard's "orders at risk" and the proactive notes stay current without
 * waiting for an event. Runs as a job (one per store) enqueued by a timer in each app instance;
 * re-running it is harmless.
 */
import type { Db } from "../../db.server";
import { getDb } from "../../db.server";
import { enqueueJob } from "../../jobs/queue.server";
import type { JobDefinition } from "../../jobs/types";
import { openMirrored, riskColumns } from "../../platforms/mirror/rows.server";
import { mailerFromEnv } from "../../chat/notify.server";
import { DIGEST_JOB, sendRiskDigest } from "./digest.server";
import { assessOrder, DEFAULT_THRESHOLDS, type HealthThresholds } from "./rules";

export const HEALTH_SWEEP_JOB = "order-health-sweep";
const OPEN = { notIn: ["delivered", "cancelled", "refunded", "failed"] };

export async function sweepStoreHealth(
  db: Db,
  storeId: string,
  now = new Date(),
  th: HealthThresholds = DEFAULT_THRESHOLDS,
): Promise<{ checked: number; atRisk: number }> {
  const rows = await db.orderMirror.findMany({
    where: { storeId, OR: [{ status: OPEN }, { riskReason: { not: null } }] },
    select: { orderId: true, data: true, riskReason: true, riskSince: true },
  });
  let atRisk = 0;
  for (const row of rows) {
    let risk;
    try {
      risk = assessOrder(openMirrored(row.data), now, th);
    } catch {
      continue; // sealed with a retired key: the next lookup rewrites it
    }
    if (risk) atRisk++;
    const cols = riskColumns(risk);
    if (cols.riskReason === row.riskReason && cols.riskSince?.getTime() === row.riskSince?.getTime())
      continue;
    await db.orderMirror.update({
      where: { storeId_orderId: { storeId, orderId: row.orderId } },
      data: cols,
    });
  }
  return { checked: rows.length, atRisk };
}

export const healthSweepJob: JobDefinition<{ storeId: string }> = {
  name: HEALTH_SWEEP_JOB,
  handler: async ({ storeId }) => {
    await sweepStoreHealth(await getDb(), storeId);
  },
  retryLimit: 2,
};

/** The daily digest, per store; the sender itself keeps it to once a day. */
export const riskDigestJob: JobDefinition<{ storeId: string }> = {
  name: DIGEST_JOB,
  handler: async ({ storeId }) => {
    const mailer = mailerFromEnv();
    if (mailer) await sendRiskDigest(await getDb(), storeId, mailer);
  },
  retryLimit: 3,
};

/** Enqueue one sweep per store with a completed mirror (and its digest, where switched on). */
export async function enqueueHealthSweeps(): Promise<number> {
  const db = await getDb();
  const stores = await db.orderMirrorSync.findMany({ where: { status: "done" }, select: { storeId: true } });
  const digest = await db.botSettings.findMany({
    where: { riskDigest: true, storeId: { in: stores.map((s) => s.storeId) } },
    select: { storeId: true },
  });
  for (const s of stores) await enqueueJob(HEALTH_SWEEP_JOB, { storeId: s.storeId });
  for (const s of digest) await enqueueJob(DIGEST_JOB, { storeId: s.storeId });
  return stores.length;
}

/** Every hour (first run five minutes after start); timers are unref'd. */
export function scheduleHealthSweeps(opts: { firstRunMs?: number; everyMs?: number } = {}): () => void {
  const run = () => void enqueueHealthSweeps().catch((e) => console.error("health sweep failed:", e));
  const first = setTimeout(run, opts.firstRunMs ?? 5 * 60_000);
  const every = setInterval(run, opts.everyMs ?? 3600_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

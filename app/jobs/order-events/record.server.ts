/**
 * Webhook intake: record the event (unique per delivery, so a redelivery or replay is recorded
 * once) and enqueue the job that applies it. Nothing else happens inside the webhook request.
 *
 * With the in-process runner (SQLite) the event and its job are written in ONE atomic round trip
 * (`insertRowsAtomically`: no Prisma query compilation, which was most of the intake's CPU); a
 * duplicate fails the unique index and writes neither. With pg-boss the event is written, then
 * the job is sent, and the event is forgotten again if the send fails.
 */
import crypto from "node:crypto";
import { getDb, insertRowsAtomically, type Db } from "../../db.server";
import { getJobQueue } from "../queue.server";
import type { JobQueue } from "../types";
import type { OrderEventJobData } from "./apply.server";
import { ORDER_EVENT_JOB, type RecordOrderEventInput } from "./types";

export type RecordResult = { status: "accepted"; eventId: string } | { status: "duplicate" };

/** A unique-index violation from Prisma (P2002), a raw statement (P2010), the driver adapter or the SQLite driver. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as {
    code?: string;
    rawCode?: number;
    message?: string;
    meta?: { code?: string };
    cause?: { kind?: string; originalCode?: string; originalMessage?: string };
  };
  if (err?.code === "P2002") return true;
  // the driver adapter's own error (a statement sent with queryDirect / insertRowsAtomically on PostgreSQL)
  if (err?.cause?.kind === "UniqueConstraintViolation" || err?.cause?.originalCode === "23505") return true;
  if (err?.rawCode === 2067 || err?.rawCode === 1555) return true; // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
  if (err?.meta?.code === "23505" || err?.meta?.code === "2067") return true;
  return /UNIQUE constraint failed|duplicate key value violates unique constraint/i.test(err?.message ?? "");
}

const EVENT_COLUMNS = [
  "id",
  "storeId",
  "platform",
  "topic",
  "deliveryId",
  "bodyHash",
  "orderId",
  "payload",
  "receivedAt",
] as const;

function eventRow(input: RecordOrderEventInput, id: string, at: Date): unknown[] {
  const orderId = "orderId" in input.change ? input.change.orderId : null;
  return [
    id,
    input.storeId,
    input.platform,
    input.topic,
    input.deliveryId.slice(0, 200),
    input.bodyHash ?? null,
    orderId,
    JSON.stringify(input.change),
    at,
  ];
}

export async function recordOrderEvent(input: RecordOrderEventInput): Promise<RecordResult> {
  const [db, queue] = await Promise.all([getDb(), getJobQueue()]);
  const eventId = crypto.randomUUID();
  const receivedAt = new Date();
  // the event travels with its job, so the job does not read it back (apply.server.ts)
  const data: OrderEventJobData = {
    eventId,
    event: {
      storeId: input.storeId,
      topic: input.topic,
      receivedAt: receivedAt.toISOString(),
      change: input.change,
    },
  };
  const job = queue.jobRow?.(ORDER_EVENT_JOB, data) ?? null;
  if (job) {
    try {
      await insertRowsAtomically(db, [
        { table: "OrderEvent", columns: EVENT_COLUMNS, rows: [eventRow(input, eventId, receivedAt)] },
        job,
      ]);
    } catch (e) {
      if (isUniqueViolation(e)) return { status: "duplicate" };
      throw e;
    }
    queue.enqueued?.();
    return { status: "accepted", eventId };
  }
  return recordThenSend(db, queue, input, data, receivedAt);
}

async function recordThenSend(
  db: Db,
  queue: JobQueue,
  input: RecordOrderEventInput,
  data: OrderEventJobData,
  receivedAt: Date,
): Promise<RecordResult> {
  const eventId = data.eventId;
  try {
    await insertRowsAtomically(db, [
      { table: "OrderEvent", columns: EVENT_COLUMNS, rows: [eventRow(input, eventId, receivedAt)] },
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) return { status: "duplicate" };
    throw e;
  }
  try {
    await queue.enqueue(ORDER_EVENT_JOB, data);
  } catch (e) {
    // Not queued: forget the record so the platform's retry of this delivery is accepted again.
    await db.orderEvent.delete({ where: { id: eventId } }).catch(() => undefined);
    throw e;
  }
  return { status: "accepted", eventId };
}

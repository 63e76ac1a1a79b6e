/**
 * Webhook intake: record the event (unique per delivery, so a redelivery or replay is recorded
 * once) and enqueue the job that applies it. Nothing else happens inside the webhook request.
 */
import { getDb } from "../../db.server";
import { enqueueJob } from "../queue.server";
import { ORDER_EVENT_JOB, type RecordOrderEventInput } from "./types";

export type RecordResult = { status: "accepted"; eventId: string } | { status: "duplicate" };

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === "P2002";

export async function recordOrderEvent(input: RecordOrderEventInput): Promise<RecordResult> {
  const db = await getDb();
  const orderId = "orderId" in input.change ? input.change.orderId : null;
  let eventId: string;
  try {
    const row = await db.orderEvent.create({
      data: {
        storeId: input.storeId,
        platform: input.platform,
        topic: input.topic,
        deliveryId: input.deliveryId.slice(0, 200),
        bodyHash: input.bodyHash ?? null,
        orderId,
        payload: JSON.stringify(input.change),
      },
      select: { id: true },
    });
    eventId = row.id;
  } catch (e) {
    if (isUniqueViolation(e)) return { status: "duplicate" };
    throw e;
  }
  try {
    await enqueueJob(ORDER_EVENT_JOB, { eventId });
  } catch (e) {
    // Not queued: forget the record so the platform's retry of this delivery is accepted again.
    await db.orderEvent.delete({ where: { id: eventId } }).catch(() => undefined);
    throw e;
  }
  return { status: "accepted", eventId };
}

/**
 * The order-event job: apply one recorded event to what the bot knows — the latest status per
 * order (OrderSnapshot), which the dashboard lists as recent changes, and the mirrored order the
 * bot answers from (app/platforms/mirror). Idempotent, and order-safe:
 * an event older than the snapshot (by the platform's own modification time) changes nothing.
 */
import { getDb, type Db } from "../../db.server";
import { refreshMirrorForChange } from "../../platforms/mirror/refresh.server";
import type { OrderEventChange } from "./types";

export async function applyOrderEvent({ eventId }: { eventId: string }): Promise<void> {
  const db = await getDb();
  const event = await db.orderEvent.findUnique({ where: { id: eventId } });
  if (!event || event.processedAt) return;
  const change = JSON.parse(event.payload) as OrderEventChange;
  const at = event.receivedAt;
  if (change.kind === "order") await applyOrder(db, event.storeId, event.topic, at, change);
  else if (change.kind === "shipment") await applyShipment(db, event.storeId, event.topic, at, change);
  else if (change.kind === "order_deleted")
    await applyDeleted(db, event.storeId, event.topic, at, change.orderId);
  else if (change.kind === "customer_deleted")
    await applyCustomerDeleted(db, event.storeId, change.customerId);
  await refreshMirrorForChange(db, event.storeId, change);
  await db.orderEvent.update({ where: { id: eventId }, data: { processedAt: new Date() } });
  if (Math.random() < PRUNE_CHANCE) await pruneOrderEvents(event.storeId);
}

/** About one job in a hundred also drops the store's processed events older than the window. */
const PRUNE_CHANCE = 0.01;
export const ORDER_EVENT_RETENTION_DAYS = 30;

/** Processed events are only an intake log: keep them for the retention window. */
export async function pruneOrderEvents(storeId: string, now = new Date()): Promise<number> {
  const db = await getDb();
  const before = new Date(now.getTime() - ORDER_EVENT_RETENTION_DAYS * 24 * 3600_000);
  const { count } = await db.orderEvent.deleteMany({
    where: { storeId, processedAt: { not: null }, receivedAt: { lt: before } },
  });
  return count;
}

const newer = (incoming: Date | null, existing: Date | null | undefined) =>
  !incoming || !existing || incoming.getTime() >= existing.getTime();

const dateOrNull = (s: string | null) => {
  const d = s ? new Date(s) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

async function applyOrder(
  db: Db,
  storeId: string,
  topic: string,
  at: Date,
  c: Extract<OrderEventChange, { kind: "order" }>,
) {
  const where = { storeId_orderId: { storeId, orderId: c.orderId } };
  const existing = await db.orderSnapshot.findUnique({ where });
  const source = dateOrNull(c.sourceUpdatedAt);
  if (existing && !newer(source, existing.sourceUpdatedAt)) return;
  const data = {
    orderNumber: c.orderNumber,
    status: c.status,
    platformStatus: c.platformStatus,
    customerId: c.customerId,
    sourceUpdatedAt: source,
    lastEventAt: at,
    lastTopic: topic,
  };
  await db.orderSnapshot.upsert({ where, create: { storeId, orderId: c.orderId, ...data }, update: data });
}

async function applyShipment(
  db: Db,
  storeId: string,
  topic: string,
  at: Date,
  c: Extract<OrderEventChange, { kind: "shipment" }>,
) {
  const where = { storeId_orderId: { storeId, orderId: c.orderId } };
  const existing = await db.orderSnapshot.findUnique({ where });
  const data = { shipmentStatus: c.shipmentStatus, lastEventAt: at, lastTopic: topic };
  if (!existing) {
    // The order itself has not been seen yet: remember the shipment; its status comes with the order event.
    await db.orderSnapshot.create({ data: { storeId, orderId: c.orderId, status: "shipped", ...data } });
    return;
  }
  await db.orderSnapshot.update({ where, data });
}

async function applyDeleted(db: Db, storeId: string, topic: string, at: Date, orderId: string) {
  const where = { storeId_orderId: { storeId, orderId } };
  const data = { status: "deleted", lastEventAt: at, lastTopic: topic, customerId: null };
  await db.orderSnapshot.upsert({ where, create: { storeId, orderId, ...data }, update: data });
}

/** A deleted customer: forget which orders were theirs, and their conversations with the bot. */
async function applyCustomerDeleted(db: Db, storeId: string, customerId: string) {
  await db.orderSnapshot.updateMany({ where: { storeId, customerId }, data: { customerId: null } });
  await db.handoffRequest.deleteMany({ where: { storeId, customerId } });
  await db.conversation.deleteMany({ where: { storeId, customerId } });
}

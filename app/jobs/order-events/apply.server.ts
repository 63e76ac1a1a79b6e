/**
 * The order-event job: apply one recorded event to what the bot knows — the latest status per
 * order (OrderSnapshot), which the dashboard lists as recent changes, and the mirrored order the
 * bot answers from (app/platforms/mirror). Idempotent, and order-safe:
 * an event older than the snapshot (by the platform's own modification time) changes nothing.
 */
import { dbFlavor, getDb, type Db } from "../../db.server";
import { refreshMirrorForChange } from "../../platforms/mirror/refresh.server";
import type { OrderEventChange } from "./types";

/**
 * The job's data: the event's id, and (from webhook intake) the event itself, so the job need not
 * read it back; a job queued without it reads the event row.
 */
export interface OrderEventJobData {
  eventId: string;
  event?: { storeId: string; topic: string; receivedAt: string; change: OrderEventChange };
}

async function eventOf(db: Db, data: OrderEventJobData) {
  if (data.event) return { ...data.event, receivedAt: new Date(data.event.receivedAt) };
  const row = await db.orderEvent.findUnique({ where: { id: data.eventId } });
  if (!row || row.processedAt) return null;
  return { ...row, change: JSON.parse(row.payload) as OrderEventChange };
}

export async function applyOrderEvent(data: OrderEventJobData): Promise<void> {
  const db = await getDb();
  const event = await eventOf(db, data);
  if (!event) return;
  const { change, storeId, topic, receivedAt: at } = event;
  if (change.kind === "order") await applyOrder(db, storeId, topic, at, change);
  else if (change.kind === "shipment") await applyShipment(db, storeId, topic, at, change);
  else if (change.kind === "order_deleted") await applyDeleted(db, storeId, topic, at, change.orderId);
  else if (change.kind === "customer_deleted") await applyCustomerDeleted(db, storeId, change.customerId);
  await refreshMirrorForChange(db, storeId, change);
  // a re-run (after a crash) finds it processed already and changes nothing more
  await db.orderEvent.updateMany({
    where: { id: data.eventId, processedAt: null },
    data: { processedAt: new Date() },
  });
  if (Math.random() < PRUNE_CHANCE) await pruneOrderEvents(storeId);
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

const dateOrNull = (s: string | null) => {
  const d = s ? new Date(s) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

const SNAPSHOT_COLUMNS = [
  "storeId",
  "orderId",
  "orderNumber",
  "status",
  "platformStatus",
  "customerId",
  "sourceUpdatedAt",
  "lastEventAt",
  "lastTopic",
  "updatedAt",
] as const;
const SNAPSHOT_UPDATED = SNAPSHOT_COLUMNS.filter((c) => c !== "storeId" && c !== "orderId");

/** How Prisma writes a DateTime to SQLite (raw comparisons with its own rows stay exact). */
const sqliteDate = (d: Date | null) => (d ? d.toISOString().replace("Z", "+00:00") : null);

/**
 * The latest status per order in ONE statement: insert, or update unless the stored snapshot is
 * newer by the platform's own modification time (an unknown time on either side counts as newer).
 */
async function applyOrder(
  db: Db,
  storeId: string,
  topic: string,
  at: Date,
  c: Extract<OrderEventChange, { kind: "order" }>,
) {
  const source = dateOrNull(c.sourceUpdatedAt);
  const sqlite = dbFlavor(db) === "sqlite";
  const date = (d: Date | null) => (sqlite ? sqliteDate(d) : d);
  const values = [
    storeId,
    c.orderId,
    c.orderNumber,
    c.status,
    c.platformStatus,
    c.customerId,
    date(source),
    date(at),
    topic,
    date(new Date()),
  ];
  const p = (i: number) => (sqlite ? "?" : `$${i + 1}`);
  const q = (n: string) => `"${n}"`;
  await db.$executeRawUnsafe(
    `INSERT INTO "OrderSnapshot" (${SNAPSHOT_COLUMNS.map(q).join(", ")}) VALUES (${values.map((_, i) => p(i)).join(", ")})
     ON CONFLICT ("storeId", "orderId") DO UPDATE SET ${SNAPSHOT_UPDATED.map((n) => `${q(n)} = excluded.${q(n)}`).join(", ")}
     WHERE "OrderSnapshot"."sourceUpdatedAt" IS NULL OR excluded."sourceUpdatedAt" IS NULL
        OR excluded."sourceUpdatedAt" >= "OrderSnapshot"."sourceUpdatedAt"`,
    ...values,
  );
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

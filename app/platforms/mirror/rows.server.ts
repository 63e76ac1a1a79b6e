/**
 * The order mirror's rows (docs/decisions/0022-order-mirror.md): the fields the bot shows, sealed
 * with the store secrets key (contact details, names and cities never sit in the database in clear);
 * only the order number, placed date, customer id and canonical status stay readable for indexes.
 */
import type { Db } from "../../db.server";
import { assessOrder, type OrderRisk } from "../../orders/health/rules";
import type { NormalizedOrder } from "../../orders/types";
import { openSecret, sealSecret } from "../../stores/secrets.server";

export const MIRROR_PURPOSE = "order.mirror";
/** A row written by a webhook, a sync or a lookup within this many minutes answers without the API. */
export const MIRROR_FRESH_MINUTES = 30;
export const DEFAULT_MIRROR_DAYS = 60;
const DAY_MS = 24 * 3600_000;

/** Only what the bot shows or verifies against; anything a platform adds later is not mirrored. */
export function mirroredFields(o: NormalizedOrder): NormalizedOrder {
  return {
    id: o.id,
    number: o.number,
    placedAt: o.placedAt,
    status: o.status,
    platformStatus: o.platformStatus,
    total: o.total,
    outstanding: o.outstanding ?? null,
    subtotal: o.subtotal ?? null,
    discountCodes: o.discountCodes ?? [],
    paymentMethod: o.paymentMethod ?? null,
    paymentUrl: o.paymentUrl ?? null,
    items: o.items,
    shipments: o.shipments,
    refunds: o.refunds,
    cancelledAt: o.cancelledAt ?? null,
    cancelReason: o.cancelReason ?? null,
    statusPageUrl: o.statusPageUrl,
    deliveryMethod: o.deliveryMethod,
    pickup: o.pickup ?? null,
    shippingCountry: o.shippingCountry ?? null,
    shippingCity: o.shippingCity ?? null,
    customerNotes: o.customerNotes ?? [],
    contact: {
      email: o.contact.email,
      phone: o.contact.phone,
      customerId: o.contact.customerId,
      name: o.contact.name ?? null,
    },
    customerLocale: o.customerLocale ?? null,
    test: o.test,
  };
}

/** "gid://shopify/Order/5001" → "5001" (the id order events carry); Woo ids are already plain. */
export function plainId(id: string): string {
  const m = /^gid:\/\/shopify\/\w+\/(\d+)/.exec(id);
  return m ? m[1] : id;
}

export function openMirrored(data: string): NormalizedOrder {
  return JSON.parse(openSecret(data, MIRROR_PURPOSE)) as NormalizedOrder;
}

export function withinWindow(order: NormalizedOrder, days: number, now: Date): boolean {
  const placed = new Date(order.placedAt).getTime();
  return Number.isFinite(placed) && placed >= now.getTime() - days * DAY_MS;
}

export async function mirrorDaysFor(db: Db, storeId: string): Promise<number> {
  const s = await db.botSettings.findUnique({ where: { storeId }, select: { mirrorDays: true } });
  return s?.mirrorDays ?? DEFAULT_MIRROR_DAYS;
}

/** Write (or replace) one mirrored order; an order outside the window is removed instead. */
export async function putMirrored(
  db: Db,
  storeId: string,
  order: NormalizedOrder,
  opts: { days: number; now?: Date },
): Promise<boolean> {
  const now = opts.now ?? new Date();
  if (!withinWindow(order, opts.days, now)) {
    await db.orderMirror.deleteMany({ where: { storeId, orderId: plainId(order.id) } });
    return false;
  }
  const orderId = plainId(order.id);
  const data = {
    ...riskColumns(assessOrder(order, now)),
    orderNumber: order.number,
    placedAt: new Date(order.placedAt),
    customerId: order.contact.customerId ? plainId(order.contact.customerId) : null,
    status: order.status,
    data: sealSecret(JSON.stringify(mirroredFields(order)), MIRROR_PURPOSE),
    syncedAt: now,
  };
  // the number is unique per store: a renumbered or re-created order replaces the old row
  await db.orderMirror.deleteMany({ where: { storeId, orderNumber: order.number, NOT: { orderId } } });
  await db.orderMirror.upsert({
    where: { storeId_orderId: { storeId, orderId } },
    create: { storeId, orderId, ...data },
    update: data,
  });
  return true;
}

/** The risk columns of a mirror row (app/orders/health): no personal data in the detail. */
export function riskColumns(risk: OrderRisk | null) {
  if (!risk) return { riskReason: null, riskSince: null, riskDetail: null };
  return {
    riskReason: risk.reason,
    riskSince: new Date(risk.since),
    riskDetail: JSON.stringify({ next: risk.next, carrier: risk.carrier, eta: risk.eta }),
  };
}

/** A row that could not be refreshed after a change: the next lookup goes to the store's API. */
export async function markStale(db: Db, storeId: string, orderId: string): Promise<void> {
  await db.orderMirror.updateMany({ where: { storeId, orderId }, data: { syncedAt: new Date(0) } });
}

/** Rows placed before the store's mirror window. */
export async function purgeMirror(db: Db, storeId: string, days: number, now = new Date()) {
  const { count } = await db.orderMirror.deleteMany({
    where: { storeId, placedAt: { lt: new Date(now.getTime() - days * DAY_MS) } },
  });
  return count;
}

/** GDPR: every mirrored order of a customer (by customer id, or by the order ids Shopify names). */
export async function forgetCustomerOrders(
  db: Db,
  storeId: string,
  who: { customerId?: string | null; orderIds?: string[] },
): Promise<number> {
  const or = [
    ...(who.customerId ? [{ customerId: plainId(who.customerId) }] : []),
    ...(who.orderIds?.length ? [{ orderId: { in: who.orderIds.map(plainId) } }] : []),
  ];
  if (!or.length) return 0;
  const { count } = await db.orderMirror.deleteMany({ where: { storeId, OR: or } });
  return count;
}

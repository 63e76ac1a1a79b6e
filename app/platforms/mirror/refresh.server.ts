/**
 * Keeping mirrored rows current from order events (called by the order-event job after the
 * snapshot is updated). An order already mirrored, or any order of a store whose mirror was synced,
 * is re-read from the store's API once per change; a failed re-read marks the row stale so the next
 * lookup asks the API instead of answering from an outdated row.
 */
import type { Store } from "@prisma/client";
import type { Db } from "../../db.server";
import type { OrderEventChange } from "../../jobs/order-events/types";
import type { NormalizedOrder } from "../../orders/types";
import { adapterForStore } from "../adapters.server";
import type { PlatformAdapter } from "../types";
import { mirrorActive } from "./active.server";
import { forgetCustomerOrders, markStale, mirrorDaysFor, putMirrored } from "./rows.server";

type Reader = (store: Store) => Promise<PlatformAdapter>;

async function readOrder(
  adapter: PlatformAdapter,
  store: Store,
  orderId: string,
  number: string | null,
): Promise<NormalizedOrder | null> {
  const byId = (adapter as { getOrderById?: (id: string) => Promise<NormalizedOrder | null> }).getOrderById;
  if (byId && store.platform === "shopify") return byId(`gid://shopify/Order/${orderId}`);
  if (!number) return null;
  const r = await adapter.findOrder({ orderNumber: number });
  return r.kind === "found" ? r.order : null;
}

async function shouldMirror(db: Db, storeId: string, orderId: string) {
  const [row, synced] = await Promise.all([
    db.orderMirror.findUnique({
      where: { storeId_orderId: { storeId, orderId } },
      select: { orderNumber: true },
    }),
    mirrorActive(db, storeId), // cached per process (active.server.ts): no read per event
  ]);
  return { mirrored: !!row, number: row?.orderNumber ?? null, synced };
}

export async function refreshMirrorForChange(
  db: Db,
  storeId: string,
  change: OrderEventChange,
  read: Reader = adapterForStore,
): Promise<void> {
  if (change.kind === "customer_deleted") {
    await forgetCustomerOrders(db, storeId, { customerId: change.customerId });
    return;
  }
  if (change.kind === "order_deleted") {
    await db.orderMirror.deleteMany({ where: { storeId, orderId: change.orderId } });
    return;
  }
  const state = await shouldMirror(db, storeId, change.orderId);
  if (!state.mirrored && !state.synced) return; // the order enters the mirror on its first lookup
  const store = await db.store.findUnique({ where: { id: storeId } });
  if (!store) return;
  const snapshot = await db.orderSnapshot.findUnique({
    where: { storeId_orderId: { storeId, orderId: change.orderId } },
    select: { orderNumber: true },
  });
  const number =
    (change.kind === "order" ? change.orderNumber : null) ?? state.number ?? snapshot?.orderNumber ?? null;
  try {
    const order = await readOrder(await read(store), store, change.orderId, number);
    if (order) await putMirrored(db, storeId, order, { days: await mirrorDaysFor(db, storeId) });
    else await markStale(db, storeId, change.orderId);
  } catch (e) {
    console.warn("order mirror refresh failed, row marked stale:", (e as Error).message);
    await markStale(db, storeId, change.orderId);
  }
}

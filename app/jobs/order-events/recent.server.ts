/** What changed recently in a store's orders, newest first: for the dashboard. */
import { getDb } from "../../db.server";

export interface OrderChange {
  orderId: string;
  orderNumber: string | null;
  status: string;
  shipmentStatus: string | null;
  lastTopic: string;
  lastEventAt: string;
}

export async function recentOrderChanges(
  storeId: string,
  opts: { limit?: number } = {},
): Promise<OrderChange[]> {
  const db = await getDb();
  const rows = await db.orderSnapshot.findMany({
    where: { storeId },
    orderBy: { lastEventAt: "desc" },
    take: Math.min(Math.max(1, opts.limit ?? 20), 100),
  });
  return rows.map((r) => ({
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    status: r.status,
    shipmentStatus: r.shipmentStatus,
    lastTopic: r.lastTopic,
    lastEventAt: r.lastEventAt.toISOString(),
  }));
}

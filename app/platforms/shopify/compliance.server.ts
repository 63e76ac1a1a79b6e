/**
 * What each Shopify webhook topic does to our data. Route files (app/routes/webhooks.*) only
 * authenticate and call these; every function is idempotent (safe under re-delivery).
 */
import type { Prisma } from "@prisma/client";
import { dbFlavor, getDb, type Db } from "../../db.server";
import { findStore, logActivity } from "../../stores/stores.server";

/**
 * Run a webhook's work once per delivery id, even when Shopify delivers the same webhook several
 * times at once: the id is claimed first (a unique insert), the work runs, and if the work fails
 * the claim is released so Shopify's retry does it again. The work itself is idempotent too.
 */
export async function oncePerDelivery(
  id: string | undefined,
  topic: string,
  shop: string,
  work: () => Promise<unknown>,
) {
  if (!id) {
    await work();
    return true;
  }
  const db = await getDb();
  const key = `${topic}:${id}`;
  try {
    await db.webhookDelivery.create({ data: { id: key, topic, shop } });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return false; // done, or being done by a parallel delivery
    throw e;
  }
  try {
    await work();
  } catch (e) {
    await db.webhookDelivery.delete({ where: { id: key } }).catch(() => undefined);
    throw e;
  }
  return true;
}

export async function handleAppUninstalled(shop: string) {
  const db = await getDb();
  await db.session.deleteMany({ where: { shop } });
  const store = await findStore("shopify", shop);
  if (store && store.status !== "uninstalled") {
    await db.store.update({
      where: { id: store.id },
      data: { status: "uninstalled", uninstalledAt: new Date() },
    });
    await logActivity({
      workspaceId: store.workspaceId,
      storeId: store.id,
      actor: "shopify",
      action: "store.uninstalled",
    });
  }
}

export async function handleScopesUpdate(shop: string, current: string[]) {
  const db = await getDb();
  const scope = current.join(",");
  await db.session.updateMany({ where: { shop }, data: { scope } });
  const store = await findStore("shopify", shop);
  if (store) {
    await db.store.update({ where: { id: store.id }, data: { scopes: scope } });
    await logActivity({
      workspaceId: store.workspaceId,
      storeId: store.id,
      actor: "shopify",
      action: "store.scopes_updated",
      details: { scopes: current },
    });
  }
}

interface CustomerRef {
  id?: number | string | null;
  email?: string | null;
  phone?: string | null;
}

function insensitive(db: Db, value: string): Prisma.StringFilter {
  // SQLite's LIKE is already case-insensitive for ASCII; PostgreSQL needs mode: insensitive.
  return dbFlavor(db) === "postgresql"
    ? ({ contains: value, mode: "insensitive" } as unknown as Prisma.StringFilter)
    : { contains: value };
}

/** Conversations that belong to, or mention, this customer in one store. */
async function customerConversationIds(storeId: string, customer: CustomerRef): Promise<string[]> {
  const db = await getDb();
  const or: Prisma.ConversationWhereInput[] = [];
  if (customer.id != null && String(customer.id) !== "") or.push({ customerId: String(customer.id) });
  const needles = new Set<string>();
  if (customer.email) needles.add(customer.email.trim());
  if (customer.phone) {
    needles.add(customer.phone.trim());
    const digits = customer.phone.replace(/\D/g, "");
    if (digits.length >= 7) needles.add(digits);
  }
  for (const n of needles) {
    or.push({ messages: { some: { text: insensitive(db, n) } } });
    or.push({ state: insensitive(db, n) });
  }
  if (or.length === 0) return [];
  const rows = await db.conversation.findMany({ where: { storeId, OR: or }, select: { id: true } });
  return rows.map((r) => r.id);
}

function handoffWhere(
  db: Db,
  storeId: string,
  customer: CustomerRef,
  conversationIds: string[],
): Prisma.HandoffRequestWhereInput {
  const or: Prisma.HandoffRequestWhereInput[] = [];
  if (customer.email) or.push({ email: insensitive(db, customer.email.trim()) });
  if (customer.id != null && String(customer.id) !== "") or.push({ customerId: String(customer.id) });
  if (conversationIds.length) or.push({ conversationId: { in: conversationIds } });
  return { storeId, OR: or.length ? or : [{ id: "__none__" }] };
}

/** customers/data_request: everything we hold about the customer, recorded for the merchant. */
export async function handleCustomerDataRequest(
  shop: string,
  customer: CustomerRef,
  dataRequestId?: string | number | null,
) {
  const db = await getDb();
  const store = await findStore("shopify", shop);
  if (!store) return { conversations: [], handoffs: [] };
  const ids = await customerConversationIds(store.id, customer);
  const conversations = await db.conversation.findMany({
    where: { id: { in: ids } },
    include: {
      messages: {
        orderBy: { createdAt: "asc" },
        select: { role: true, type: true, text: true, createdAt: true },
      },
    },
  });
  const handoffs = await db.handoffRequest.findMany({ where: handoffWhere(db, store.id, customer, ids) });
  const exportData = {
    customer: { id: customer.id ?? null, email: customer.email ?? null, phone: customer.phone ?? null },
    conversations: conversations.map((c) => ({
      id: c.id,
      startedAt: c.createdAt,
      language: c.language,
      messages: c.messages,
    })),
    handoffs: handoffs.map((h) => ({
      id: h.id,
      createdAt: h.createdAt,
      email: h.email,
      message: h.message,
      orderNumber: h.orderNumber,
      status: h.status,
    })),
  };
  await logActivity({
    workspaceId: store.workspaceId,
    storeId: store.id,
    actor: "shopify",
    action: "customer.data_request",
    details: { dataRequestId: dataRequestId ?? null, export: exportData },
  });
  return exportData;
}

/** customers/redact: delete the customer's conversations, messages, lookups and handoffs. */
export async function handleCustomerRedact(shop: string, customer: CustomerRef) {
  const db = await getDb();
  const store = await findStore("shopify", shop);
  if (!store) return { conversations: 0, handoffs: 0, lookups: 0 };
  const ids = await customerConversationIds(store.id, customer);
  const [lookups, handoffs, events] = await db.$transaction([
    db.orderLookup.deleteMany({ where: { storeId: store.id, conversationId: { in: ids } } }),
    db.handoffRequest.deleteMany({ where: handoffWhere(db, store.id, customer, ids) }),
    db.analyticsEvent.deleteMany({ where: { storeId: store.id, conversationId: { in: ids } } }),
  ]);
  const conversations = await db.conversation.deleteMany({ where: { id: { in: ids } } }); // messages cascade
  await logActivity({
    workspaceId: store.workspaceId,
    storeId: store.id,
    actor: "shopify",
    action: "customer.redacted",
    details: {
      conversations: conversations.count,
      handoffs: handoffs.count,
      lookups: lookups.count,
      events: events.count,
    },
  });
  return { conversations: conversations.count, handoffs: handoffs.count, lookups: lookups.count };
}

/** shop/redact (48 h after uninstall): delete everything of that shop. */
export async function handleShopRedact(shop: string) {
  const db = await getDb();
  await db.session.deleteMany({ where: { shop } });
  const store = await findStore("shopify", shop);
  if (!store) return { deleted: false };
  await db.store.delete({ where: { id: store.id } }); // cascades to settings, conversations, messages, lookups, handoffs, FAQ, nonces, events
  await db.activityLog.deleteMany({ where: { storeId: store.id } });
  const remaining = await db.store.count({ where: { workspaceId: store.workspaceId } });
  if (remaining === 0) await db.workspace.delete({ where: { id: store.workspaceId } }).catch(() => undefined);
  return { deleted: true };
}

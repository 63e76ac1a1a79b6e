/**
 * What each Shopify webhook topic does to our data. Route files (app/routes/webhooks.*) only
 * authenticate and call these; every function is idempotent (safe under re-delivery).
 */
import { forgetConversationsSelfService, forgetStoreSelfService } from "../../actions/privacy.server";
import type { Prisma } from "@prisma/client";
import { dbFlavor, getDb, type Db } from "../../db.server";
import { findStore, logActivity } from "../../stores/stores.server";
import { hashForAudit } from "../../stores/secrets.server";
import { sha256Hex } from "../../utils/crypto.server";
import { forgetCustomerOrders } from "../mirror/rows.server";
import { customerMatcher, type CustomerMatcher, type CustomerRef } from "../../security/customer-match";

/** Shopify's retry window: a body seen within it is not processed again, whatever its delivery id. */
export const WEBHOOK_REPLAY_WINDOW_MS = 48 * 60 * 60 * 1000;

/** The X-Shopify-Topic header (`customers/redact`, or the library's `CUSTOMERS_REDACT`) is the route's topic. */
export function topicMatches(topic: string | null | undefined, routeTopic: string): boolean {
  const norm = (t: string) => t.trim().toUpperCase().replace(/[/.]/g, "_");
  return !!topic && norm(topic) === norm(routeTopic);
}

async function claim(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return false;
    throw e;
  }
}

/**
 * The signed body itself is claimed too (its SHA-256): a captured body + HMAC replayed under a new
 * X-Shopify-Webhook-Id within 48 h is answered 200 and not processed. An older claim is renewed.
 */
async function claimBody(bodyHash: string, topic: string, shop: string): Promise<boolean> {
  const db = await getDb();
  if (await claim(() => db.webhookPayload.create({ data: { bodyHash, topic, shop } }))) return true;
  const renewed = await db.webhookPayload.updateMany({
    where: { bodyHash, receivedAt: { lt: new Date(Date.now() - WEBHOOK_REPLAY_WINDOW_MS) } },
    data: { receivedAt: new Date(), topic, shop },
  });
  return renewed.count === 1;
}

/**
 * Run a webhook's work once per delivery id (and once per body within 48 h), even when Shopify
 * delivers the same webhook several times at once: the id and the body are claimed first (unique
 * inserts), the work runs, and if the work fails the claims are released so Shopify's retry does
 * it again. The work itself is idempotent too.
 */
export async function oncePerDelivery(
  id: string | undefined,
  topic: string,
  shop: string,
  work: () => Promise<unknown>,
  rawBody?: string,
) {
  const db = await getDb();
  const key = id ? `${topic}:${id}` : null;
  if (key && !(await claim(() => db.webhookDelivery.create({ data: { id: key, topic, shop } }))))
    return false; // done, or being done by a parallel delivery
  const bodyHash = rawBody != null ? sha256Hex(rawBody) : null;
  if (bodyHash && !(await claimBody(bodyHash, topic, shop))) return false; // the same body, replayed
  try {
    await work();
  } catch (e) {
    if (key) await db.webhookDelivery.delete({ where: { id: key } }).catch(() => undefined);
    if (bodyHash) await db.webhookPayload.delete({ where: { bodyHash } }).catch(() => undefined);
    throw e;
  }
  if (Math.random() < 0.02)
    await db.webhookPayload
      .deleteMany({ where: { receivedAt: { lt: new Date(Date.now() - WEBHOOK_REPLAY_WINDOW_MS) } } })
      .catch(() => undefined);
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

/** Longest run of the needle free of LIKE wildcards and escapes: a safe, wider SQL pre-filter. */
function likeSafeFragment(needle: string): string {
  return needle.split(/[%_\\]/).reduce((a, b) => (b.length > a.length ? b : a), "");
}

function insensitive(db: Db, value: string): Prisma.StringFilter {
  // SQLite's LIKE is already case-insensitive for ASCII; PostgreSQL needs mode: insensitive.
  return dbFlavor(db) === "postgresql"
    ? ({ contains: value, mode: "insensitive" } as unknown as Prisma.StringFilter)
    : { contains: value };
}

/**
 * Conversations that belong to, or mention, this customer in one store. SQL only narrows the
 * candidates (by wildcard-free fragments); the decision is an exact match (app/security/customer-match.ts).
 */
async function customerConversationIds(storeId: string, m: CustomerMatcher): Promise<string[]> {
  if (!m.usable) return [];
  const db = await getDb();
  const or: Prisma.ConversationWhereInput[] = [];
  if (m.customerId) or.push({ customerId: m.customerId });
  const fragments = [m.email ? likeSafeFragment(m.email) : "", m.phone ? m.phone.slice(-4) : ""];
  for (const f of fragments.filter((x) => x.length >= 3)) {
    or.push({ messages: { some: { text: insensitive(db, f) } } });
    or.push({ state: insensitive(db, f) });
  }
  const candidates = await db.conversation.findMany({
    where: { storeId, OR: or },
    select: { id: true, customerId: true, state: true, messages: { select: { text: true } } },
  });
  return candidates
    .filter(
      (c) =>
        (!!m.customerId && c.customerId === m.customerId) ||
        m.mentionedIn(c.state) ||
        c.messages.some((msg) => m.mentionedIn(msg.text)),
    )
    .map((c) => c.id);
}

/** Handoff requests of the customer: exact address, exact customer id, or one of their conversations. */
async function customerHandoffIds(storeId: string, m: CustomerMatcher, conversationIds: string[]) {
  const db = await getDb();
  const or: Prisma.HandoffRequestWhereInput[] = [];
  if (m.email) or.push({ email: insensitive(db, likeSafeFragment(m.email)) });
  if (m.customerId) or.push({ customerId: m.customerId });
  if (conversationIds.length) or.push({ conversationId: { in: conversationIds } });
  if (!or.length) return [];
  const rows = await db.handoffRequest.findMany({
    where: { storeId, OR: or },
    select: { id: true, email: true, customerId: true, conversationId: true },
  });
  return rows
    .filter(
      (h) =>
        m.isEmail(h.email) ||
        (!!m.customerId && h.customerId === m.customerId) ||
        (!!h.conversationId && conversationIds.includes(h.conversationId)),
    )
    .map((h) => h.id);
}

/** Keyed hashes identifying the customer in audit records (so exports can be found and removed). */
function subjectHashes(m: CustomerMatcher): string[] {
  return [
    m.customerId ? hashForAudit(m.customerId, "gdpr.customerId") : null,
    m.email ? hashForAudit(m.email, "gdpr.email") : null,
  ].filter((x): x is string => !!x);
}

/** Data-request exports recorded for this customer are removed once the customer is redacted. */
async function forgetExports(storeId: string, m: CustomerMatcher): Promise<number> {
  const wanted = new Set(subjectHashes(m));
  if (!wanted.size) return 0;
  const db = await getDb();
  const logs = await db.activityLog.findMany({
    where: { storeId, action: "customer.data_request" },
    select: { id: true, details: true },
  });
  const ids = logs
    .filter((l) => {
      try {
        const subjects = (JSON.parse(l.details) as { subjects?: unknown }).subjects;
        return Array.isArray(subjects) && subjects.some((x) => wanted.has(String(x)));
      } catch {
        return false;
      }
    })
    .map((l) => l.id);
  if (!ids.length) return 0;
  return (await db.activityLog.deleteMany({ where: { id: { in: ids } } })).count;
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
  const m = customerMatcher(customer);
  const ids = await customerConversationIds(store.id, m);
  const conversations = await db.conversation.findMany({
    where: { id: { in: ids } },
    include: {
      messages: {
        orderBy: { createdAt: "asc" },
        select: { role: true, type: true, text: true, createdAt: true },
      },
    },
  });
  const handoffIds = await customerHandoffIds(store.id, m, ids);
  const handoffs = await db.handoffRequest.findMany({ where: { id: { in: handoffIds } } });
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
    details: { dataRequestId: dataRequestId ?? null, subjects: subjectHashes(m), export: exportData },
  });
  return exportData;
}

/** customers/redact: delete the customer's conversations, messages, lookups, handoffs and mirrored orders. */
export async function handleCustomerRedact(
  shop: string,
  customer: CustomerRef,
  ordersToRedact: (number | string)[] = [],
) {
  const db = await getDb();
  const store = await findStore("shopify", shop);
  if (!store) return { conversations: 0, handoffs: 0, lookups: 0 };
  const m = customerMatcher(customer);
  const ids = await customerConversationIds(store.id, m);
  const handoffIds = await customerHandoffIds(store.id, m, ids);
  const [lookups, handoffs, events] = await db.$transaction([
    db.orderLookup.deleteMany({ where: { storeId: store.id, conversationId: { in: ids } } }),
    db.handoffRequest.deleteMany({ where: { storeId: store.id, id: { in: handoffIds } } }),
    db.analyticsEvent.deleteMany({ where: { storeId: store.id, conversationId: { in: ids } } }),
  ]);
  const conversations = await db.conversation.deleteMany({ where: { id: { in: ids } } }); // messages cascade
  await forgetConversationsSelfService(db, ids);
  const exports = await forgetExports(store.id, m);
  const mirrored = await forgetCustomerOrders(db, store.id, {
    customerId: m.customerId,
    orderIds: ordersToRedact.map(String),
  });
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
      exports,
      mirroredOrders: mirrored,
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
  await forgetStoreSelfService(db, store.id);
  await db.store.delete({ where: { id: store.id } }); // cascades to settings, conversations, messages, lookups, handoffs, FAQ, nonces, events
  await db.activityLog.deleteMany({ where: { storeId: store.id } });
  // Order events and snapshots carry no relation to Store (written before the store row is read).
  await db.orderEvent.deleteMany({ where: { storeId: store.id } });
  await db.orderSnapshot.deleteMany({ where: { storeId: store.id } });
  await db.orderMirror.deleteMany({ where: { storeId: store.id } });
  await db.orderMirrorSync.deleteMany({ where: { storeId: store.id } });
  const remaining = await db.store.count({ where: { workspaceId: store.workspaceId } });
  if (remaining === 0) await db.workspace.delete({ where: { id: store.workspaceId } }).catch(() => undefined);
  return { deleted: true };
}

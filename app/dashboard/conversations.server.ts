/** Conversations: filtered, paginated list across the workspace's stores, and a transcript view. */
import type { Prisma } from "@prisma/client";
import type { WidgetMessage, WidgetOrder } from "../protocol";
import { LANGUAGES } from "../protocol";
import type { DashboardCtx } from "./context.server";
import { maskPersonalData } from "./mask";
import { listScope, scopeWhere } from "./scope.server";
import { nextYmd, zonedDayStart } from "./timezone";
import { SHOPPER_AWAY_MS } from "./live.server";
import { mailConfigured } from "../chat/notify.server";
import type {
  ConversationDetailData,
  ConversationFilters,
  ConversationRow,
  ConversationsData,
  FieldErrors,
  ListScope,
  Platform,
  TranscriptMessage,
} from "./types";

export const PAGE_SIZE = 20;
export const OUTCOMES = ["resolved", "handoff", "unresolved", "in_progress"] as const;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): Date | null {
  if (!DATE_RE.test(s)) return null;
  const d = new Date(`${s}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : d;
}

export function parseConversationFilters(url: string): {
  filters: ConversationFilters;
  errors: FieldErrors;
  page: number;
} {
  const p = new URL(url).searchParams;
  const get = (k: string) => (p.get(k) ?? "").trim();
  const filters: ConversationFilters = {
    store: /^(all|[A-Za-z0-9_-]{1,64})$/.test(get("store")) ? get("store") : "",
    from: get("from"),
    to: get("to"),
    outcome: get("outcome"),
    language: get("language"),
    platform: get("platform"),
  };
  const errors: FieldErrors = {};
  if (filters.from && !validDate(filters.from)) errors.from = "Use a date like 2026-11-01";
  if (filters.to && !validDate(filters.to)) errors.to = "Use a date like 2026-11-30";
  if (!errors.from && !errors.to && filters.from && filters.to && filters.from > filters.to)
    errors.to = "The end date is before the start date";
  if (filters.outcome && !(OUTCOMES as readonly string[]).includes(filters.outcome))
    errors.outcome = "Unknown outcome";
  if (filters.language && !(LANGUAGES as readonly string[]).includes(filters.language))
    errors.language = "Unknown language";
  if (filters.platform && filters.platform !== "shopify" && filters.platform !== "woocommerce")
    errors.platform = "Unknown platform";
  for (const k of Object.keys(errors) as (keyof ConversationFilters)[]) filters[k] = "";
  const page = Math.max(1, Math.min(10_000, parseInt(get("page") || "1", 10) || 1));
  return { filters, errors, page };
}

/** The list's filter; dates are calendar days in the store's time zone. */
export function conversationWhere(
  ctx: DashboardCtx,
  scope: ListScope,
  f: ConversationFilters,
): Prisma.ConversationWhereInput {
  const where: Prisma.ConversationWhereInput = {
    store: { ...scopeWhere(ctx, scope), ...(f.platform ? { platform: f.platform } : {}) },
  };
  const created: Prisma.DateTimeFilter = {};
  if (f.from) created.gte = zonedDayStart(f.from, scope.timeZone);
  if (f.to) created.lt = zonedDayStart(nextYmd(f.to), scope.timeZone);
  if (f.from || f.to) where.createdAt = created;
  if (f.outcome === "in_progress") where.outcome = null;
  else if (f.outcome) where.outcome = f.outcome;
  if (f.language) where.language = f.language;
  return where;
}

type ConvWithStore = Prisma.ConversationGetPayload<{
  include: { store: { select: { name: true; platform: true } } };
}>;

function toRow(c: ConvWithStore, preview: string): ConversationRow {
  return {
    id: c.id,
    storeName: c.store.name,
    platform: (c.store.platform === "woocommerce" ? "woocommerce" : "shopify") as Platform,
    createdAt: c.createdAt.toISOString(),
    lastMessageAt: c.lastMessageAt.toISOString(),
    language: c.language,
    status: c.status,
    outcome: c.outcome,
    orderQuestion: c.orderQuestion,
    verified: c.verified,
    messageCount: c.messageCount,
    preview,
  };
}

export async function listConversations(ctx: DashboardCtx): Promise<ConversationsData> {
  const { filters, errors, page } = parseConversationFilters(ctx.request.url);
  const scope = await listScope(ctx, filters.store);
  const where = conversationWhere(ctx, scope, filters);
  const [total, convs] = await Promise.all([
    ctx.db.conversation.count({ where }),
    ctx.db.conversation.findMany({
      where,
      include: { store: { select: { name: true, platform: true } } },
      orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  const firsts = convs.length
    ? await ctx.db.message.findMany({
        where: { conversationId: { in: convs.map((c) => c.id) }, role: "shopper" },
        orderBy: { createdAt: "asc" },
        select: { conversationId: true, text: true },
      })
    : [];
  const preview = new Map<string, string>();
  for (const m of firsts)
    if (!preview.has(m.conversationId) && m.text)
      preview.set(m.conversationId, maskPersonalData(m.text).slice(0, 120));
  return {
    scope,
    filters,
    errors,
    rows: convs.map((c) => toRow(c, preview.get(c.id) ?? "")),
    page,
    pageSize: PAGE_SIZE,
    total,
    hasPrevious: page > 1,
    hasNext: page * PAGE_SIZE < total,
  };
}

function parseJson<T>(s: string | null | undefined): T | null {
  if (!s) return null;
  try {
    return JSON.parse(s) as T;
  } catch {
    return null;
  }
}

export function isWidgetOrder(o: unknown): o is WidgetOrder {
  const x = o as WidgetOrder;
  return (
    !!x &&
    typeof x === "object" &&
    typeof x.number === "string" &&
    typeof x.status === "string" &&
    Array.isArray(x.shipments) &&
    Array.isArray(x.items)
  );
}

export async function conversationDetail(ctx: DashboardCtx, id: string): Promise<ConversationDetailData> {
  const c = await ctx.db.conversation.findFirst({
    where: { id, store: { workspaceId: ctx.workspaceId } },
    include: { store: { select: { name: true, platform: true } } },
  });
  if (!c) throw new Response("Conversation not found", { status: 404 });
  const [msgs, handoff] = await Promise.all([
    ctx.db.message.findMany({
      where: { conversationId: c.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    ctx.db.handoffRequest.findFirst({ where: { conversationId: c.id }, orderBy: { createdAt: "desc" } }),
  ]);
  const messages: TranscriptMessage[] = msgs.map((m) => {
    const payload = parseJson<WidgetMessage>(m.payload);
    const role = m.role === "shopper" ? "shopper" : m.role === "agent" ? "agent" : "bot";
    const rawText =
      m.text ?? (payload && "text" in payload && typeof payload.text === "string" ? payload.text : "");
    const order = payload && payload.type === "order" && isWidgetOrder(payload.order) ? payload.order : null;
    const orders =
      payload && payload.type === "order_list" && Array.isArray(payload.orders)
        ? payload.orders.filter(isWidgetOrder)
        : [];
    const quickReplies =
      payload && payload.type === "quick_replies" && Array.isArray(payload.quickReplies)
        ? payload.quickReplies.map((q) => String(q.label))
        : payload && payload.type === "item_picker" && Array.isArray(payload.items)
          ? payload.items.map((q) => String(q.label))
          : [];
    return {
      id: m.id,
      role,
      type: m.type,
      text: role === "shopper" ? maskPersonalData(rawText) : rawText,
      createdAt: m.createdAt.toISOString(),
      order,
      orders,
      quickReplies,
    };
  });
  const first = messages.find((m) => m.role === "shopper")?.text ?? "";
  const now = Date.now();
  return {
    conversation: { ...toRow(c, first.slice(0, 120)), customerId: c.customerId },
    live: {
      takenOverAt: c.takenOverAt ? c.takenOverAt.toISOString() : null,
      shopperHere: !!c.shopperSeenAt && now - c.shopperSeenAt.getTime() <= SHOPPER_AWAY_MS,
      shopperEmail: handoff?.email ? maskPersonalData(handoff.email) : null,
      mailConfigured: mailConfigured(),
    },
    messages,
    handoff: handoff ? { id: handoff.id, status: handoff.status, reason: handoff.reason } : null,
  };
}

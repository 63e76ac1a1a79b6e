/**
 * Prisma ChatRepository (SQLite by default, PostgreSQL in production). JSON columns are strings.
 * Everything a turn needs is in the database, so any app instance can continue any conversation
 * and all instances share one set of rate-limit counters.
 */
import type { Db } from "../db.server";
import { hitRateLimits } from "../security/rate-limits.server";
import {
  countResolvedWithoutHuman,
  type AnalyticsEventType,
  type ChatRepository,
  type ConversationPatch,
  type ConversationRecord,
  type FaqEntryRecord,
  type HandoffRecord,
  type HandoffReason,
  type RateLimitResult,
  type StoredMessage,
  type StoreSummary,
  REPEAT_WINDOW_MS,
} from "./repository";

const parse = <T>(s: string | null | undefined, fallback: T): T => {
  if (s === null || s === undefined || s === "") return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

/** A conversation as its row holds it: the dialogue state as JSON text, the status unchecked. */
type ConvRow = Omit<ConversationRecord, "state" | "status"> & { state: string; status: string };

function toConversation(r: ConvRow): ConversationRecord {
  return { ...r, state: parse(r.state, {}), status: r.status as ConversationRecord["status"] };
}

/** A handoff as its row holds it: the order snapshot and transcript as JSON text, reason and status unchecked. */
type HandoffRow = Omit<HandoffRecord, "reason" | "orderContext" | "transcript" | "status"> & {
  reason: string;
  orderContext: string | null;
  transcript: string;
  status: string;
};

function toHandoff(r: HandoffRow): HandoffRecord {
  return {
    ...r,
    reason: r.reason as HandoffReason,
    orderContext: parse(r.orderContext, null),
    transcript: parse(r.transcript, []),
    status: r.status as HandoffRecord["status"],
  };
}

/** Conversations and their messages. */
function conversationMethods(
  db: Db,
): Pick<
  ChatRepository,
  "getConversation" | "createConversation" | "updateConversation" | "appendMessages" | "listMessages"
> {
  return {
    async getConversation(id) {
      const r = await db.conversation.findUnique({ where: { id } });
      return r ? toConversation(r) : null;
    },

    async createConversation(input) {
      const r = await db.conversation.create({
        data: {
          ...(input.id ? { id: input.id } : {}),
          storeId: input.storeId,
          shopperKey: input.shopperKey,
          customerId: input.customerId,
          language: input.language,
          state: JSON.stringify(input.state ?? {}),
          tokenHash: input.tokenHash ?? null,
          createdAt: input.now,
          lastMessageAt: input.now,
        },
      });
      return toConversation(r);
    },

    async updateConversation(id, expectedRevision, patch: ConversationPatch) {
      const data: Record<string, unknown> = { revision: { increment: 1 } };
      if (patch.state !== undefined) data.state = JSON.stringify(patch.state);
      if (patch.language !== undefined) data.language = patch.language;
      if (patch.status !== undefined) data.status = patch.status;
      if (patch.outcome !== undefined) data.outcome = patch.outcome;
      if (patch.orderQuestion !== undefined) data.orderQuestion = patch.orderQuestion;
      if (patch.verified !== undefined) data.verified = patch.verified;
      if (patch.lastMessageAt !== undefined) data.lastMessageAt = patch.lastMessageAt;
      if (patch.messagesAdded) data.messageCount = { increment: patch.messagesAdded };
      // Compare-and-set on the revision: one UPDATE … WHERE id = ? AND revision = ? RETURNING *
      const rows = await db.conversation.updateManyAndReturn({
        where: { id, revision: expectedRevision },
        data,
      });
      return rows.length === 1 ? toConversation(rows[0]!) : null;
    },

    async appendMessages(messages) {
      if (messages.length === 0) return;
      await db.message.createMany({
        data: messages.map((m) => ({
          id: m.id,
          conversationId: m.conversationId,
          role: m.role,
          type: m.type,
          text: m.text,
          payload: m.payload === undefined ? null : JSON.stringify(m.payload),
          intent: m.intent,
          latencyMs: m.latencyMs,
          ...(m.createdAt ? { createdAt: m.createdAt } : {}),
        })),
      });
    },

    async listMessages(conversationId) {
      const rows = await db.message.findMany({
        where: { conversationId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      return rows.map((r): StoredMessage => ({
        id: r.id,
        conversationId: r.conversationId,
        role: r.role as StoredMessage["role"],
        type: r.type as StoredMessage["type"],
        text: r.text,
        payload: parse(r.payload, null),
        intent: r.intent,
        latencyMs: r.latencyMs,
        createdAt: r.createdAt,
      }));
    },
  };
}

/** Request limits, the lookup audit and handoffs. */
function guardAndHandoffMethods(
  db: Db,
): Pick<
  ChatRepository,
  "hit" | "peek" | "recordLookup" | "createHandoff" | "markHandoffNotified" | "listHandoffs"
> {
  return {
    /** Fixed window, atomic in the database: one upsert statement (../security/rate-limits.server). */
    async hit(key, windowSeconds, limit, now): Promise<RateLimitResult> {
      const [r] = await hitRateLimits(db, [{ key, limit, windowSeconds }], now);
      return { ...r!, retryAfterSeconds: r!.allowed ? 0 : r!.retryAfterSeconds };
    },

    async peek(key, now) {
      const r = await db.rateLimit.findUnique({ where: { key } });
      return r && r.windowEnd > now ? r.count : 0;
    },

    async recordLookup(a) {
      await db.orderLookup.create({
        data: {
          storeId: a.storeId,
          conversationId: a.conversationId,
          orderNumberHash: a.orderNumberHash,
          shopperKey: a.shopperKey,
          method: a.method,
          outcome: a.outcome,
          latencyMs: a.latencyMs,
          createdAt: a.createdAt,
        },
      });
    },

    async createHandoff(h) {
      const r = await db.handoffRequest.create({
        data: {
          ...(h.id ? { id: h.id } : {}),
          storeId: h.storeId,
          conversationId: h.conversationId,
          customerId: h.customerId,
          email: h.email,
          message: h.message,
          reason: h.reason,
          orderNumber: h.orderNumber,
          orderContext:
            h.orderContext === null || h.orderContext === undefined ? null : JSON.stringify(h.orderContext),
          transcript: JSON.stringify(h.transcript ?? []),
          createdAt: h.createdAt,
        },
      });
      return toHandoff(r);
    },

    async markHandoffNotified(id, at) {
      await db.handoffRequest.updateMany({ where: { id }, data: { notifiedAt: at } });
    },

    async listHandoffs(storeId) {
      const rows = await db.handoffRequest.findMany({ where: { storeId }, orderBy: { createdAt: "desc" } });
      return rows.map(toHandoff);
    },
  };
}

/** FAQ entries, unanswered questions, recent order numbers and analytics events. */
function contentMethods(
  db: Db,
): Pick<ChatRepository, "listFaqEntries" | "recordUnanswered" | "recentOrderNumbers" | "recordEvent"> {
  return {
    async listFaqEntries(storeId) {
      const rows = await db.faqEntry.findMany({
        where: { storeId },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      });
      return rows.map((r): FaqEntryRecord => ({
        id: r.id,
        storeId: r.storeId,
        question: r.question,
        answer: r.answer,
        translations: parse(r.translations, {}),
        enabled: r.enabled,
        position: r.position,
      }));
    },

    async recordUnanswered(q) {
      await db.unansweredQuestion.create({ data: q });
    },

    async recentOrderNumbers(storeId, limit) {
      const rows = await db.orderSnapshot.findMany({
        where: { storeId, orderNumber: { not: null }, status: { not: "deleted" } },
        orderBy: { lastEventAt: "desc" },
        take: limit,
        select: { orderNumber: true },
      });
      return rows.map((r) => r.orderNumber!).filter(Boolean);
    },

    async recordEvent(e) {
      await db.analyticsEvent.create({
        data: {
          storeId: e.storeId,
          conversationId: e.conversationId,
          type: e.type,
          value: e.value ?? null,
          createdAt: e.createdAt,
        },
      });
    },
  };
}

/** The dashboard's numbers for one store and period. */
function summaryMethods(db: Db): Pick<ChatRepository, "summarize"> {
  return {
    async summarize(storeId, from, to): Promise<StoreSummary> {
      const range = { gte: from, lt: to };
      const groups = await db.analyticsEvent.groupBy({
        by: ["type"],
        where: { storeId, createdAt: range },
        _count: { _all: true },
      });
      const count = (t: AnalyticsEventType) => groups.find((g) => g.type === t)?._count._all ?? 0;

      // median reply time: the middle one or two values in order (no full fetch)
      const replyWhere = { storeId, type: "reply", createdAt: range, value: { not: null } };
      const n = await db.analyticsEvent.count({ where: replyWhere });
      let medianReplyMs: number | null = null;
      if (n > 0) {
        const mid = await db.analyticsEvent.findMany({
          where: replyWhere,
          orderBy: { value: "asc" },
          skip: Math.floor((n - 1) / 2),
          take: n % 2 === 1 ? 1 : 2,
          select: { value: true },
        });
        const vals = mid.map((m) => m.value ?? 0);
        medianReplyMs = vals.length === 1 ? vals[0]! : Math.round((vals[0]! + vals[1]!) / 2);
      }

      const convs = await db.conversation.findMany({
        where: {
          storeId,
          orderQuestion: true,
          createdAt: { gte: from, lt: new Date(to.getTime() + REPEAT_WINDOW_MS) },
        },
        select: { id: true, shopperKey: true, createdAt: true },
      });
      const handedOff = new Set<string>();
      for (let i = 0; i < convs.length; i += 500) {
        const ids = convs.slice(i, i + 500).map((c) => c.id);
        const rows = await db.analyticsEvent.findMany({
          where: { storeId, type: "handoff_created", conversationId: { in: ids } },
          select: { conversationId: true },
        });
        for (const r of rows) if (r.conversationId) handedOff.add(r.conversationId);
      }

      return {
        storeId,
        from,
        to,
        conversations: count("conversation_started"),
        orderQuestions: count("order_question"),
        verifiedLookups: count("lookup_verified"),
        failedLookups: count("lookup_failed"),
        faqAnswered: count("faq_answered"),
        handoffs: count("handoff_created"),
        resolvedWithoutHuman: countResolvedWithoutHuman(convs, handedOff, from, to),
        medianReplyMs,
      };
    },
  };
}

export function createPrismaChatRepository(db: Db): ChatRepository {
  return {
    ...conversationMethods(db),
    ...guardAndHandoffMethods(db),
    ...contentMethods(db),
    ...summaryMethods(db),
  };
}

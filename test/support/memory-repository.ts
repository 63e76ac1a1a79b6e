/**
 * In-memory ChatRepository for tests and database-less demos. Same semantics as the Prisma one
 * (revision checks, fixed-window counters, JSON round-trip of state so nothing leaks by reference).
 */
import { randomUUID } from "node:crypto";
import {
  countResolvedWithoutHuman,
  median,
  type AnalyticsEventInput,
  type ChatRepository,
  type ConversationPatch,
  type ConversationRecord,
  type FaqEntryRecord,
  type HandoffRecord,
  type LookupAudit,
  type NewConversation,
  type NewHandoff,
  type NewMessage,
  type RateLimitResult,
  type StoredMessage,
  type StoreSummary,
} from "../../app/chat/repository";

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

export interface MemoryChatRepository extends ChatRepository {
  readonly conversations: Map<string, ConversationRecord>;
  readonly messages: StoredMessage[];
  readonly lookups: LookupAudit[];
  readonly handoffs: HandoffRecord[];
  readonly events: AnalyticsEventInput[];
  readonly faqs: FaqEntryRecord[];
  readonly counters: Map<string, { windowEnd: Date; count: number }>;
  addFaq(
    entry: Omit<FaqEntryRecord, "id" | "translations" | "enabled" | "position"> & Partial<FaqEntryRecord>,
  ): FaqEntryRecord;
}

export function createMemoryRepository(): MemoryChatRepository {
  const conversations = new Map<string, ConversationRecord>();
  const messages: StoredMessage[] = [];
  const lookups: LookupAudit[] = [];
  const handoffs: HandoffRecord[] = [];
  const events: AnalyticsEventInput[] = [];
  const faqs: FaqEntryRecord[] = [];
  const counters = new Map<string, { windowEnd: Date; count: number }>();

  const copyConv = (c: ConversationRecord): ConversationRecord => ({
    ...c,
    state: clone(c.state),
    createdAt: new Date(c.createdAt),
    lastMessageAt: new Date(c.lastMessageAt),
  });

  const repo: MemoryChatRepository = {
    conversations,
    messages,
    lookups,
    handoffs,
    events,
    faqs,
    counters,

    async getConversation(id) {
      const c = conversations.get(id);
      return c ? copyConv(c) : null;
    },

    async createConversation(input: NewConversation) {
      const rec: ConversationRecord = {
        id: input.id ?? randomUUID(),
        storeId: input.storeId,
        shopperKey: input.shopperKey,
        customerId: input.customerId,
        language: input.language,
        state: clone(input.state),
        status: "open",
        outcome: null,
        orderQuestion: false,
        verified: false,
        messageCount: 0,
        revision: 0,
        createdAt: new Date(input.now),
        lastMessageAt: new Date(input.now),
      };
      if (conversations.has(rec.id)) throw new Error("conversation id already exists");
      conversations.set(rec.id, rec);
      return copyConv(rec);
    },

    async updateConversation(id: string, expectedRevision: number, patch: ConversationPatch) {
      const c = conversations.get(id);
      if (!c || c.revision !== expectedRevision) return null;
      if (patch.state !== undefined) c.state = clone(patch.state);
      if (patch.language !== undefined) c.language = patch.language;
      if (patch.status !== undefined) c.status = patch.status;
      if (patch.outcome !== undefined) c.outcome = patch.outcome;
      if (patch.orderQuestion !== undefined) c.orderQuestion = patch.orderQuestion;
      if (patch.verified !== undefined) c.verified = patch.verified;
      if (patch.lastMessageAt !== undefined) c.lastMessageAt = new Date(patch.lastMessageAt);
      if (patch.messagesAdded) c.messageCount += patch.messagesAdded;
      c.revision += 1;
      return copyConv(c);
    },

    async appendMessages(list: NewMessage[]) {
      for (const m of list) {
        if (messages.some((x) => x.id === m.id)) throw new Error(`duplicate message id ${m.id}`);
        messages.push({ ...clone(m), createdAt: m.createdAt ? new Date(m.createdAt) : new Date() });
      }
    },

    async listMessages(conversationId) {
      return messages
        .filter((m) => m.conversationId === conversationId)
        .map((m) => ({ ...clone(m), createdAt: new Date(m.createdAt) }));
    },

    async hit(key, windowSeconds, limit, now): Promise<RateLimitResult> {
      let c = counters.get(key);
      if (!c || c.windowEnd <= now) {
        c = { windowEnd: new Date(now.getTime() + windowSeconds * 1000), count: 0 };
        counters.set(key, c);
      }
      c.count += 1;
      return {
        allowed: c.count <= limit,
        count: c.count,
        limit,
        retryAfterSeconds: Math.max(1, Math.ceil((c.windowEnd.getTime() - now.getTime()) / 1000)),
      };
    },

    async peek(key, now) {
      const c = counters.get(key);
      return !c || c.windowEnd <= now ? 0 : c.count;
    },

    async recordLookup(audit) {
      lookups.push({ ...audit });
    },

    async createHandoff(input: NewHandoff) {
      const rec: HandoffRecord = {
        ...clone(input),
        createdAt: new Date(input.createdAt),
        id: input.id ?? randomUUID(),
        status: "open",
        notifiedAt: null,
      };
      handoffs.push(rec);
      return { ...rec };
    },

    async markHandoffNotified(id, at) {
      const h = handoffs.find((x) => x.id === id);
      if (h) h.notifiedAt = new Date(at);
    },

    async listHandoffs(storeId) {
      return handoffs.filter((h) => h.storeId === storeId).map((h) => ({ ...h }));
    },

    async listFaqEntries(storeId) {
      return faqs
        .filter((f) => f.storeId === storeId)
        .sort((a, b) => a.position - b.position)
        .map(clone);
    },

    addFaq(entry) {
      const rec: FaqEntryRecord = {
        id: entry.id ?? randomUUID(),
        storeId: entry.storeId,
        question: entry.question,
        answer: entry.answer,
        translations: entry.translations ?? {},
        enabled: entry.enabled ?? true,
        position: entry.position ?? faqs.length,
      };
      faqs.push(rec);
      return rec;
    },

    async recordEvent(event) {
      events.push({ ...event, createdAt: new Date(event.createdAt) });
    },

    async summarize(storeId, from, to): Promise<StoreSummary> {
      const inRange = events.filter((e) => e.storeId === storeId && e.createdAt >= from && e.createdAt < to);
      const count = (t: AnalyticsEventInput["type"]) => inRange.filter((e) => e.type === t).length;
      const horizon = new Date(to.getTime() + 72 * 3600 * 1000);
      const orderConvs = [...conversations.values()].filter(
        (c) => c.storeId === storeId && c.orderQuestion && c.createdAt >= from && c.createdAt < horizon,
      );
      const handedOff = new Set(
        events
          .filter((e) => e.storeId === storeId && e.type === "handoff_created" && e.conversationId)
          .map((e) => e.conversationId!),
      );
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
        resolvedWithoutHuman: countResolvedWithoutHuman(orderConvs, handedOff, from, to),
        medianReplyMs: median(
          inRange.filter((e) => e.type === "reply" && typeof e.value === "number").map((e) => e.value!),
        ),
      };
    },
  };
  return repo;
}

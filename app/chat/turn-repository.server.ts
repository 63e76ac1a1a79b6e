/**
 * The repository of ONE turn: reads go to the database (or the store's versioned cache for the
 * FAQ), the turn's writes are collected and written by `flush()` in one transaction — the new
 * conversation (inserted once, with the state the turn ended in), the messages, the lookup audit
 * records and the analytics events. An existing conversation's compare-and-set update stays
 * immediate (one UPDATE … RETURNING), so a turn that lost a race is still recomputed by the engine.
 * Reads that must see the turn's own writes (the handoff transcript) flush first.
 * See docs/decisions/0025-storefront-caches.md.
 */
import { insertRowsAtomically, type AtomicStatement, type Db, type InsertRows } from "../db.server";
import { storefrontCaches } from "../cache/storefront.server";
import type {
  AnalyticsEventInput,
  ChatRepository,
  ConversationPatch,
  ConversationRecord,
  LookupAudit,
  NewMessage,
} from "./repository";
import { createPrismaChatRepository } from "./repository.server";

const CONVERSATION_COLUMNS = [
  "id",
  "storeId",
  "shopperKey",
  "customerId",
  "language",
  "state",
  "status",
  "outcome",
  "orderQuestion",
  "verified",
  "messageCount",
  "revision",
  "tokenHash",
  "createdAt",
  "lastMessageAt",
] as const satisfies readonly (keyof ConversationRecord)[];

const LOOKUP_COLUMNS = [
  "id",
  "storeId",
  "conversationId",
  "orderNumberHash",
  "shopperKey",
  "method",
  "outcome",
  "latencyMs",
  "createdAt",
] as const;

export interface TurnRepository extends ChatRepository {
  /** Writes what the turn collected, in one transaction. Idempotent: a second call writes nothing. */
  flush(): Promise<void>;
  /**
   * A verified lookup's reservation given back in the flush's transaction (not a round trip of its
   * own): the counters stay reserved until the turn is written (security/lookup-guard.server.ts).
   */
  releaseAtFlush(keys: readonly string[], now: Date): Promise<void>;
}

/** The give-back of reserved lookup counters (the same UPDATE as lookup-guard.server.ts's). */
function releaseStatement(keys: readonly string[], now: Date): AtomicStatement {
  return (p) =>
    `UPDATE "RateLimit" SET "count" = "count" - 1 WHERE "key" IN (${keys.map(p).join(", ")}) ` +
    `AND "windowEnd" > ${p(now)} AND "count" > 0`;
}

function applyPatch(c: ConversationRecord, patch: ConversationPatch): ConversationRecord {
  return {
    ...c,
    ...(patch.state !== undefined ? { state: patch.state } : {}),
    ...(patch.language !== undefined ? { language: patch.language } : {}),
    ...(patch.status !== undefined ? { status: patch.status } : {}),
    ...(patch.outcome !== undefined ? { outcome: patch.outcome } : {}),
    ...(patch.orderQuestion !== undefined ? { orderQuestion: patch.orderQuestion } : {}),
    ...(patch.verified !== undefined ? { verified: patch.verified } : {}),
    ...(patch.lastMessageAt !== undefined ? { lastMessageAt: patch.lastMessageAt } : {}),
    messageCount: c.messageCount + (patch.messagesAdded ?? 0),
    revision: c.revision + 1,
  };
}

/** Peeks issued together (the engine asks for three counters at once) become one SELECT … IN. */
function peekBatcher(db: Db) {
  let batch: { key: string; resolve: (rows: Map<string, { count: number; windowEnd: Date }>) => void }[] = [];
  let failAll: ((e: unknown) => void)[] = [];
  return (key: string, now: Date): Promise<number> =>
    new Promise<Map<string, { count: number; windowEnd: Date }>>((resolve, reject) => {
      if (batch.length === 0)
        queueMicrotask(() => {
          const current = batch;
          const rejects = failAll;
          batch = [];
          failAll = [];
          db.rateLimit
            .findMany({ where: { key: { in: [...new Set(current.map((b) => b.key))] } } })
            .then((rows) => {
              const m = new Map(rows.map((r) => [r.key, r]));
              for (const b of current) b.resolve(m);
            })
            .catch((e) => rejects.forEach((r) => r(e)));
        });
      batch.push({ key, resolve });
      failAll.push(reject);
    }).then((rows) => {
      const r = rows.get(key);
      return r && r.windowEnd > now ? r.count : 0;
    });
}

/** The rows a turn collected, per table (the conversation first: the others refer to it). */
function turnRows(
  conv: ConversationRecord | null,
  m: NewMessage[],
  l: LookupAudit[],
  e: AnalyticsEventInput[],
): InsertRows[] {
  const at = new Date();
  return [
    {
      table: "Conversation",
      columns: CONVERSATION_COLUMNS,
      rows: conv
        ? [CONVERSATION_COLUMNS.map((c) => (c === "state" ? JSON.stringify(conv.state ?? {}) : conv[c]))]
        : [],
    },
    {
      table: "Message",
      columns: [
        "id",
        "conversationId",
        "role",
        "type",
        "text",
        "payload",
        "intent",
        "latencyMs",
        "createdAt",
      ],
      rows: m.map((x) => [
        x.id,
        x.conversationId,
        x.role,
        x.type,
        x.text,
        x.payload === undefined ? null : JSON.stringify(x.payload),
        x.intent,
        x.latencyMs,
        x.createdAt ?? at,
      ]),
    },
    {
      table: "OrderLookup",
      columns: LOOKUP_COLUMNS,
      rows: l.map((x) => [
        crypto.randomUUID(),
        ...LOOKUP_COLUMNS.slice(1).map((c) => x[c as keyof LookupAudit]),
      ]),
    },
    {
      table: "AnalyticsEvent",
      columns: ["id", "storeId", "conversationId", "type", "value", "createdAt"],
      rows: e.map((x) => [
        crypto.randomUUID(),
        x.storeId,
        x.conversationId,
        x.type,
        x.value ?? null,
        x.createdAt,
      ]),
    },
  ];
}

export function createTurnRepository(db: Db): TurnRepository {
  const base = createPrismaChatRepository(db);
  let created: ConversationRecord | null = null;
  let messages: NewMessage[] = [];
  let lookups: LookupAudit[] = [];
  let events: AnalyticsEventInput[] = [];
  let releases: AtomicStatement[] = [];
  const peek = peekBatcher(db);

  async function flush(): Promise<void> {
    const conv = created;
    const [m, l, e, r] = [messages, lookups, events, releases];
    if (!conv && m.length + l.length + e.length + r.length === 0) return;
    created = null;
    messages = [];
    lookups = [];
    events = [];
    releases = [];
    await insertRowsAtomically(db, turnRows(conv, m, l, e), r);
  }

  return {
    ...base,
    flush,
    async releaseAtFlush(keys, now) {
      if (keys.length > 0) releases.push(releaseStatement(keys, now));
    },
    async getConversation(id) {
      if (created?.id === id) return created;
      return base.getConversation(id);
    },
    async createConversation(input) {
      created = {
        id: input.id ?? crypto.randomUUID(),
        storeId: input.storeId,
        shopperKey: input.shopperKey,
        customerId: input.customerId,
        language: input.language,
        state: input.state ?? {},
        status: "open",
        outcome: null,
        orderQuestion: false,
        verified: false,
        messageCount: 0,
        revision: 0,
        tokenHash: input.tokenHash ?? null,
        takenOverAt: null,
        createdAt: input.now,
        lastMessageAt: input.now,
      };
      return created;
    },
    async updateConversation(id, expectedRevision, patch) {
      if (created?.id !== id) return base.updateConversation(id, expectedRevision, patch);
      if (created.revision !== expectedRevision) return null;
      created = applyPatch(created, patch);
      return created;
    },
    async appendMessages(ms) {
      messages.push(...ms);
    },
    async listMessages(conversationId) {
      await flush();
      return base.listMessages(conversationId);
    },
    peek: (key, now) => peek(key, now),
    async recordLookup(a) {
      lookups.push(a);
    },
    async recordEvent(e) {
      events.push(e);
    },
    async createHandoff(h) {
      await flush(); // the handoff refers to the conversation
      return base.createHandoff(h);
    },
    listFaqEntries: (storeId) => storefrontCaches(db).faq.get(storeId, () => base.listFaqEntries(storeId)),
  };
}

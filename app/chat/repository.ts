/**
 * Persistence the conversation engine needs, implemented once: repository.server.ts (Prisma; SQLite
 * or PostgreSQL, shared by every app instance). Tests run it over a throw-away database.
 *
 * The engine is stateless between requests: every turn loads the conversation from here,
 * so any instance can continue any conversation.
 */
import type { Awaiting, WidgetMessage } from "../protocol";

export interface ConversationRecord {
  id: string;
  storeId: string;
  shopperKey: string;
  customerId: string | null;
  language: string;
  /** dialogue state owned by the engine (JSON-serialisable) */
  state: unknown;
  status: "open" | "handed_off" | "closed";
  outcome: string | null;
  orderQuestion: boolean;
  verified: boolean;
  messageCount: number;
  /** optimistic concurrency: incremented by every successful update */
  revision: number;
  /** hex SHA-256 of the conversationToken held by the browser that started it (null: resumable by nobody) */
  tokenHash: string | null;
  /** a person from the store took over (live handoff): the bot stays quiet */
  takenOverAt: Date | null;
  createdAt: Date;
  lastMessageAt: Date;
}

export interface NewConversation {
  id?: string;
  storeId: string;
  shopperKey: string;
  customerId: string | null;
  language: string;
  state: unknown;
  /** hex SHA-256 of the conversation's token */
  tokenHash?: string | null;
  now: Date;
}

export interface ConversationPatch {
  state?: unknown;
  language?: string;
  status?: ConversationRecord["status"];
  outcome?: string | null;
  orderQuestion?: boolean;
  verified?: boolean;
  lastMessageAt?: Date;
  /** added to messageCount */
  messagesAdded?: number;
}

export interface StoredMessage {
  id: string;
  conversationId: string;
  role: "bot" | "shopper";
  type: WidgetMessage["type"];
  text: string | null;
  /** the widget message as sent (bot) or received (shopper) */
  payload: unknown;
  intent: string | null;
  latencyMs: number | null;
  createdAt: Date;
}

export type NewMessage = Omit<StoredMessage, "createdAt"> & { createdAt?: Date };

export interface RateLimitResult {
  /** false once the counter is above the limit (this hit included) */
  allowed: boolean;
  count: number;
  limit: number;
  /** seconds until the window resets */
  retryAfterSeconds: number;
}

export type LookupMethod = "email" | "phone" | "customer" | "none";
export type LookupOutcome =
  | "verified"
  | "mismatch"
  | "not_found"
  | "rate_limited"
  /** number + contact no longer sufficed for this order (too many failures): step-up offered */
  | "step_up"
  | "out_of_range"
  | "error";

export interface LookupAudit {
  storeId: string;
  conversationId: string | null;
  /** HMAC-SHA256 of the normalised order number; never the raw number */
  orderNumberHash: string;
  shopperKey: string | null;
  method: LookupMethod;
  outcome: LookupOutcome;
  latencyMs: number;
  createdAt: Date;
}

export type HandoffReason =
  | "shopper_request"
  | "cancel_order"
  | "return_refund"
  | "change_address"
  | "rate_limited"
  | "outage"
  | "out_of_range";

export interface NewHandoff {
  id?: string;
  storeId: string;
  conversationId: string | null;
  customerId: string | null;
  email: string;
  message: string;
  reason: HandoffReason;
  orderNumber: string | null;
  /** widget-shaped snapshot of the verified order, if any */
  orderContext: unknown | null;
  transcript: { role: string; text: string; at: string }[];
  createdAt: Date;
}

export interface HandoffRecord extends NewHandoff {
  id: string;
  status: "open" | "resolved";
  notifiedAt: Date | null;
}

export interface FaqEntryRecord {
  id: string;
  storeId: string;
  question: string;
  answer: string;
  /** {lang: {question, answer}} */
  translations: Record<string, { question?: string; answer?: string }>;
  enabled: boolean;
  position: number;
}

export type AnalyticsEventType =
  | "conversation_started"
  | "order_question"
  | "lookup_verified"
  | "lookup_failed"
  | "handoff_created"
  | "faq_answered"
  | "reply";

export interface AnalyticsEventInput {
  storeId: string;
  conversationId: string | null;
  type: AnalyticsEventType;
  /** e.g. reply latency in ms for "reply" */
  value?: number | null;
  createdAt: Date;
}

/** A store question the bot had no answer for (text with emails/phone numbers masked). */
export interface UnansweredQuestionInput {
  storeId: string;
  text: string;
  language: string;
  createdAt: Date;
}

export interface StoreSummary {
  storeId: string;
  from: Date;
  to: Date;
  conversations: number;
  orderQuestions: number;
  verifiedLookups: number;
  failedLookups: number;
  faqAnswered: number;
  handoffs: number;
  /** conversations with an order question, no handoff and no repeat order question from the same shopper within 72 h */
  resolvedWithoutHuman: number;
  /** median of "reply" event values (ms); null when there are none */
  medianReplyMs: number | null;
}

export interface ChatRepository {
  getConversation(id: string): Promise<ConversationRecord | null>;
  createConversation(input: NewConversation): Promise<ConversationRecord>;
  /** Applies the patch only when the stored revision equals expectedRevision; null on conflict. */
  updateConversation(
    id: string,
    expectedRevision: number,
    patch: ConversationPatch,
  ): Promise<ConversationRecord | null>;
  appendMessages(messages: NewMessage[]): Promise<void>;
  listMessages(conversationId: string): Promise<StoredMessage[]>;

  /** Atomically increments a fixed-window counter shared across instances. */
  hit(key: string, windowSeconds: number, limit: number, now: Date): Promise<RateLimitResult>;
  /** Current count of a window (0 when none / expired), without incrementing. */
  peek(key: string, now: Date): Promise<number>;

  recordLookup(audit: LookupAudit): Promise<void>;

  createHandoff(input: NewHandoff): Promise<HandoffRecord>;
  markHandoffNotified(id: string, at: Date): Promise<void>;
  listHandoffs(storeId: string): Promise<HandoffRecord[]>;

  listFaqEntries(storeId: string): Promise<FaqEntryRecord[]>;
  /** the numbers of the store's most recently changed orders (order events), newest first */
  recentOrderNumbers(storeId: string, limit: number): Promise<string[]>;

  recordEvent(event: AnalyticsEventInput): Promise<void>;
  /** a store question without an answer, for the FAQ page */
  recordUnanswered(question: UnansweredQuestionInput): Promise<void>;
  summarize(storeId: string, from: Date, to: Date): Promise<StoreSummary>;
}

/** Window during which a repeat order question from the same shopper means the first one was not resolved. */
export const REPEAT_WINDOW_MS = 72 * 60 * 60 * 1000;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

/**
 * Conversations with an order question that were resolved without a human.
 * `convs` are the store's order-question conversations from `from` up to `to + 72h` (to see repeats).
 */
export function countResolvedWithoutHuman(
  convs: { id: string; shopperKey: string; createdAt: Date }[],
  handedOff: Set<string>,
  from: Date,
  to: Date,
): number {
  let n = 0;
  for (const c of convs) {
    if (c.createdAt < from || c.createdAt >= to) continue;
    if (handedOff.has(c.id)) continue;
    const repeat = convs.some(
      (o) =>
        o.id !== c.id &&
        o.shopperKey === c.shopperKey &&
        o.createdAt > c.createdAt &&
        o.createdAt.getTime() - c.createdAt.getTime() <= REPEAT_WINDOW_MS,
    );
    if (!repeat) n++;
  }
  return n;
}

export type { Awaiting };

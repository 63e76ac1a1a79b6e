/**
 * Plain data shapes the dashboard page components receive (from the loaders in
 * app/dashboard/*.server.ts, used by both the embedded /app shell and the standalone /dashboard).
 * Dates are ISO strings.
 */
import type { WidgetMessage, WidgetOrder } from "../protocol";

export type FieldErrors = Partial<Record<string, string>>;
export type Platform = "shopify" | "woocommerce";

export interface StoreBrief {
  id: string;
  name: string;
  platform: Platform;
  domain: string;
  status: string;
}

export interface ChecklistItem {
  id: "embed" | "connected" | "widget" | "handoff_email" | "personalised" | "faq" | "test_conversation";
  label: string;
  done: boolean;
  /** what to do (or what we know) */
  help: string;
  action?: { label: string; url: string; external: boolean };
}

/** Conversations started in the window, by outcome (each matches a filtered Conversations list). */
export interface KeyNumbers {
  conversations: number;
  /** outcome resolved: the bot answered and no person was needed */
  shoppersHelped: number;
  /** shoppersHelped / finished conversations (resolved + handoff + unresolved); null when none finished */
  resolutionRate: number | null;
  /** outcome handoff: sent to your team */
  handoffs: number;
  /** outcome unresolved: the bot could not answer */
  unanswered: number;
  /** no outcome yet */
  inProgress: number;
  orderQuestions: number;
}

export interface HomeData {
  store: StoreBrief;
  /** the server can send e-mail (SMTP_URL): handoff notices and replies to shoppers who left */
  mailConfigured: boolean;
  checklist: ChecklistItem[];
  range: 7 | 30;
  /** the store's IANA time zone: days are counted in it */
  timeZone: string;
  /** first and last calendar day counted (YYYY-MM-DD, store time zone) */
  window: { from: string; to: string };
  numbers: KeyNumbers;
  /** conversations per day over the range, oldest first; date = YYYY-MM-DD (store time zone) */
  daily: { date: string; count: number }[];
}

export interface BotSettingsData {
  store: StoreBrief;
  mailConfigured: boolean;
  values: {
    name: string;
    greeting: string;
    accentColor: string;
    position: "left" | "right";
    launcherLabel: string;
    languages: string[];
    orderTracking: boolean;
    handoffEmail: string;
    businessHours: string;
    /** a note by the launcher when a shopper's verified order is at risk */
    proactive?: boolean;
    /** the merchant's wording of that note ({n}: the order number); "" for the default */
    proactiveNote?: string;
    /** a daily e-mail listing the orders at risk */
    riskDigest?: boolean;
  };
  version: number;
}

export interface ActionResult {
  ok: boolean;
  message?: string;
  errors?: FieldErrors;
}

export interface FaqEntryData {
  id: string;
  question: string;
  answer: string;
  enabled: boolean;
  translations: Record<string, { question: string; answer: string }>;
  updatedAt: string;
}

export interface UnansweredQuestionData {
  id: string;
  text: string;
  language: string;
  createdAt: string;
}

export interface FaqData {
  store: StoreBrief;
  languages: string[];
  entries: FaqEntryData[];
  /** store questions the bot could not answer, newest first */
  unanswered: UnansweredQuestionData[];
}

export interface FaqTestResult {
  text: string;
  intent: string;
  confidence: number;
  language: string;
  entities: { orderNumber: string | null; email: string | null; phone: string | null };
  match: { id: string; question: string; answer: string; score: number; answered: boolean } | null;
  /** below the ask threshold the bot asks "do you want X or Y?" with these two intents */
  wouldAsk?: [string, string] | null;
}

/** What a list shows: one store of the workspace (its id) or "all"; labelled for the merchant. */
export interface ListScope {
  store: string;
  label: string;
  stores: StoreBrief[];
  /** the current store's IANA time zone: list times and date filters use it */
  timeZone: string;
}

export interface ConversationFilters {
  /** "" = the current store, "all", or a store id of the workspace */
  store: string;
  from: string;
  to: string;
  outcome: string;
  language: string;
  platform: string;
}

export interface ConversationRow {
  id: string;
  storeName: string;
  platform: Platform;
  createdAt: string;
  lastMessageAt: string;
  language: string;
  status: string;
  outcome: string | null;
  orderQuestion: boolean;
  verified: boolean;
  messageCount: number;
  preview: string;
}

export interface ConversationsData {
  scope: ListScope;
  filters: ConversationFilters;
  errors: FieldErrors;
  rows: ConversationRow[];
  page: number;
  pageSize: number;
  total: number;
  hasNext: boolean;
  hasPrevious: boolean;
}

export interface TranscriptMessage {
  id: string;
  /** agent: a person from the store, written from the dashboard (live handoff) */
  role: "bot" | "shopper" | "agent";
  type: string;
  /** masked when role = shopper */
  text: string;
  createdAt: string;
  order: WidgetOrder | null;
  orders: WidgetOrder[];
  quickReplies: string[];
}

export interface ConversationDetailData {
  conversation: ConversationRow & { customerId: string | null };
  live: {
    /** set while a person from the store has taken the conversation over (the bot is quiet) */
    takenOverAt: string | null;
    /** the shopper's widget polled in the last 2 minutes */
    shopperHere: boolean;
    /** masked address the shopper left in the handoff form, if any */
    shopperEmail: string | null;
    /** the server can send mail (SMTP_URL): a shopper who left gets replies by e-mail */
    mailConfigured: boolean;
  };
  messages: TranscriptMessage[];
  handoff: { id: string; status: string; reason: string } | null;
}

export interface HandoffRow {
  id: string;
  storeName: string;
  platform: Platform;
  status: "open" | "resolved";
  reason: string;
  email: string;
  message: string;
  orderNumber: string | null;
  order: WidgetOrder | null;
  conversationId: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface HandoffsData {
  scope: ListScope;
  openCount: number;
  handoffs: HandoffRow[];
}

export interface StoreRow extends StoreBrief {
  current: boolean;
  widgetEnabled: boolean;
  embedEnabled: boolean | null;
  connectedAt: string | null;
  installedAt: string | null;
}

export interface StoresData {
  currentStoreId: string;
  stores: StoreRow[];
}

export interface StoresActionResult extends ActionResult {
  linkCode?: { code: string; storeId: string; expiresAt: string };
}

export type { WidgetMessage, WidgetOrder };

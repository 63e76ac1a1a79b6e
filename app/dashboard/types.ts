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
  id: "embed" | "connected" | "widget" | "personalised" | "faq" | "test_conversation";
  label: string;
  done: boolean;
  /** what to do (or what we know) */
  help: string;
  action?: { label: string; url: string; external: boolean };
}

export interface KeyNumbers {
  conversations: number;
  orderQuestions: number;
  verifiedLookups: number;
  resolvedWithoutHuman: number;
  handoffs: number;
  medianReplyMs: number | null;
}

export interface HomeData {
  store: StoreBrief;
  checklist: ChecklistItem[];
  range: 7 | 30;
  numbers: KeyNumbers;
  /** conversations per day over the range, oldest first; date = YYYY-MM-DD (UTC) */
  daily: { date: string; count: number }[];
}

export interface BotSettingsData {
  store: StoreBrief;
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

export interface FaqData {
  store: StoreBrief;
  languages: string[];
  entries: FaqEntryData[];
}

export interface FaqTestResult {
  text: string;
  intent: string;
  confidence: number;
  language: string;
  entities: { orderNumber: string | null; email: string | null; phone: string | null };
  match: { id: string; question: string; answer: string; score: number; answered: boolean } | null;
}

export interface ConversationFilters {
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

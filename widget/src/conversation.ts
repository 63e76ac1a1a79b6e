/**
 * The conversation as data: what the widget remembers (id, token, messages, what the bot asked for)
 * and how a server answer (POST or poll) changes it. Pure and DOM-free, so it is unit-tested.
 */
import type { Awaiting, MessagesResponse, WidgetMessage } from "../../app/protocol";
import { normalizeLanguage } from "../../app/protocol/language";
import type { Language } from "./i18n";

export interface ConversationState {
  conversationId: string | null;
  conversationToken: string | null;
  messages: WidgetMessage[];
  awaiting: Awaiting;
  /** id of the newest message the server sent (the poll's `after`); shopper echoes are local */
  lastMessageId: string | null;
}

export const emptyConversation = (): ConversationState => ({
  conversationId: null,
  conversationToken: null,
  messages: [],
  awaiting: null,
  lastMessageId: null,
});

/** Local id for the shopper's own bubble (the server does not echo it back). */
export const localId = (now: number): string => "local-" + now.toString(36);

/**
 * The state after a server answer. A different conversationId means the server started a new
 * conversation: id and token are both replaced (the old token is never sent with the new id).
 * Messages already shown (same id) are dropped, so a poll and a POST answer can overlap.
 * `echo` is the shopper text this answer replies to (kept as a local message before the answer).
 */
export function applyResponse(
  state: ConversationState,
  data: MessagesResponse,
  echo: string | null,
  now: number,
): { state: ConversationState; incoming: WidgetMessage[] } {
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  const id = str(data.conversationId);
  const token = str(data.conversationToken);
  const fresh = !!id && id !== state.conversationId;
  const conversationId = id || state.conversationId;
  const conversationToken = fresh ? token : token || state.conversationToken;
  const seen = new Set(state.messages.map((m) => m.id));
  const incoming = (Array.isArray(data.messages) ? data.messages : []).filter(
    (m) => m && typeof m.type === "string" && typeof m.id === "string" && !seen.has(m.id),
  );
  const messages = state.messages.slice();
  if (echo !== null) messages.push({ id: localId(now), role: "shopper", type: "text", text: echo });
  messages.push(...incoming);
  const last = incoming.length ? incoming[incoming.length - 1] : null;
  return {
    state: {
      conversationId,
      conversationToken,
      messages,
      // a poll reply without `awaiting` (a person wrote) leaves what the bot asked for as it was
      awaiting: data.awaiting === undefined ? state.awaiting : data.awaiting,
      lastMessageId: last && typeof last.id === "string" ? last.id : state.lastMessageId,
    },
    incoming,
  };
}

/** True once an order was shown: the server shows one only after the shopper verified. */
export function isVerified(messages: readonly WidgetMessage[]): boolean {
  return messages.some((m) => m.type === "order");
}

/**
 * The fields the handoff form shows: the server's, without the email once the conversation is verified
 * (the shop already knows the contact the shopper proved; asking again was issue 18's dead end).
 */
export function handoffFields(
  m: Extract<WidgetMessage, { type: "handoff" }>,
  messages: readonly WidgetMessage[],
): ("email" | "message")[] {
  const fields = (m.fields || []).filter((f) => f === "email" || f === "message");
  return isVerified(messages) ? fields.filter((f) => f !== "email") : fields;
}

/** The handoff_submit action: `email` only when the form asked for it (never `email: ""`). */
export function handoffAction(
  fields: readonly ("email" | "message")[],
  email: string,
  message: string,
): { type: "handoff_submit"; email?: string; message: string } {
  return fields.includes("email")
    ? { type: "handoff_submit", email: email.trim(), message: message.trim() }
    : { type: "handoff_submit", message: message.trim() };
}

/** Index of the first message a person from the store wrote, or -1. */
export function firstAgentIndex(messages: readonly WidgetMessage[]): number {
  return messages.findIndex((m) => m.role === "agent");
}

/**
 * The conversation's language when the server names it (`language`, optional: the engine detects it
 * from what the shopper writes), else null. The widget then labels everything in that language.
 */
export function responseLanguage(data: MessagesResponse): Language | null {
  return normalizeLanguage((data as MessagesResponse & { language?: unknown }).language);
}

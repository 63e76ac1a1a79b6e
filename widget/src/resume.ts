/**
 * The e-mail's resume link (`?trulybot=resume.<token>`, ADR 0033): the panel reads the token, takes it
 * out of the address bar (so it is not bookmarked, shared or sent as a Referer) and exchanges it with
 * GET {base}/messages?resume=<token> for the conversation and a token of this browser's own.
 * Pure: `fetch` is injected, so tests run without a network or a DOM.
 */
import type { MessagesResponse, WidgetMessage } from "../../app/protocol";
import type { ConversationState } from "./conversation";
import type { FetchLike } from "./net";

const TOKEN_RE = /^[A-Za-z0-9._-]{1,160}$/;

/** The resume token in a query string (`location.search`), or null. */
export function resumeTokenOf(search: string): string | null {
  let v: string | null = null;
  try {
    v = new URLSearchParams(search).get("trulybot");
  } catch {
    return null;
  }
  if (!v || v.slice(0, 7) !== "resume.") return null;
  const token = v.slice(7);
  return TOKEN_RE.test(token) ? token : null;
}

/** The address without the `trulybot` parameter (everything else, and the #fragment, unchanged). */
export function withoutResume(href: string): string {
  const u = new URL(href);
  u.searchParams.delete("trulybot");
  return u.toString();
}

/**
 * The conversation the server handed over, or null when the answer is not one. Handoff forms in the
 * history are done (the form is never offered twice); the newest server message is the poll's `after`.
 */
export function resumedState(data: MessagesResponse | null): ConversationState | null {
  if (!data || typeof data !== "object" || !Array.isArray(data.messages)) return null;
  const id = data.conversationId;
  const token = data.conversationToken;
  if (typeof id !== "string" || !id || typeof token !== "string" || !token) return null;
  const messages: WidgetMessage[] = data.messages
    .filter((m) => m && typeof m === "object" && typeof m.type === "string" && typeof m.id === "string")
    .map((m) => (m.type === "handoff" ? { ...m, fields: [] } : m));
  const last = messages.length ? messages[messages.length - 1].id : null;
  return {
    conversationId: id,
    conversationToken: token,
    messages,
    awaiting: data.awaiting ?? null,
    lastMessageId: last,
  };
}

/** GET {base}/messages?resume=<token>: the conversation, or null (refused, offline, not a conversation). */
export async function exchangeResume(
  fetchFn: FetchLike,
  base: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<{ state: ConversationState; data: MessagesResponse } | null> {
  try {
    const res = await fetchFn(base + "/messages?resume=" + encodeURIComponent(token), {
      headers: { ...headers, Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!res.ok) return null;
    const data = (await res.json()) as MessagesResponse;
    const state = resumedState(data);
    return state ? { state, data } : null;
  } catch {
    return null;
  }
}

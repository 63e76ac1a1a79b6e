/**
 * Conversation memory across page loads (sessionStorage) and the cached config (localStorage).
 * Pure: takes a Storage-like object and the current time, so tests need no DOM.
 */
import type { Awaiting, WidgetConfig, WidgetMessage } from "../../app/protocol";

export interface KV {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const IDLE_EXPIRY_MS = 30 * 60 * 1000;
export const MAX_STORED_MESSAGES = 60;

export interface SessionState {
  conversationId: string | null;
  /** the conversation's secret from the server's first answer; sent back with every request */
  conversationToken: string | null;
  messages: WidgetMessage[];
  awaiting: Awaiting;
  /** id of the newest message from the server (the poll's `after`) */
  lastMessageId: string | null;
  /** ms epoch of the last activity */
  updatedAt: number;
}

export function sessionKey(base: string): string {
  return "trulybot:conv:" + base;
}

/** The stored conversation, or null when absent, corrupt, or idle for longer than `maxIdleMs`. */
export function loadSession(
  kv: KV | null,
  key: string,
  now: number,
  maxIdleMs = IDLE_EXPIRY_MS,
): SessionState | null {
  if (!kv) return null;
  let raw: string | null = null;
  try {
    raw = kv.getItem(key);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as SessionState;
    if (!s || typeof s.updatedAt !== "number" || !Array.isArray(s.messages)) throw new Error("shape");
    if (now - s.updatedAt > maxIdleMs || s.updatedAt > now + 60_000) {
      safe(() => kv.removeItem(key));
      return null;
    }
    return {
      conversationId: typeof s.conversationId === "string" ? s.conversationId : null,
      conversationToken: typeof s.conversationToken === "string" ? s.conversationToken : null,
      messages: s.messages.filter((m) => m && typeof m === "object" && typeof m.type === "string"),
      awaiting: s.awaiting ?? null,
      lastMessageId: typeof s.lastMessageId === "string" ? s.lastMessageId : null,
      updatedAt: s.updatedAt,
    };
  } catch {
    safe(() => kv.removeItem(key));
    return null;
  }
}

/** Store the conversation (last MAX_STORED_MESSAGES messages) stamped with `now`. Never throws (quota, privacy mode). */
export function saveSession(
  kv: KV | null,
  key: string,
  state: Omit<SessionState, "updatedAt">,
  now: number,
): void {
  if (!kv) return;
  const body: SessionState = {
    conversationId: state.conversationId,
    conversationToken: state.conversationToken,
    messages: state.messages.slice(-MAX_STORED_MESSAGES),
    awaiting: state.awaiting,
    lastMessageId: state.lastMessageId,
    updatedAt: now,
  };
  safe(() => kv.setItem(key, JSON.stringify(body)));
}

export function clearSession(kv: KV | null, key: string): void {
  if (kv) safe(() => kv.removeItem(key));
}

export interface CachedConfig {
  etag: string;
  body: WidgetConfig;
}

export function configKey(base: string): string {
  return "trulybot:cfg:" + base;
}

export function loadCachedConfig(kv: KV | null, key: string): CachedConfig | null {
  if (!kv) return null;
  try {
    const raw = kv.getItem(key);
    if (!raw) return null;
    const c = JSON.parse(raw) as CachedConfig;
    return c && typeof c.etag === "string" && c.body && typeof c.body === "object" ? c : null;
  } catch {
    return null;
  }
}

export function saveCachedConfig(kv: KV | null, key: string, value: CachedConfig): void {
  if (kv) safe(() => kv.setItem(key, JSON.stringify(value)));
}

/** window.sessionStorage / localStorage, or null where access throws (sandboxed iframes, blocked cookies). */
export function storageOrNull(get: () => Storage): KV | null {
  try {
    const s = get();
    const k = "trulybot:probe";
    s.setItem(k, "1");
    s.removeItem(k);
    return s;
  } catch {
    return null;
  }
}

function safe(fn: () => void): void {
  try {
    fn();
  } catch {
    /* storage full or unavailable: the chat still works, it just won't be remembered */
  }
}

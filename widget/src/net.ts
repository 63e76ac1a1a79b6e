/**
 * Talking to {base}/config and {base}/messages: retries with backoff, 304 handling, 429 Retry-After.
 * Pure: `fetch` and `sleep` are injected, so tests run without a network or a DOM.
 */
import type { MessagesRequest, MessagesResponse, WidgetConfig } from "../../app/protocol";
import { configKey, loadCachedConfig, saveCachedConfig, type KV } from "./storage";

export type FetchLike = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string; credentials?: "same-origin" },
) => Promise<{
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}>;

export type SendResult =
  | { ok: true; data: MessagesResponse }
  | { ok: false; kind: "network" }
  | { ok: false; kind: "rate_limited"; retryAfterSeconds: number | null }
  | { ok: false; kind: "bad_request"; code: string | null }
  | { ok: false; kind: "server"; status: number };

export interface RetryOptions {
  /** extra request headers, e.g. X-WP-Nonce on WordPress so a logged-in customer is recognised */
  headers?: Record<string, string>;
  retries?: number;
  /** first backoff delay; doubles each retry (500 ms → 1 s) */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Retry-After as seconds (delta-seconds or an HTTP date), null when absent/invalid. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return parseInt(v, 10);
  const t = Date.parse(v);
  if (!Number.isNaN(t)) return Math.max(0, Math.ceil((t - now) / 1000));
  return null;
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 502 || status === 503 || status === 504 || status === 500;
}

/**
 * POST {base}/messages. Network failures and 5xx/408 are retried `retries` times (default 2) with
 * exponential backoff; 4xx answers are returned at once (429 with its Retry-After).
 */
export async function postMessage(
  fetchFn: FetchLike,
  base: string,
  body: MessagesRequest,
  opts: RetryOptions = {},
): Promise<SendResult> {
  const retries = opts.retries ?? 2;
  const base0 = opts.baseDelayMs ?? 500;
  const wait = opts.sleep ?? sleep;
  let last: SendResult = { ok: false, kind: "network" };
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await wait(base0 * 2 ** (attempt - 1));
    let res: Awaited<ReturnType<FetchLike>>;
    try {
      res = await fetchFn(base + "/messages", {
        method: "POST",
        headers: { ...opts.headers, "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
        credentials: "same-origin",
      });
    } catch {
      last = { ok: false, kind: "network" };
      continue;
    }
    if (res.ok) {
      try {
        const data = (await res.json()) as MessagesResponse;
        if (!data || !Array.isArray(data.messages)) throw new Error("shape");
        return { ok: true, data };
      } catch {
        last = { ok: false, kind: "server", status: res.status };
        continue;
      }
    }
    if (res.status === 429) {
      return {
        ok: false,
        kind: "rate_limited",
        retryAfterSeconds: parseRetryAfter(res.headers.get("Retry-After"), (opts.now ?? Date.now)()),
      };
    }
    if (res.status === 400 || res.status === 413 || res.status === 422) {
      let code: string | null = null;
      try {
        const j = (await res.json()) as { error?: { code?: string } };
        code = (j && j.error && typeof j.error.code === "string" && j.error.code) || null;
      } catch {
        /* no body */
      }
      return { ok: false, kind: "bad_request", code };
    }
    last = { ok: false, kind: "server", status: res.status };
    if (!isRetryableStatus(res.status)) return last;
  }
  return last;
}

/**
 * GET {base}/config with If-None-Match from the cached ETag; 304 → the cached body.
 * Returns null when neither the network nor the cache has a config (the widget then runs on its
 * data attributes).
 */
export async function fetchConfig(
  fetchFn: FetchLike,
  base: string,
  kv: KV | null,
  extraHeaders: Record<string, string> = {},
): Promise<WidgetConfig | null> {
  const key = configKey(base);
  const cached = loadCachedConfig(kv, key);
  const headers: Record<string, string> = { ...extraHeaders, Accept: "application/json" };
  if (cached) headers["If-None-Match"] = cached.etag;
  try {
    const res = await fetchFn(base + "/config", { headers, credentials: "same-origin" });
    if (res.status === 304) return cached ? cached.body : null;
    if (!res.ok) return cached ? cached.body : null;
    const body = (await res.json()) as WidgetConfig;
    if (!body || typeof body !== "object" || !body.bot) return cached ? cached.body : null;
    const etag = res.headers.get("ETag");
    if (etag) saveCachedConfig(kv, key, { etag, body });
    return body;
  } catch {
    return cached ? cached.body : null;
  }
}

export interface PollQuery {
  conversationId: string;
  conversationToken: string;
  /** id of the newest message the widget has; all messages when null */
  after: string | null;
}

export type PollResult =
  | { ok: true; data: MessagesResponse }
  /**
   * 401/403/404 (the conversation is not, or no longer, this browser's) and any other 4xx but 408/429
   * (asking again cannot fix it): stop polling, silently
   */
  | { ok: false; stop: true }
  /** network error, 429, 5xx, bad body: try again later */
  | { ok: false; stop: false; retryAfterSeconds: number | null };

/** GET {base}/messages?conversationId=…&conversationToken=…&after=… — what was written since `after`. No retries: the poller is the retry. */
export async function getMessages(
  fetchFn: FetchLike,
  base: string,
  q: PollQuery,
  opts: { headers?: Record<string, string>; now?: () => number } = {},
): Promise<PollResult> {
  const params = new URLSearchParams({
    conversationId: q.conversationId,
    conversationToken: q.conversationToken,
  });
  if (q.after) params.set("after", q.after);
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await fetchFn(base + "/messages?" + params.toString(), {
      headers: { ...opts.headers, Accept: "application/json" },
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, stop: false, retryAfterSeconds: null };
  }
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)
    return { ok: false, stop: true };
  if (!res.ok) {
    const ra =
      res.status === 429 ? parseRetryAfter(res.headers.get("Retry-After"), (opts.now ?? Date.now)()) : null;
    return { ok: false, stop: false, retryAfterSeconds: ra };
  }
  try {
    const data = (await res.json()) as MessagesResponse;
    if (!data || !Array.isArray(data.messages)) throw new Error("shape");
    return { ok: true, data };
  } catch {
    return { ok: false, stop: false, retryAfterSeconds: null };
  }
}

/**
 * WooCommerce REST client (read-only GET).
 *
 * - HTTPS store: HTTP Basic auth with the consumer key/secret (what WooCommerce expects over TLS).
 * - plain HTTP store: OAuth 1.0a one-legged, parameters in the query string (WooCommerce ignores
 *   Basic auth and query-string keys over HTTP and answers 401 woocommerce_rest_cannot_view).
 * - pretty permalinks (`/wp-json/...`) by default, `?rest_route=/...` with `restRoute: true`. Note:
 *   WooCommerce before 11.1 runs API-key auth only for URIs containing `wp-json/wc/` (issue #41191),
 *   so `restRoute` only helps stores on 11.1+; with older stores it ends in 401 (reason "auth").
 * - bounded retries for 429 (honours Retry-After up to a cap) and 5xx / network errors; timeouts
 *   are not retried by default (the chat has a latency budget).
 * - outages surface as PlatformUnavailableError; 401/403 → reason "auth". Other 4xx surface as
 *   WooApiError (status + WooCommerce error code) so callers can tell 404 "invalid id" apart.
 */
import { PlatformUnavailableError } from "../types";
import { oauthNonce, signOAuthQuery, type OAuthSignatureMethod } from "./oauth";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface WooClientOptions {
  storeUrl: string;
  consumerKey: string;
  consumerSecret: string;
  timeoutMs?: number;
  maxRetries?: number;
  fetchImpl?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  /** epoch ms (used for oauth_timestamp) */
  now?: () => number;
  /** use `?rest_route=` instead of `/wp-json` (sites without pretty permalinks) */
  restRoute?: boolean;
  /** default HMAC-SHA256 (WooCommerce accepts HMAC-SHA1 and HMAC-SHA256) */
  signatureMethod?: OAuthSignatureMethod;
  /** generate nonces (tests); default 16 random bytes hex */
  nonce?: () => string;
  /** retry a request that timed out (default false) */
  retryOnTimeout?: boolean;
  /** longest Retry-After the client will wait for, seconds (default 5); longer → throttled error at once */
  maxRetryAfterSeconds?: number;
  userAgent?: string;
}

export type WooQuery = Record<string, string | number | boolean | null | undefined>;

export interface WooResponse<T> {
  data: T;
  status: number;
  total: number | null;
  totalPages: number | null;
  headers: Headers;
}

/** A WooCommerce error answer that is not an outage (400/404/…): the body's `code`, `message`, status. */
export class WooApiError extends Error {
  constructor(
    message: string,
    public readonly status: number,
    public readonly code: string | null,
    public readonly body: unknown,
  ) {
    super(message);
    this.name = "WooApiError";
  }
}

export interface WooClient {
  readonly storeUrl: string;
  readonly usesOAuth: boolean;
  get<T>(path: string, query?: WooQuery): Promise<T>;
  getWithMeta<T>(path: string, query?: WooQuery): Promise<WooResponse<T>>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function normalizeStoreUrl(url: string): string {
  const u = new URL(url.trim());
  if (u.protocol !== "http:" && u.protocol !== "https:")
    throw new Error(`unsupported store URL scheme: ${u.protocol}`);
  u.hash = "";
  u.search = "";
  return u.toString().replace(/\/+$/, "");
}

export function createWooClient(opts: WooClientOptions): WooClient {
  const storeUrl = normalizeStoreUrl(opts.storeUrl);
  const https = storeUrl.startsWith("https:");
  const timeoutMs = opts.timeoutMs ?? 8000;
  const maxRetries = Math.max(0, opts.maxRetries ?? 2);
  const fetchImpl: FetchLike = opts.fetchImpl ?? ((i, init) => fetch(i, init));
  const sleep = opts.sleep ?? defaultSleep;
  const now = opts.now ?? Date.now;
  const nonce = opts.nonce ?? oauthNonce;
  const maxRetryAfter = opts.maxRetryAfterSeconds ?? 5;
  const userAgent = opts.userAgent ?? "TrulyBot-Commerce/1.0 (+woocommerce-rest-v3)";

  async function once<T>(path: string, query: WooQuery | undefined): Promise<WooResponse<T> | RetrySignal> {
    // re-signed per attempt: fresh nonce + timestamp
    const { url } = buildUrl(opts, { storeUrl, https, now, nonce }, path, query);
    const headers: Record<string, string> = { Accept: "application/json", "User-Agent": userAgent };
    if (https)
      headers.Authorization =
        "Basic " + Buffer.from(`${opts.consumerKey}:${opts.consumerSecret}`).toString("base64");
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await fetchImpl(url, { method: "GET", headers, signal: ac.signal, redirect: "follow" });
      text = await res.text();
    } catch (e) {
      clearTimeout(timer);
      if (ac.signal.aborted)
        return {
          retry: !!opts.retryOnTimeout,
          error: new PlatformUnavailableError(`WooCommerce did not answer within ${timeoutMs} ms`, "timeout"),
        };
      return {
        retry: true,
        error: new PlatformUnavailableError(
          `WooCommerce unreachable: ${(e as Error)?.message ?? e}`,
          "network",
        ),
      };
    }
    clearTimeout(timer);
    return classifyResponse<T>(res, text, now, maxRetryAfter);
  }

  async function getWithMeta<T>(path: string, query?: WooQuery): Promise<WooResponse<T>> {
    let last: PlatformUnavailableError | null = null;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      const r = await once<T>(path, query);
      if (!isRetry(r)) return r;
      last = r.error;
      if (!r.retry || attempt === maxRetries) break;
      const backoff =
        r.waitSeconds !== undefined
          ? r.waitSeconds * 1000
          : Math.min(2000, 250 * 2 ** attempt) + Math.floor(Math.random() * 100);
      await sleep(backoff);
    }
    throw last ?? new PlatformUnavailableError("WooCommerce request failed", "upstream_error");
  }

  return {
    storeUrl,
    usesOAuth: !https,
    getWithMeta,
    async get<T>(path: string, query?: WooQuery): Promise<T> {
      return (await getWithMeta<T>(path, query)).data;
    },
  };
}

/** The request URL: query parameters, and on http:// stores the OAuth 1.0a signature (fresh nonce per call). */
function buildUrl(
  opts: WooClientOptions,
  signing: { storeUrl: string; https: boolean; now: () => number; nonce: () => string },
  path: string,
  query: WooQuery | undefined,
): { url: string } {
  const { storeUrl, https, now, nonce } = signing;
  const route = "/" + path.replace(/^\/+/, "").replace(/^wp-json\//, "");
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null) continue;
    params[k] = String(v);
  }
  let baseUrl: string; // what WooCommerce signs: home_url + request path
  if (opts.restRoute) {
    params.rest_route = route;
    baseUrl = storeUrl; // request path is "/" → get_home_url(null, "") has no trailing slash
  } else {
    baseUrl = `${storeUrl}/wp-json${route}`;
  }
  let finalParams = params;
  if (!https) {
    finalParams = signOAuthQuery({
      method: "GET",
      baseUrl,
      params,
      consumerKey: opts.consumerKey,
      consumerSecret: opts.consumerSecret,
      timestamp: Math.floor(now() / 1000),
      nonce: nonce(),
      signatureMethod: opts.signatureMethod,
    });
  }
  const qs = Object.entries(finalParams)
    .map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`)
    .join("&");
  const requestBase = opts.restRoute ? `${storeUrl}/` : baseUrl;
  return { url: qs ? `${requestBase}?${qs}` : requestBase };
}

/** One WooCommerce answer → data, a failure worth retrying (with the wait it asks for), or a thrown error. */
function classifyResponse<T>(
  res: Response,
  text: string,
  now: () => number,
  maxRetryAfter: number,
): WooResponse<T> | RetrySignal {
  if (res.status === 429) {
    const ra = parseRetryAfter(res.headers.get("retry-after"), now());
    return {
      retry: ra === null || ra <= maxRetryAfter,
      waitSeconds: ra ?? undefined,
      error: new PlatformUnavailableError("WooCommerce rate limit", "throttled", ra ?? undefined),
    };
  }
  if (res.status >= 500) {
    const ra = parseRetryAfter(res.headers.get("retry-after"), now());
    return {
      retry: true,
      waitSeconds: ra !== null && ra <= maxRetryAfter ? ra : undefined,
      error: new PlatformUnavailableError(
        `WooCommerce error ${res.status}`,
        "upstream_error",
        ra ?? undefined,
      ),
    };
  }
  const body = parseJsonLenient(text);
  if (res.status === 401 || res.status === 403) {
    const code = errorCode(body.ok ? body.value : null);
    const message = errorMessage(body.ok ? body.value : null);
    throw new PlatformUnavailableError(
      `WooCommerce refused the credentials (${res.status}${code ? ` ${code}` : ""}${message ? `: ${message}` : ""})`,
      "auth",
    );
  }
  if (!body.ok) {
    return {
      retry: true,
      error: new PlatformUnavailableError(
        `WooCommerce answered ${res.status} with a body that is not JSON`,
        "malformed",
      ),
    };
  }
  if (res.status >= 400) {
    throw new WooApiError(
      errorMessage(body.value) ?? `HTTP ${res.status}`,
      res.status,
      errorCode(body.value),
      body.value,
    );
  }
  if (res.status >= 300) {
    throw new PlatformUnavailableError(
      `WooCommerce answered with a redirect (${res.status})`,
      "upstream_error",
    );
  }
  return {
    data: body.value as T,
    status: res.status,
    total: intHeader(res.headers.get("x-wp-total")),
    totalPages: intHeader(res.headers.get("x-wp-totalpages")),
    headers: res.headers,
  };
}

interface RetrySignal {
  retry: boolean;
  waitSeconds?: number;
  error: PlatformUnavailableError;
}

function isRetry(x: unknown): x is RetrySignal {
  return (
    !!x &&
    typeof x === "object" &&
    "error" in x &&
    (x as RetrySignal).error instanceof PlatformUnavailableError
  );
}

function encodeRfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

function intHeader(v: string | null): number | null {
  if (v === null) return null;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : null;
}

/** Retry-After: delta-seconds or HTTP date → seconds (≥ 0), null when absent/unparseable. */
export function parseRetryAfter(v: string | null, nowMs: number): number | null {
  if (!v) return null;
  const t = v.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const d = Date.parse(t);
  if (Number.isFinite(d)) return Math.max(0, Math.ceil((d - nowMs) / 1000));
  return null;
}

/**
 * JSON.parse, tolerating the classic WordPress failure of PHP notices/HTML printed before the
 * JSON (e.g. "<br /><b>Notice</b>: …[{…}]"): parse from the first '{' or '[' if the tail is valid.
 */
export function parseJsonLenient(text: string): { ok: true; value: unknown } | { ok: false } {
  const t = text.replace(/^\uFEFF/, "");
  try {
    return { ok: true, value: JSON.parse(t) };
  } catch {
    /* fall through */
  }
  const starts = [t.indexOf("{"), t.indexOf("[")].filter((i) => i > 0);
  for (const i of starts.sort((a, b) => a - b)) {
    try {
      const value = JSON.parse(t.slice(i));
      if (value && typeof value === "object") return { ok: true, value };
    } catch {
      /* try next */
    }
  }
  return { ok: false };
}

function errorCode(body: unknown): string | null {
  return body && typeof body === "object" && typeof (body as { code?: unknown }).code === "string"
    ? (body as { code: string }).code
    : null;
}

function errorMessage(body: unknown): string | null {
  return body && typeof body === "object" && typeof (body as { message?: unknown }).message === "string"
    ? (body as { message: string }).message
    : null;
}

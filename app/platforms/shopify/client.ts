/**
 * The Shopify Admin GraphQL client of the app: the library's Admin API client
 * (`createAdminApiClient` from @shopify/admin-api-client) with the app's budget and error mapping on
 * top (docs/decisions/0014-admin-graphql-client.md).
 *
 * POST {origin}/admin/api/{SHOPIFY_API_VERSION}/graphql.json with X-Shopify-Access-Token.
 * `origin` defaults to https://{shop}; configuration may override it (SHOPIFY_ADMIN_API_ORIGIN, see
 * resolveAdminOrigin) so the demo and the tests talk to the local emulator through this same code.
 *
 * Failures become PlatformUnavailableError (app/platforms/types.ts):
 *   401/403 → auth (no retry) · 429 → the library retries after Retry-After, then throttled ·
 *   503 / network → the library retries with backoff, then upstream_error | network · timeout per
 *   attempt → timeout · other 5xx → retried here, then upstream_error · GraphQL THROTTLED (HTTP 200) → wait for the
 *   points `extensions.cost` says are missing, retry, then throttled · malformed JSON → retry, then
 *   malformed · GraphQL errors without data → ShopifyGraphqlError (upstream_error, not retried).
 */
import { createAdminApiClient, type ClientResponse } from "@shopify/admin-api-client";
import { PlatformUnavailableError } from "../types";
import { SHOPIFY_API_VERSION } from "./api-version";
import { backoffMs, createAttemptFetch, STOP_STATUS, type CallRecord } from "./attempts";
import { createCostTracker, type ShopifyCostExtension } from "./cost";

export type { ShopifyCostExtension, ShopifyThrottleStatus } from "./cost";

export interface ShopifyGraphqlErrorEntry {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: { code?: string; [k: string]: unknown };
}
export interface ShopifyGraphqlResponse<T> {
  data: T;
  /** partial errors (e.g. ACCESS_DENIED on one field) returned alongside data */
  errors?: ShopifyGraphqlErrorEntry[];
  extensions?: { cost?: ShopifyCostExtension; [k: string]: unknown };
}

export interface ShopifyGraphqlClient {
  readonly shop: string;
  readonly apiVersion: string;
  readonly endpoint: string;
  request<T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<ShopifyGraphqlResponse<T>>;
}

export interface ShopifyGraphqlClientOptions {
  shop: string;
  accessToken: string;
  apiVersion?: string;
  /** default https://{shop}; set from configuration (SHOPIFY_ADMIN_API_ORIGIN) for the demo/tests */
  origin?: string | null;
  /** per HTTP attempt */
  timeoutMs?: number;
  /** retries of one request (the library's HTTP retries are capped at 3) */
  maxRetries?: number;
  /** give up retrying when the next wait would end after this many ms since the call began */
  deadlineMs?: number;
  /** longest single wait for throttling (THROTTLED or Retry-After) */
  maxThrottleWaitMs?: number;
  fetchImpl?: typeof fetch;
  /** waits of this client (THROTTLED, known cost); the library's own retry waits use timers */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** the library's log (HTTP-Response, HTTP-Retry, deprecation notices) */
  logger?: (entry: { type: string; content: unknown }) => void;
}

/** GraphQL errors with no data (invalid query, MAX_COST_EXCEEDED, …): a bug on our side, not an outage. */
export class ShopifyGraphqlError extends PlatformUnavailableError {
  constructor(public readonly errors: ShopifyGraphqlErrorEntry[]) {
    super(
      `Shopify GraphQL error: ${errors
        .map((e) => e.message)
        .join("; ")
        .slice(0, 500)}`,
      "upstream_error",
    );
    this.name = "ShopifyGraphqlError";
  }
}

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i;
/** The library refuses more (MAX_RETRIES of @shopify/graphql-client). */
const LIBRARY_MAX_RETRIES = 3;

/**
 * The origin the Admin API is reached at: the override from configuration when set (the demo and
 * tests point it at the emulator), else https://{shop}. Pass process.env from server code.
 */
export function resolveAdminOrigin(shop: string, env: Record<string, string | undefined> = {}): string {
  const override = env.SHOPIFY_ADMIN_API_ORIGIN?.trim();
  if (override) return override.replace(/\/+$/, "");
  return `https://${shop}`;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

type Verdict<T> =
  | { ok: ShopifyGraphqlResponse<T> }
  | { retry: PlatformUnavailableError; waitMs?: number }
  | { fail: PlatformUnavailableError };

export function createShopifyGraphqlClient(options: ShopifyGraphqlClientOptions): ShopifyGraphqlClient {
  const { shop, accessToken, apiVersion = SHOPIFY_API_VERSION, timeoutMs = 8000, maxRetries = 3 } = options;
  const { deadlineMs = 20_000, maxThrottleWaitMs = 10_000, sleep = defaultSleep } = options;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  if (!options.origin && !SHOP_DOMAIN.test(shop)) throw new Error(`Invalid shop domain: ${shop}`);
  const origin = (options.origin || `https://${shop}`).replace(/\/+$/, "");
  const endpoint = `${origin}/admin/api/${apiVersion}/graphql.json`;
  const retries = Math.max(0, Math.min(maxRetries, LIBRARY_MAX_RETRIES));
  const attempts = createAttemptFetch(options.fetchImpl ?? globalThis.fetch, origin, {
    timeoutMs,
    retries,
    deadlineMs,
    maxThrottleWaitMs,
    random,
    now,
  });
  const lib = createAdminApiClient({
    storeDomain: shop,
    apiVersion,
    accessToken,
    retries,
    customFetchApi: attempts.fetch,
    userAgentPrefix: "TrulyBot Commerce",
    logger: options.logger,
  });
  const cost = createCostTracker(now);

  async function request<T>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<ShopifyGraphqlResponse<T>> {
    const started = now();
    const wait = cost.waitBefore(query);
    if (wait !== null && wait <= maxThrottleWaitMs) await sleep(wait);
    for (let round = 0; ; round++) {
      const { signal, record } = attempts.begin(started);
      let res: ClientResponse<T>;
      try {
        res = await lib.request<T>(query, { variables, signal });
      } finally {
        attempts.end(record); // the answer is read: the attempt's timer is not needed any more
      }
      cost.learn(query, res.extensions?.cost as ShopifyCostExtension | undefined);
      const verdict = judge<T>(res, record, timeoutMs);
      if ("ok" in verdict) return verdict.ok;
      if ("fail" in verdict) throw verdict.fail;
      const waitMs = verdict.waitMs ?? backoffMs(round, random);
      const late = waitMs > maxThrottleWaitMs || now() - started + waitMs > deadlineMs;
      if (round >= maxRetries || late) throw verdict.retry;
      await sleep(waitMs);
    }
  }

  return { shop, apiVersion, endpoint, request };
}

function unavailable(
  message: string,
  reason: PlatformUnavailableError["reason"],
  retryAfter?: number,
): PlatformUnavailableError {
  return new PlatformUnavailableError(message, reason, retryAfter);
}

/** HTTP-level failure (what the last attempt really got: the library may only see the stop answer). */
function httpFailure<T>(record: CallRecord, status: number | undefined, timeoutMs: number): Verdict<T> {
  const last = record.last;
  if (last?.kind === "timeout")
    return { fail: unavailable(`Shopify did not answer within ${timeoutMs} ms`, "timeout") };
  if (last?.kind === "network")
    return { fail: unavailable(`Cannot reach Shopify: ${last.message}`, "network") };
  const code = last?.status ?? status ?? 0;
  if (code === 401 || code === 403)
    return { fail: unavailable(`Shopify rejected the access token (HTTP ${code})`, "auth") };
  if (code === 429) {
    const after = last?.retryAfterSeconds ?? 1;
    return { fail: unavailable("Shopify rate limit (HTTP 429)", "throttled", after) };
  }
  const error = unavailable(`Shopify returned HTTP ${code}`, "upstream_error");
  // 500/502/504 are not in the library's retry list (429/503): this client retries them itself
  return code >= 500 && code !== 503 && code !== STOP_STATUS ? { retry: error } : { fail: error };
}

function throttled<T>(res: ClientResponse<T>): Verdict<T> {
  const c = res.extensions?.cost as ShopifyCostExtension | undefined;
  const status = c?.throttleStatus;
  const needed = (c?.requestedQueryCost ?? 0) - (status?.currentlyAvailable ?? 0);
  const waitMs =
    status && status.restoreRate > 0 && needed > 0
      ? Math.ceil((needed / status.restoreRate) * 1000) + 50
      : undefined;
  const after = Math.max(1, Math.ceil((waitMs ?? 1000) / 1000));
  return { retry: unavailable("Shopify throttled the query (THROTTLED)", "throttled", after), waitMs };
}

/** The library's answer → data, a failure to retry in this client's loop, or a final failure. */
function judge<T>(res: ClientResponse<T>, record: CallRecord, timeoutMs: number): Verdict<T> {
  const err = res.errors;
  const status = err?.networkStatusCode;
  if (err && status !== 200) return httpFailure<T>(record, status, timeoutMs);
  const raw = err?.graphQLErrors as ShopifyGraphqlErrorEntry[] | string | undefined;
  const gqlErrors = typeof raw === "string" ? [{ message: raw }] : Array.isArray(raw) ? raw : [];
  if (gqlErrors.some((e) => e.extensions?.code === "THROTTLED")) return throttled(res);
  if (res.data !== undefined && res.data !== null) {
    const out: ShopifyGraphqlResponse<T> = { data: res.data };
    if (gqlErrors.length) out.errors = gqlErrors;
    if (res.extensions) out.extensions = res.extensions as ShopifyGraphqlResponse<T>["extensions"];
    return { ok: out };
  }
  if (gqlErrors.length) return { fail: new ShopifyGraphqlError(gqlErrors) };
  if (record.attemptSignal?.aborted)
    return { retry: unavailable(`Shopify did not answer within ${timeoutMs} ms`, "timeout") };
  const noData = !err || /data object/i.test(err.message ?? "");
  return {
    retry: unavailable(
      noData ? "Shopify response has no data" : "Shopify returned malformed JSON",
      "malformed",
    ),
  };
}

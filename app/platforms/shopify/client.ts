/**
 * A small Shopify Admin GraphQL client over fetch, with Shopify's cost-based throttling handled.
 *
 * POST {origin}/admin/api/{version}/graphql.json with X-Shopify-Access-Token.
 * `origin` defaults to https://{shop}; configuration may override it (SHOPIFY_ADMIN_API_ORIGIN, see
 * resolveAdminOrigin) so the demo and the tests talk to the local emulator through this same code.
 *
 * Failures become PlatformUnavailableError (app/platforms/types.ts):
 *   401/403 → auth (no retry) · THROTTLED / 429 → wait as told, retry, then throttled
 *   5xx / network / timeout / malformed JSON → exponential backoff with jitter, then upstream_error |
 *   network | timeout | malformed · GraphQL errors without data → upstream_error (ShopifyGraphqlError).
 */
import { PlatformUnavailableError } from "../types";
import { SHOPIFY_API_VERSION } from "./queries";

export interface ShopifyThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}
export interface ShopifyCostExtension {
  requestedQueryCost?: number;
  actualQueryCost?: number | null;
  throttleStatus?: ShopifyThrottleStatus;
}
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
  timeoutMs?: number;
  maxRetries?: number;
  /** give up retrying when the next wait would end after this many ms since the call began */
  deadlineMs?: number;
  /** longest single wait for throttling (THROTTLED or Retry-After) */
  maxThrottleWaitMs?: number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
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

export function createShopifyGraphqlClient(options: ShopifyGraphqlClientOptions): ShopifyGraphqlClient {
  const {
    shop,
    accessToken,
    apiVersion = SHOPIFY_API_VERSION,
    timeoutMs = 8000,
    maxRetries = 3,
    deadlineMs = 20_000,
    maxThrottleWaitMs = 10_000,
    fetchImpl = globalThis.fetch,
    sleep = defaultSleep,
    random = Math.random,
    now = Date.now,
  } = options;
  if (!options.origin && !SHOP_DOMAIN.test(shop)) {
    throw new Error(`Invalid shop domain: ${shop}`);
  }
  const origin = (options.origin || `https://${shop}`).replace(/\/+$/, "");
  const endpoint = `${origin}/admin/api/${apiVersion}/graphql.json`;

  // Last known bucket state and per-document cost, to wait *before* sending a query that would be throttled.
  let lastThrottle: { status: ShopifyThrottleStatus; at: number } | null = null;
  const knownCost = new Map<string, number>();

  const projectedAvailable = (): number | null => {
    if (!lastThrottle) return null;
    const { status, at } = lastThrottle;
    return Math.min(
      status.maximumAvailable,
      status.currentlyAvailable + ((now() - at) / 1000) * status.restoreRate,
    );
  };

  const backoff = (attempt: number) => {
    const base = Math.min(4000, 250 * 2 ** attempt);
    return Math.round(base / 2 + random() * (base / 2));
  };

  async function request<T>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<ShopifyGraphqlResponse<T>> {
    const started = now();
    let lastError: PlatformUnavailableError | null = null;

    // Pre-emptive wait when we know this document will not fit in the bucket right now.
    const cost = knownCost.get(query);
    const available = projectedAvailable();
    if (cost !== undefined && available !== null && lastThrottle && available < cost) {
      const waitMs = Math.ceil(((cost - available) / lastThrottle.status.restoreRate) * 1000);
      if (waitMs <= maxThrottleWaitMs) await sleep(waitMs);
    }

    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      let waitMs: number;
      try {
        return await once<T>(query, variables);
      } catch (e) {
        if (!(e instanceof RetryableFailure)) throw e;
        lastError = e.error;
        waitMs = e.waitMs ?? backoff(attempt);
      }
      if (attempt === maxRetries) break;
      if (waitMs > maxThrottleWaitMs || now() - started + waitMs > deadlineMs) break;
      await sleep(waitMs);
    }
    throw lastError ?? new PlatformUnavailableError("Shopify request failed", "upstream_error");
  }

  async function once<T>(
    query: string,
    variables: Record<string, unknown>,
  ): Promise<ShopifyGraphqlResponse<T>> {
    let res: Response;
    try {
      res = await fetchImpl(endpoint, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          "X-Shopify-Access-Token": accessToken,
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const err = e as Error;
      const timedOut = err?.name === "TimeoutError" || err?.name === "AbortError";
      throw new RetryableFailure(
        new PlatformUnavailableError(
          timedOut
            ? `Shopify did not answer within ${timeoutMs} ms`
            : `Cannot reach Shopify: ${err?.message ?? String(e)}`,
          timedOut ? "timeout" : "network",
        ),
      );
    }

    if (res.status === 401 || res.status === 403) {
      void res.body?.cancel().catch(() => undefined);
      throw new PlatformUnavailableError(`Shopify rejected the access token (HTTP ${res.status})`, "auth");
    }
    if (res.status === 429) {
      const retryAfter = parseRetryAfter(res.headers.get("Retry-After"));
      void res.body?.cancel().catch(() => undefined);
      throw new RetryableFailure(
        new PlatformUnavailableError("Shopify rate limit (HTTP 429)", "throttled", retryAfter),
        retryAfter * 1000,
      );
    }
    if (res.status >= 500) {
      void res.body?.cancel().catch(() => undefined);
      throw new RetryableFailure(
        new PlatformUnavailableError(`Shopify returned HTTP ${res.status}`, "upstream_error"),
      );
    }
    if (res.status !== 200) {
      const text = await safeText(res);
      throw new PlatformUnavailableError(
        `Shopify returned HTTP ${res.status}: ${text.slice(0, 200)}`,
        "upstream_error",
      );
    }

    let body: {
      data?: T | null;
      errors?: ShopifyGraphqlErrorEntry[] | string;
      extensions?: ShopifyGraphqlResponse<T>["extensions"];
    };
    let text = "";
    try {
      text = await res.text();
      body = JSON.parse(text) as typeof body;
      if (!body || typeof body !== "object") throw new Error("not an object");
    } catch (e) {
      if ((e as Error)?.name === "TimeoutError" || (e as Error)?.name === "AbortError") {
        throw new RetryableFailure(
          new PlatformUnavailableError(`Shopify did not answer within ${timeoutMs} ms`, "timeout"),
        );
      }
      throw new RetryableFailure(
        new PlatformUnavailableError("Shopify returned malformed JSON", "malformed"),
      );
    }

    const costExt = body.extensions?.cost;
    if (costExt?.throttleStatus) {
      lastThrottle = { status: costExt.throttleStatus, at: now() };
      if (typeof costExt.requestedQueryCost === "number") knownCost.set(query, costExt.requestedQueryCost);
    }

    const errors = typeof body.errors === "string" ? [{ message: body.errors }] : body.errors;
    if (errors?.some((e) => e.extensions?.code === "THROTTLED")) {
      const status = costExt?.throttleStatus;
      const needed = (costExt?.requestedQueryCost ?? 0) - (status?.currentlyAvailable ?? 0);
      const waitMs =
        status && status.restoreRate > 0 && needed > 0
          ? Math.ceil((needed / status.restoreRate) * 1000) + 50
          : undefined;
      throw new RetryableFailure(
        new PlatformUnavailableError(
          "Shopify throttled the query (THROTTLED)",
          "throttled",
          Math.max(1, Math.ceil((waitMs ?? 1000) / 1000)),
        ),
        waitMs,
      );
    }
    if (body.data === undefined || body.data === null) {
      if (errors?.length) throw new ShopifyGraphqlError(errors);
      throw new RetryableFailure(new PlatformUnavailableError("Shopify response has no data", "malformed"));
    }
    const out: ShopifyGraphqlResponse<T> = { data: body.data };
    if (errors?.length) out.errors = errors;
    if (body.extensions) out.extensions = body.extensions;
    return out;
  }

  return { shop, apiVersion, endpoint, request };
}

class RetryableFailure extends Error {
  constructor(
    public readonly error: PlatformUnavailableError,
    public readonly waitMs?: number,
  ) {
    super(error.message);
  }
}

function parseRetryAfter(v: string | null): number {
  if (!v) return 1;
  const n = Number(v);
  if (Number.isFinite(n) && n >= 0) return Math.max(0, n);
  const d = Date.parse(v);
  if (Number.isFinite(d)) return Math.max(0, Math.ceil((d - Date.now()) / 1000));
  return 1;
}

async function safeText(res: Response): Promise<string> {
  try {
    return await res.text();
  } catch {
    return "";
  }
}

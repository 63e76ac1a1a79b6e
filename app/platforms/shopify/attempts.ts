/**
 * The fetch the Admin API client (@shopify/admin-api-client) sends each HTTP attempt through
 * (`customFetchApi`). The library owns the retry loop (429 / 503 / network failures, at most 3
 * retries); this fetch adds what the library lacks (docs/decisions/0014-admin-graphql-client.md):
 *
 * - a timeout per attempt (a timer of the attempt's own AbortController, which also follows the
 *   call's signal), cut to what is left of the call's deadline, and cleared once the call has its
 *   answer (`end()`): an AbortSignal.timeout stays armed for the whole timeout and, firing seconds
 *   after the answer, still built an abort error and ran the finished request's abort listeners;
 * - the configured origin (the emulator in the demo and tests) instead of https://{shop};
 * - the wait before a retry: the library reads Retry-After as *milliseconds*, so the 429/503 it
 *   gets carries our wait in ms — Shopify's Retry-After seconds × 1000, or exponential backoff with
 *   jitter for a 503;
 * - the budget: when the next wait would pass the call's deadline or the longest allowed wait, the
 *   library is handed a local "stop" answer (status 599, never from the network) so its loop ends
 *   at once; what really happened stays in the call's record for the error mapping.
 */

export type AttemptOutcome =
  | { kind: "status"; status: number; retryAfterSeconds?: number }
  | { kind: "timeout" }
  | { kind: "network"; message: string };

/** One `request()` of the client: its start, attempts so far and what the last attempt got. */
export interface CallRecord {
  started: number;
  attempts: number;
  last: AttemptOutcome | null;
  /** the timeout signal of the latest attempt (a body read can still time out after headers) */
  attemptSignal: AbortSignal | null;
  /** disarms the latest attempt's timer (and stops following the call's signal) */
  disarm: (() => void) | null;
}

export interface AttemptBudget {
  timeoutMs: number;
  /** library retries (0..3) */
  retries: number;
  deadlineMs: number;
  maxThrottleWaitMs: number;
  random: () => number;
  now: () => number;
}

/** The status of the local answer that ends the library's retry loop early. */
export const STOP_STATUS = 599;
/** What the library waits after a thrown fetch (its fixed RETRY_WAIT_TIME). */
const LIBRARY_NETWORK_WAIT_MS = 1000;

export function parseRetryAfter(v: string | null, now = Date.now()): number {
  if (!v) return 1;
  const n = Number(v);
  if (Number.isFinite(n) && n >= 0) return Math.max(0, n);
  const d = Date.parse(v);
  if (Number.isFinite(d)) return Math.max(0, Math.ceil((d - now) / 1000));
  return 1;
}

export function backoffMs(attempt: number, random: () => number): number {
  const base = Math.min(4000, 250 * 2 ** attempt);
  return Math.round(base / 2 + random() * (base / 2));
}

export interface AttemptFetch {
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** start a call: pass the returned signal to the library's request() */
  begin(started: number): { signal: AbortSignal; record: CallRecord };
  /** the call has its answer (the library read the body): its last attempt's timer is cleared */
  end(record: CallRecord): void;
}

/** An attempt's signal: aborted after `ms`, or when the call's signal aborts; `disarm` clears both. */
function attemptTimer(callSignal: AbortSignal | undefined, ms: number) {
  const controller = new AbortController();
  const abort = () => controller.abort(new DOMException("The operation timed out.", "TimeoutError"));
  const follow = () => controller.abort(callSignal?.reason);
  const timer = setTimeout(abort, ms);
  timer.unref?.();
  if (callSignal?.aborted) follow();
  else callSignal?.addEventListener("abort", follow, { once: true });
  return {
    signal: controller.signal,
    disarm: () => {
      clearTimeout(timer);
      callSignal?.removeEventListener("abort", follow);
    },
  };
}

export function createAttemptFetch(
  fetchImpl: typeof fetch,
  origin: string,
  budget: AttemptBudget,
): AttemptFetch {
  const calls = new WeakMap<AbortSignal, CallRecord>();

  const mayRetry = (record: CallRecord, waitMs: number) =>
    record.attempts <= budget.retries &&
    waitMs <= budget.maxThrottleWaitMs &&
    budget.now() - record.started + waitMs <= budget.deadlineMs;

  const stop = () => new Response(null, { status: STOP_STATUS, statusText: "stopped by the client budget" });

  async function attempt(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const record = init.signal ? calls.get(init.signal) : undefined;
    if (!record) throw new Error("Shopify attempt outside a client call");
    record.attempts++;
    // an attempt never runs past the call's deadline
    const remaining = budget.deadlineMs - (budget.now() - record.started);
    record.disarm?.();
    const timer = attemptTimer(init.signal ?? undefined, Math.max(1, Math.min(budget.timeoutMs, remaining)));
    record.attemptSignal = timer.signal;
    record.disarm = timer.disarm;
    const u = new URL(String(input instanceof Request ? input.url : input));
    let res: Response;
    try {
      res = await fetchImpl(`${origin}${u.pathname}${u.search}`, { ...init, signal: timer.signal });
    } catch (e) {
      timer.disarm();
      const timedOut = timer.signal.aborted && !init.signal?.aborted;
      record.last = timedOut ? { kind: "timeout" } : { kind: "network", message: (e as Error)?.message };
      if (!mayRetry(record, LIBRARY_NETWORK_WAIT_MS)) return stop();
      throw e;
    }
    if (res.status !== 429 && res.status !== 503) {
      record.last = { kind: "status", status: res.status };
      return res;
    }
    const retryAfterSeconds = parseRetryAfter(res.headers.get("Retry-After"), budget.now());
    record.last = { kind: "status", status: res.status, retryAfterSeconds };
    const waitMs =
      res.status === 429 || res.headers.has("Retry-After")
        ? retryAfterSeconds * 1000
        : backoffMs(record.attempts - 1, budget.random);
    void res.body?.cancel().catch(() => undefined);
    timer.disarm();
    if (!mayRetry(record, waitMs)) return stop();
    const headers = new Headers(res.headers);
    headers.set("Retry-After", String(Math.max(1, waitMs))); // read by the library as ms
    return new Response(null, { status: res.status, statusText: res.statusText, headers });
  }

  return {
    fetch: attempt,
    begin(started) {
      const controller = new AbortController();
      const record: CallRecord = { started, attempts: 0, last: null, attemptSignal: null, disarm: null };
      calls.set(controller.signal, record);
      return { signal: controller.signal, record };
    },
    end(record) {
      record.disarm?.();
      record.disarm = null;
    },
  };
}

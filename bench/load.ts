/**
 * Load generation for the bench (runs in the bench parent, a different process from the server):
 * autocannon with one freshly signed, unique request per call, latency percentiles computed from
 * every response time (autocannon's own histogram has no p95).
 */
import crypto from "node:crypto";
import autocannon from "autocannon";
import { signAppProxy } from "../app/platforms/shopify/proxy-signature";
import { signedHeaders } from "../app/platforms/woocommerce/signature.server";

export interface BuiltRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  durationSeconds: number;
  throughput: number; // responses per second
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
  errors: number; // connection errors + timeouts
  non2xx: number;
  statusCodes: Record<string, number>;
  /** responses whose body passed the scenario's check (e.g. carries the verified order card) */
  checked: number;
  /** seconds from the start to the last response (autocannon ends a run on its next 1 s tick) */
  lastResponseSeconds?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

let seq = 0;
/** A different shopper per request: x-forwarded-for + user agent (Shopify), the shopper hash (Woo). */
function nextShopper() {
  const n = ++seq;
  // consecutive shoppers in different /24 networks (the app also limits per network prefix)
  const ip = `10.${(n >> 8) & 255}.${n & 255}.${(n >> 16) & 255}`;
  return { n, ip, ua: `trulybot-bench/${process.pid}-${n}` };
}

export function shopifyRequest(
  kind: "config" | "messages",
  opts: { shop: string; secret: string; text?: string; shopper?: { ip: string; ua: string } },
): BuiltRequest {
  const s = opts.shopper ?? nextShopper();
  const q = new URLSearchParams();
  q.set("shop", opts.shop);
  q.set("logged_in_customer_id", "");
  q.set("path_prefix", "/apps/trulybot");
  q.set("timestamp", String(Math.floor(Date.now() / 1000)));
  q.set("signature", signAppProxy(q, opts.secret));
  return {
    method: kind === "config" ? "GET" : "POST",
    path: `/proxy/${kind}?${q}`,
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": s.ip,
      "user-agent": s.ua,
    },
    body: kind === "messages" ? JSON.stringify({ text: opts.text }) : undefined,
  };
}

export function wooRequest(
  kind: "config" | "messages",
  opts: { storeId: string; secret: string; text?: string; shopper?: string },
): BuiltRequest {
  const shopper =
    opts.shopper ?? crypto.createHash("sha256").update(`bench-${nextShopper().n}`).digest("hex");
  const path = `/api/v1/woo/storefront/${kind}`;
  const method = kind === "config" ? "GET" : "POST";
  const body = kind === "messages" ? JSON.stringify({ text: opts.text }) : "";
  return {
    method,
    path,
    headers: {
      "content-type": "application/json",
      ...signedHeaders(opts.storeId, opts.secret, { method, pathWithQuery: path, body, shopper }),
    },
    body: body || undefined,
  };
}

export async function runLoad(opts: {
  url: string;
  build: () => BuiltRequest;
  connections: number;
  durationSeconds: number;
  /** send exactly this many requests (every one answered before the run ends) instead of a duration */
  amount?: number;
  overallRate?: number;
  check?: (status: number, body: string) => boolean;
}): Promise<LoadResult> {
  const times: number[] = [];
  const statusCodes: Record<string, number> = {};
  let checked = 0;
  const started = Date.now();
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.durationSeconds }),
    overallRate: opts.overallRate,
    timeout: 10,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const b = opts.build();
          return { ...req, method: b.method, path: b.path, headers: b.headers, body: b.body };
        },
        onResponse: opts.check
          ? (status: number, body: string) => {
              if (opts.check!(status, body)) checked++;
            }
          : undefined,
      },
    ],
  } as never);
  let lastResponseAt = started;
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    lastResponseAt = Date.now();
    times.push(responseTime);
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
  });
  const r = (await instance) as unknown as { errors: number; timeouts: number; non2xx: number };
  const elapsed = (Date.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: times.length,
    durationSeconds: round(elapsed),
    throughput: round(times.length / Math.max(elapsed, 0.001)),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    mean: round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)),
    min: round(times[0] ?? NaN),
    max: round(times.at(-1) ?? NaN),
    errors: (r.errors ?? 0) + (r.timeouts ?? 0),
    non2xx: r.non2xx ?? 0,
    statusCodes,
    checked,
    lastResponseSeconds: round((lastResponseAt - started) / 1000),
  };
}

/** Median of each numeric field over several runs (runs kept alongside in the JSON). */
export function medianOf(runs: LoadResult[]): LoadResult {
  const keys: (keyof LoadResult)[] = [
    "requests",
    "durationSeconds",
    "throughput",
    "p50",
    "p95",
    "p99",
    "mean",
    "min",
    "max",
    "errors",
    "non2xx",
    "checked",
  ];
  const out = {} as Record<string, unknown>;
  for (const k of keys) out[k] = median(runs.map((r) => r[k] as number));
  const codes: Record<string, number> = {};
  for (const r of runs) for (const [c, n] of Object.entries(r.statusCodes)) codes[c] = (codes[c] ?? 0) + n;
  out.statusCodes = codes; // summed over the runs
  return out as unknown as LoadResult;
}

/**
 * The platforms' HTTP client (Shopify Admin GraphQL, WooCommerce REST): a `fetch` for the small
 * JSON exchanges of a chat turn, over node:http / node:https with keep-alive agents.
 *
 * Why not the global fetch: per call it builds WHATWG request/response streams, parses with
 * undici's WebAssembly llhttp, and its body reading and abort plumbing were the largest part of a
 * lookup's own CPU after the database (bench/probe.ts profiles, docs/performance.md). Node's
 * http client parses natively and the answer is read into one buffer.
 *
 * What callers rely on, kept as fetch does it: redirects followed (at most 20; 303, and 301/302
 * of a POST, become a GET without body; the Authorization and access-token headers are dropped
 * when a redirect leaves the origin), `redirect: "manual" | "error"`, an abort through `signal`
 * rejecting with the signal's reason, a network failure rejecting with a TypeError, the UTF-8 BOM
 * stripped by text()/json(), gzip/deflate/br bodies decoded (we ask for none). Anything else (a
 * Request object, a non-string body) goes to the global fetch.
 *
 * Idle sockets are closed after 4 s, below the usual server keep-alive (Apache 5 s, nginx 75 s),
 * so a request rarely meets a socket the server is closing.
 */
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";

const IDLE_SOCKET_MS = 4_000;
const MAX_REDIRECTS = 20;
const agentOptions = { keepAlive: true, timeout: IDLE_SOCKET_MS, maxFreeSockets: 32 };
const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
const CROSS_ORIGIN_DROPPED = ["authorization", "x-shopify-access-token", "cookie"];

interface RawAnswer {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
}

/** A fetch Response for a body already read whole (what the platform clients use of one). */
class BufferedResponse {
  readonly ok: boolean;
  readonly type = "basic";
  readonly body = null;
  bodyUsed = false;
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    readonly url: string,
    readonly redirected: boolean,
    private readonly bytes: Buffer,
  ) {
    this.ok = status >= 200 && status <= 299;
  }
  async text(): Promise<string> {
    this.bodyUsed = true;
    const b = this.bytes;
    const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
    return b.toString("utf8", bom ? 3 : 0);
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    return new Uint8Array(this.bytes).buffer;
  }
  clone(): BufferedResponse {
    const { status, statusText, headers, url, redirected, bytes } = this;
    return new BufferedResponse(status, statusText, new Headers(headers), url, redirected, bytes);
  }
}

function decoded(bytes: Buffer, encoding: string | undefined): Buffer {
  const e = (encoding ?? "").trim().toLowerCase();
  if (!e || e === "identity" || bytes.length === 0) return bytes;
  if (e === "gzip" || e === "x-gzip") return zlib.gunzipSync(bytes);
  if (e === "deflate") return zlib.inflateSync(bytes);
  if (e === "br") return zlib.brotliDecompressSync(bytes);
  return bytes;
}

function networkError(cause: unknown): TypeError {
  return Object.assign(new TypeError("fetch failed"), { cause });
}

/** One HTTP exchange, the whole answer read. */
function exchange(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal | null | undefined,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const secure = url.protocol === "https:";
    if (!secure && url.protocol !== "http:")
      return reject(networkError(new Error(`unsupported ${url.protocol}`)));
    const h =
      body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) };
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      reject(signal?.aborted ? signal.reason : networkError(e));
    };
    const req = (secure ? https : http).request(url, {
      method,
      headers: h,
      agent: secure ? agents.https : agents.http,
    });
    function onAbort() {
      req.destroy(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    req.once("error", fail);
    req.once("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.once("error", fail);
      res.once("aborted", () => fail(new Error("the answer was cut off")));
      res.once("end", () => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener("abort", onAbort);
        try {
          const bytes = decoded(Buffer.concat(chunks), res.headers["content-encoding"] as string | undefined);
          resolve({
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? "",
            headers: res.headers,
            bytes,
          });
        } catch (e) {
          reject(networkError(e));
        }
      });
    });
    req.end(body);
  });
}

function plainHeaders(init: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!init) return out;
  if (init instanceof Headers || Array.isArray(init)) {
    for (const [k, v] of init instanceof Headers ? init : init) out[k.toLowerCase()] = v;
  } else for (const [k, v] of Object.entries(init)) if (v !== undefined) out[k.toLowerCase()] = String(v);
  return out;
}

function responseHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const k in raw) {
    const v = raw[k];
    if (Array.isArray(v)) for (const x of v) headers.append(k, x);
    else if (v !== undefined) headers.set(k, v);
  }
  return headers;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** `fetch` for the platform clients (see the file comment); the same signature. */
export async function platformFetch(
  input: string | URL | Request,
  init: RequestInit = {},
): Promise<Response> {
  if (input instanceof Request || (init.body != null && typeof init.body !== "string"))
    return fetch(input, init);
  let url = new URL(String(input));
  let method = (init.method ?? "GET").toUpperCase();
  let body = (init.body as string | null | undefined) ?? undefined;
  const headers = plainHeaders(init.headers);
  for (let hops = 0; ; hops++) {
    const raw = await exchange(url, method, headers, body, init.signal);
    const location = raw.headers.location;
    if (!REDIRECTS.has(raw.status) || !location || init.redirect === "manual")
      return new BufferedResponse(
        raw.status,
        raw.statusText,
        responseHeaders(raw.headers),
        url.href,
        hops > 0,
        raw.bytes,
      ) as unknown as Response;
    if (init.redirect === "error") throw networkError(new Error(`redirected (${raw.status})`));
    if (hops >= MAX_REDIRECTS) throw networkError(new Error("too many redirects"));
    const next = new URL(location, url);
    if (next.origin !== url.origin) for (const k of CROSS_ORIGIN_DROPPED) delete headers[k];
    if (raw.status === 303 ? method !== "GET" && method !== "HEAD" : raw.status <= 302 && method === "POST") {
      method = "GET";
      body = undefined;
      delete headers["content-type"];
    }
    url = next;
  }
}

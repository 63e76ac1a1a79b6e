/**
 * WooCommerce REST emulator (WordPress 6.8 + WooCommerce 10.0.2 behaviour, see
 * fixtures/woocommerce/live-10.0.2/): orders, notes, refunds, the Shipment Tracking endpoint,
 * the WP index, settings/general, system_status, and the /wc-auth/v1 key-authorization flow.
 *
 * Authentication like WooCommerce:
 * - plain HTTP: only OAuth 1.0a one-legged (HMAC-SHA1/HMAC-SHA256, query string or
 *   `Authorization: OAuth …`), signature base string as WC_REST_Authentication builds it,
 *   15-minute timestamp window, nonces remembered per key (keyed by timestamp, like WooCommerce).
 *   Basic auth and consumer_key/consumer_secret query params are ignored → 401 woocommerce_rest_cannot_view.
 * - HTTPS (`https: { key, cert }`): Basic auth or consumer_key/consumer_secret query params.
 *
 * `allowHttpCallback: true` lets /wc-auth/v1 POST the new key to an http:// callback_url (real
 * WooCommerce demands https and refuses private addresses; tests run on loopback without TLS).
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { loadWooDemoData } from "./demo-data";
import { handleOrderWrite } from "./writes";
import type {
  WooOrder,
  WooOrderNote,
  WooRefund,
  WooShipmentTracking,
} from "../../../app/platforms/woocommerce/types";

export type WooKeyPermissions = "read" | "write" | "read_write";

export interface WooEmulatorKey {
  consumerKey: string;
  consumerSecret: string;
  permissions: WooKeyPermissions;
  userId?: number;
  keyId?: number;
  description?: string;
}

export interface WooEmulatorData {
  store: {
    url: string;
    name: string;
    currency: string;
    timezone: string;
    description?: string;
    gmt_offset?: number;
    [k: string]: unknown;
  };
  orders: WooOrder[];
  trackings?: Record<string, WooShipmentTracking[]>;
  notes?: Record<string, WooOrderNote[]>;
  /** full refund objects per order id; otherwise synthesized from order.refunds + "Refunded …" notes */
  refunds?: Record<string, WooRefund[]>;
}

export type WooFault =
  | {
      kind: "http_status";
      status: number;
      times?: number;
      retryAfter?: number | string;
      body?: unknown;
      path?: string | RegExp;
    }
  | { kind: "timeout"; times?: number; path?: string | RegExp }
  | { kind: "malformed_json"; times?: number; path?: string | RegExp }
  | { kind: "latency"; ms: number; times?: number; path?: string | RegExp };

export interface WooEmulatorOptions {
  port?: number;
  host?: string;
  data?: WooEmulatorData;
  keys?: WooEmulatorKey[];
  latencyMs?: number;
  /** serve HTTPS with this key/cert (PEM). Default: plain HTTP. */
  https?: false | { key: string | Buffer; cert: string | Buffer };
  /** home_url used for OAuth signatures; default: scheme + Host header of each request */
  homeUrl?: string;
  /** expose `_wc_shipment_tracking_items` in order meta_data (default true, like the demo data) */
  exposeTrackingMeta?: boolean;
  /** serve /wc-shipment-tracking/v3 (default true); false → 404 rest_no_route like a store without the plugin */
  trackingEndpoint?: boolean;
  /** /wc-auth/v1: accept http:// callback URLs (default false, like WooCommerce) */
  allowHttpCallback?: boolean;
  /** clock for OAuth timestamp checks, epoch ms */
  now?: () => number;
  /**
   * Apply API-key auth to `?rest_route=/wc/...` requests. WooCommerce 10.0.2 (default false) only
   * authenticates when the REQUEST_URI contains `wp-json/wc/` or `wp-json/wc-`, so `rest_route`
   * requests stay anonymous (401 woocommerce_rest_cannot_view, woocommerce issue #41191); WooCommerce
   * 11.1+ resolves the route first (PR #68193/#68247). true = the newer behaviour.
   */
  restRouteKeyAuth?: boolean;
}

export interface RecordedRequest {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage["headers"];
  auth: "oauth" | "basic" | "query_keys" | "none";
  status?: number;
}

export interface WcAuthParams {
  app_name: string;
  scope: string;
  user_id: string;
  return_url: string;
  callback_url: string;
}

export interface WcAuthCallbackRecord {
  url: string;
  status: number | null;
  error?: string;
  body: {
    key_id: number;
    user_id: string;
    consumer_key: string;
    consumer_secret: string;
    key_permissions: WooKeyPermissions;
  };
  keyDeleted: boolean;
}

export interface WooEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
  inject(fault: WooFault): void;
  clearFaults(): void;
  addKey(k: WooEmulatorKey): WooEmulatorKey;
  revokeKey(consumerKey: string): boolean;
  readonly keys: WooEmulatorKey[];
  readonly revokedKeys: string[];
  readonly requests: RecordedRequest[];
  readonly callbacks: WcAuthCallbackRecord[];
  /** simulate the merchant clicking Approve on /wc-auth/v1/authorize; returns the redirect URL (return_url?success=1&user_id=…) */
  approve(params: WcAuthParams): Promise<{ redirectUrl: string; key: WooEmulatorKey | null; error?: string }>;
  /** simulate Deny */
  deny(params: Pick<WcAuthParams, "return_url" | "user_id">): string;
  data: WooEmulatorData;
}

export const DEMO_WOO_KEY: WooEmulatorKey = {
  consumerKey: "ck_demo0000000000000000000000000000000000a1",
  consumerSecret: "cs_demo0000000000000000000000000000000000b2",
  permissions: "read",
  userId: 1,
  keyId: 1,
};

const WP_VERSION = "6.8.2";
const WC_VERSION = "10.0.2";

const ERR = {
  cannotList: {
    code: "woocommerce_rest_cannot_view",
    message: "Sorry, you cannot list resources.",
    data: { status: 401 },
  },
  cannotView: {
    code: "woocommerce_rest_cannot_view",
    message: "Sorry, you cannot view this resource.",
    data: { status: 401 },
  },
  badSignature: {
    code: "woocommerce_rest_authentication_error",
    message: "Invalid signature - provided signature does not match.",
    data: { status: 401 },
  },
  badMethod: {
    code: "woocommerce_rest_authentication_error",
    message: "Invalid signature - signature method is invalid.",
    data: { status: 401 },
  },
  badTimestamp: {
    code: "woocommerce_rest_authentication_error",
    message: "Invalid timestamp.",
    data: { status: 401 },
  },
  nonceUsed: {
    code: "woocommerce_rest_authentication_error",
    message: "Invalid nonce - nonce has already been used.",
    data: { status: 401 },
  },
  badKey: {
    code: "woocommerce_rest_authentication_error",
    message: "Consumer key is invalid.",
    data: { status: 401 },
  },
  badSecret: {
    code: "woocommerce_rest_authentication_error",
    message: "Consumer secret is invalid.",
    data: { status: 401 },
  },
  noWrite: {
    code: "woocommerce_rest_authentication_error",
    message: "The API key provided does not have write permissions.",
    data: { status: 401 },
  },
  noRead: {
    code: "woocommerce_rest_authentication_error",
    message: "The API key provided does not have read permissions.",
    data: { status: 401 },
  },
  invalidOrder: {
    code: "woocommerce_rest_shop_order_invalid_id",
    message: "Invalid ID.",
    data: { status: 404 },
  },
  noRoute: {
    code: "rest_no_route",
    message: "No route was found matching the URL and request method.",
    data: { status: 404 },
  },
};

interface ActiveFault {
  fault: WooFault;
  remaining: number;
}

export async function startWooEmulator(opts: WooEmulatorOptions = {}): Promise<WooEmulator> {
  const data: WooEmulatorData = opts.data ?? loadWooDemoData();
  const keys: WooEmulatorKey[] = (opts.keys ?? [DEMO_WOO_KEY]).map((k, i) => ({
    keyId: i + 1,
    userId: 1,
    ...k,
  }));
  const revokedKeys: string[] = [];
  const requests: RecordedRequest[] = [];
  const callbacks: WcAuthCallbackRecord[] = [];
  const faults: ActiveFault[] = [];
  const usedNonces = new Map<string, Map<number, string>>(); // consumer key → timestamp → nonce (WooCommerce stores them like this)
  const authNonces = new Map<string, WcAuthParams>();
  const now = opts.now ?? Date.now;
  const isHttps = !!opts.https;
  const exposeMeta = opts.exposeTrackingMeta ?? true;
  const trackingEndpoint = opts.trackingEndpoint ?? true;
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();
  let nextKeyId = keys.reduce((m, k) => Math.max(m, k.keyId ?? 0), 0) + 1;

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "application/json; charset=UTF-8" });
        res.end(
          JSON.stringify({
            code: "internal_server_error",
            message: String((e as Error)?.message ?? e),
            data: { status: 500 },
          }),
        );
      }
    });
  };
  const server: Server =
    isHttps && opts.https
      ? createHttpsServer({ key: opts.https.key, cert: opts.https.cert }, handler)
      : createHttpServer(handler);
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.on("secureConnection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `${isHttps ? "https" : "http"}://127.0.0.1:${port}`;

  // ------------------------------------------------------------------ helpers

  function homeUrlFor(req: IncomingMessage): string {
    if (opts.homeUrl) return opts.homeUrl.replace(/\/+$/, "");
    return `${isHttps ? "https" : "http"}://${req.headers.host ?? `127.0.0.1:${port}`}`;
  }

  function baseHeaders(req: IncomingMessage): Record<string, string> {
    return {
      "Content-Type": "application/json; charset=UTF-8",
      "X-Robots-Tag": "noindex",
      Link: `<${homeUrlFor(req)}/wp-json/>; rel="https://api.w.org/"`,
      "X-Content-Type-Options": "nosniff",
      "Access-Control-Expose-Headers": "X-WP-Total, X-WP-TotalPages, Link",
      "Access-Control-Allow-Headers":
        "Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type",
      Vary: "Origin",
    };
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: unknown,
    extra: Record<string, string> = {},
    rec?: RecordedRequest,
  ) {
    if (rec) rec.status = status;
    const headers: Record<string, string> = { ...baseHeaders(req), ...extra };
    if (status < 300) {
      headers.Expires = "Wed, 11 Jan 1984 05:00:00 GMT";
      headers["Cache-Control"] = "no-cache, must-revalidate, max-age=0, no-store, private";
    }
    res.writeHead(status, headers);
    res.end(JSON.stringify(body));
  }

  function takeFault(path: string, kinds: WooFault["kind"][]): WooFault | null {
    for (const f of faults) {
      if (!kinds.includes(f.fault.kind) || f.remaining <= 0) continue;
      const p = f.fault.path;
      if (p && !(typeof p === "string" ? path.startsWith(p) : p.test(path))) continue;
      f.remaining -= 1;
      return f.fault;
    }
    return null;
  }

  function findKey(ck: string): WooEmulatorKey | null {
    if (revokedKeys.includes(ck)) return null;
    return keys.find((k) => k.consumerKey === ck) ?? null;
  }

  function safeEq(a: string, b: string): boolean {
    const ba = Buffer.from(a);
    const bb = Buffer.from(b);
    return ba.length === bb.length && timingSafeEqual(ba, bb);
  }

  function parseOAuthHeader(h: string | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    if (!h || !/^OAuth\s/i.test(h)) return out;
    for (const m of h.slice(6).matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      if (m[1].startsWith("oauth_")) out[m[1]] = decodeURIComponent(m[2]);
    }
    return out;
  }

  type AuthResult =
    | { ok: true; key: WooEmulatorKey; via: RecordedRequest["auth"] }
    | { ok: false; error: (typeof ERR)[keyof typeof ERR] | null; via: RecordedRequest["auth"] };

  /** WC_REST_Authentication: returns the key, an error, or null error (= not authenticated; route decides). */
  function authenticate(req: IncomingMessage, u: URL, query: Record<string, string>): AuthResult {
    if (isHttps) {
      let ck = "";
      let cs = "";
      const h = req.headers.authorization;
      let via: RecordedRequest["auth"] = "none";
      if (h && /^Basic\s/i.test(h)) {
        const dec = Buffer.from(h.slice(6).trim(), "base64").toString("utf8");
        const i = dec.indexOf(":");
        ck = i >= 0 ? dec.slice(0, i) : dec;
        cs = i >= 0 ? dec.slice(i + 1) : "";
        via = "basic";
      } else if (query.consumer_key && query.consumer_secret) {
        ck = query.consumer_key;
        cs = query.consumer_secret;
        via = "query_keys";
      }
      if (!ck || !cs) return { ok: false, error: null, via };
      const key = findKey(ck);
      // WooCommerce: an unknown key over Basic sets no error, the request just stays anonymous
      if (!key) return { ok: false, error: null, via };
      if (!safeEq(key.consumerSecret, cs)) return { ok: false, error: ERR.badSecret, via };
      return { ok: true, key, via };
    }
    // plain HTTP → OAuth 1.0a only
    const params: Record<string, string> = { ...query, ...parseOAuthHeader(req.headers.authorization) };
    const required = [
      "oauth_consumer_key",
      "oauth_timestamp",
      "oauth_nonce",
      "oauth_signature",
      "oauth_signature_method",
    ];
    // get_oauth_parameters(): none of the five present → "probably not even trying to use OAuth"
    if (!required.some((k) => params[k]))
      return {
        ok: false,
        error: null,
        via: req.headers.authorization ? "basic" : query.consumer_key ? "query_keys" : "none",
      };
    const missing = required.filter((k) => !params[k]);
    if (missing.length) {
      return {
        ok: false,
        via: "oauth",
        error: {
          code: "woocommerce_rest_authentication_missing_parameter",
          message: `Missing OAuth parameter${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
          data: { status: 401 },
        } as unknown as (typeof ERR)["badKey"],
      };
    }
    const key = findKey(params.oauth_consumer_key);
    if (!key) return { ok: false, error: ERR.badKey, via: "oauth" };
    const method = params.oauth_signature_method;
    if (method !== "HMAC-SHA1" && method !== "HMAC-SHA256")
      return { ok: false, error: ERR.badMethod, via: "oauth" };
    let consumerSig = params.oauth_signature.replace(/ /g, "+");
    try {
      consumerSig = decodeURIComponent(consumerSig); // PHP: rawurldecode(str_replace(' ', '+', …))
    } catch {
      /* keep as is */
    }
    const signed = { ...params };
    delete signed.oauth_signature;
    // get_home_url(null, $request_path): the request path relative to the WP base, re-joined to home_url
    const relPath = u.pathname.replace(/^\/+/, "");
    const baseUrl = relPath ? `${homeUrlFor(req)}/${relPath}` : homeUrlFor(req);
    const base = wcStringToSign(req.method ?? "GET", baseUrl, signed);
    const expected = createHmac(method === "HMAC-SHA1" ? "sha1" : "sha256", `${key.consumerSecret}&`)
      .update(base)
      .digest("base64");
    if (!safeEq(expected, consumerSig)) return { ok: false, error: ERR.badSignature, via: "oauth" };
    const ts = Number(params.oauth_timestamp);
    const nowS = Math.floor(now() / 1000);
    if (!Number.isFinite(ts) || ts < nowS - 15 * 60 || ts > nowS + 15 * 60)
      return { ok: false, error: ERR.badTimestamp, via: "oauth" };
    let used = usedNonces.get(key.consumerKey);
    if (!used) usedNonces.set(key.consumerKey, (used = new Map()));
    if ([...used.values()].includes(params.oauth_nonce))
      return { ok: false, error: ERR.nonceUsed, via: "oauth" };
    used.set(ts, params.oauth_nonce);
    for (const t of used.keys()) if (t < nowS - 15 * 60) used.delete(t);
    return { ok: true, key, via: "oauth" };
  }

  // ------------------------------------------------------------------ data views

  function orderJson(o: WooOrder): WooOrder {
    if (exposeMeta) return o;
    return { ...o, meta_data: (o.meta_data ?? []).filter((m) => !m.key.startsWith("_")) };
  }

  function orderHaystack(o: WooOrder): string {
    const b = o.billing ?? {};
    const s = o.shipping ?? {};
    return [
      o.id,
      o.number,
      b.first_name,
      b.last_name,
      `${b.first_name ?? ""} ${b.last_name ?? ""}`,
      b.company,
      b.address_1,
      b.address_2,
      b.city,
      b.postcode,
      b.country,
      b.email,
      b.phone,
      s.first_name,
      s.last_name,
      `${s.first_name ?? ""} ${s.last_name ?? ""}`,
      s.address_1,
      s.city,
      s.postcode,
      ...(o.line_items ?? []).map((li) => li.name),
    ]
      .filter((x) => x !== undefined && x !== null && x !== "")
      .join(" \n ")
      .normalize("NFC")
      .toLowerCase();
  }

  function refundsFor(o: WooOrder, home: string): WooRefund[] {
    const given = data.refunds?.[String(o.id)];
    if (given) return given;
    const notes = data.notes?.[String(o.id)] ?? [];
    return (o.refunds ?? []).map((r) => {
      const amount = String(r.total).replace(/^-/, "");
      const note = notes.find((n) => !n.customer_note && /Refunded/i.test(n.note) && n.note.includes(amount));
      return {
        id: r.id,
        date_created: note?.date_created ?? (o.date_modified as string),
        date_created_gmt: note?.date_created_gmt ?? (o.date_modified_gmt as string),
        amount,
        reason: r.reason ?? "",
        refunded_by: 1,
        refunded_payment: true,
        meta_data: [],
        line_items: [],
        shipping_lines: [],
        tax_lines: [],
        fee_lines: [],
        _links: {
          self: [
            {
              href: `${home}/wp-json/wc/v3/orders/${o.id}/refunds/${r.id}`,
              targetHints: { allow: ["GET", "DELETE"] },
            },
          ],
          collection: [{ href: `${home}/wp-json/wc/v3/orders/${o.id}/refunds` }],
          up: [{ href: `${home}/wp-json/wc/v3/orders/${o.id}` }],
        },
      };
    });
  }

  function wpIndex(home: string) {
    const offset =
      typeof data.store.gmt_offset === "number"
        ? data.store.gmt_offset
        : offsetHours(data.store.timezone, now());
    return {
      name: data.store.name,
      description: data.store.description ?? "",
      url: home,
      home,
      gmt_offset: offset,
      timezone_string: data.store.timezone,
      page_for_posts: 0,
      page_on_front: 0,
      show_on_front: "posts",
      namespaces: [
        "oembed/1.0",
        "wc/store/v1",
        "wc-analytics",
        "wc/v1",
        "wc/v2",
        "wc/v3",
        ...(trackingEndpoint ? ["wc-shipment-tracking/v3"] : []),
        "wp/v2",
        "wp-site-health/v1",
      ],
      authentication: {},
      routes: {},
      site_logo: 0,
      site_icon: 0,
      site_icon_url: "",
      _links: { help: [{ href: "https://developer.wordpress.org/rest-api/" }] },
    };
  }

  function settingsGeneral(home: string) {
    const mk = (id: string, label: string, value: string, type = "text") => ({
      id,
      label,
      description: "",
      type,
      default: "",
      tip: "",
      value,
      _links: {
        self: [{ href: `${home}/wp-json/wc/v3/settings/general/${id}` }],
        collection: [{ href: `${home}/wp-json/wc/v3/settings/general` }],
      },
    });
    return [
      mk("woocommerce_store_address", "Address line 1", String(data.store.address_1 ?? "")),
      mk("woocommerce_store_city", "City", String(data.store.city ?? "")),
      mk("woocommerce_default_country", "Country / State", String(data.store.country ?? ""), "select"),
      mk("woocommerce_store_postcode", "Postcode / ZIP", String(data.store.postcode ?? "")),
      mk("woocommerce_currency", "Currency", data.store.currency, "select"),
      mk("woocommerce_currency_pos", "Currency position", "right_space", "select"),
      mk("woocommerce_price_thousand_sep", "Thousand separator", "."),
      mk("woocommerce_price_decimal_sep", "Decimal separator", ","),
      mk("woocommerce_price_num_decimals", "Number of decimals", "2", "number"),
    ];
  }

  // ------------------------------------------------------------------ request handling

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const u = new URL(req.url ?? "/", "http://emulator.invalid");
    const query: Record<string, string> = {};
    for (const [k, v] of u.searchParams) query[k] = v;
    const method = (req.method ?? "GET").toUpperCase();

    // emulator control (not WooCommerce): revoke a key from another process (demo disconnect)
    const ctl = /^\/__emulator\/keys\/([^/]+)$/.exec(u.pathname);
    if (ctl && method === "DELETE") {
      const ok = revokeKey(decodeURIComponent(ctl[1]));
      res.writeHead(ok ? 200 : 404, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ revoked: ok }));
      return;
    }

    // /wc-auth/v1/* (rewrite rule) or ?wc-auth-version=1&wc-auth-route=…
    const wcAuth = /^\/wc-auth\/v1\/([^/?]*)\/?$/.exec(u.pathname);
    if (wcAuth || query["wc-auth-route"]) {
      await handleWcAuth(req, res, wcAuth ? wcAuth[1] : query["wc-auth-route"], query);
      return;
    }

    // REST route: /wp-json/<route> or ?rest_route=<route>
    let route: string | null = null;
    if (u.pathname === "/wp-json" || u.pathname.startsWith("/wp-json/"))
      route = u.pathname.slice("/wp-json".length) || "/";
    else if (query.rest_route !== undefined && (u.pathname === "/" || u.pathname === "/index.php"))
      route = query.rest_route || "/";
    if (route === null) {
      res.writeHead(404, { "Content-Type": "text/html; charset=UTF-8" });
      res.end("<!doctype html><title>Page not found</title><h1>Not found</h1>");
      return;
    }
    route = "/" + route.replace(/^\/+/, "").replace(/\/+$/, "");
    if (route === "/") route = "/";

    const rec: RecordedRequest = {
      at: new Date(now()).toISOString(),
      method,
      path: u.pathname,
      query,
      headers: req.headers,
      auth: "none",
    };
    requests.push(rec);

    const latency =
      (opts.latencyMs ?? 0) +
      ((takeFault(route, ["latency"]) as { ms?: number } | null)?.ms ?? 0) +
      persistentLatency(route);
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));

    if (takeFault(route, ["timeout"])) {
      held.add(res); // never answered; released on close()
      res.on("close", () => held.delete(res));
      return;
    }
    const statusFault = takeFault(route, ["http_status"]) as Extract<
      WooFault,
      { kind: "http_status" }
    > | null;
    if (statusFault) {
      const extra: Record<string, string> = {};
      if (statusFault.retryAfter !== undefined) extra["Retry-After"] = String(statusFault.retryAfter);
      const body =
        statusFault.body ??
        (statusFault.status === 429
          ? {
              code: "woocommerce_rest_too_many_requests",
              message: "Too many requests. Please wait and try again.",
              data: { status: 429 },
            }
          : {
              code: "internal_server_error",
              message: "<p>There has been a critical error on this website.</p>",
              data: { status: statusFault.status },
            });
      send(req, res, statusFault.status, body, extra, rec);
      return;
    }
    const malformed = !!takeFault(route, ["malformed_json"]);

    const home = data.store.url?.replace(/\/+$/, "") || homeUrlFor(req);

    // public: WP index
    if (route === "/") {
      return finish(200, wpIndex(home), {});
    }

    const viaRestRoute = !(u.pathname === "/wp-json" || u.pathname.startsWith("/wp-json/"));
    const auth: AuthResult =
      viaRestRoute && !opts.restRouteKeyAuth
        ? { ok: false, error: null, via: "none" }
        : authenticate(req, u, query);
    rec.auth = auth.via;
    if (!auth.ok && auth.error) return finish(401, auth.error, {});
    if (auth.ok) {
      const needsWrite = method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
      if (needsWrite && auth.key.permissions === "read") return finish(401, ERR.noWrite, {});
      if (!needsWrite && auth.key.permissions === "write") return finish(401, ERR.noRead, {});
    }
    const authed = auth.ok;
    if (authed && (method === "PUT" || method === "POST")) {
      const w = await handleOrderWrite(req, method, route, data, orderJson, now());
      if (w) return finish(w.status, w.body, {});
    }
    if (method !== "GET") return finish(404, ERR.noRoute, {});

    let m: RegExpExecArray | null;
    if (route === "/wc/v3/orders") {
      if (!authed) return finish(401, ERR.cannotList, {});
      return listOrders();
    }
    if ((m = /^\/wc\/v3\/orders\/(\d+)$/.exec(route))) {
      if (!authed) return finish(401, ERR.cannotView, {});
      const o = data.orders.find((x) => x.id === Number(m![1]));
      if (!o) return finish(404, ERR.invalidOrder, {});
      return finish(200, orderJson(o), { Allow: "GET, POST, PUT, PATCH, DELETE" });
    }
    if ((m = /^\/wc\/v3\/orders\/(\d+)\/notes$/.exec(route))) {
      if (!authed) return finish(401, ERR.cannotList, {});
      const o = data.orders.find((x) => x.id === Number(m![1]));
      if (!o)
        return finish(
          404,
          { code: "woocommerce_rest_order_invalid_id", message: "Invalid order ID.", data: { status: 404 } },
          {},
        );
      const type = query.type ?? "any";
      let notes = data.notes?.[String(o.id)] ?? [];
      if (type === "customer") notes = notes.filter((n) => n.customer_note);
      else if (type === "internal") notes = notes.filter((n) => !n.customer_note);
      return finish(200, notes, { Allow: "GET, POST" });
    }
    if ((m = /^\/wc\/v3\/orders\/(\d+)\/refunds$/.exec(route))) {
      if (!authed) return finish(401, ERR.cannotList, {});
      const o = data.orders.find((x) => x.id === Number(m![1]));
      if (!o)
        return finish(
          404,
          { code: "woocommerce_rest_order_invalid_id", message: "Invalid order ID.", data: { status: 404 } },
          {},
        );
      const list = refundsFor(o, home);
      return finish(200, list, {
        Allow: "GET, POST",
        "X-WP-Total": String(list.length),
        "X-WP-TotalPages": String(list.length ? 1 : 0),
      });
    }
    if ((m = /^\/wc-shipment-tracking\/v3\/orders\/(\d+)\/shipment-trackings$/.exec(route))) {
      if (!trackingEndpoint) return finish(404, ERR.noRoute, {});
      if (!authed) return finish(401, ERR.cannotList, {});
      const o = data.orders.find((x) => x.id === Number(m![1]));
      if (!o)
        return finish(
          404,
          { code: "woocommerce_rest_order_invalid_id", message: "Invalid order ID.", data: { status: 404 } },
          {},
        );
      return finish(200, data.trackings?.[String(o.id)] ?? [], { Allow: "GET, POST" });
    }
    if (route === "/wc/v3/settings/general") {
      if (!authed) return finish(401, ERR.cannotList, {});
      return finish(200, settingsGeneral(home), { Allow: "GET" });
    }
    if (route === "/wc/v3/system_status") {
      if (!authed) return finish(401, { ...ERR.cannotView }, {});
      return finish(
        200,
        {
          environment: {
            home_url: home,
            site_url: home,
            version: WC_VERSION,
            wp_version: WP_VERSION,
            language: "en_US",
          },
          settings: {
            currency: data.store.currency,
            currency_symbol: currencySymbol(data.store.currency),
            api_enabled: true,
          },
        },
        { Allow: "GET" },
      );
    }
    return finish(404, ERR.noRoute, {});

    function listOrders() {
      const perPage = query.per_page !== undefined ? Number(query.per_page) : 10;
      const page = query.page !== undefined ? Number(query.page) : 1;
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
        return finish(
          400,
          {
            code: "rest_invalid_param",
            message: "Invalid parameter(s): per_page",
            data: {
              status: 400,
              params: { per_page: "per_page must be between 1 (inclusive) and 100 (inclusive)" },
              details: {
                per_page: {
                  code: "rest_out_of_bounds",
                  message: "per_page must be between 1 (inclusive) and 100 (inclusive)",
                  data: null,
                },
              },
            },
          },
          {},
        );
      }
      if (!Number.isInteger(page) || page < 1) {
        return finish(
          400,
          {
            code: "rest_invalid_param",
            message: "Invalid parameter(s): page",
            data: { status: 400, params: { page: "page must be greater than or equal to 1" } },
          },
          {},
        );
      }
      let list = data.orders.slice();
      const statusParam =
        query.status ??
        Object.entries(query)
          .filter(([k]) => k.startsWith("status["))
          .map(([, v]) => v)
          .join(",");
      const statuses = (statusParam || "any")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      if (!statuses.includes("any")) list = list.filter((o) => statuses.includes(o.status));
      else
        list = list.filter(
          (o) => o.status !== "trash" && o.status !== "auto-draft" && o.status !== "checkout-draft",
        );
      if (query.customer !== undefined && query.customer !== "")
        list = list.filter((o) => String(o.customer_id ?? 0) === String(Number(query.customer)));
      if (query.search) {
        const needle = query.search.normalize("NFC").toLowerCase();
        list = list.filter((o) => orderHaystack(o).includes(needle));
      }
      const orderby = query.orderby ?? "date";
      const dir = (query.order ?? "desc").toLowerCase() === "asc" ? 1 : -1;
      const keyOf = (o: WooOrder): string | number =>
        orderby === "id" || orderby === "include"
          ? o.id
          : orderby === "modified"
            ? String(o.date_modified_gmt ?? "")
            : String(o.date_created_gmt ?? "");
      list.sort((a, b) => {
        const ka = keyOf(a);
        const kb = keyOf(b);
        return (ka < kb ? -1 : ka > kb ? 1 : a.id - b.id) * dir;
      });
      const total = list.length;
      const totalPages = Math.ceil(total / perPage);
      const slice = list.slice((page - 1) * perPage, page * perPage).map(orderJson);
      const links = [`<${homeUrlFor(req)}/wp-json/>; rel="https://api.w.org/"`];
      const pageUrl = (p: number) => {
        const q = new URLSearchParams();
        for (const [k, v] of Object.entries(query))
          if (
            !k.startsWith("oauth_") &&
            k !== "rest_route" &&
            k !== "consumer_key" &&
            k !== "consumer_secret"
          )
            q.set(k, v);
        q.set("page", String(p));
        return `${home}/wp-json/wc/v3/orders?${q.toString()}`;
      };
      if (page > 1 && page <= totalPages + 1) links.push(`<${pageUrl(page - 1)}>; rel="prev"`);
      if (page < totalPages) links.push(`<${pageUrl(page + 1)}>; rel="next"`);
      return finish(200, slice, {
        Allow: "GET, POST",
        "X-WP-Total": String(total),
        "X-WP-TotalPages": String(totalPages),
        Link: links.join(", "),
      });
    }

    function finish(status: number, body: unknown, extra: Record<string, string>) {
      if (malformed && status === 200) {
        rec.status = 200;
        res.writeHead(200, { ...baseHeaders(req), ...extra });
        const text = JSON.stringify(body);
        res.end(text.slice(0, Math.max(1, Math.floor(text.length / 2)))); // truncated JSON
        return;
      }
      send(req, res, status, body, extra, rec);
    }
  }

  function persistentLatency(route: string): number {
    // latency faults with no `times` stay until cleared
    let ms = 0;
    for (const f of faults) {
      if (f.fault.kind !== "latency" || f.fault.times !== undefined) continue;
      const p = f.fault.path;
      if (p && !(typeof p === "string" ? route.startsWith(p) : p.test(route))) continue;
      ms += f.fault.ms;
    }
    return ms;
  }

  // ------------------------------------------------------------------ /wc-auth/v1

  function formattedUrl(raw: string): string {
    let u = safeDecode(raw);
    if (!u.includes("://")) u = `https://${u}`;
    return u;
  }

  function validateAuthParams(
    q: Record<string, string>,
  ): { ok: true; params: WcAuthParams } | { ok: false; error: string } {
    for (const name of ["app_name", "scope", "user_id", "return_url", "callback_url"]) {
      if (q[name] === undefined || q[name] === "") return { ok: false, error: `Missing parameter ${name}` };
    }
    if (!["read", "write", "read_write"].includes(q.scope)) return { ok: false, error: "Invalid scope" };
    const ret = formattedUrl(q.return_url);
    const cb = formattedUrl(q.callback_url);
    if (!isValidUrl(ret)) return { ok: false, error: "The return_url is not a valid URL" };
    if (!isValidUrl(cb)) return { ok: false, error: "The callback_url is not a valid URL" };
    if (!/^https:\/\//i.test(cb) && !(opts.allowHttpCallback && /^http:\/\//i.test(cb)))
      return { ok: false, error: "The callback_url needs to be over SSL" };
    return {
      ok: true,
      params: { app_name: q.app_name, scope: q.scope, user_id: q.user_id, return_url: ret, callback_url: cb },
    };
  }

  function addQueryArgs(base: string, args: Record<string, string>): string {
    const u = new URL(base);
    for (const [k, v] of Object.entries(args)) u.searchParams.set(k, v);
    return u.toString();
  }

  function wpDie(res: ServerResponse, message: string) {
    res.writeHead(401, { "Content-Type": "text/html; charset=UTF-8" });
    res.end(
      `<!DOCTYPE html><html><head><title>Access denied</title></head><body id="error-page"><div class="wp-die-message"><p>Error: ${escapeHtml(message)}</p></div></body></html>`,
    );
  }

  async function grant(
    params: WcAuthParams,
  ): Promise<{ redirectUrl: string; key: WooEmulatorKey | null; error?: string }> {
    const key: WooEmulatorKey = {
      consumerKey: `ck_${randomBytes(20).toString("hex")}`,
      consumerSecret: `cs_${randomBytes(20).toString("hex")}`,
      permissions: params.scope as WooKeyPermissions,
      userId: 1,
      keyId: nextKeyId++,
      description: `${params.app_name.slice(0, 170)} - API (${new Date(now()).toISOString().slice(0, 19).replace("T", " ")})`,
    };
    keys.push(key);
    const body = {
      key_id: key.keyId!,
      user_id: params.user_id,
      consumer_key: key.consumerKey,
      consumer_secret: key.consumerSecret,
      key_permissions: key.permissions,
    };
    const record: WcAuthCallbackRecord = { url: params.callback_url, status: null, body, keyDeleted: false };
    callbacks.push(record);
    try {
      const r = await fetch(params.callback_url, {
        method: "POST",
        headers: {
          "user-agent": `WordPress/${WP_VERSION}; ${data.store.url || url}`,
          accept: "*/*",
          "content-type": "application/json;charset=UTF-8",
          connection: "close",
        },
        body: JSON.stringify(body),
        redirect: "manual",
        signal: AbortSignal.timeout(60_000),
      });
      record.status = r.status;
      await r.arrayBuffer().catch(() => undefined);
    } catch (e) {
      record.error = String((e as Error)?.message ?? e);
    }
    if (record.status !== 200) {
      const i = keys.indexOf(key);
      if (i >= 0) keys.splice(i, 1);
      record.keyDeleted = true;
      return {
        redirectUrl: "",
        key: null,
        error: "An error occurred in the request and at the time were unable to send the consumer data",
      };
    }
    return { redirectUrl: addQueryArgs(params.return_url, { success: "1", user_id: params.user_id }), key };
  }

  async function handleWcAuth(
    req: IncomingMessage,
    res: ServerResponse,
    routeName: string,
    q: Record<string, string>,
  ) {
    const v = validateAuthParams(q);
    if (!v.ok) return wpDie(res, v.error);
    const params = v.params;
    if (routeName === "login") {
      // merchant is considered logged in: continue to authorize
      const next = new URL(`${url}/wc-auth/v1/authorize`);
      for (const [k, val] of Object.entries(params)) next.searchParams.set(k, val);
      res.writeHead(302, { Location: next.toString() });
      res.end();
      return;
    }
    if (routeName === "authorize") {
      const nonce = randomUUID().replace(/-/g, "").slice(0, 10);
      authNonces.set(nonce, params);
      const qs = new URLSearchParams({ ...params, wc_auth_nonce: nonce }).toString();
      const approve = `/wc-auth/v1/access_granted?${qs}`;
      const deny = addQueryArgs(params.return_url, { success: "0", user_id: params.user_id });
      const labels: Record<string, string[]> = {
        read: ["View coupons", "View customers", "View orders and sales reports", "View products"],
        write: ["Create webhooks", "Create coupons", "Create customers", "Create orders", "Create products"],
        read_write: [
          "Create webhooks",
          "View and manage coupons",
          "View and manage customers",
          "View and manage orders and sales reports",
          "View and manage products",
        ],
      };
      res.writeHead(200, { "Content-Type": "text/html; charset=UTF-8" });
      res.end(
        `<!DOCTYPE html><html><head><title>Application authentication request</title></head><body class="wc-auth wp-core-ui">` +
          `<h1>${escapeHtml(data.store.name)}</h1><p><strong>${escapeHtml(params.app_name)}</strong> would like to connect to your store. This will give it <strong>${params.scope === "read" ? "Read" : params.scope === "write" ? "Write" : "Read/Write"}</strong> access which will allow it to:</p>` +
          `<ul class="wc-auth-permissions">${labels[params.scope].map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>` +
          `<p class="wc-auth-actions"><a href="${escapeHtml(approve)}" class="button button-primary wc-auth-approve">Approve</a> <a href="${escapeHtml(deny)}" class="button wc-auth-deny">Deny</a></p></body></html>`,
      );
      return;
    }
    if (routeName === "access_granted") {
      const nonce = q.wc_auth_nonce;
      if (!nonce || !authNonces.has(nonce)) return wpDie(res, "Invalid nonce verification");
      authNonces.delete(nonce);
      const r = await grant(params);
      if (r.error) return wpDie(res, r.error);
      res.writeHead(302, { Location: r.redirectUrl });
      res.end();
      return;
    }
    return wpDie(res, "Invalid request");
  }

  // ------------------------------------------------------------------ API

  function revokeKey(ck: string): boolean {
    const k = keys.find((x) => x.consumerKey === ck);
    if (!k || revokedKeys.includes(ck)) return false;
    revokedKeys.push(ck);
    return true;
  }

  return {
    url,
    port,
    data,
    keys,
    revokedKeys,
    requests,
    callbacks,
    inject(fault: WooFault) {
      const times = fault.times ?? (fault.kind === "latency" ? Number.POSITIVE_INFINITY : 1);
      faults.push({ fault, remaining: fault.kind === "latency" && fault.times === undefined ? 0 : times });
    },
    clearFaults() {
      faults.length = 0;
    },
    addKey(k: WooEmulatorKey) {
      const key = { userId: 1, keyId: nextKeyId++, ...k };
      keys.push(key);
      return key;
    },
    revokeKey,
    async approve(p: WcAuthParams) {
      const v = validateAuthParams(p as unknown as Record<string, string>);
      if (!v.ok) return { redirectUrl: "", key: null, error: v.error };
      return grant(v.params);
    },
    deny(p) {
      return addQueryArgs(formattedUrl(p.return_url), { success: "0", user_id: p.user_id });
    },
    close() {
      for (const r of held) r.destroy();
      held.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}

/**
 * Independent transcription of WC_REST_Authentication::check_oauth_signature (kept separate from the
 * app's client on purpose, so a client bug is not mirrored here).
 */
function phpRawurlencode(s: string): string {
  // PHP rawurlencode: RFC 3986 unreserved are A-Z a-z 0-9 - _ . ~
  let out = "";
  for (const byte of Buffer.from(s, "utf8")) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

function wcStringToSign(method: string, baseRequestUri: string, params: Record<string, string>): string {
  const sortedKeys = Object.keys(params).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))); // uksort strcmp
  // normalize_parameters: rawurlencode keys and values
  const normalized = sortedKeys.map((k) => [phpRawurlencode(k), phpRawurlencode(params[k])] as const);
  // join_with_equals_sign: rawurlencode("key=value")
  const joined = normalized.map(([k, v]) => phpRawurlencode(`${k}=${v}`));
  return `${method.toUpperCase()}&${phpRawurlencode(baseRequestUri)}&${joined.join("%26")}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}

function isValidUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
  } catch {
    return false;
  }
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#039;" })[c]!,
  );
}

function currencySymbol(c: string): string {
  return ({ EUR: "&euro;", USD: "&#36;", GBP: "&pound;", CHF: "CHF" } as Record<string, string>)[c] ?? c;
}

function offsetHours(timeZone: string, atMs: number): number {
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(
      new Date(atMs),
    );
    const tzn = parts.find((p) => p.type === "timeZoneName")?.value ?? "GMT";
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(tzn);
    if (!m) return 0;
    const h = Number(m[2]) + Number(m[3]) / 60;
    return m[1] === "-" ? -h : h;
  } catch {
    return 0;
  }
}

import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_WOO_KEY, startWooEmulator, type WooEmulator } from "./emulator";
import { failure } from "../../helpers/failure";

const CAPTURES = join(__dirname, "captures");
const capture = (f: string) => JSON.parse(readFileSync(join(CAPTURES, f), "utf8"));

/** Independent, minimal OAuth signer for the tests (RFC 3986 via encodeURIComponent + fix-ups). */
function enc(s: string) {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}
function signedUrl(
  emuUrl: string,
  path: string,
  params: Record<string, string>,
  o: {
    ck?: string;
    cs?: string;
    ts?: number;
    nonce?: string;
    method?: "HMAC-SHA1" | "HMAC-SHA256";
    tamper?: boolean;
  } = {},
) {
  const all: Record<string, string> = {
    ...params,
    oauth_consumer_key: o.ck ?? DEMO_WOO_KEY.consumerKey,
    oauth_nonce: o.nonce ?? Math.random().toString(36).slice(2) + Date.now(),
    oauth_signature_method: o.method ?? "HMAC-SHA256",
    oauth_timestamp: String(o.ts ?? Math.floor(Date.now() / 1000)),
  };
  const paramString = Object.keys(all)
    .sort()
    .map((k) => `${enc(k)}=${enc(all[k])}`)
    .join("&");
  const base = `GET&${enc(emuUrl + path)}&${enc(paramString)}`;
  const sig = createHmac(
    all.oauth_signature_method === "HMAC-SHA1" ? "sha1" : "sha256",
    `${o.cs ?? DEMO_WOO_KEY.consumerSecret}&`,
  )
    .update(base)
    .digest("base64");
  all.oauth_signature = o.tamper ? sig.replace(/^./, (c) => (c === "A" ? "B" : "A")) : sig;
  return `${emuUrl}${path}?${new URLSearchParams(all).toString()}`;
}

let emu: WooEmulator;
beforeAll(async () => {
  emu = await startWooEmulator();
});
afterAll(async () => {
  await emu.close();
});
afterEach(() => emu.clearFaults());

describe("WooCommerce emulator — auth over plain HTTP", () => {
  it("accepts a valid OAuth 1.0a signature (SHA256 and SHA1) and serves an order", async () => {
    for (const method of ["HMAC-SHA256", "HMAC-SHA1"] as const) {
      const r = await fetch(signedUrl(emu.url, "/wp-json/wc/v3/orders/2004", {}, { method }));
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toBe("application/json; charset=UTF-8");
      const o = await r.json();
      expect(o.id).toBe(2004);
      expect(o.number).toBe("2004");
    }
  });

  it("refuses Basic auth over HTTP with the captured body", async () => {
    const r = await fetch(`${emu.url}/wp-json/wc/v3/orders`, {
      headers: {
        Authorization:
          "Basic " +
          Buffer.from(`${DEMO_WOO_KEY.consumerKey}:${DEMO_WOO_KEY.consumerSecret}`).toString("base64"),
      },
    });
    expect(r.status).toBe(401);
    expect(await r.json()).toEqual(capture("error-basic-auth-over-http.json"));
  });

  it("ignores query-string keys over HTTP", async () => {
    const r = await fetch(
      `${emu.url}/wp-json/wc/v3/orders?consumer_key=${DEMO_WOO_KEY.consumerKey}&consumer_secret=${DEMO_WOO_KEY.consumerSecret}`,
    );
    expect(r.status).toBe(401);
    expect((await r.json()).code).toBe("woocommerce_rest_cannot_view");
  });

  it("wrong signature → the captured error body and headers", async () => {
    const r = await fetch(signedUrl(emu.url, "/wp-json/wc/v3/orders", { per_page: "5" }, { tamper: true }));
    expect(r.status).toBe(401);
    expect(await r.json()).toEqual(capture("error-bad-oauth-signature.json"));
    expect(r.headers.get("access-control-expose-headers")).toBe("X-WP-Total, X-WP-TotalPages, Link");
    const wrongSecret = await fetch(signedUrl(emu.url, "/wp-json/wc/v3/orders", {}, { cs: "cs_wrong" }));
    expect((await wrongSecret.json()).message).toBe("Invalid signature - provided signature does not match.");
  });

  it("nonce replay → 401 Invalid nonce", async () => {
    const url = signedUrl(emu.url, "/wp-json/wc/v3/orders/2001", {}, { nonce: "replay-me-once" });
    expect((await fetch(url)).status).toBe(200);
    const again = await fetch(url);
    expect(again.status).toBe(401);
    expect(await again.json()).toEqual({
      code: "woocommerce_rest_authentication_error",
      message: "Invalid nonce - nonce has already been used.",
      data: { status: 401 },
    });
  });

  it("timestamps outside the 15-minute window are refused", async () => {
    const old = await fetch(
      signedUrl(emu.url, "/wp-json/wc/v3/orders/2001", {}, { ts: Math.floor(Date.now() / 1000) - 16 * 60 }),
    );
    expect(old.status).toBe(401);
    expect((await old.json()).message).toBe("Invalid timestamp.");
    const ok = await fetch(
      signedUrl(emu.url, "/wp-json/wc/v3/orders/2001", {}, { ts: Math.floor(Date.now() / 1000) - 14 * 60 }),
    );
    expect(ok.status).toBe(200);
  });

  it("unknown and revoked keys → Consumer key is invalid", async () => {
    const r = await fetch(signedUrl(emu.url, "/wp-json/wc/v3/orders", {}, { ck: "ck_nope" }));
    expect((await r.json()).message).toBe("Consumer key is invalid.");
    const k = emu.addKey({
      consumerKey: "ck_" + "1".repeat(40),
      consumerSecret: "cs_" + "2".repeat(40),
      permissions: "read",
    });
    expect(
      (
        await fetch(
          signedUrl(emu.url, "/wp-json/wc/v3/orders", {}, { ck: k.consumerKey, cs: k.consumerSecret }),
        )
      ).status,
    ).toBe(200);
    expect(emu.revokeKey(k.consumerKey)).toBe(true);
    expect(emu.revokedKeys).toContain(k.consumerKey);
    const after = await fetch(
      signedUrl(emu.url, "/wp-json/wc/v3/orders", {}, { ck: k.consumerKey, cs: k.consumerSecret }),
    );
    expect(after.status).toBe(401);
  });

  it("keys can be revoked over the emulator's control route (demo disconnect)", async () => {
    const k = emu.addKey({
      consumerKey: "ck_" + "3".repeat(40),
      consumerSecret: "cs_" + "4".repeat(40),
      permissions: "read",
    });
    const del = await fetch(`${emu.url}/__emulator/keys/${k.consumerKey}`, { method: "DELETE" });
    expect(await del.json()).toEqual({ revoked: true });
    expect(emu.revokedKeys).toContain(k.consumerKey);
    const r = await fetch(
      signedUrl(emu.url, "/wp-json/wc/v3/orders", {}, { ck: k.consumerKey, cs: k.consumerSecret }),
    );
    expect(r.status).toBe(401);
  });

  it("a write-only key cannot read", async () => {
    const k = emu.addKey({
      consumerKey: "ck_" + "5".repeat(40),
      consumerSecret: "cs_" + "6".repeat(40),
      permissions: "write",
    });
    const r = await fetch(
      signedUrl(emu.url, "/wp-json/wc/v3/orders", {}, { ck: k.consumerKey, cs: k.consumerSecret }),
    );
    expect(r.status).toBe(401);
    expect((await r.json()).message).toBe("The API key provided does not have read permissions.");
  });

  it("missing OAuth parameters are named", async () => {
    const r = await fetch(`${emu.url}/wp-json/wc/v3/orders?oauth_consumer_key=${DEMO_WOO_KEY.consumerKey}`);
    expect(r.status).toBe(401);
    const body = await r.json();
    expect(body.code).toBe("woocommerce_rest_authentication_missing_parameter");
    expect(body.message).toContain("oauth_signature");
  });

  it("rest_route=: anonymous on WooCommerce 10.0.2 (cannot_view), signed incl. rest_route with restRouteKeyAuth", async () => {
    const url = signedUrl(emu.url, "", { rest_route: "/wc/v3/orders/2002" }).replace(
      `${emu.url}?`,
      `${emu.url}/?`,
    );
    const r = await fetch(url);
    expect(r.status).toBe(401);
    expect((await r.json()).code).toBe("woocommerce_rest_cannot_view");
    const e2 = await startWooEmulator({ restRouteKeyAuth: true });
    try {
      // WooCommerce signs get_home_url() without a trailing slash for "/?rest_route=…"
      const withSlash = await fetch(signedUrl(e2.url, "/", { rest_route: "/wc/v3/orders/2002" }));
      expect(withSlash.status).toBe(401);
      const ok = await fetch(
        signedUrl(e2.url, "", { rest_route: "/wc/v3/orders/2002" }).replace(`${e2.url}?`, `${e2.url}/?`),
      );
      expect(ok.status).toBe(200);
      expect((await ok.json()).id).toBe(2002);
    } finally {
      await e2.close();
    }
  });
});

describe("WooCommerce emulator — routes", () => {
  const get = async (path: string, params: Record<string, string> = {}) => {
    const r = await fetch(signedUrl(emu.url, path, params));
    return { r, body: await r.json() };
  };

  it("lists orders newest first with X-WP-Total / X-WP-TotalPages / Link next", async () => {
    const { r, body } = await get("/wp-json/wc/v3/orders", { per_page: "5" });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-wp-total")).toBe("14");
    expect(r.headers.get("x-wp-totalpages")).toBe("3");
    expect(r.headers.get("link")).toContain('rel="next"');
    expect(body).toHaveLength(5);
    const dates = body.map((o: { date_created_gmt: string }) => o.date_created_gmt);
    expect([...dates].sort().reverse()).toEqual(dates);
    const page3 = await get("/wp-json/wc/v3/orders", { per_page: "5", page: "3" });
    expect(page3.body).toHaveLength(4);
    expect(page3.r.headers.get("link")).not.toContain('rel="next"');
  });

  it("filters by customer, status and search", async () => {
    const lena = await get("/wp-json/wc/v3/orders", { customer: "5", orderby: "date", order: "desc" });
    expect(lena.body.map((o: { id: number }) => o.id)).toEqual([2001, 2006, 2013]);
    const completed = await get("/wp-json/wc/v3/orders", { status: "completed", per_page: "100" });
    expect(completed.body.every((o: { status: string }) => o.status === "completed")).toBe(true);
    expect(completed.r.headers.get("x-wp-total")).toBe("8");
    const search = await get("/wp-json/wc/v3/orders", { search: "tobias.wagner@example.net" });
    expect(search.body.map((o: { id: number }) => o.id)).toEqual([2002]);
  });

  it("per_page over 100 → 400 rest_invalid_param", async () => {
    const { r, body } = await get("/wp-json/wc/v3/orders", { per_page: "101" });
    expect(r.status).toBe(400);
    expect(body.code).toBe("rest_invalid_param");
  });

  it("unknown order → 404 woocommerce_rest_shop_order_invalid_id", async () => {
    const { r, body } = await get("/wp-json/wc/v3/orders/999999");
    expect(r.status).toBe(404);
    expect(body).toEqual({
      code: "woocommerce_rest_shop_order_invalid_id",
      message: "Invalid ID.",
      data: { status: 404 },
    });
  });

  it("notes with type filter, refunds with dates, shipment trackings", async () => {
    const all = await get("/wp-json/wc/v3/orders/2006/notes");
    const customer = await get("/wp-json/wc/v3/orders/2006/notes", { type: "customer" });
    expect(all.body.length).toBeGreaterThan(customer.body.length);
    expect(customer.body.every((n: { customer_note: boolean }) => n.customer_note)).toBe(true);
    const refunds = await get("/wp-json/wc/v3/orders/2006/refunds");
    expect(refunds.body).toHaveLength(1);
    expect(refunds.body[0]).toMatchObject({
      id: 2016,
      amount: "27.90",
      date_created_gmt: "2026-11-06T08:48:22",
    });
    expect(Object.keys(refunds.body[0])).toEqual(Object.keys(capture("order-refunds-list.json")[0]));
    const trk = await get("/wp-json/wc-shipment-tracking/v3/orders/2004/shipment-trackings");
    expect(trk.body.map((t: { tracking_number: string }) => t.tracking_number)).toEqual([
      "01505034712389",
      "00340434161094058770",
    ]);
  });

  it("WP index is public and carries name, timezone and gmt_offset", async () => {
    const r = await fetch(`${emu.url}/wp-json/`);
    const body = await r.json();
    expect(r.status).toBe(200);
    expect(body).toMatchObject({ name: "Demo Woo Garden", timezone_string: "Europe/Berlin" });
    expect(typeof body.gmt_offset).toBe("number");
  });

  it("settings/general gives the currency; requires auth", async () => {
    const { body } = await get("/wp-json/wc/v3/settings/general");
    expect(body.find((s: { id: string }) => s.id === "woocommerce_currency").value).toBe("EUR");
    expect((await fetch(`${emu.url}/wp-json/wc/v3/settings/general`)).status).toBe(401);
  });

  it("order JSON has the same top-level fields as the live capture", async () => {
    const { body } = await get("/wp-json/wc/v3/orders/2002");
    expect(Object.keys(body).sort()).toEqual(
      Object.keys(capture("order-completed-with-tracking.json")).sort(),
    );
  });
});

describe("WooCommerce emulator — faults", () => {
  it("http_status with Retry-After, once", async () => {
    emu.inject({ kind: "http_status", status: 429, retryAfter: 3 });
    const r = await fetch(signedUrl(emu.url, "/wp-json/wc/v3/orders/2001", {}));
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("3");
    expect((await fetch(signedUrl(emu.url, "/wp-json/wc/v3/orders/2001", {}))).status).toBe(200);
  });

  it("malformed_json truncates the body", async () => {
    emu.inject({ kind: "malformed_json" });
    const r = await fetch(signedUrl(emu.url, "/wp-json/wc/v3/orders/2001", {}));
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it("timeout holds the request open", async () => {
    emu.inject({ kind: "timeout" });
    const err = await failure(
      fetch(signedUrl(emu.url, "/wp-json/wc/v3/orders/2001", {}), { signal: AbortSignal.timeout(150) }),
    );
    expect(String(err?.name)).toMatch(/TimeoutError|AbortError/);
  });

  it("latency delays answers", async () => {
    emu.inject({ kind: "latency", ms: 120 });
    const t0 = Date.now();
    await fetch(`${emu.url}/wp-json/`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
  });
});

describe("WooCommerce emulator — /wc-auth/v1", () => {
  let cb: Server;
  let cbUrl: string;
  let cbStatus = 200;
  const received: Array<{ headers: IncomingMessage["headers"]; body: string }> = [];
  beforeAll(async () => {
    cb = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(cbStatus);
        res.end("ok");
      });
    });
    await new Promise<void>((r) => cb.listen(0, "127.0.0.1", () => r()));
    cbUrl = `http://127.0.0.1:${(cb.address() as AddressInfo).port}/wc-auth/callback`;
  });
  afterAll(() => new Promise<void>((r) => cb.close(() => r())));

  it("requires https callback_url unless allowHttpCallback", async () => {
    const r = await fetch(
      `${emu.url}/wc-auth/v1/authorize?` +
        new URLSearchParams({
          app_name: "TrulyBot",
          scope: "read",
          user_id: "store-1",
          return_url: "http://app.test/r",
          callback_url: cbUrl,
        }),
    );
    expect(r.status).toBe(401);
    expect(await r.text()).toContain("The callback_url needs to be over SSL");
    const missing = await fetch(`${emu.url}/wc-auth/v1/authorize?app_name=x&scope=read`);
    expect(await missing.text()).toContain("Missing parameter user_id");
    const badScope = await emu.approve({
      app_name: "x",
      scope: "admin",
      user_id: "1",
      return_url: "https://a.test",
      callback_url: "https://a.test/cb",
    });
    expect(badScope.error).toBe("Invalid scope");
  });

  it("authorize page → Approve → key POSTed to the callback like WooCommerce → 302 to return_url", async () => {
    const e2 = await startWooEmulator({ allowHttpCallback: true });
    try {
      received.length = 0;
      cbStatus = 200;
      const params = {
        app_name: "TrulyBot Commerce",
        scope: "read",
        user_id: "store-42",
        return_url: "http://app.test/woo/return?x=1",
        callback_url: cbUrl,
      };
      const page = await fetch(`${e2.url}/wc-auth/v1/authorize?` + new URLSearchParams(params));
      const html = await page.text();
      expect(html).toContain("View orders and sales reports");
      const approveHref = /href="([^"]*access_granted[^"]*)"/.exec(html)![1].replace(/&amp;/g, "&");
      const granted = await fetch(e2.url + approveHref, { redirect: "manual" });
      expect(granted.status).toBe(302);
      const loc = new URL(granted.headers.get("location")!);
      expect(loc.origin + loc.pathname).toBe("http://app.test/woo/return");
      expect(loc.searchParams.get("success")).toBe("1");
      expect(loc.searchParams.get("user_id")).toBe("store-42");
      expect(loc.searchParams.get("x")).toBe("1");

      expect(received).toHaveLength(1);
      expect(received[0].headers["content-type"]).toBe("application/json;charset=UTF-8");
      expect(received[0].headers["user-agent"]).toMatch(/^WordPress\/6\.8\.2; /);
      const body = JSON.parse(received[0].body);
      expect(Object.keys(body)).toEqual(Object.keys(capture("wc-auth-callback-body.json")));
      expect(body.user_id).toBe("store-42");
      expect(body.key_permissions).toBe("read");
      expect(body.consumer_key).toMatch(/^ck_[0-9a-f]{40}$/);
      expect(body.consumer_secret).toMatch(/^cs_[0-9a-f]{40}$/);

      // the new key works over OAuth
      const r = await fetch(
        signedUrl(
          e2.url,
          "/wp-json/wc/v3/orders/2001",
          {},
          { ck: body.consumer_key, cs: body.consumer_secret },
        ),
      );
      expect(r.status).toBe(200);
      // the nonce of the approve link is single-use
      const again = await fetch(e2.url + approveHref, { redirect: "manual" });
      expect(again.status).toBe(401);
    } finally {
      await e2.close();
    }
  });

  it("deletes the key when the callback does not answer exactly 200", async () => {
    const e2 = await startWooEmulator({ allowHttpCallback: true });
    try {
      cbStatus = 201;
      const before = e2.keys.length;
      const r = await e2.approve({
        app_name: "TrulyBot",
        scope: "read",
        user_id: "s1",
        return_url: "http://app.test/r",
        callback_url: cbUrl,
      });
      expect(r.key).toBeNull();
      expect(r.error).toMatch(/unable to send the consumer data/);
      expect(e2.keys.length).toBe(before);
      expect(e2.callbacks.at(-1)).toMatchObject({ status: 201, keyDeleted: true });
      cbStatus = 200;
      const ok = await e2.approve({
        app_name: "TrulyBot",
        scope: "read",
        user_id: "s1",
        return_url: "app.test/r",
        callback_url: cbUrl,
      });
      expect(ok.redirectUrl).toBe("https://app.test/r?success=1&user_id=s1");
      expect(e2.deny({ return_url: "http://app.test/r", user_id: "s1" })).toBe(
        "http://app.test/r?success=0&user_id=s1",
      );
    } finally {
      cbStatus = 200;
      await e2.close();
    }
  });
});

import { describe, expect, it } from "vitest";
import { PlatformUnavailableError } from "../types";
import { createWooClient, parseJsonLenient, parseRetryAfter, WooApiError, type FetchLike } from "./client";
import { oauthBaseString, oauthSignature, rawurlencode } from "./oauth";
import { failure } from "../../../test/helpers/failure";

// Vector computed independently (Python urllib.quote(safe='-_.~') + hmac), following WooCommerce's
// check_oauth_signature: sort raw keys, rawurlencode(rawurlencode(k)=rawurlencode(v)), join %26.
const VECTOR = {
  url: "http://127.0.0.1:8080/wp-json/wc/v3/orders",
  params: {
    per_page: "5",
    search: "a b+c/ü",
    oauth_consumer_key: "ck_test",
    oauth_nonce: "abc123nonce",
    oauth_signature_method: "HMAC-SHA256",
    oauth_timestamp: "1795000000",
  },
  base: "GET&http%3A%2F%2F127.0.0.1%3A8080%2Fwp-json%2Fwc%2Fv3%2Forders&oauth_consumer_key%3Dck_test%26oauth_nonce%3Dabc123nonce%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1795000000%26per_page%3D5%26search%3Da%2520b%252Bc%252F%25C3%25BC",
  sha256: "pkiQyh6hFM3scXn1vkU1Y/z5v3JEjR8zWVmnHTak4bc=",
  sha1: "5XxrwgrKZmTOaNsO2jAbPUT12m4=",
};

describe("OAuth 1.0a signing (WooCommerce flavour)", () => {
  it("builds the exact signature base string and signatures of an independent implementation", () => {
    expect(oauthBaseString("get", VECTOR.url, VECTOR.params)).toBe(VECTOR.base);
    expect(oauthSignature("GET", VECTOR.url, VECTOR.params, "cs_secret", "HMAC-SHA256")).toBe(VECTOR.sha256);
    expect(
      oauthSignature(
        "GET",
        VECTOR.url,
        { ...VECTOR.params, oauth_signature_method: "HMAC-SHA256" },
        "cs_secret",
        "HMAC-SHA1",
      ),
    ).toBe(VECTOR.sha1);
  });

  it("ignores oauth_signature when signing and encodes like PHP rawurlencode", () => {
    expect(oauthBaseString("GET", VECTOR.url, { ...VECTOR.params, oauth_signature: "x" })).toBe(VECTOR.base);
    expect(rawurlencode("a b!*'()~")).toBe("a%20b%21%2A%27%28%29~");
  });
});

function fakeFetch(responses: Array<(url: string, init?: RequestInit) => Response | Promise<Response>>) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const impl: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (!next) throw new Error("no more fake responses");
    return next(url, init);
  };
  return { impl, calls };
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=UTF-8", ...headers },
  });

describe("createWooClient", () => {
  it("uses HTTPS Basic auth and no OAuth parameters over TLS", async () => {
    const f = fakeFetch([() => json(200, [{ id: 1 }], { "X-WP-Total": "1", "X-WP-TotalPages": "1" })]);
    const c = createWooClient({
      storeUrl: "https://shop.example/",
      consumerKey: "ck_a",
      consumerSecret: "cs_b",
      fetchImpl: f.impl,
    });
    const r = await c.getWithMeta<unknown[]>("/wc/v3/orders", { per_page: 5 });
    expect(r.data).toEqual([{ id: 1 }]);
    expect(r.total).toBe(1);
    expect(f.calls[0].url).toBe("https://shop.example/wp-json/wc/v3/orders?per_page=5");
    const h = f.calls[0].init?.headers as Record<string, string>;
    expect(h.Authorization).toBe("Basic " + Buffer.from("ck_a:cs_b").toString("base64"));
    expect(f.calls[0].url).not.toContain("oauth_");
    expect(c.usesOAuth).toBe(false);
  });

  it("signs plain-HTTP requests with OAuth 1.0a in the query string, no Authorization header", async () => {
    const f = fakeFetch([() => json(200, { id: 7 })]);
    const c = createWooClient({
      storeUrl: "http://127.0.0.1:8080",
      consumerKey: "ck_test",
      consumerSecret: "cs_secret",
      fetchImpl: f.impl,
      now: () => 1795000000 * 1000,
      nonce: () => "abc123nonce",
    });
    await c.get("/wc/v3/orders", { per_page: 5, search: "a b+c/ü" });
    const u = new URL(f.calls[0].url);
    expect(u.origin + u.pathname).toBe(VECTOR.url);
    expect(u.searchParams.get("oauth_signature")).toBe(VECTOR.sha256);
    expect(u.searchParams.get("oauth_signature_method")).toBe("HMAC-SHA256");
    expect(u.searchParams.get("oauth_version")).toBeNull();
    expect((f.calls[0].init?.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it("supports ?rest_route= and signs the rest_route parameter against the bare home URL", async () => {
    const f = fakeFetch([() => json(200, [])]);
    const c = createWooClient({
      storeUrl: "http://shop.test/",
      consumerKey: "ck",
      consumerSecret: "cs",
      fetchImpl: f.impl,
      restRoute: true,
      now: () => 1e12,
      nonce: () => "n1",
    });
    await c.get("/wc/v3/orders/12");
    const u = new URL(f.calls[0].url);
    expect(u.pathname).toBe("/");
    expect(u.searchParams.get("rest_route")).toBe("/wc/v3/orders/12");
    const params = Object.fromEntries([...u.searchParams].filter(([k]) => k !== "oauth_signature"));
    expect(u.searchParams.get("oauth_signature")).toBe(
      oauthSignature("GET", "http://shop.test", params, "cs"),
    );
  });

  it("uses a fresh nonce per request and per retry", async () => {
    const f = fakeFetch([() => json(503, {}), () => json(200, {}), () => json(200, {})]);
    const c = createWooClient({
      storeUrl: "http://s.test",
      consumerKey: "ck",
      consumerSecret: "cs",
      fetchImpl: f.impl,
      sleep: async () => {},
    });
    await c.get("/wc/v3/orders/1");
    await c.get("/wc/v3/orders/1");
    const nonces = f.calls.map((x) => new URL(x.url).searchParams.get("oauth_nonce"));
    expect(new Set(nonces).size).toBe(3);
    expect(nonces[0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it("retries 429 honouring Retry-After, then succeeds", async () => {
    const waits: number[] = [];
    const f = fakeFetch([() => json(429, { code: "x" }, { "Retry-After": "2" }), () => json(200, { ok: 1 })]);
    const c = createWooClient({
      storeUrl: "https://s.test",
      consumerKey: "ck",
      consumerSecret: "cs",
      fetchImpl: f.impl,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(await c.get("/wc/v3/orders/1")).toEqual({ ok: 1 });
    expect(waits).toEqual([2000]);
  });

  it("gives up after maxRetries on 5xx with upstream_error and bounded backoff", async () => {
    const waits: number[] = [];
    const f = fakeFetch([() => json(502, {}), () => json(500, {}), () => json(503, {})]);
    const c = createWooClient({
      storeUrl: "https://s.test",
      consumerKey: "ck",
      consumerSecret: "cs",
      fetchImpl: f.impl,
      maxRetries: 2,
      sleep: async (ms) => void waits.push(ms),
    });
    const err = await failure(c.get("/wc/v3/orders/1"));
    expect(err).toBeInstanceOf(PlatformUnavailableError);
    expect(err.reason).toBe("upstream_error");
    expect(f.calls).toHaveLength(3);
    expect(waits).toHaveLength(2);
    for (const w of waits) expect(w).toBeLessThanOrEqual(2100);
  });

  it("a long Retry-After is not waited for: throttled with retryAfterSeconds", async () => {
    const f = fakeFetch([() => json(429, {}, { "Retry-After": "120" })]);
    const c = createWooClient({
      storeUrl: "https://s.test",
      consumerKey: "ck",
      consumerSecret: "cs",
      fetchImpl: f.impl,
      sleep: async () => {},
    });
    const err = await failure(c.get("/x"));
    expect(err.reason).toBe("throttled");
    expect(err.retryAfterSeconds).toBe(120);
    expect(f.calls).toHaveLength(1);
  });

  it("401 with WooCommerce's bad-signature body → auth error, not retried", async () => {
    const f = fakeFetch([
      () =>
        json(401, {
          code: "woocommerce_rest_authentication_error",
          message: "Invalid signature - provided signature does not match.",
          data: { status: 401 },
        }),
    ]);
    const c = createWooClient({
      storeUrl: "http://s.test",
      consumerKey: "ck",
      consumerSecret: "cs",
      fetchImpl: f.impl,
      sleep: async () => {},
    });
    const err = await failure(c.get("/wc/v3/orders"));
    expect(err).toBeInstanceOf(PlatformUnavailableError);
    expect(err.reason).toBe("auth");
    expect(err.message).toContain("Invalid signature");
    expect(f.calls).toHaveLength(1);
  });

  it("404 invalid id surfaces as WooApiError with the WooCommerce code", async () => {
    const f = fakeFetch([
      () =>
        json(404, {
          code: "woocommerce_rest_shop_order_invalid_id",
          message: "Invalid ID.",
          data: { status: 404 },
        }),
    ]);
    const c = createWooClient({
      storeUrl: "https://s.test",
      consumerKey: "ck",
      consumerSecret: "cs",
      fetchImpl: f.impl,
    });
    const err = await failure(c.get("/wc/v3/orders/9"));
    expect(err).toBeInstanceOf(WooApiError);
    expect(err.status).toBe(404);
    expect(err.code).toBe("woocommerce_rest_shop_order_invalid_id");
  });

  it("malformed JSON → malformed after retries; PHP notice before JSON is tolerated", async () => {
    const f = fakeFetch([
      () => new Response('{"id": 1, "sta', { status: 200 }),
      () => new Response("<html>oops</html>", { status: 200 }),
    ]);
    const c = createWooClient({
      storeUrl: "https://s.test",
      consumerKey: "ck",
      consumerSecret: "cs",
      fetchImpl: f.impl,
      maxRetries: 1,
      sleep: async () => {},
    });
    const err = await failure(c.get("/x"));
    expect(err.reason).toBe("malformed");
    const g = fakeFetch([
      () => new Response('<br />\n<b>Notice</b>: Undefined index in x.php<br />\n{"id":3}', { status: 200 }),
    ]);
    const c2 = createWooClient({
      storeUrl: "https://s.test",
      consumerKey: "ck",
      consumerSecret: "cs",
      fetchImpl: g.impl,
    });
    expect(await c2.get("/x")).toEqual({ id: 3 });
  });

  it("times out with reason timeout (no retry by default)", async () => {
    const f = fakeFetch([
      (_u, init) =>
        new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        }),
    ]);
    const c = createWooClient({
      storeUrl: "https://s.test",
      consumerKey: "ck",
      consumerSecret: "cs",
      fetchImpl: f.impl,
      timeoutMs: 30,
    });
    const err = await failure(c.get("/x"));
    expect(err.reason).toBe("timeout");
    expect(f.calls).toHaveLength(1);
  });

  it("network errors are retried and end as reason network", async () => {
    const boom = () => {
      throw new TypeError("fetch failed");
    };
    const f = fakeFetch([boom, boom]);
    const c = createWooClient({
      storeUrl: "https://s.test",
      consumerKey: "ck",
      consumerSecret: "cs",
      fetchImpl: f.impl,
      maxRetries: 1,
      sleep: async () => {},
    });
    const err = await failure(c.get("/x"));
    expect(err.reason).toBe("network");
    expect(f.calls).toHaveLength(2);
  });

  it("helpers", () => {
    expect(parseRetryAfter("7", 0)).toBe(7);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10);
    expect(parseRetryAfter(null, 0)).toBeNull();
    expect(parseJsonLenient("nope")).toEqual({ ok: false });
    expect(() => createWooClient({ storeUrl: "ftp://x", consumerKey: "a", consumerSecret: "b" })).toThrow();
  });
});

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import {
  createShopifyGraphqlClient,
  resolveAdminOrigin,
  ShopifyGraphqlError,
  type ShopifyGraphqlClientOptions,
} from "./client";
import { PlatformUnavailableError } from "../types";
import {
  startShopifyAdminEmulator,
  DEMO_ACCESS_TOKEN,
  DEMO_SHOP,
  type ShopifyAdminEmulator,
} from "../../../test/emulators/shopify-admin/emulator";

const SHOP = "demo-outfitters.myshopify.com";

type Reply = Response | Error | "hang";
function fakeFetch(replies: Reply[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const r = replies.length > 1 ? replies.shift()! : replies[0];
    if (r === "hang") {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal!.reason));
      });
    }
    if (r instanceof Error) throw r;
    return r.clone();
  }) as typeof fetch;
  return { impl, calls };
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
const okBody = (data: unknown, available = 990) => ({
  data,
  extensions: {
    cost: {
      requestedQueryCost: 10,
      actualQueryCost: 5,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: available, restoreRate: 50 },
    },
  },
});

function client(replies: Reply[], extra: Partial<ShopifyGraphqlClientOptions> = {}) {
  const f = fakeFetch(replies);
  const sleeps: number[] = [];
  const c = createShopifyGraphqlClient({
    shop: SHOP,
    accessToken: "shpat_x",
    fetchImpl: f.impl,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
  return { c, calls: f.calls, sleeps };
}

async function rejection(p: Promise<unknown>): Promise<PlatformUnavailableError> {
  try {
    await p;
  } catch (e) {
    return e as PlatformUnavailableError;
  }
  throw new Error("expected a rejection");
}

describe("createShopifyGraphqlClient (fake fetch)", () => {
  it("POSTs the query to https://{shop}/admin/api/2026-01/graphql.json with the access token", async () => {
    const { c, calls } = client([json(okBody({ shop: { name: "Demo" } }))]);
    const r = await c.request<{ shop: { name: string } }>("query Q { shop { name } }", { a: 1 });
    expect(r.data.shop.name).toBe("Demo");
    expect(r.extensions?.cost?.requestedQueryCost).toBe(10);
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe("https://demo-outfitters.myshopify.com/admin/api/2026-01/graphql.json");
    expect(calls[0].init.method).toBe("POST");
    expect((calls[0].init.headers as Record<string, string>)["X-Shopify-Access-Token"]).toBe("shpat_x");
    expect(JSON.parse(String(calls[0].init.body))).toEqual({
      query: "query Q { shop { name } }",
      variables: { a: 1 },
    });
  });

  it("uses the configured origin override (the emulator) on the same code path", async () => {
    expect(resolveAdminOrigin(SHOP, {})).toBe("https://demo-outfitters.myshopify.com");
    expect(resolveAdminOrigin(SHOP, { SHOPIFY_ADMIN_API_ORIGIN: "http://127.0.0.1:4010/" })).toBe(
      "http://127.0.0.1:4010",
    );
    const { c, calls } = client([json(okBody({ shop: { name: "Demo" } }))], {
      origin: "http://127.0.0.1:4010",
    });
    await c.request("{ shop { name } }");
    expect(calls[0].url).toBe("http://127.0.0.1:4010/admin/api/2026-01/graphql.json");
  });

  it("refuses a shop that is not a myshopify.com domain when no origin is configured", () => {
    expect(() => createShopifyGraphqlClient({ shop: "evil.example/..", accessToken: "x" })).toThrow(
      /Invalid shop/,
    );
  });

  it("401/403 → PlatformUnavailableError(auth) without retrying", async () => {
    for (const status of [401, 403]) {
      const { c, calls } = client([
        json(
          { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" },
          status,
        ),
      ]);
      const e = await rejection(c.request("{ shop { name } }"));
      expect(e).toBeInstanceOf(PlatformUnavailableError);
      expect(e.reason).toBe("auth");
      expect(calls).toHaveLength(1);
    }
  });

  it("503 is retried by the library, told our growing backoff (in the ms its Retry-After parser expects)", async () => {
    const log: { type: string; content: unknown }[] = [];
    const { c, calls } = client([json("oops", 503), json("oops", 503), json(okBody({ ok: 1 }))], {
      logger: (entry) => log.push(entry),
    });
    const r = await c.request<{ ok: number }>("{ shop { name } }");
    expect(r.data.ok).toBe(1);
    expect(calls).toHaveLength(3);
    const waits = log
      .filter((l) => l.type === "HTTP-Retry")
      .map((l) => (l.content as { lastResponse: Response }).lastResponse.headers.get("Retry-After"));
    expect(waits).toEqual(["188", "375"]); // 250·2^n ms, the upper half jittered (random = 0.5)
  });

  it("500/502/504 (not in the library's retry list) are retried by the client with growing backoff", async () => {
    const { c, calls, sleeps } = client([json("oops", 502), json("oops", 500), json(okBody({ ok: 1 }))]);
    const r = await c.request<{ ok: number }>("{ shop { name } }");
    expect(r.data.ok).toBe(1);
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([188, 375]);
  });

  it("gives up after maxRetries on persistent 5xx with upstream_error", async () => {
    const { c, calls } = client([json("down", 500)], { maxRetries: 2 });
    const e = await rejection(c.request("{ shop { name } }"));
    expect(e.reason).toBe("upstream_error");
    expect(calls).toHaveLength(3);
  });

  it("honours Retry-After (seconds) on 429, and gives up at once when the wait is too long", async () => {
    const log: { type: string; content: unknown }[] = [];
    const a = client(
      [json({ errors: "Exceeded 2 calls per second" }, 429, { "Retry-After": "1" }), json(okBody({ ok: 1 }))],
      { logger: (entry) => log.push(entry) },
    );
    expect((await a.c.request<{ ok: number }>("{ shop { name } }")).data.ok).toBe(1);
    expect(a.calls).toHaveLength(2);
    const retry = log.find((l) => l.type === "HTTP-Retry")!.content as { lastResponse: Response };
    expect(retry.lastResponse.headers.get("Retry-After")).toBe("1000"); // 1 s, as the library reads ms
    const b = client([json({ errors: "Exceeded" }, 429, { "Retry-After": "60" })]);
    const e = await rejection(b.c.request("{ shop { name } }"));
    expect(e.reason).toBe("throttled");
    expect(e.retryAfterSeconds).toBe(60);
    expect(b.calls).toHaveLength(1);
  });

  it("a library retry that would end past the deadline is not made (no request after the budget)", async () => {
    const { c, calls } = client([json("busy", 503)], { deadlineMs: 500 });
    const e = await rejection(c.request("{ shop { name } }"));
    expect(e.reason).toBe("upstream_error");
    expect(calls).toHaveLength(2); // waits 188 ms (fits), then 375 ms would end past 500 ms
  });

  it("concurrent calls keep their own attempts: one caller's outage is not another's", async () => {
    const impl = (async (_url: string | URL | Request, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { variables: { n: number } };
      return body.variables.n === 1 ? json("down", 500) : json(okBody({ n: body.variables.n }));
    }) as typeof fetch;
    const c = createShopifyGraphqlClient({ shop: SHOP, accessToken: "t", fetchImpl: impl, maxRetries: 0 });
    const [bad, good] = await Promise.allSettled([
      c.request("query Q($n: Int) { n }", { n: 1 }),
      c.request<{ n: number }>("query Q($n: Int) { n }", { n: 2 }),
    ]);
    expect(bad.status === "rejected" && (bad.reason as PlatformUnavailableError).reason).toBe(
      "upstream_error",
    );
    expect(good.status === "fulfilled" && good.value.data.n).toBe(2);
  });

  it("waits for the needed cost points on THROTTLED and retries", async () => {
    const throttled = {
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
      extensions: {
        cost: {
          requestedQueryCost: 500,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 100, restoreRate: 50 },
        },
      },
    };
    const { c, calls, sleeps } = client([json(throttled), json(okBody({ ok: 1 }))]);
    const r = await c.request<{ ok: number }>("{ shop { name } }");
    expect(r.data.ok).toBe(1);
    expect(calls).toHaveLength(2);
    expect(sleeps[0]).toBe(8050); // (500 - 100) / 50 s + 50 ms margin
  });

  it("persistent THROTTLED → PlatformUnavailableError(throttled)", async () => {
    const throttled = { errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] };
    const { c, calls } = client([json(throttled)], { maxRetries: 2 });
    const e = await rejection(c.request("{ shop { name } }"));
    expect(e.reason).toBe("throttled");
    expect(calls).toHaveLength(3);
  });

  it("waits before sending a query it knows will not fit in the bucket", async () => {
    const t = 0;
    const { c, sleeps } = client([json(okBody({ ok: 1 }, 2)), json(okBody({ ok: 2 }))], { now: () => t });
    await c.request("{ shop { name } }"); // learns cost 10, 2 points left
    await c.request("{ shop { name } }");
    expect(sleeps).toEqual([160]); // (10 - 2) / 50 s
  });

  it("malformed JSON is retried, and reported as malformed when it persists", async () => {
    const a = client([json('{"data":{"sho'), json(okBody({ ok: 1 }))]);
    expect((await a.c.request<{ ok: number }>("{ shop { name } }")).data.ok).toBe(1);
    const b = client([json('{"data":{"sho')], { maxRetries: 1 });
    expect((await rejection(b.c.request("{ shop { name } }"))).reason).toBe("malformed");
  });

  it("times out with AbortSignal and reports timeout", async () => {
    const { c, calls } = client(["hang"], { timeoutMs: 30, maxRetries: 1 });
    const e = await rejection(c.request("{ shop { name } }"));
    expect(e.reason).toBe("timeout");
    expect(calls).toHaveLength(2);
  });

  it("an answered call leaves no attempt timer armed: its request's signal never aborts afterwards", async () => {
    const { c, calls } = client([json(okBody({ shop: { name: "Demo" } }))], { timeoutMs: 20 });
    await c.request("{ shop { name } }");
    const signal = calls[0]!.init.signal!;
    await new Promise((r) => setTimeout(r, 80)); // well past the 20 ms attempt timeout
    expect(signal.aborted).toBe(false);
  });

  it("no attempt runs past the call's deadline (the per-attempt timeout is cut to what is left)", async () => {
    const { c, calls } = client(["hang"], { timeoutMs: 10_000, deadlineMs: 1500, maxRetries: 3 });
    const e = await rejection(c.request("{ shop { name } }"));
    expect(e.reason).toBe("timeout");
    expect(calls).toHaveLength(1); // the attempt is cut at 1.5 s, and no retry fits after it
  });

  it("network failures → network", async () => {
    const { c } = client([new TypeError("fetch failed")], { maxRetries: 0 });
    expect((await rejection(c.request("{ shop { name } }"))).reason).toBe("network");
  });

  it("GraphQL errors without data → ShopifyGraphqlError, not retried; partial errors come back with data", async () => {
    const a = client([json({ errors: [{ message: "Field 'nam' doesn't exist on type 'Order'" }] })]);
    const e = await rejection(a.c.request("{ x }"));
    expect(e).toBeInstanceOf(ShopifyGraphqlError);
    expect(e).toBeInstanceOf(PlatformUnavailableError);
    expect(e.message).toContain("doesn't exist");
    expect(a.calls).toHaveLength(1);
    const b = client([
      json({
        data: { customer: null },
        errors: [{ message: "Access denied", extensions: { code: "ACCESS_DENIED" } }],
      }),
    ]);
    const r = await b.c.request<{ customer: null }>("{ x }");
    expect(r.data.customer).toBeNull();
    expect(r.errors?.[0].extensions?.code).toBe("ACCESS_DENIED");
  });

  it("hostile 200 answers: a string `errors`, an HTML page, an empty body, `data: null` — never data, never a crash", async () => {
    const a = client([json({ errors: "[API] This action requires merchant approval" })]);
    const e = await rejection(a.c.request("{ shop { name } }"));
    expect(e).toBeInstanceOf(ShopifyGraphqlError);
    expect(e.message).toContain("merchant approval");
    const html = new Response("<html>Maintenance</html>", {
      status: 200,
      headers: { "Content-Type": "text/html" },
    });
    for (const reply of [html, json(""), json({ data: null, errors: [] }), json("[1,2,3]")]) {
      const b = client([reply], { maxRetries: 1 });
      const err = await rejection(b.c.request("{ shop { name } }"));
      expect(err).toBeInstanceOf(PlatformUnavailableError);
      expect(err.reason).toBe("malformed");
      expect(b.calls).toHaveLength(2); // retried once, then reported
    }
  });

  it("bounds total retry time by the deadline", async () => {
    const t = { v: 0 };
    const { c, calls } = client([json("x", 500)], {
      maxRetries: 10,
      deadlineMs: 1000,
      now: () => t.v,
      sleep: async (ms) => void (t.v += ms),
    });
    await rejection(c.request("{ shop { name } }"));
    expect(calls.length).toBeLessThan(6);
  });
});

describe("createShopifyGraphqlClient against the emulator over HTTP", () => {
  let e: ShopifyAdminEmulator;
  beforeAll(async () => {
    e = await startShopifyAdminEmulator({ bucket: { maximumAvailable: 1000, restoreRate: 500 } });
  });
  afterAll(async () => {
    await e.close();
  });
  const make = (extra: Partial<ShopifyGraphqlClientOptions> = {}) =>
    createShopifyGraphqlClient({
      shop: DEMO_SHOP,
      accessToken: DEMO_ACCESS_TOKEN,
      origin: resolveAdminOrigin(DEMO_SHOP, { SHOPIFY_ADMIN_API_ORIGIN: e.url }),
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
      ...extra,
    });

  it("reads data and the cost extension", async () => {
    const r = await make().request<{ shop: { name: string } }>("{ shop { name } }");
    expect(r.data.shop.name).toBe("Demo Outfitters");
    expect(r.extensions?.cost?.throttleStatus?.maximumAvailable).toBe(1000);
  });

  it("recovers from two injected 503s", async () => {
    e.inject({ kind: "http_status", status: 503, times: 2 });
    const before = e.requests.length;
    const r = await make().request<{ shop: { name: string } }>("{ shop { name } }");
    expect(r.data.shop.name).toBe("Demo Outfitters");
    expect(e.requests.length - before).toBe(3);
  });

  it("waits out a real THROTTLED from the bucket and succeeds", async () => {
    // a slow restore (10 points/s): the first attempt is throttled even on a busy machine
    e.setRateLimit({ restoreRate: 10 });
    e.setBucket(DEMO_SHOP, 0);
    const r = await createShopifyGraphqlClient({
      shop: DEMO_SHOP,
      accessToken: DEMO_ACCESS_TOKEN,
      origin: e.url,
    }).request<{
      orders: { nodes: unknown[] };
    }>("{ orders(first: 10) { nodes { name } } }");
    expect(r.data.orders.nodes).toHaveLength(10);
    expect(e.requests.slice(-2).map((x) => x.outcome)).toEqual(["throttled", "ok"]);
    e.setRateLimit({ restoreRate: 500 }); // the describe's rate again
    e.setBucket(DEMO_SHOP, 1000);
  });

  it("times out against a hanging emulator", async () => {
    e.inject({ kind: "timeout", times: 2 });
    const err = await rejection(make({ timeoutMs: 150, maxRetries: 1 }).request("{ shop { name } }"));
    expect(err.reason).toBe("timeout");
  });

  it("reports a wrong token as auth", async () => {
    const err = await rejection(make({ accessToken: "shpat_nope" }).request("{ shop { name } }"));
    expect(err.reason).toBe("auth");
  });

  it("reports injected malformed JSON (every attempt) as malformed", async () => {
    e.inject({ kind: "malformed_json", times: 2 });
    const err = await rejection(make({ maxRetries: 1 }).request("{ shop { name } }"));
    expect(err.reason).toBe("malformed");
  });

  it("an invalid query surfaces as ShopifyGraphqlError", async () => {
    const err = await rejection(make().request("{ shop { nam } }"));
    expect(err).toBeInstanceOf(ShopifyGraphqlError);
  });
});

import { describe, it, expect } from "vitest";
import { postMessage, fetchConfig, getMessages, parseRetryAfter, type FetchLike } from "./net";
import type { KV } from "./storage";

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error;
function fakeFetch(replies: Reply[]) {
  const calls: { url: string; init?: Parameters<FetchLike>[1] }[] = [];
  const fn: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const r = replies.shift();
    if (!r) throw new Error("no more replies");
    if (r instanceof Error) throw r;
    const h = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    return {
      ok: r.status >= 200 && r.status < 300,
      status: r.status,
      headers: { get: (n: string) => h[n.toLowerCase()] ?? null },
      json: async () => {
        if (r.body === undefined) throw new Error("no body");
        return r.body;
      },
    };
  };
  return { fn, calls };
}
const ok = {
  conversationId: "c1",
  messages: [{ id: "1", role: "bot", type: "text", text: "Hi" }],
  awaiting: null,
};
const noSleep = { sleep: async () => {} };

describe("postMessage", () => {
  it("posts JSON to {base}/messages", async () => {
    const f = fakeFetch([{ status: 200, body: ok }]);
    const r = await postMessage(
      f.fn,
      "/apps/trulybot",
      { conversationId: "c1", text: "hi", locale: "en" },
      noSleep,
    );
    expect(r).toEqual({ ok: true, data: ok });
    expect(f.calls[0].url).toBe("/apps/trulybot/messages");
    expect(f.calls[0].init?.method).toBe("POST");
    expect(JSON.parse(f.calls[0].init!.body!)).toEqual({ conversationId: "c1", text: "hi", locale: "en" });
  });
  it("retries network errors twice with growing backoff, then succeeds", async () => {
    const f = fakeFetch([new TypeError("Failed to fetch"), { status: 503 }, { status: 200, body: ok }]);
    const waits: number[] = [];
    const r = await postMessage(f.fn, "/b", { text: "x" }, { sleep: async (ms) => void waits.push(ms) });
    expect(r.ok).toBe(true);
    expect(f.calls).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
  });
  it("gives up after 2 retries with a network error", async () => {
    const f = fakeFetch([
      new TypeError("x"),
      new TypeError("x"),
      new TypeError("x"),
      { status: 200, body: ok },
    ]);
    const r = await postMessage(f.fn, "/b", { text: "x" }, noSleep);
    expect(r).toEqual({ ok: false, kind: "network" });
    expect(f.calls).toHaveLength(3);
  });
  it("does not retry a 429 and reports Retry-After", async () => {
    const f = fakeFetch([{ status: 429, headers: { "Retry-After": "12" } }]);
    expect(await postMessage(f.fn, "/b", { text: "x" }, noSleep)).toEqual({
      ok: false,
      kind: "rate_limited",
      retryAfterSeconds: 12,
    });
    expect(f.calls).toHaveLength(1);
  });
  it("reports a 400 with its error code, without retrying", async () => {
    const f = fakeFetch([{ status: 400, body: { error: { code: "text_too_long", message: "…" } } }]);
    expect(await postMessage(f.fn, "/b", { text: "x" }, noSleep)).toEqual({
      ok: false,
      kind: "bad_request",
      code: "text_too_long",
    });
  });
  it("does not retry 403", async () => {
    const f = fakeFetch([{ status: 403 }]);
    expect(await postMessage(f.fn, "/b", { text: "x" }, noSleep)).toEqual({
      ok: false,
      kind: "server",
      status: 403,
    });
    expect(f.calls).toHaveLength(1);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("30")).toBe(30);
    expect(parseRetryAfter(new Date(10_000 + 20_000).toUTCString(), 10_000)).toBe(20);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });
});

describe("fetchConfig", () => {
  const cfg = {
    bot: {
      name: "Ava",
      greeting: "Hi",
      accentColor: "#123456",
      position: "left",
      avatarUrl: null,
      launcherLabel: "Help",
    },
    features: { orderTracking: true, handoff: true, faq: true },
    locale: "en",
    version: "1",
  };
  function mem(): KV {
    const d = new Map<string, string>();
    return {
      getItem: (k) => d.get(k) ?? null,
      setItem: (k, v) => void d.set(k, v),
      removeItem: (k) => void d.delete(k),
    };
  }
  it("stores the ETag, sends If-None-Match next time and uses the cached body on 304", async () => {
    const kv = mem();
    const f = fakeFetch([{ status: 200, body: cfg, headers: { ETag: 'W/"v1"' } }, { status: 304 }]);
    expect(await fetchConfig(f.fn, "/apps/trulybot", kv)).toEqual(cfg);
    expect(f.calls[0].url).toBe("/apps/trulybot/config");
    expect(f.calls[0].init?.headers?.["If-None-Match"]).toBeUndefined();
    expect(await fetchConfig(f.fn, "/apps/trulybot", kv)).toEqual(cfg);
    expect(f.calls[1].init?.headers?.["If-None-Match"]).toBe('W/"v1"');
  });
  it("returns null when offline with nothing cached, the cache when offline with it", async () => {
    const kv = mem();
    expect(await fetchConfig(fakeFetch([new TypeError("x")]).fn, "/b", kv)).toBeNull();
    await fetchConfig(fakeFetch([{ status: 200, body: cfg, headers: { ETag: '"a"' } }]).fn, "/b", kv);
    expect(await fetchConfig(fakeFetch([new TypeError("x")]).fn, "/b", kv)).toEqual(cfg);
  });
});

describe("WordPress REST nonce", () => {
  it("sends X-WP-Nonce on messages and config so WordPress recognises the logged-in customer", async () => {
    const ok = { status: 200, body: { conversationId: "c", messages: [], awaiting: null } };
    const { fn, calls } = fakeFetch([
      ok,
      { status: 200, body: { bot: { name: "x" } }, headers: { ETag: '"e"' } },
    ]);
    await postMessage(fn, "/wp-json/trulybot/v1", { text: "hi" }, { headers: { "X-WP-Nonce": "abc123" } });
    await fetchConfig(fn, "/wp-json/trulybot/v1", null, { "X-WP-Nonce": "abc123" });
    expect(calls[0].init?.headers?.["X-WP-Nonce"]).toBe("abc123");
    expect(calls[0].init?.headers?.["Content-Type"]).toBe("application/json");
    expect(calls[1].init?.headers?.["X-WP-Nonce"]).toBe("abc123");
  });
});

describe("conversation token on POST", () => {
  it("sends the token back in the body with its conversation id", async () => {
    const f = fakeFetch([{ status: 200, body: { ...ok, conversationToken: "tok" } }]);
    const r = await postMessage(
      f.fn,
      "/b",
      { conversationId: "c1", conversationToken: "tok", text: "hi", locale: "en" },
      noSleep,
    );
    expect(r.ok && r.data.conversationToken).toBe("tok");
    expect(JSON.parse(f.calls[0].init!.body!)).toEqual({
      conversationId: "c1",
      conversationToken: "tok",
      text: "hi",
      locale: "en",
    });
  });
});

describe("getMessages (poll)", () => {
  const q = { conversationId: "c 1&x", conversationToken: "t/=+", after: "m9" };
  it("GETs {base}/messages with id, token and after in the query (encoded)", async () => {
    const agent = { id: "a1", role: "agent", type: "text", text: "Hi, Sam here" };
    const f = fakeFetch([
      { status: 200, body: { conversationId: "c 1&x", messages: [agent], awaiting: null } },
    ]);
    const r = await getMessages(f.fn, "/apps/trulybot", q, { headers: { "X-WP-Nonce": "n" } });
    expect(r).toEqual({ ok: true, data: { conversationId: "c 1&x", messages: [agent], awaiting: null } });
    const url = new URL(f.calls[0].url, "https://shop.test");
    expect(url.pathname).toBe("/apps/trulybot/messages");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      conversationId: "c 1&x",
      conversationToken: "t/=+",
      after: "m9",
    });
    expect(f.calls[0].init?.method).toBeUndefined(); // GET
    expect(f.calls[0].init?.headers).toMatchObject({ "X-WP-Nonce": "n", Accept: "application/json" });
  });
  it("leaves `after` out when the widget has no server message yet", async () => {
    const f = fakeFetch([{ status: 200, body: ok }]);
    await getMessages(f.fn, "/b", { ...q, after: null });
    expect(new URL(f.calls[0].url, "https://x.test").searchParams.has("after")).toBe(false);
  });
  it.each([401, 403, 404, 400, 405])(
    "stops polling on %i (not this browser's conversation / not offered)",
    async (status) => {
      const f = fakeFetch([{ status, body: { error: { code: "x" } } }]);
      expect(await getMessages(f.fn, "/b", q)).toEqual({ ok: false, stop: true });
    },
  );
  it("keeps polling after network errors, 5xx, a bad body, and 429 with its Retry-After", async () => {
    const f = fakeFetch([
      new TypeError("offline"),
      { status: 503 },
      { status: 200, body: { nope: true } },
      { status: 429, headers: { "Retry-After": "20" } },
    ]);
    expect(await getMessages(f.fn, "/b", q)).toEqual({ ok: false, stop: false, retryAfterSeconds: null });
    expect(await getMessages(f.fn, "/b", q)).toEqual({ ok: false, stop: false, retryAfterSeconds: null });
    expect(await getMessages(f.fn, "/b", q)).toEqual({ ok: false, stop: false, retryAfterSeconds: null });
    expect(await getMessages(f.fn, "/b", q)).toEqual({ ok: false, stop: false, retryAfterSeconds: 20 });
    expect(f.calls).toHaveLength(4); // no hidden retries: the poller is the retry
  });
});

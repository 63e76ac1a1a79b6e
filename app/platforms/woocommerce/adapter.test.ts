import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_WOO_KEY,
  startWooEmulator,
  type WooEmulator,
} from "../../../test/emulators/woocommerce/emulator";
import { httpsFetchTrusting } from "../../../test/emulators/woocommerce/https-fetch";
import { PlatformUnavailableError } from "../types";
import { createWooAdapter, parseOrderNumber } from "./adapter";
import { createWooClient, type FetchLike } from "./client";
import { failure } from "../../../test/helpers/failure";

let emu: WooEmulator;
beforeAll(async () => {
  emu = await startWooEmulator();
});
afterAll(async () => {
  await emu.close();
});
afterEach(() => emu.clearFaults());

const client = (over: Partial<Parameters<typeof createWooClient>[0]> = {}) =>
  createWooClient({
    storeUrl: emu.url,
    consumerKey: DEMO_WOO_KEY.consumerKey,
    consumerSecret: DEMO_WOO_KEY.consumerSecret,
    sleep: async () => {},
    ...over,
  });
const adapter = (over: Partial<Parameters<typeof createWooClient>[0]> = {}) =>
  createWooAdapter({ client: client(over), storeUrl: "http://demo-woo.localhost" });
const day = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleDateString("en-CA", { timeZone: "Europe/Berlin" }) : null;

describe("WooCommerce client against the emulator (real HTTP, OAuth 1.0a)", () => {
  it("reads an order with a signed request", async () => {
    const o = await client().get<{ id: number }>("/wc/v3/orders/2003");
    expect(o.id).toBe(2003);
    expect(emu.requests.at(-1)?.auth).toBe("oauth");
  });

  it("works with HMAC-SHA1, and with ?rest_route= where the store authenticates it (WooCommerce 11.1+)", async () => {
    expect(
      (await client({ signatureMethod: "HMAC-SHA1" }).get<{ id: number }>("/wc/v3/orders/2004")).id,
    ).toBe(2004);
    const e2 = await startWooEmulator({ restRouteKeyAuth: true });
    try {
      const c = createWooClient({
        storeUrl: e2.url,
        consumerKey: DEMO_WOO_KEY.consumerKey,
        consumerSecret: DEMO_WOO_KEY.consumerSecret,
        restRoute: true,
      });
      expect((await c.get<{ id: number }>("/wc/v3/orders/2004")).id).toBe(2004);
      expect(e2.requests.at(-1)?.path).toBe("/");
    } finally {
      await e2.close();
    }
    // WooCommerce 10.0.2 does not run key auth for rest_route requests: reported as auth
    const err = await failure(client({ restRoute: true }).get("/wc/v3/orders/2004"));
    expect(err.reason).toBe("auth");
  });

  it("signs query parameters with spaces, '+', '@' and umlauts correctly", async () => {
    const list = await client().get<Array<{ id: number }>>("/wc/v3/orders", {
      search: "Zoë Brändli",
      per_page: 5,
    });
    expect(list.map((o) => o.id)).toEqual([2011]);
    const byMail = await client().get<Array<{ id: number }>>("/wc/v3/orders", {
      search: "tobias.wagner@example.net",
    });
    expect(byMail.map((o) => o.id)).toEqual([2002]);
  });

  it("a wrong secret is an auth failure (not retried)", async () => {
    const before = emu.requests.length;
    const err = await failure(client({ consumerSecret: "cs_wrong" }).get("/wc/v3/orders/2001"));
    expect(err).toBeInstanceOf(PlatformUnavailableError);
    expect(err.reason).toBe("auth");
    expect(emu.requests.length - before).toBe(1);
  });

  it("a replayed nonce is refused by the store and reported as auth", async () => {
    const c = client({ nonce: () => "fixed-nonce-for-replay-test", now: () => Date.now() });
    await c.get("/wc/v3/orders/2001");
    const err = await failure(c.get("/wc/v3/orders/2001"));
    expect(err.reason).toBe("auth");
    expect(err.message).toContain("nonce");
  });

  it("retries a 503 and a 429 with Retry-After, then succeeds", async () => {
    emu.inject({ kind: "http_status", status: 503 });
    emu.inject({ kind: "http_status", status: 429, retryAfter: 1 });
    const waits: number[] = [];
    const o = await client({ sleep: async (ms) => void waits.push(ms) }).get<{ id: number }>(
      "/wc/v3/orders/2001",
    );
    expect(o.id).toBe(2001);
    expect(waits).toHaveLength(2);
    expect(waits).toContain(1000);
  });

  it("a persistent outage surfaces as PlatformUnavailableError after bounded retries", async () => {
    emu.inject({ kind: "http_status", status: 500, times: 10 });
    const before = emu.requests.length;
    const err = await failure(client({ maxRetries: 2 }).get("/wc/v3/orders/2001"));
    expect(err.reason).toBe("upstream_error");
    expect(emu.requests.length - before).toBe(3);
  });

  it("timeouts and malformed JSON", async () => {
    emu.inject({ kind: "timeout" });
    const t = await failure(client({ timeoutMs: 100 }).get("/wc/v3/orders/2001"));
    expect(t.reason).toBe("timeout");
    emu.inject({ kind: "malformed_json", times: 5 });
    const m = await failure(client({ maxRetries: 1 }).get("/wc/v3/orders/2001"));
    expect(m.reason).toBe("malformed");
  });
});

describe("createWooAdapter against the emulator", () => {
  it("capabilities", () => {
    expect(adapter().capabilities).toEqual({
      platform: "woocommerce",
      readAllOrders: true,
      knowsDelivery: false,
    });
  });

  it("finds #2004 (also written '#2004') with both parcels from the tracking endpoint and customer notes", async () => {
    for (const n of ["2004", "#2004", " #2004 "]) {
      const r = await adapter().findOrder({ orderNumber: n });
      expect(r.kind).toBe("found");
      if (r.kind !== "found") return;
      expect(r.order.status).toBe("partially_shipped");
      expect(r.order.shipments.map((s) => `${s.carrier} ${s.trackingNumber}`)).toEqual([
        "DPD 01505034712389",
        "DHL 00340434161094058770",
      ]);
      expect(r.order.customerNotes).toHaveLength(2);
      expect(r.order.items.find((i) => i.backordered)?.title).toBe("Hori-Hori Garden Knife");
    }
  });

  it("#2002: estimate from the customer note, Berlin dates", async () => {
    const r = await adapter().findOrder({ orderNumber: "2002" });
    if (r.kind !== "found") throw new Error("not found");
    expect(r.order.shipments[0].carrier).toBe("UPS");
    expect(day(r.order.shipments[0].shippedAt)).toBe("2026-11-20");
    expect(day(r.order.shipments[0].estimatedDeliveryAt)).toBe("2026-11-24");
    expect(r.order.total).toEqual({ amount: "99.70", currency: "EUR" });
  });

  it("#2006 refund date comes from the refunds endpoint", async () => {
    const r = await adapter().findOrder({ orderNumber: "2006" });
    if (r.kind !== "found") throw new Error("not found");
    expect(r.order.refunds[0]).toMatchObject({ amount: { amount: "27.90", currency: "EUR" } });
    expect(day(r.order.refunds[0].createdAt)).toBe("2026-11-06");
    expect(emu.requests.some((q) => q.path === "/wp-json/wc/v3/orders/2006/refunds")).toBe(true);
  });

  it("unknown order numbers are not_found (404 then search)", async () => {
    expect(await adapter().findOrder({ orderNumber: "9999" })).toEqual({ kind: "not_found" });
    expect(await adapter().findOrder({ orderNumber: "WC-77" })).toEqual({ kind: "not_found" });
    expect(await adapter().findOrder({ orderNumber: "'; drop" })).toEqual({ kind: "not_found" });
  });

  it("custom order numbers: falls back to search and exact-matches `number`", async () => {
    const e2 = await startWooEmulator({
      data: {
        ...emu.data,
        orders: emu.data.orders.map((o) => (o.id === 2003 ? { ...o, number: "GW-1003" } : o)),
      },
    });
    try {
      const a = createWooAdapter({
        client: createWooClient({
          storeUrl: e2.url,
          consumerKey: DEMO_WOO_KEY.consumerKey,
          consumerSecret: DEMO_WOO_KEY.consumerSecret,
        }),
        storeUrl: e2.url,
      });
      const r = await a.findOrder({ orderNumber: "GW-1003" });
      expect(r.kind).toBe("found");
      if (r.kind === "found") {
        expect(r.order.id).toBe("2003");
        expect(r.order.number).toBe("GW-1003");
      }
      // the raw id no longer is the shopper's number
      expect((await a.findOrder({ orderNumber: "2003" })).kind).toBe("not_found");
    } finally {
      await e2.close();
    }
  });

  it("without the Shipment Tracking plugin it falls back to the order meta", async () => {
    const e2 = await startWooEmulator({ trackingEndpoint: false });
    try {
      const a = createWooAdapter({
        client: createWooClient({
          storeUrl: e2.url,
          consumerKey: DEMO_WOO_KEY.consumerKey,
          consumerSecret: DEMO_WOO_KEY.consumerSecret,
        }),
        storeUrl: e2.url,
      });
      const r = await a.findOrder({ orderNumber: "2012" });
      if (r.kind !== "found") throw new Error("not found");
      expect(r.order.shipments[0]).toMatchObject({
        carrier: "Deutsche Post",
        trackingNumber: "LX304182752DE",
        trackingUrlInferred: true,
      });
      // second lookup does not ask the missing route again
      const before = e2.requests.filter((q) => q.path.includes("shipment-trackings")).length;
      await a.findOrder({ orderNumber: "2002" });
      expect(e2.requests.filter((q) => q.path.includes("shipment-trackings")).length).toBe(before);
    } finally {
      await e2.close();
    }
  });

  it("listCustomerOrders: Lena (5) → 2001, 2006, 2013 newest first; guests → []", async () => {
    const a = adapter();
    const list = await a.listCustomerOrders("5", 10);
    expect(list.map((o) => o.number)).toEqual(["2001", "2006", "2013"]);
    expect(await a.listCustomerOrders("0", 10)).toEqual([]);
    expect(await a.listCustomerOrders("abc", 10)).toEqual([]);
    expect((await a.listCustomerOrders("5", 2)).map((o) => o.number)).toEqual(["2001", "2006"]);
  });

  it("getStoreInfo from the WP index + settings, cached for 5 minutes", async () => {
    let t = 1_000_000;
    const a = createWooAdapter({ client: client(), storeUrl: "http://demo-woo.localhost", now: () => t });
    const info = await a.getStoreInfo();
    expect(info).toMatchObject({
      name: "Demo Woo Garden",
      currency: "EUR",
      timezone: "Europe/Berlin",
      domain: "demo-woo.localhost",
    });
    const n = emu.requests.length;
    await a.getStoreInfo();
    expect(emu.requests.length).toBe(n);
    t += 5 * 60 * 1000 + 1;
    await a.getStoreInfo();
    expect(emu.requests.length).toBeGreaterThan(n);
  });

  it("getStoreInfo prefers what the app already knows", async () => {
    const a = createWooAdapter({
      client: client(),
      storeUrl: "http://x.test",
      storeInfo: { name: "Known", currency: "CHF", timezone: "Europe/Zurich" },
    });
    const n = emu.requests.length;
    expect(await a.getStoreInfo()).toMatchObject({
      name: "Known",
      currency: "CHF",
      timezone: "Europe/Zurich",
    });
    expect(emu.requests.length).toBe(n);
  });

  it("getPolicies returns nulls (WooCommerce has no policies API)", async () => {
    expect(await adapter().getPolicies()).toEqual({
      shipping: null,
      returns: null,
      privacy: null,
      terms: null,
    });
  });

  it("outage during findOrder throws PlatformUnavailableError (the engine turns it into a polite answer)", async () => {
    emu.inject({ kind: "http_status", status: 502, times: 10 });
    const err = await failure(adapter().findOrder({ orderNumber: "2001" }));
    expect(err).toBeInstanceOf(PlatformUnavailableError);
  });

  it("over HTTPS the adapter sends Basic auth (fake fetch)", async () => {
    const seen: string[] = [];
    const fetchImpl: FetchLike = async (url, init) => {
      seen.push(`${url} ${(init?.headers as Record<string, string>).Authorization}`);
      const u = new URL(url);
      const path = u.pathname.replace("/wp-json", "");
      if (path === "/wc/v3/orders/2002")
        return new Response(JSON.stringify(emu.data.orders.find((o) => o.id === 2002)), { status: 200 });
      if (path.endsWith("/notes")) return new Response("[]", { status: 200 });
      if (path.includes("shipment-trackings"))
        return new Response(JSON.stringify({ code: "rest_no_route", message: "x", data: { status: 404 } }), {
          status: 404,
        });
      return new Response(JSON.stringify({ code: "rest_no_route", message: "x", data: { status: 404 } }), {
        status: 404,
      });
    };
    const a = createWooAdapter({
      client: createWooClient({
        storeUrl: "https://shop.example",
        consumerKey: "ck_x",
        consumerSecret: "cs_y",
        fetchImpl,
      }),
      storeUrl: "https://shop.example",
      storeInfo: { name: "Shop", currency: "EUR", timezone: "Europe/Berlin" },
    });
    const r = await a.findOrder({ orderNumber: "2002" });
    expect(r.kind).toBe("found");
    if (r.kind === "found") expect(r.order.shipments[0].trackingNumber).toBe("1ZE2W6491144172082"); // from meta
    expect(seen.every((s) => s.includes("Basic ") && !s.includes("oauth_"))).toBe(true);
  });
});

describe("parseOrderNumber", () => {
  it("accepts shopper spellings", () => {
    expect(parseOrderNumber("#2004")).toBe("2004");
    expect(parseOrderNumber("order #2004")).toBe("2004");
    expect(parseOrderNumber("Nr. 2004")).toBe("2004");
    expect(parseOrderNumber("GW-1003")).toBe("GW-1003");
    expect(parseOrderNumber("")).toBeNull();
    expect(parseOrderNumber("20 04")).toBeNull();
  });
});

describe("HTTPS store (Basic auth) against the emulator with a test certificate", () => {
  const tlsDir = join(__dirname, "../../../test/emulators/woocommerce/tls");
  const cert = readFileSync(join(tlsDir, "localhost-test-cert.pem"));
  const key = readFileSync(join(tlsDir, "localhost-test-key.pem"));
  let secure: WooEmulator;
  beforeAll(async () => {
    secure = await startWooEmulator({ https: { key, cert } });
  });
  afterAll(async () => {
    await secure.close();
  });

  it("authenticates with Basic auth over TLS and the adapter finds an order", async () => {
    expect(secure.url.startsWith("https://")).toBe(true);
    const c = createWooClient({
      storeUrl: secure.url,
      consumerKey: DEMO_WOO_KEY.consumerKey,
      consumerSecret: DEMO_WOO_KEY.consumerSecret,
      fetchImpl: httpsFetchTrusting(cert),
    });
    const a = createWooAdapter({ client: c, storeUrl: secure.url });
    const r = await a.findOrder({ orderNumber: "2011" });
    expect(r.kind).toBe("found");
    if (r.kind === "found") expect(r.order.shipments[0].carrier).toBe("DHL Express");
    expect(secure.requests.every((q) => q.path === "/wp-json/" || q.auth === "basic")).toBe(true);
    expect(secure.requests.some((q) => Object.keys(q.query).some((k) => k.startsWith("oauth_")))).toBe(false);
  });

  it("a wrong secret over TLS → 401 Consumer secret is invalid (auth)", async () => {
    const c = createWooClient({
      storeUrl: secure.url,
      consumerKey: DEMO_WOO_KEY.consumerKey,
      consumerSecret: "cs_wrong",
      fetchImpl: httpsFetchTrusting(cert),
    });
    const err = await failure(c.get("/wc/v3/orders/2001"));
    expect(err.reason).toBe("auth");
    expect(err.message).toContain("Consumer secret is invalid.");
  });

  it("an unknown key over TLS stays anonymous → cannot_view (auth)", async () => {
    const c = createWooClient({
      storeUrl: secure.url,
      consumerKey: "ck_unknown",
      consumerSecret: "cs_x",
      fetchImpl: httpsFetchTrusting(cert),
    });
    const err = await failure(c.get("/wc/v3/orders"));
    expect(err.reason).toBe("auth");
    expect(err.message).toContain("woocommerce_rest_cannot_view");
  });
});

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createShopifyAdapter, cleanOrderNumber, toCustomerGid } from "./adapter";
import { createShopifyGraphqlClient } from "./client";
import { mapShopifyOrder, type ShopifyOrderNode } from "./map";
import { PlatformUnavailableError } from "../types";
import {
  startShopifyAdminEmulator,
  DEMO_ACCESS_TOKEN,
  DEMO_ALL_ORDERS_TOKEN,
  DEMO_SHOP,
  type ShopifyAdminEmulator,
} from "../../../test/emulators/shopify-admin/emulator";

const BASE_SCOPES = ["read_orders", "read_customers", "read_fulfillments", "read_legal_policies"];

describe("Shopify adapter against the emulator", () => {
  let e: ShopifyAdminEmulator;
  beforeAll(async () => {
    // fast bucket refill: the full-order query requests ~550 points, and this file sends many of them
    e = await startShopifyAdminEmulator({ bucket: { restoreRate: 5000 } });
  });
  afterAll(async () => {
    await e.close();
  });

  const adapter = (opts: { allOrders?: boolean; now?: () => number } = {}) =>
    createShopifyAdapter({
      client: createShopifyGraphqlClient({
        shop: DEMO_SHOP,
        accessToken: opts.allOrders ? DEMO_ALL_ORDERS_TOKEN : DEMO_ACCESS_TOKEN,
        origin: e.url,
      }),
      shop: DEMO_SHOP,
      scopes: opts.allOrders ? [...BASE_SCOPES, "read_all_orders"] : BASE_SCOPES,
      now: opts.now,
    });

  it("declares its capabilities from the granted scopes", () => {
    expect(adapter().capabilities).toEqual({
      platform: "shopify",
      readAllOrders: false,
      recentOrdersDays: 60,
      knowsDelivery: true,
    });
    expect(adapter({ allOrders: true }).capabilities.readAllOrders).toBe(true);
  });

  it("finds #1003 by number in any written form, delivered by USPS", async () => {
    for (const n of ["1003", "#1003", " #1003 "]) {
      const r = await adapter().findOrder({ orderNumber: n });
      expect(r.kind).toBe("found");
      if (r.kind !== "found") return;
      expect(r.order.number).toBe("1003");
      expect(r.order.status).toBe("delivered");
      expect(r.order.shipments[0]).toMatchObject({
        carrier: "USPS",
        trackingNumber: "9400111899223855710247",
        deliveredAt: "2026-11-13T21:22:00Z",
      });
    }
  });

  it("the query selects everything the mapper reads: every visible demo order maps exactly as the raw fixture", async () => {
    const a = adapter({ allOrders: true });
    const ctx = { shopDomain: DEMO_SHOP, timezone: "America/New_York", currency: "USD" };
    for (const raw of e.store.orders) {
      const r = await a.findOrder({ orderNumber: raw.name });
      expect(r.kind, raw.name).toBe("found");
      if (r.kind !== "found") continue;
      const expected = mapShopifyOrder(structuredClone(raw) as unknown as ShopifyOrderNode, ctx);
      expect(r.order, raw.name).toEqual(expected);
    }
  });

  it("a lookup by number is ONE Admin request (the order comes with the search)", async () => {
    const a = adapter();
    await a.getStoreInfo(); // the shop facts, cached per adapter
    e.setBucket(DEMO_SHOP, 1000); // the previous test's searches may leave it short (THROTTLED → the client retries)
    const before = e.requests.length;
    const r = await a.findOrder({ orderNumber: "#1003" });
    expect(r.kind === "found" && r.order.number).toBe("1003");
    expect(e.requests.slice(before).map((x) => x.operationName)).toEqual(["TrulyBotOrderSearch"]);
  });

  it("when the search puts a near match first (a newer order named 1003 without '#'), the exact #1003 is read by id", async () => {
    const original = e.store.orders.find((o) => o.name === "#1003")!;
    const lookalike = {
      ...structuredClone(original),
      id: "gid://shopify/Order/990001003",
      name: "1003",
      createdAt: new Date().toISOString(),
    };
    e.store.orders.push(lookalike);
    try {
      const a = adapter();
      await a.getStoreInfo();
      // a full bucket: on a busy machine an earlier test's queries could leave it short, and the client's
      // retry after THROTTLED would count as a second search
      e.setBucket(DEMO_SHOP, 1000);
      const before = e.requests.length;
      const r = await a.findOrder({ orderNumber: "1003" });
      expect(r.kind === "found" && [r.order.number, r.order.id]).toEqual(["1003", original.id]);
      expect(e.requests.slice(before).map((x) => x.operationName)).toEqual([
        "TrulyBotOrderSearch",
        "TrulyBotOrderById",
      ]);
    } finally {
      e.store.orders.splice(e.store.orders.indexOf(lookalike), 1);
    }
  });

  it("an unknown number above every recent order is not_found", async () => {
    expect(await adapter().findOrder({ orderNumber: "9999" })).toEqual({ kind: "not_found" });
    expect(await adapter().findOrder({ orderNumber: "abc" })).toEqual({ kind: "not_found" });
    expect(await adapter({ allOrders: true }).findOrder({ orderNumber: "999" })).toEqual({
      kind: "not_found",
    });
  });

  it("#1011 (120 days old) is out_of_range without read_all_orders and found with it", async () => {
    expect(await adapter().findOrder({ orderNumber: "1011" })).toEqual({ kind: "out_of_range", days: 60 });
    const r = await adapter({ allOrders: true }).findOrder({ orderNumber: "1011" });
    expect(r.kind).toBe("found");
    if (r.kind === "found") expect(r.order.status).toBe("delivered");
  });

  it("returns the test order #1015 flagged test=true (the engine hides it)", async () => {
    const r = await adapter().findOrder({ orderNumber: "1015" });
    expect(r.kind).toBe("found");
    if (r.kind === "found") expect(r.order.test).toBe(true);
  });

  it("lists a customer's orders newest first by numeric id or gid, honouring the limit", async () => {
    const a = adapter();
    const byNumeric = await a.listCustomerOrders("7700000000001", 10);
    expect(byNumeric.map((o) => o.number)).toEqual(["1001", "1004", "1003"]);
    expect(byNumeric.map((o) => o.status)).toEqual(["processing", "partially_shipped", "delivered"]);
    // lists use the lean fragment: unshipped quantities, no shipment line items
    expect(byNumeric[1].items.find((i) => i.title === "Trekking Poles (Pair)")?.unshippedQuantity).toBe(1);
    const byGid = await a.listCustomerOrders("gid://shopify/Customer/7700000000001", 2);
    expect(byGid.map((o) => o.number)).toEqual(["1001", "1004"]);
    expect(await a.listCustomerOrders("123", 5)).toEqual([]);
  });

  it("reads store info and policies, cached for 5 minutes per adapter", async () => {
    let t = 1_000_000;
    const a = adapter({ now: () => t });
    const before = e.requests.length;
    expect(await a.getStoreInfo()).toEqual({
      name: "Demo Outfitters",
      domain: DEMO_SHOP,
      currency: "USD",
      timezone: "America/New_York",
      locale: null,
      supportEmail: "support@example.com",
    });
    const p = await a.getPolicies();
    expect(p.returns).toContain("30-day");
    expect(e.requests.length - before).toBe(1);
    t += 4 * 60 * 1000;
    await a.getPolicies();
    expect(e.requests.length - before).toBe(1);
    t += 2 * 60 * 1000;
    await a.getStoreInfo();
    expect(e.requests.length - before).toBe(2);
  });

  it("throws PlatformUnavailableError when Shopify keeps failing", async () => {
    e.inject({ kind: "http_status", status: 502, times: 10 });
    const fast = createShopifyAdapter({
      client: createShopifyGraphqlClient({
        shop: DEMO_SHOP,
        accessToken: DEMO_ACCESS_TOKEN,
        origin: e.url,
        sleep: async () => undefined,
      }),
      shop: DEMO_SHOP,
      scopes: BASE_SCOPES,
    });
    await expect(fast.findOrder({ orderNumber: "1003" })).rejects.toBeInstanceOf(PlatformUnavailableError);
    e.clearFaults();
  });
});

describe("adapter helpers", () => {
  it("cleanOrderNumber strips # and spaces", () => {
    expect(cleanOrderNumber(" #1003 ")).toBe("1003");
    expect(cleanOrderNumber("No. 1003")).toBe("1003");
  });
  it("toCustomerGid accepts numeric ids and gids only", () => {
    expect(toCustomerGid("42")).toBe("gid://shopify/Customer/42");
    expect(toCustomerGid("gid://shopify/Customer/42")).toBe("gid://shopify/Customer/42");
    expect(() => toCustomerGid("42 OR 1=1")).toThrow();
  });
});

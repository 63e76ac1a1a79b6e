import { describe, expect, it } from "vitest";
import { createMemoryAdapter, DEMO_NOW, loadDemoShopifyAdapter, loadDemoWooAdapter } from "./memory-adapter";
import { PlatformUnavailableError } from "../../app/platforms/types";

describe("memory adapter", () => {
  it("loads the demo stores through the real mappers", async () => {
    const shop = loadDemoShopifyAdapter();
    expect(shop.orders.map((o) => o.number)).toHaveLength(16);
    expect(shop.capabilities).toMatchObject({
      platform: "shopify",
      readAllOrders: false,
      recentOrdersDays: 60,
    });
    expect((await shop.getStoreInfo()).supportEmail).toBe("support@example.com");
    expect((await shop.getPolicies()).returns).toMatch(/30-day return policy/);
    const woo = loadDemoWooAdapter();
    expect(woo.orders).toHaveLength(14);
    expect(woo.capabilities).toMatchObject({
      platform: "woocommerce",
      readAllOrders: true,
      knowsDelivery: false,
    });
  });

  it("applies the 60-day window without read_all_orders", async () => {
    const shop = loadDemoShopifyAdapter();
    expect(await shop.findOrder({ orderNumber: "1011" })).toEqual({ kind: "out_of_range", days: 60 });
    expect((await shop.findOrder({ orderNumber: "#1002" })).kind).toBe("found");
    expect(await shop.findOrder({ orderNumber: "4242" })).toEqual({ kind: "not_found" });
    shop.setCapabilities({ readAllOrders: true });
    expect((await shop.findOrder({ orderNumber: "1011" })).kind).toBe("found");
  });

  it("lists a customer's orders newest first by numeric id tail", async () => {
    const woo = loadDemoWooAdapter();
    expect((await woo.listCustomerOrders("5", 10)).map((o) => o.number)).toEqual(["2001", "2006", "2013"]);
    const shop = loadDemoShopifyAdapter();
    expect(
      (await shop.listCustomerOrders("gid://shopify/Customer/7700000000001", 2)).map((o) => o.number),
    ).toEqual(["1001", "1004"]);
  });

  it("injects failures", async () => {
    const a = createMemoryAdapter({
      orders: [],
      store: { name: "S", domain: "s", currency: "USD", timezone: "UTC" },
      now: () => DEMO_NOW,
    });
    a.failNext(undefined, 2);
    await expect(a.findOrder({ orderNumber: "1" })).rejects.toBeInstanceOf(PlatformUnavailableError);
    await expect(a.listCustomerOrders("1", 5)).rejects.toBeInstanceOf(PlatformUnavailableError);
    expect(await a.findOrder({ orderNumber: "1" })).toEqual({ kind: "not_found" });
    expect(a.calls.map((c) => c.method)).toEqual(["findOrder", "listCustomerOrders", "findOrder"]);
  });
});

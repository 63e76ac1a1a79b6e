import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { SHOPIFY_API_VERSION } from "../../../app/platforms/shopify/api-version";
import { DEMO_WRITE_TOKEN } from "./mutations";
import {
  startShopifyAdminEmulator,
  parseSearchQuery,
  DEMO_ACCESS_TOKEN,
  DEMO_ALL_ORDERS_TOKEN,
  DEMO_SHOP,
  SHOPIFY_PLAN_RATE_LIMITS,
  type ShopifyAdminEmulator,
} from "./emulator";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function gql(
  e: ShopifyAdminEmulator,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = DEMO_ACCESS_TOKEN,
) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token) headers["X-Shopify-Access-Token"] = token;
  const res = await fetch(`${e.url}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`, {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: Json = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = { raw: text };
  }
  return { status: res.status, headers: res.headers, body };
}

const names = (b: Json, path = "orders") => b.data[path].nodes.map((n: Json) => n.name);

describe("Shopify Admin emulator", () => {
  let e: ShopifyAdminEmulator;
  beforeAll(async () => {
    e = await startShopifyAdminEmulator({ port: 0 });
  });
  afterAll(async () => {
    await e.close();
  });

  it("refuses requests without a valid access token, like Shopify", async () => {
    for (const token of [null, "shpat_wrong"]) {
      const r = await gql(e, "{ shop { name } }", {}, token);
      expect(r.status).toBe(401);
      expect(r.body).toEqual({
        errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
      });
    }
  });

  it("serves the shop and its policies", async () => {
    const r = await gql(e, "{ shop { name myshopifyDomain ianaTimezone shopPolicies { type } } }");
    expect(r.status).toBe(200);
    expect(r.body.data.shop).toMatchObject({
      name: "Demo Outfitters",
      myshopifyDomain: DEMO_SHOP,
      ianaTimezone: "America/New_York",
    });
    expect(r.body.data.shop.shopPolicies.map((p: Json) => p.type)).toEqual([
      "REFUND_POLICY",
      "SHIPPING_POLICY",
      "PRIVACY_POLICY",
      "TERMS_OF_SERVICE",
    ]);
  });

  it("finds orders by name in Shopify's written forms", async () => {
    for (const q of ["name:#1003", "name:1003", 'name:"#1003"']) {
      const r = await gql(e, "query($q: String!) { orders(first: 5, query: $q) { nodes { name email } } }", {
        q,
      });
      expect(names(r.body)).toEqual(["#1003"]);
    }
    const none = await gql(e, '{ orders(first: 5, query: "name:#9999") { nodes { name } } }');
    expect(names(none.body)).toEqual([]);
  });

  it("filters by email (case-insensitive), customer_id and created_at", async () => {
    const byEmail = await gql(
      e,
      '{ orders(first: 10, query: "email:bob.smith@example.com") { nodes { name } } }',
    );
    expect(names(byEmail.body)).toEqual(["#1012"]);
    const byCustomer = await gql(
      e,
      '{ orders(first: 10, query: "customer_id:7700000000001", sortKey: CREATED_AT, reverse: true) { nodes { name } } }',
    );
    expect(names(byCustomer.body)).toEqual(["#1001", "#1004", "#1003"]);
    const recent = await gql(
      e,
      '{ orders(first: 50, query: "created_at:>=2026-11-21", sortKey: CREATED_AT) { nodes { name } } }',
    );
    expect(names(recent.body)).toEqual(["#1015", "#1007", "#1012", "#1001"]);
  });

  it("warns about unknown search fields and ignores them, like Shopify", async () => {
    const r = await gql(e, '{ orders(first: 3, query: "colour:blue") { nodes { name } } }');
    expect(r.body.data.orders.nodes).toHaveLength(3);
    expect(r.body.extensions.search[0].warnings[0]).toEqual({
      field: "colour",
      message: "Invalid search field for this query.",
    });
  });

  it("hides orders older than 60 days unless the token has read_all_orders", async () => {
    const q =
      '{ orders(first: 5, query: "name:#1011") { nodes { name } } order(id: "gid://shopify/Order/5500000000011") { name } }';
    const without = await gql(e, q);
    expect(names(without.body)).toEqual([]);
    expect(without.body.data.order).toBeNull();
    const withAll = await gql(e, q, {}, DEMO_ALL_ORDERS_TOKEN);
    expect(names(withAll.body)).toEqual(["#1011"]);
    expect(withAll.body.data.order).toEqual({ name: "#1011" });
    const all = await gql(e, "{ orders(first: 50) { nodes { name } } }");
    expect(all.body.data.orders.nodes).toHaveLength(15);
  });

  it("applies first / reverse / sortKey and pagination on connections", async () => {
    const r = await gql(
      e,
      "{ orders(first: 2, sortKey: ORDER_NUMBER) { nodes { name } edges { cursor } pageInfo { hasNextPage endCursor } } }",
    );
    expect(names(r.body)).toEqual(["#1001", "#1002"]);
    expect(r.body.data.orders.pageInfo.hasNextPage).toBe(true);
    const next = await gql(
      e,
      "query($after: String) { orders(first: 2, after: $after, sortKey: ORDER_NUMBER) { nodes { name } } }",
      {
        after: r.body.data.orders.pageInfo.endCursor,
      },
    );
    expect(names(next.body)).toEqual(["#1003", "#1004"]);
    const rev = await gql(e, "{ orders(first: 1, sortKey: ORDER_NUMBER, reverse: true) { nodes { name } } }");
    expect(names(rev.body)).toEqual(["#1016"]);
    const items = await gql(
      e,
      '{ order(id: "gid://shopify/Order/5500000000014") { lineItems(first: 3) { nodes { title } } } }',
    );
    expect(items.body.data.order.lineItems.nodes).toHaveLength(3);
  });

  it("requires first or last on connections", async () => {
    const r = await gql(e, "{ orders { nodes { name } } }");
    expect(r.body.errors[0].message).toMatch(/first or last/);
  });

  it("serves a customer's orders newest first, and node() by gid", async () => {
    const r = await gql(
      e,
      '{ customer(id: "gid://shopify/Customer/7700000000001") { defaultEmailAddress { emailAddress } orders(first: 10, sortKey: CREATED_AT, reverse: true) { nodes { name } } } node(id: "gid://shopify/Order/5500000000003") { ... on Order { name } } }',
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.customer.defaultEmailAddress.emailAddress).toBe("alice.johnson@example.com");
    expect(r.body.data.customer.orders.nodes.map((n: Json) => n.name)).toEqual(["#1001", "#1004", "#1003"]);
    expect(r.body.data.node).toEqual({ name: "#1003" });
  });

  it("reports the installation's access scopes", async () => {
    const r = await gql(
      e,
      "{ currentAppInstallation { accessScopes { handle } } }",
      {},
      DEMO_ALL_ORDERS_TOKEN,
    );
    expect(r.body.data.currentAppInstallation.accessScopes.map((s: Json) => s.handle)).toContain(
      "read_all_orders",
    );
  });

  it("reports the calling app's requested, optional and granted scopes (the library's scopes API)", async () => {
    const q =
      "{ app { requestedAccessScopes { handle } optionalAccessScopes { handle } installation { accessScopes { handle } } } }";
    const h = (l: Json[]) => l.map((s: Json) => s.handle);
    const read = (await gql(e, q)).body.data.app;
    expect(h(read.optionalAccessScopes)).toEqual(["write_orders", "write_returns"]);
    expect(h(read.installation.accessScopes)).not.toContain("write_orders");
    const write = (await gql(e, q, {}, DEMO_WRITE_TOKEN)).body.data.app;
    expect(h(write.installation.accessScopes)).toEqual(
      expect.arrayContaining(["write_orders", "write_returns"]),
    );
    expect(h(write.requestedAccessScopes)).not.toContain("write_orders");
  });

  it("validates queries against the schema and answers with GraphQL errors", async () => {
    const bad = await gql(e, "{ orders(first: 1) { nodes { nam } } }");
    expect(bad.status).toBe(200);
    expect(bad.body.data).toBeUndefined();
    expect(bad.body.errors[0].message).toContain('Cannot query field "nam" on type "Order"');
    const syntax = await gql(e, "{ orders(first: 1) { nodes { name }");
    expect(syntax.body.errors[0].message).toMatch(/Syntax Error/);
    const noQuery = await fetch(`${e.url}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`, {
      method: "POST",
      headers: { "X-Shopify-Access-Token": DEMO_ACCESS_TOKEN, "Content-Type": "application/json" },
      body: "not json",
    });
    expect(noQuery.status).toBe(400);
  });

  it("reports the calculated query cost and the bucket", async () => {
    const small = await gql(e, "{ orders(first: 1) { nodes { name } } }");
    const big = await gql(
      e,
      "{ orders(first: 10) { nodes { name lineItems(first: 10) { nodes { title } } } } }",
    );
    expect(small.body.extensions.cost.requestedQueryCost).toBe(3);
    expect(big.body.extensions.cost.requestedQueryCost).toBe(2 + 10 * (1 + 2 + 10));
    expect(big.body.extensions.cost.actualQueryCost).toBeLessThanOrEqual(
      big.body.extensions.cost.requestedQueryCost,
    );
    // today's standard plan: 1,000 points, restored 100 per second
    expect(big.body.extensions.cost.throttleStatus).toMatchObject({
      maximumAvailable: 1000,
      restoreRate: 100,
    });
  });

  it("rejects a query over the single-query cost limit", async () => {
    const r = await gql(e, "{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { title } } } } }");
    expect(r.body.errors[0].extensions.code).toBe("MAX_COST_EXCEEDED");
  });

  it("logs every request", async () => {
    const before = e.requests.length;
    await gql(e, "query Named { shop { name } }");
    const last = e.requests[e.requests.length - 1];
    expect(e.requests.length).toBe(before + 1);
    expect(last).toMatchObject({
      operationName: "Named",
      status: 200,
      outcome: "ok",
      apiVersion: SHOPIFY_API_VERSION,
      shop: DEMO_SHOP,
    });
  });
});

describe("Shopify Admin emulator: throttling and failure injection", () => {
  let e: ShopifyAdminEmulator;
  beforeAll(async () => {
    e = await startShopifyAdminEmulator({ bucket: { maximumAvailable: 20, restoreRate: 1 } });
  });
  afterAll(async () => {
    await e.close();
  });

  it("returns THROTTLED when the bucket is exhausted", async () => {
    e.setBucket(DEMO_SHOP, 5);
    const r = await gql(e, "{ orders(first: 10) { nodes { name } } }"); // cost 12
    expect(r.status).toBe(200);
    expect(r.body.errors[0]).toMatchObject({ message: "Throttled", extensions: { code: "THROTTLED" } });
    expect(r.body.extensions.cost.requestedQueryCost).toBe(12);
    expect(r.body.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThan(12);
    e.setBucket(DEMO_SHOP, 20);
    const ok = await gql(e, "{ orders(first: 10) { nodes { name } } }");
    expect(ok.body.data.orders.nodes.length).toBe(10);
  });

  it("injects HTTP statuses the given number of times", async () => {
    e.setBucket(DEMO_SHOP, 20);
    e.inject({ kind: "http_status", status: 503, times: 2 });
    expect((await gql(e, "{ shop { name } }")).status).toBe(503);
    expect((await gql(e, "{ shop { name } }")).status).toBe(503);
    expect((await gql(e, "{ shop { name } }")).status).toBe(200);
    e.inject({ kind: "http_status", status: 429, retryAfter: 7 });
    const limited = await gql(e, "{ shop { name } }");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
  });

  it("injects malformed JSON and THROTTLED", async () => {
    e.inject({ kind: "malformed_json" });
    const m = await gql(e, "{ shop { name } }");
    expect(m.status).toBe(200);
    expect(m.body.raw).toMatch(/^\{"data"/);
    e.inject({ kind: "throttled" });
    const t = await gql(e, "{ shop { name } }");
    expect(t.body.errors[0].extensions.code).toBe("THROTTLED");
  });

  it("injects a hanging request (timeout) and latency", async () => {
    e.inject({ kind: "timeout" });
    const started = Date.now();
    await expect(
      fetch(`${e.url}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`, {
        method: "POST",
        headers: { "X-Shopify-Access-Token": DEMO_ACCESS_TOKEN, "Content-Type": "application/json" },
        body: JSON.stringify({ query: "{ shop { name } }" }),
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    e.inject({ kind: "latency", ms: 150 });
    const t0 = Date.now();
    expect((await gql(e, "{ shop { name } }")).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    e.clearFaults();
  });
});

describe("parseSearchQuery", () => {
  it("parses fields, quotes, comparators, negation and OR", () => {
    expect(parseSearchQuery('name:"#1003" -test:true created_at:>=2026-11-01').groups).toEqual([
      [
        { field: "name", op: "=", value: "#1003", negate: false },
        { field: "test", op: "=", value: "true", negate: true },
        { field: "created_at", op: ">=", value: "2026-11-01", negate: false },
      ],
    ]);
    expect(parseSearchQuery("name:1001 OR name:1002").groups).toHaveLength(2);
  });
});

describe("Shopify Admin emulator: rate limit per plan is a setting (issue 17)", () => {
  const cost = async (e: ShopifyAdminEmulator) =>
    (await gql(e, "{ shop { name } }")).body.extensions.cost.throttleStatus as {
      maximumAvailable: number;
      restoreRate: number;
    };

  it("defaults to the standard plan; Plus restores 1,000/s; an explicit restore rate wins", async () => {
    const standard = await startShopifyAdminEmulator();
    const plus = await startShopifyAdminEmulator({ plan: "plus" });
    const custom = await startShopifyAdminEmulator({ plan: "plus", bucket: { restoreRate: 250 } });
    try {
      expect(await cost(standard)).toMatchObject({ maximumAvailable: 1000, restoreRate: 100 });
      expect(await cost(plus)).toMatchObject({ maximumAvailable: 1000, restoreRate: 1000 });
      expect(await cost(custom)).toMatchObject({ restoreRate: 250 });
      expect(SHOPIFY_PLAN_RATE_LIMITS.advanced.restoreRate).toBe(200);
    } finally {
      await Promise.all([standard.close(), plus.close(), custom.close()]);
    }
  });

  it("the restore rate can change while running, and a THROTTLED answer reports it", async () => {
    const e = await startShopifyAdminEmulator();
    try {
      e.setRateLimit("plus");
      expect(e.bucketState().restoreRate).toBe(1000);
      e.setRateLimit({ restoreRate: 1, maximumAvailable: 20 });
      e.setBucket(DEMO_SHOP, 0);
      const r = await gql(e, "{ orders(first: 10) { nodes { name } } }");
      expect(r.body.errors[0].extensions.code).toBe("THROTTLED");
      expect(r.body.extensions.cost.throttleStatus).toMatchObject({ maximumAvailable: 20, restoreRate: 1 });
    } finally {
      await e.close();
    }
  });

  it("refuses nonsense limits", async () => {
    await expect(startShopifyAdminEmulator({ bucket: { restoreRate: 0 } })).rejects.toThrow(/restoreRate/);
    await expect(startShopifyAdminEmulator({ bucket: { restoreRate: Number.NaN } })).rejects.toThrow(
      /restoreRate/,
    );
    await expect(startShopifyAdminEmulator({ plan: "gold" as never })).rejects.toThrow(/plan/);
  });
});

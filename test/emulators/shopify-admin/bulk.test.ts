/** The emulator's bulk operations, over HTTP: validated against the Admin schema, JSONL as Shopify writes it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ALL_ORDERS_TOKEN, startShopifyAdminEmulator, type ShopifyAdminEmulator } from "./emulator";
import { SHOPIFY_API_VERSION } from "../../../app/platforms/shopify/api-version";

let emu: ShopifyAdminEmulator;
beforeAll(async () => {
  emu = await startShopifyAdminEmulator({ port: 0 });
});
afterAll(async () => emu?.close());

async function gql(query: string, variables: object = {}) {
  const res = await fetch(`${emu.url}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-shopify-access-token": DEMO_ALL_ORDERS_TOKEN },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers of several shapes, read by the asserts
  return (await res.json()) as { data: Record<string, any>; errors?: unknown[] };
}

const RUN = `mutation Run($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status url } userErrors { field message } } }`;

describe("bulk operations", () => {
  it("runs a query with a nested connection and writes one line per node, children with __parentId", async () => {
    const q = `{ orders { edges { node { id name lineItems { edges { node { id title } } } } } } }`;
    const r = await gql(RUN, { q });
    expect(r.data.bulkOperationRunQuery.userErrors).toEqual([]);
    const op = r.data.bulkOperationRunQuery.bulkOperation;
    expect(op.status).toBe("COMPLETED");
    const status = await gql(
      `query S($id: ID!) { node(id: $id) { ... on BulkOperation { status url objectCount } } }`,
      {
        id: op.id,
      },
    );
    expect(status.data.node).toMatchObject({ status: "COMPLETED", url: op.url });
    const lines = (await (await fetch(op.url)).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const orders = lines.filter((l) => !l.__parentId);
    expect(orders).toHaveLength(emu.store.orders.length);
    const items = lines.filter((l) => l.__parentId === "gid://shopify/Order/5500000000002");
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toHaveProperty("title");
    expect((await gql(`{ currentBulkOperation { id } }`)).data.currentBulkOperation.id).toBe(op.id);
  });

  it("refuses an invalid inner query (unknown field) and one without a top-level connection", async () => {
    const bad = await gql(RUN, { q: `{ orders { edges { node { id noSuchField } } } }` });
    expect(bad.data.bulkOperationRunQuery).toMatchObject({ bulkOperation: null });
    expect(bad.data.bulkOperationRunQuery.userErrors[0].message).toMatch(/noSuchField/);
    const flat = await gql(RUN, { q: `{ shop { name } }` });
    expect(flat.data.bulkOperationRunQuery.userErrors[0].message).toMatch(/connection/);
    expect((await fetch(`${emu.url}/bulk/999.jsonl`)).status).toBe(404);
  });
});

/** The emulator's order mutations: validated against the real schema, scope-checked, honest userErrors. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_ACCESS_TOKEN,
  DEMO_NOW,
  DEMO_SHOP,
  startShopifyAdminEmulator,
  type ShopifyAdminEmulator,
} from "./emulator";
import { DEMO_WRITE_TOKEN } from "./mutations";
import {
  ORDER_CANCEL,
  ORDER_UPDATE,
  RETURN_REASON_DEFINITIONS,
  RETURN_REQUEST,
} from "../../../app/platforms/shopify/actions.server";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers read field by field
type Loose = Record<string, any>;
let e: ShopifyAdminEmulator;
beforeAll(async () => {
  e = await startShopifyAdminEmulator({ now: DEMO_NOW, bucket: { restoreRate: 5000 } });
});
afterAll(async () => e.close());

async function gql(query: string, variables: Record<string, unknown>, token = DEMO_WRITE_TOKEN) {
  const res = await fetch(`${e.url}/admin/api/2026-01/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token, Host: DEMO_SHOP },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as {
    data: Loose | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}
const id = (name: string) => e.store.orders.find((o) => o.name === name)!.id;
const cancelVars = (orderId: string) => ({
  orderId,
  reason: "CUSTOMER",
  restock: true,
  notifyCustomer: false,
  refundMethod: { originalPaymentMethodsRefund: true },
  staffNote: "t",
});

describe("order mutations of the Shopify Admin emulator", () => {
  it("refuses documents the real schema does not allow (unknown enum value, missing required argument)", async () => {
    const r = await gql(ORDER_CANCEL, { ...cancelVars(id("#1007")), reason: "BORED" });
    expect(r.errors?.[0].message).toMatch(/BORED/);
    const r2 = await gql(
      `mutation { orderCancel(orderId: "${id("#1007")}", reason: CUSTOMER) { job { id } } }`,
      {},
    );
    expect(r2.errors?.[0].message).toMatch(/restock/);
    const r3 = await gql(ORDER_UPDATE, {
      input: { id: id("#1007"), shippingAddress: { countryCode: "XX" } },
    });
    expect(r3.errors?.[0].message).toMatch(/XX/);
  });

  it("answers ACCESS_DENIED without write_orders", async () => {
    const r = await gql(ORDER_CANCEL, cancelVars(id("#1007")), DEMO_ACCESS_TOKEN);
    expect(r.errors?.[0].extensions?.code).toBe("ACCESS_DENIED");
    expect(r.data?.orderCancel).toBeNull();
  });

  it("orderCancel: fulfilled and unknown orders are userErrors; a cancel happens once", async () => {
    expect(
      (await gql(ORDER_CANCEL, cancelVars(id("#1002")))).data!.orderCancel.orderCancelUserErrors,
    ).toEqual([
      { code: "INVALID", field: ["orderId"], message: "Cannot cancel an order that has been fulfilled" },
    ]);
    expect(
      (await gql(ORDER_CANCEL, cancelVars("gid://shopify/Order/1"))).data!.orderCancel
        .orderCancelUserErrors[0].code,
    ).toBe("NOT_FOUND");
    const ok = (await gql(ORDER_CANCEL, cancelVars(id("#1007")))).data!.orderCancel;
    expect(ok.orderCancelUserErrors).toEqual([]);
    expect(ok.job.done).toBe(false);
    expect(
      (await gql(ORDER_CANCEL, cancelVars(id("#1007")))).data!.orderCancel.orderCancelUserErrors[0].message,
    ).toBe("Order has already been cancelled");
  });

  it("returnRequest: only fulfilled line items, one open request per order", async () => {
    const input = (lineId: string, quantity = 1) => ({
      input: { orderId: id("#1003"), returnLineItems: [{ fulfillmentLineItemId: lineId, quantity }] },
    });
    const bad = await gql(RETURN_REQUEST, input("gid://shopify/FulfillmentLineItem/1"));
    expect(bad.data!.returnRequest.userErrors[0]).toMatchObject({ code: "INVALID" });
    const lines = (e.store.orders.find((o) => o.name === "#1003")!.fulfillments as Loose[])[0]
      .fulfillmentLineItems.nodes as { id: string }[];
    expect(
      (await gql(RETURN_REQUEST, input(lines[0].id, 99))).data!.returnRequest.userErrors[0].field,
    ).toContain("quantity");
    expect((await gql(RETURN_REQUEST, input(lines[0].id))).data!.returnRequest.return.status).toBe(
      "REQUESTED",
    );
    expect((await gql(RETURN_REQUEST, input(lines[0].id))).data!.returnRequest.userErrors[0].code).toBe(
      "ALREADY_EXISTS",
    );
  });
});

describe("return reasons of the Shopify Admin emulator (2026-01)", () => {
  const lineOf = (name: string) =>
    (
      (e.store.orders.find((o) => o.name === name)!.fulfillments as Loose[])[0].fulfillmentLineItems
        .nodes as {
        id: string;
      }[]
    )[0].id;

  it("returnReasonDefinitions by handle: id, handle, deleted", async () => {
    const r = await gql(RETURN_REASON_DEFINITIONS, {
      handles: ["damaged-or-defective", "defective", "nope"],
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.returnReasonDefinitions.nodes).toEqual([
      {
        id: expect.stringMatching(/^gid:\/\/shopify\/ReturnReasonDefinition\/\d+$/),
        handle: "damaged-or-defective",
        deleted: false,
      },
      {
        id: expect.stringMatching(/^gid:\/\/shopify\/ReturnReasonDefinition\/\d+$/),
        handle: "defective",
        deleted: true,
      },
    ]);
  });

  it("the ReturnReason enum is not an input in 2026-01: the schema refuses returnReason on a line", async () => {
    const r = await gql(
      `mutation R($o: ID!, $l: ID!) { returnRequest(input: { orderId: $o, returnLineItems: [{ fulfillmentLineItemId: $l, quantity: 1, returnReason: DEFECTIVE }] }) { userErrors { message } } }`,
      { o: id("#1004"), l: lineOf("#1004") },
    );
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0].message).toMatch(/returnReason/);
  });

  it("an unknown returnReasonDefinitionId is a userError on that line; nothing is requested", async () => {
    const o = e.store.orders.find((x) => x.name === "#1004")!;
    const r = await gql(RETURN_REQUEST, {
      input: {
        orderId: o.id,
        returnLineItems: [
          {
            fulfillmentLineItemId: lineOf("#1004"),
            quantity: 1,
            returnReasonDefinitionId: "gid://shopify/ReturnReasonDefinition/999999",
          },
        ],
      },
    });
    expect(r.data!.returnRequest.return).toBeNull();
    expect(r.data!.returnRequest.userErrors).toEqual([
      {
        code: "INVALID",
        field: ["input", "returnLineItems", "0", "returnReasonDefinitionId"],
        message: "Return reason definition does not exist",
      },
    ]);
    expect(o.returns ?? []).toEqual([]);
  });
});

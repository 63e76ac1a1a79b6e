/**
 * Order mutations of the Shopify Admin emulator, used by self-service actions: orderCancel,
 * orderUpdate (shippingAddress, note), returnRequest. Documents are validated against the real
 * 2026-01 schema by the emulator before these run (arguments arrive coerced). Without the scope a
 * mutation needs, the field fails with ACCESS_DENIED (data null), as on Shopify. userErrors use the
 * schema's codes (OrderCancelUserErrorCode, ReturnErrorCode); the messages are the emulator's own.
 */
import crypto from "node:crypto";
import { GraphQLError } from "graphql";
import { returnReasonDefinition } from "./return-reasons";

type Obj = Record<string, unknown>;
interface Ctx {
  scopes: string[];
  now: Date;
  store: { orders: Obj[]; returnReasonDefinitions?: Obj[] };
}
type Resolver = (source: Obj, args: Record<string, unknown>, ctx: Ctx) => unknown;

function requireScope(ctx: Ctx, field: string, scope: string): void {
  if (ctx.scopes.includes(scope)) return;
  throw new GraphQLError(`Access denied for ${field} field. Required access: \`${scope}\` access scope.`, {
    extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes" },
  });
}

const findOrder = (ctx: Ctx, id: unknown) => ctx.store.orders.find((o) => o.id === id) ?? null;
const fulfilled = (o: Obj) =>
  ["FULFILLED", "PARTIALLY_FULFILLED"].includes(String(o.displayFulfillmentStatus));

const orderCancel: Resolver = (_s, a, ctx) => {
  requireScope(ctx, "orderCancel", "write_orders");
  const o = findOrder(ctx, a.orderId);
  const err = (code: string, message: string) => ({
    job: null,
    orderCancelUserErrors: [{ code, field: ["orderId"], message }],
    userErrors: [{ field: ["orderId"], message }],
  });
  if (!o) return err("NOT_FOUND", "Order does not exist");
  if (o.cancelledAt) return err("INVALID", "Order has already been cancelled");
  if (fulfilled(o)) return err("INVALID", "Cannot cancel an order that has been fulfilled");
  const refund = (a.refundMethod as Obj | null)?.originalPaymentMethodsRefund === true;
  o.cancelledAt = ctx.now.toISOString();
  o.cancelReason = a.reason;
  o.closed = true;
  o.closedAt = ctx.now.toISOString();
  if (refund && o.displayFinancialStatus === "PAID") o.displayFinancialStatus = "REFUNDED";
  else if (o.displayFinancialStatus === "AUTHORIZED") o.displayFinancialStatus = "VOIDED";
  o.restocked = a.restock === true;
  o.customerNotifiedOfCancel = a.notifyCustomer === true;
  if (typeof a.staffNote === "string") o.cancelStaffNote = a.staffNote;
  return {
    job: { id: `gid://shopify/Job/${crypto.randomUUID()}`, done: false },
    orderCancelUserErrors: [],
    userErrors: [],
  };
};

function shippingAddressOf(input: Obj, cur: Obj | null): Obj {
  const next: Obj = { ...(cur ?? {}) };
  for (const [k, v] of Object.entries(input)) {
    if (k === "countryCode") next.countryCodeV2 = v;
    else next[k] = v;
  }
  next.name = [next.firstName, next.lastName].filter(Boolean).join(" ");
  return next;
}

const orderUpdate: Resolver = (_s, a, ctx) => {
  requireScope(ctx, "orderUpdate", "write_orders");
  const input = a.input as Obj;
  const o = findOrder(ctx, input.id);
  if (!o) return { order: null, userErrors: [{ field: ["id"], message: "Order does not exist" }] };
  if (input.shippingAddress) {
    const addr = input.shippingAddress as Obj;
    if (o.cancelledAt)
      return {
        order: null,
        userErrors: [
          { field: ["shippingAddress"], message: "Cannot update the shipping address of a cancelled order" },
        ],
      };
    if (addr.address1 === "" || addr.city === "")
      return {
        order: null,
        userErrors: [
          { field: ["shippingAddress", addr.city === "" ? "city" : "address1"], message: "is invalid" },
        ],
      };
    o.shippingAddress = shippingAddressOf(addr, (o.shippingAddress as Obj | null) ?? null);
  }
  if (typeof input.note === "string" || input.note === null) o.note = input.note;
  o.updatedAt = ctx.now.toISOString();
  return { order: o, userErrors: [] };
};

const returnRequest: Resolver = (_s, a, ctx) => {
  requireScope(ctx, "returnRequest", "write_returns");
  const input = a.input as Obj;
  const o = findOrder(ctx, input.orderId);
  const err = (code: string, field: string[], message: string) => ({
    return: null,
    userErrors: [{ code, field, message }],
  });
  if (!o) return err("NOT_FOUND", ["input", "orderId"], "Order does not exist");
  const lines = ((o.fulfillments as Obj[] | undefined) ?? []).flatMap(
    (f) => ((f.fulfillmentLineItems as Obj | undefined)?.nodes as Obj[] | undefined) ?? [],
  );
  const asked = (input.returnLineItems as Obj[]) ?? [];
  if (asked.length === 0)
    return err("BLANK", ["input", "returnLineItems"], "Return line items can't be blank");
  for (const [i, l] of asked.entries()) {
    const line = lines.find((x) => x.id === l.fulfillmentLineItemId);
    if (!line)
      return err(
        "INVALID",
        ["input", "returnLineItems", String(i), "fulfillmentLineItemId"],
        "Fulfillment line item does not exist",
      );
    if (Number(l.quantity) > Number(line.quantity) || Number(l.quantity) < 1)
      return err(
        "INVALID",
        ["input", "returnLineItems", String(i), "quantity"],
        "Quantity is not returnable",
      );
    if (l.returnReasonDefinitionId != null && !returnReasonDefinition(ctx.store, l.returnReasonDefinitionId))
      return err(
        "INVALID",
        ["input", "returnLineItems", String(i), "returnReasonDefinitionId"],
        "Return reason definition does not exist",
      );
  }
  const returns = ((o.returns as Obj[] | undefined) ??= []);
  if (returns.some((r) => r.status === "REQUESTED"))
    return err("ALREADY_EXISTS", ["input", "orderId"], "A return request is already open for this order");
  const ret = {
    id: `gid://shopify/Return/${Date.now()}${returns.length}`,
    status: "REQUESTED",
    lines: asked.map((l): Obj => ({
      ...l,
      returnReasonDefinition: returnReasonDefinition(ctx.store, l.returnReasonDefinitionId),
    })),
  };
  // the schema's view of the lines (Return.returnLineItems), readable through Order.returns
  Object.assign(ret, {
    returnLineItems: ret.lines.map((l, i) => ({
      __typename: "ReturnLineItem",
      id: `gid://shopify/ReturnLineItem/${Date.now()}${i}`,
      quantity: l.quantity,
      customerNote: l.customerNote ?? null,
      returnReasonNote: "",
      returnReasonDefinition: l.returnReasonDefinition,
      fulfillmentLineItem: lines.find((x) => x.id === l.fulfillmentLineItemId),
    })),
  });
  returns.push(ret);
  o.returns = returns;
  return { return: ret, userErrors: [] };
};

export const MUTATION_RESOLVERS: Record<string, Resolver> = {
  "Mutation.orderCancel": orderCancel,
  "Mutation.orderUpdate": orderUpdate,
  "Mutation.returnRequest": returnRequest,
};

/** Token of an installation that granted the optional write scopes (actions turned on). */
export const DEMO_WRITE_TOKEN = "shpat_demo_trulybot_write_orders";
export const WRITE_SCOPES = ["write_orders", "write_returns"];

/**
 * Self-service actions on Shopify (Admin GraphQL 2026-01; documents validated against the real schema
 * by the emulator): orderCancel, orderUpdate (shippingAddress, note), returnRequest. userErrors are a
 * refusal (nothing changed); outages surface as PlatformUnavailableError. Needs write_orders (and
 * write_returns for returns), requested only when the merchant turns an action on.
 */
import type {
  CancelRequest,
  PlatformActionResult,
  PlatformActions,
  ReturnRequest,
  ShippingAddress,
} from "../../actions/types";
import { PlatformUnavailableError } from "../types";
import type { ShopifyGraphqlClient, ShopifyGraphqlResponse } from "./client";

export const ORDER_CANCEL = `mutation TrulyBotOrderCancel($orderId: ID!, $reason: OrderCancelReason!, $restock: Boolean!, $notifyCustomer: Boolean, $refundMethod: OrderCancelRefundMethodInput, $staffNote: String) {
  orderCancel(orderId: $orderId, reason: $reason, restock: $restock, notifyCustomer: $notifyCustomer, refundMethod: $refundMethod, staffNote: $staffNote) {
    job { id done }
    orderCancelUserErrors { code field message }
  }
}`;

export const ORDER_ADDRESS = `query TrulyBotOrderAddress($id: ID!) {
  order(id: $id) {
    id
    note
    shippingAddress { firstName lastName company address1 address2 city provinceCode zip countryCodeV2 phone }
    fulfillments { fulfillmentLineItems(first: 50) { nodes { id quantity lineItem { title variantTitle } } } }
  }
}`;

export const ORDER_UPDATE = `mutation TrulyBotOrderUpdate($input: OrderInput!) {
  orderUpdate(input: $input) {
    order { id }
    userErrors { field message }
  }
}`;

export const RETURN_REQUEST = `mutation TrulyBotReturnRequest($input: ReturnRequestInput!) {
  returnRequest(input: $input) {
    return { id status }
    userErrors { code field message }
  }
}`;

/** The shop's return reason library (2026-01 `ReturnReasonDefinition`), asked for by handle. */
export const RETURN_REASON_DEFINITIONS = `query TrulyBotReturnReasons($handles: [String!]) {
  returnReasonDefinitions(first: 20, handles: $handles) {
    nodes { id handle deleted }
  }
}`;

/**
 * 2026-01 takes a return reason only as `returnReasonDefinitionId` (the `ReturnReason` enum is
 * output-only and deprecated). Each of the widget's reasons (as its ReturnReason word) names the
 * definition handles that mean it, best first; the first one the shop has, not deleted, is sent.
 * None found: no definition id, the reason stays in the line's customer note (ADR 0029).
 */
export const RETURN_REASON_HANDLES: Record<string, readonly string[]> = {
  SIZE_TOO_SMALL: ["wrong-size", "size-too-small"],
  DEFECTIVE: ["damaged-or-defective", "defective"],
  NOT_AS_DESCRIBED: ["not-as-described", "item-not-as-described"],
  UNWANTED: ["changed-my-mind", "unwanted"],
  OTHER: ["other"],
};

interface UserError {
  code?: string | null;
  field?: string[] | null;
  message: string;
}

interface OrderFacts {
  order: {
    id: string;
    note: string | null;
    shippingAddress: {
      firstName: string | null;
      lastName: string | null;
      company: string | null;
      address1: string | null;
      address2: string | null;
      city: string | null;
      provinceCode: string | null;
      zip: string | null;
      countryCodeV2: string | null;
      phone: string | null;
    } | null;
    fulfillments: {
      fulfillmentLineItems: {
        nodes: {
          id: string;
          quantity: number;
          lineItem?: { title: string; variantTitle: string | null } | null;
        }[];
      };
    }[];
  } | null;
}

/** Top-level GraphQL errors (ACCESS_DENIED without write_orders, invalid documents) are not refusals. */
function checkErrors(r: ShopifyGraphqlResponse<unknown>): void {
  if (!r.errors?.length) return;
  const denied = r.errors.some((e) => e.extensions?.code === "ACCESS_DENIED");
  throw new PlatformUnavailableError(
    r.errors.map((e) => e.message).join("; "),
    denied ? "auth" : "malformed",
  );
}

function refusedOf(errors: UserError[] | undefined): PlatformActionResult | null {
  if (!errors?.length) return null;
  return {
    ok: false,
    kind: "refused",
    code: errors[0].code ?? "INVALID",
    message: errors.map((e) => e.message).join("; "),
  };
}

type ShopifyAddress = NonNullable<NonNullable<OrderFacts["order"]>["shippingAddress"]>;

function fromShopifyAddress(a: ShopifyAddress | null): ShippingAddress | null {
  if (!a || !a.countryCodeV2) return null;
  return {
    firstName: a.firstName,
    lastName: a.lastName,
    company: a.company,
    address1: a.address1 ?? "",
    address2: a.address2,
    city: a.city ?? "",
    province: a.provinceCode,
    zip: a.zip ?? "",
    country: a.countryCodeV2,
    phone: a.phone,
  };
}

/** MailingAddressInput */
function toShopifyAddress(a: ShippingAddress): Record<string, string | null> {
  return {
    firstName: a.firstName,
    lastName: a.lastName,
    company: a.company ?? null,
    address1: a.address1,
    address2: a.address2 ?? null,
    city: a.city,
    provinceCode: a.province ?? null,
    zip: a.zip,
    countryCode: a.country,
    phone: a.phone ?? null,
  };
}

type FulfilledLine = NonNullable<
  OrderFacts["order"]
>["fulfillments"][number]["fulfillmentLineItems"]["nodes"][number];

/** The lines the shopper chose (matched by title and variant, at most the quantity fulfilled); none chosen: all. */
function chosenLines(all: FulfilledLine[], items: ReturnRequest["items"]): FulfilledLine[] {
  if (!items?.length) return all;
  return all.flatMap((l) => {
    const it = items.find(
      (i) => i.title === l.lineItem?.title && (i.variantTitle ?? null) === (l.lineItem?.variantTitle ?? null),
    );
    return it ? [{ ...l, quantity: Math.min(l.quantity, it.quantity) }] : [];
  });
}

type ReasonNode = { id: string; handle: string; deleted: boolean };

/** The definition id for `reason`, or null when the shop's library has none of its handles. */
async function reasonDefinitionId(client: ShopifyGraphqlClient, reason: string): Promise<string | null> {
  const handles = RETURN_REASON_HANDLES[reason] ?? RETURN_REASON_HANDLES.OTHER;
  const r = await client.request<{ returnReasonDefinitions: { nodes: ReasonNode[] } | null }>(
    RETURN_REASON_DEFINITIONS,
    { handles: [...handles] },
  );
  checkErrors(r);
  const nodes = r.data?.returnReasonDefinitions?.nodes ?? [];
  const live = handles.map((h) => nodes.find((n) => n.handle === h && !n.deleted)).find(Boolean);
  const any = handles.map((h) => nodes.find((n) => n.handle === h)).find(Boolean);
  return (live ?? any)?.id ?? null;
}

export function createShopifyActions(client: ShopifyGraphqlClient): PlatformActions {
  async function facts(orderId: string): Promise<NonNullable<OrderFacts["order"]>> {
    const r = await client.request<OrderFacts>(ORDER_ADDRESS, { id: orderId });
    checkErrors(r);
    if (!r.data?.order) throw new PlatformUnavailableError("order not visible to the app", "malformed");
    return r.data.order;
  }
  async function update(input: Record<string, unknown>): Promise<PlatformActionResult> {
    const r = await client.request<{ orderUpdate: { userErrors: UserError[] } | null }>(ORDER_UPDATE, {
      input,
    });
    checkErrors(r);
    return refusedOf(r.data?.orderUpdate?.userErrors) ?? { ok: true };
  }
  return {
    async cancelOrder(req: CancelRequest) {
      const r = await client.request<{
        orderCancel: { job: { id: string } | null; orderCancelUserErrors: UserError[] } | null;
      }>(ORDER_CANCEL, {
        orderId: req.orderId,
        reason: "CUSTOMER",
        restock: req.restock,
        notifyCustomer: req.notifyCustomer,
        refundMethod: { originalPaymentMethodsRefund: req.refund },
        staffNote: req.staffNote.slice(0, 255),
      });
      checkErrors(r);
      return (
        refusedOf(r.data?.orderCancel?.orderCancelUserErrors) ?? {
          ok: true,
          detail: { job: r.data?.orderCancel?.job?.id },
        }
      );
    },
    async getShippingAddress(orderId) {
      return fromShopifyAddress((await facts(orderId)).shippingAddress);
    },
    updateShippingAddress(orderId, a: ShippingAddress) {
      return update({ id: orderId, shippingAddress: toShopifyAddress(a) });
    },
    async requestReturn(req: ReturnRequest) {
      const o = await facts(req.orderId);
      const all = o.fulfillments.flatMap((f) => f.fulfillmentLineItems.nodes);
      const chosen = chosenLines(all, req.items);
      if (!chosen.length)
        return {
          ok: false,
          kind: "refused",
          code: "NOT_FOUND",
          message: "None of those items was fulfilled.",
        };
      const definitionId = await reasonDefinitionId(client, req.reason);
      const r = await client.request<{ returnRequest: { userErrors: UserError[] } | null }>(RETURN_REQUEST, {
        input: {
          orderId: req.orderId,
          returnLineItems: chosen.map((l) => ({
            fulfillmentLineItemId: l.id,
            quantity: l.quantity,
            ...(definitionId ? { returnReasonDefinitionId: definitionId } : {}),
            customerNote: `${req.reason}: ${req.note}`.slice(0, 300),
          })),
        },
      });
      checkErrors(r);
      return refusedOf(r.data?.returnRequest?.userErrors) ?? { ok: true };
    },
    async addOrderNote(orderId, text) {
      const o = await facts(orderId);
      const note = o.note ? `${o.note}\n\n${text}` : text;
      const r = await update({ id: orderId, note: note.slice(-5000) });
      if (!r.ok) throw new PlatformUnavailableError(r.message, "upstream_error");
    },
  };
}

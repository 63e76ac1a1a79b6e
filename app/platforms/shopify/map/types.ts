/**
 * Input shapes: the subset of the Admin GraphQL schema that queries.ts selects
 * (ORDER_FIELDS_FRAGMENT, SHOP_INFO), and the mapping context.
 */
import type { InferCarrierInput, InferCarrierResult } from "../../../orders/carriers";

export interface ShopifyMoneyV2 {
  amount: string; // Decimal serialized like "84.0"
  currencyCode: string;
}
export interface ShopifyMoneyBag {
  shopMoney: ShopifyMoneyV2;
  presentmentMoney: ShopifyMoneyV2;
}
export interface Connection<T> {
  nodes: T[];
}

export interface ShopifyLineItemRef {
  id: string;
  title: string;
  variantTitle?: string | null;
  sku?: string | null;
}

export interface ShopifyFulfillmentEvent {
  status: string;
  happenedAt: string;
  message?: string | null;
  city?: string | null;
  province?: string | null;
  country?: string | null;
  estimatedDeliveryAt?: string | null;
}

export interface ShopifyFulfillment {
  id: string;
  name?: string | null;
  status: string; // FulfillmentStatus: SUCCESS, CANCELLED, ERROR, FAILURE, OPEN, PENDING
  displayStatus?: string | null; // FulfillmentDisplayStatus
  createdAt: string;
  inTransitAt?: string | null;
  deliveredAt?: string | null;
  estimatedDeliveryAt?: string | null;
  location?: { name: string } | null;
  trackingInfo?: { company?: string | null; number?: string | null; url?: string | null }[] | null;
  /** absent in the lean list fragment */
  fulfillmentLineItems?: Connection<{ id?: string; quantity?: number | null; lineItem: ShopifyLineItemRef }>;
  events?: Connection<ShopifyFulfillmentEvent> | null;
}

export interface ShopifyFulfillmentOrder {
  id: string;
  status: string; // OPEN, IN_PROGRESS, SCHEDULED, ON_HOLD, CLOSED, CANCELLED, INCOMPLETE
  deliveryMethod?: {
    methodType: string;
    presentedName?: string | null;
    additionalInformation?: { instructions?: string | null; phone?: string | null } | null;
  } | null;
  assignedLocation?: {
    name: string;
    address1?: string | null;
    address2?: string | null;
    city?: string | null;
    province?: string | null;
    zip?: string | null;
    countryCode?: string | null;
  } | null;
  fulfillmentHolds?: { reason: string }[] | null;
  lineItems?: Connection<{
    totalQuantity: number;
    remainingQuantity: number;
    lineItem: { id: string };
  }> | null;
}

export interface ShopifyRefund {
  id: string;
  createdAt: string | null;
  note?: string | null;
  totalRefundedSet: ShopifyMoneyBag;
  refundLineItems?: Connection<{
    quantity: number;
    restockType: string; // NO_RESTOCK, CANCEL, RETURN, LEGACY_RESTOCK
    restocked: boolean;
    lineItem: ShopifyLineItemRef;
  }>;
}

export interface ShopifyOrderNode {
  id: string;
  name: string; // "#1003"
  number?: number | null;
  email?: string | null;
  phone?: string | null;
  createdAt: string;
  processedAt?: string | null;
  cancelledAt?: string | null;
  cancelReason?: string | null;
  closed?: boolean | null;
  test: boolean;
  displayFinancialStatus?: string | null;
  displayFulfillmentStatus: string;
  currencyCode?: string | null;
  presentmentCurrencyCode?: string | null;
  customerLocale?: string | null;
  paymentGatewayNames?: string[] | null;
  discountCodes?: string[] | null;
  requiresShipping?: boolean | null;
  statusPageUrl?: string | null;
  totalPriceSet: ShopifyMoneyBag;
  subtotalPriceSet?: ShopifyMoneyBag | null;
  totalRefundedSet?: ShopifyMoneyBag | null;
  totalOutstandingSet?: ShopifyMoneyBag | null;
  customer?: {
    id: string;
    displayName?: string | null;
    defaultEmailAddress?: { emailAddress?: string | null } | null;
    defaultPhoneNumber?: { phoneNumber?: string | null } | null;
  } | null;
  shippingAddress?: {
    name?: string | null;
    city?: string | null;
    countryCodeV2?: string | null;
    phone?: string | null;
  } | null;
  billingAddress?: { phone?: string | null } | null;
  lineItems: Connection<{
    id: string;
    title: string;
    variantTitle?: string | null;
    sku?: string | null;
    quantity: number;
    currentQuantity?: number | null;
    unfulfilledQuantity?: number | null;
    image?: { url?: string | null } | null;
  }>;
  fulfillments: ShopifyFulfillment[];
  fulfillmentOrders?: Connection<ShopifyFulfillmentOrder> | null;
  refunds?: ShopifyRefund[] | null;
}

export interface ShopifyShopNode {
  id?: string;
  name: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
  contactEmail?: string | null;
  email?: string | null;
  primaryDomain?: { host?: string | null; url?: string | null } | null;
  shopPolicies?: { type: string; title?: string | null; body: string; url?: string | null }[] | null;
}

export interface MapContext {
  shopDomain: string;
  timezone: string;
  currency: string;
}

/** Carrier inference (app/orders/carriers.ts by default); injectable for tests, `false` turns it off. */
export type CarrierInference = (input: InferCarrierInput) => InferCarrierResult;

/**
 * Admin GraphQL documents (API version SHOPIFY_API_VERSION, ./api-version.ts) used by the Shopify adapter.
 * Every document here is validated against the real schema in queries.test.ts.
 * Fields selected in ORDER_FIELDS are exactly the shape `ShopifyOrderNode` (map.ts) reads.
 */

export { SHOPIFY_API_VERSION } from "./api-version";

const MONEY_BAG = `shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }`;

export const ORDER_FIELDS_FRAGMENT = /* GraphQL */ `
  fragment TrulyBotOrderFields on Order {
    id
    name
    number
    email
    phone
    createdAt
    processedAt
    cancelledAt
    cancelReason
    closed
    test
    displayFinancialStatus
    displayFulfillmentStatus
    currencyCode
    presentmentCurrencyCode
    customerLocale
    paymentGatewayNames
    discountCodes
    requiresShipping
    statusPageUrl
    totalPriceSet { ${MONEY_BAG} }
    subtotalPriceSet { ${MONEY_BAG} }
    totalRefundedSet { ${MONEY_BAG} }
    totalOutstandingSet { ${MONEY_BAG} }
    customer {
      id
      displayName
      defaultEmailAddress { emailAddress }
      defaultPhoneNumber { phoneNumber }
    }
    shippingAddress { name city countryCodeV2 phone }
    billingAddress { phone }
    lineItems(first: 50) {
      nodes {
        id
        title
        variantTitle
        sku
        quantity
        currentQuantity
        unfulfilledQuantity
        image { url }
      }
    }
    fulfillments(first: 5) {
      id
      name
      status
      displayStatus
      createdAt
      inTransitAt
      deliveredAt
      estimatedDeliveryAt
      location { name }
      trackingInfo(first: 3) { company number url }
      fulfillmentLineItems(first: 10) {
        nodes {
          id
          quantity
          lineItem { id title variantTitle sku }
        }
      }
      events(first: 5, sortKey: HAPPENED_AT, reverse: true) {
        nodes {
          status
          happenedAt
          message
          city
          province
          country
          estimatedDeliveryAt
        }
      }
    }
    fulfillmentOrders(first: 5) {
      nodes {
        id
        status
        deliveryMethod {
          methodType
          presentedName
          additionalInformation { instructions phone }
        }
        assignedLocation { name address1 address2 city province zip countryCode }
        fulfillmentHolds { reason }
        lineItems(first: 10) {
          nodes {
            totalQuantity
            remainingQuantity
            lineItem { id }
          }
        }
      }
    }
    refunds(first: 5) {
      id
      createdAt
      note
      totalRefundedSet { ${MONEY_BAG} }
      refundLineItems(first: 10) {
        nodes {
          quantity
          restockType
          restocked
          lineItem { id title variantTitle sku }
        }
      }
    }
  }
`;

/**
 * Lean fragment for order lists (a customer's orders): enough for number, date, total, items and the
 * canonical status, cheap enough (about 60 cost points per order) to list 10 orders in one request.
 */
export const ORDER_SUMMARY_FIELDS_FRAGMENT = /* GraphQL */ `
  fragment TrulyBotOrderSummaryFields on Order {
    id
    name
    number
    email
    phone
    createdAt
    processedAt
    cancelledAt
    cancelReason
    test
    displayFinancialStatus
    displayFulfillmentStatus
    currencyCode
    presentmentCurrencyCode
    customerLocale
    requiresShipping
    statusPageUrl
    totalPriceSet { ${MONEY_BAG} }
    totalOutstandingSet { ${MONEY_BAG} }
    customer { id displayName }
    shippingAddress { city countryCodeV2 }
    lineItems(first: 10) {
      nodes { id title variantTitle sku quantity currentQuantity unfulfilledQuantity }
    }
    fulfillments(first: 5) {
      id
      status
      displayStatus
      createdAt
      deliveredAt
      estimatedDeliveryAt
      trackingInfo(first: 1) { company number url }
    }
    fulfillmentOrders(first: 5) {
      nodes {
        id
        status
        deliveryMethod { methodType presentedName }
        fulfillmentHolds { reason }
      }
    }
  }
`;

/**
 * A lookup by number in ONE request: the newest order whose name matches, with every field the
 * answer needs (`newest`), the ids of up to `$first` matches (cheap), plus the highest order number
 * the app can see, so a miss can be told apart from "maybe older than the 60-day window".
 * `$query` is a search query such as `name:"#1003"` (see orderNumberSearchQuery). Shopify's search
 * can be fuzzy and ignores unknown filters, so callers must still match `name` exactly; when only
 * another of the `matches` is exact, the caller reads that one by id (ORDER_BY_ID, a second call).
 * (Selecting the full order for all 5 matches would exceed Shopify's 1,000-point single-query limit;
 * one full order is within it.)
 */
export const ORDER_SEARCH = /* GraphQL */ `
  query TrulyBotOrderSearch($query: String!, $first: Int!) {
    newest: orders(first: 1, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes {
        ...TrulyBotOrderFields
      }
    }
    matches: orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes {
        id
        name
        createdAt
      }
    }
    highestVisible: orders(first: 1, sortKey: ORDER_NUMBER, reverse: true) {
      nodes {
        id
        name
        createdAt
      }
    }
  }
  ${ORDER_FIELDS_FRAGMENT}
`;

/** Orders matching a search query, lean fields (e.g. `email:…`, `customer_id:…`, `created_at:>=…`). */
export const ORDERS_BY_QUERY = /* GraphQL */ `
  query TrulyBotOrdersByQuery($query: String!, $first: Int!) {
    orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes {
        ...TrulyBotOrderSummaryFields
      }
    }
  }
  ${ORDER_SUMMARY_FIELDS_FRAGMENT}
`;

/** One order by gid. */
export const ORDER_BY_ID = /* GraphQL */ `
  query TrulyBotOrderById($id: ID!) {
    order(id: $id) {
      ...TrulyBotOrderFields
    }
  }
  ${ORDER_FIELDS_FRAGMENT}
`;

/** A customer's most recent orders, newest first. */
export const CUSTOMER_ORDERS = /* GraphQL */ `
  query TrulyBotCustomerOrders($id: ID!, $first: Int!) {
    customer(id: $id) {
      id
      orders(first: $first, sortKey: CREATED_AT, reverse: true) {
        nodes {
          ...TrulyBotOrderSummaryFields
        }
      }
    }
  }
  ${ORDER_SUMMARY_FIELDS_FRAGMENT}
`;

/** Shop info and the shop's legal policies (one round trip). */
export const SHOP_INFO = /* GraphQL */ `
  query TrulyBotShopInfo {
    shop {
      id
      name
      myshopifyDomain
      currencyCode
      ianaTimezone
      contactEmail
      email
      primaryDomain {
        host
        url
      }
      shopPolicies {
        type
        title
        body
        url
      }
    }
  }
`;

/** The scopes granted to the current installation (to know whether read_all_orders was granted). */
export const ACCESS_SCOPES = /* GraphQL */ `
  query TrulyBotAccessScopes {
    currentAppInstallation {
      accessScopes {
        handle
      }
    }
  }
`;

/** Every document the app sends; queries.test.ts validates each of them against the schema. */
export const ALL_DOCUMENTS: Record<string, string> = {
  ORDER_SEARCH,
  ORDERS_BY_QUERY,
  ORDER_BY_ID,
  CUSTOMER_ORDERS,
  SHOP_INFO,
  ACCESS_SCOPES,
};

/** Search query for an order number the shopper typed, e.g. "1003" → `name:"#1003"`. */
export function orderNumberSearchQuery(orderNumber: string): string {
  const clean = orderNumber.trim().replace(/^#/, "").replace(/["\\]/g, "");
  return `name:"#${clean}"`;
}

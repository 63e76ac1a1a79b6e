/**
 * Pure mapping from Shopify Admin GraphQL objects to the normalized order model.
 * The input shapes (./map/types.ts) are exactly what queries.ts selects. No I/O here: tests and the
 * CLI can call it directly. The parts live in ./map/ (items and delivery, fulfillments, status, money, shop).
 */
import type { NormalizedOrder, Refund } from "../../orders/types";
import { safeLinkUrl } from "../../protocol/url";
import { deliveryOf, mapItems } from "./map/delivery";
import { byTime, carrierInferenceOf, isLiveFulfillment, mapFulfillment } from "./map/fulfillments";
import { isPositive, shopperMoney, zero } from "./map/money";
import { deriveStatus } from "./map/status";
import type { CarrierInference, MapContext, ShopifyOrderNode, ShopifyRefund } from "./map/types";

export type * from "./map/types";
export { normalizeAmount } from "../money";
export { shipmentStatusFromShopify } from "./map/fulfillments";
export { deriveStatus } from "./map/status";
export { mapPolicies, mapShopInfo } from "./map/shop";

const PAYMENT_GATEWAY_NAMES: Record<string, string> = {
  shopify_payments: "Shopify Payments",
  bogus: "Bogus Gateway (test)",
  paypal: "PayPal",
  manual: "Manual",
  gift_card: "Gift card",
  cash: "Cash",
};

function paymentMethodName(gateways: string[] | null | undefined): string | null {
  const g = gateways?.[0];
  if (!g) return null;
  return PAYMENT_GATEWAY_NAMES[g] ?? g;
}

function mapRefunds(refunds: ShopifyRefund[] | null | undefined, currency: string): Refund[] {
  return (refunds ?? [])
    .slice()
    .sort((a, b) => byTime(a.createdAt, b.createdAt))
    .map((r) => ({
      createdAt: r.createdAt ?? "",
      amount: shopperMoney(r.totalRefundedSet, currency) ?? zero(currency),
      note: r.note ?? null,
      items: (r.refundLineItems?.nodes ?? []).map((rli) => ({
        title: rli.lineItem.title,
        variantTitle: rli.lineItem.variantTitle ?? null,
        sku: rli.lineItem.sku ?? null,
        quantity: rli.quantity,
      })),
      restocked: (r.refundLineItems?.nodes ?? []).some((rli) => rli.restocked),
    }));
}

function contactOf(node: ShopifyOrderNode): NormalizedOrder["contact"] {
  return {
    email: node.email ?? null,
    phone:
      node.phone ??
      node.customer?.defaultPhoneNumber?.phoneNumber ??
      node.shippingAddress?.phone ??
      node.billingAddress?.phone ??
      null,
    customerId: node.customer?.id ?? null,
    name: node.customer?.displayName ?? node.shippingAddress?.name ?? null,
  };
}

function platformStatusOf(node: ShopifyOrderNode): string {
  return [
    node.displayFinancialStatus ?? "UNKNOWN",
    node.displayFulfillmentStatus,
    node.cancelledAt ? "CANCELLED" : null,
  ]
    .filter(Boolean)
    .join(" / ");
}

export function mapShopifyOrder(
  node: ShopifyOrderNode,
  ctx: MapContext,
  options: { inferCarrier?: CarrierInference | false } = {},
): NormalizedOrder {
  const currency = node.presentmentCurrencyCode ?? node.currencyCode ?? ctx.currency;
  const items = mapItems(node);
  const { method: deliveryMethod, pickup } = deliveryOf(node);
  const inferCarrier = carrierInferenceOf(options.inferCarrier);
  const country = node.shippingAddress?.countryCodeV2 ?? null;
  const shipments = node.fulfillments
    .filter(isLiveFulfillment)
    .sort((a, b) => byTime(a.createdAt, b.createdAt))
    .map((f) => mapFulfillment(f, { pickup, country, inferCarrier }));

  const readyShipment = shipments.find((s) => s.status === "ready_for_pickup" || s.status === "picked_up");
  if (pickup && readyShipment) pickup.readyAt = readyShipment.pickup?.readyAt ?? null;
  const outstanding = shopperMoney(node.totalOutstandingSet, currency);

  return {
    id: node.id,
    number: node.name.replace(/^#/, "") || String(node.number ?? ""),
    placedAt: node.processedAt ?? node.createdAt,
    status: deriveStatus(node, shipments, items),
    platformStatus: platformStatusOf(node),
    total: shopperMoney(node.totalPriceSet, currency) ?? zero(currency),
    outstanding: isPositive(outstanding) && !node.cancelledAt ? outstanding : null,
    subtotal: shopperMoney(node.subtotalPriceSet, currency),
    discountCodes: node.discountCodes ?? [],
    paymentMethod: paymentMethodName(node.paymentGatewayNames),
    paymentUrl: null,
    items,
    shipments,
    refunds: mapRefunds(node.refunds, currency),
    cancelledAt: node.cancelledAt ?? null,
    cancelReason: node.cancelReason ? node.cancelReason.toLowerCase() : null,
    statusPageUrl: safeLinkUrl(node.statusPageUrl),
    deliveryMethod,
    pickup,
    shippingCountry: country,
    shippingCity: node.shippingAddress?.city ?? null,
    customerNotes: [],
    contact: contactOf(node),
    customerLocale: node.customerLocale ?? null,
    test: node.test === true,
  };
}

/**
 * The normalized order model every platform adapter produces and the engine consumes.
 * Platform-agnostic: nothing here knows about Shopify or WooCommerce.
 */

export type CanonicalOrderStatus =
  | "pending_payment"
  | "on_hold"
  | "processing"
  | "partially_shipped"
  | "shipped"
  | "out_for_delivery"
  | "delivered"
  | "ready_for_pickup"
  | "cancelled"
  | "refunded"
  | "partially_refunded"
  | "failed";

export const CANONICAL_ORDER_STATUSES: readonly CanonicalOrderStatus[] = [
  "pending_payment",
  "on_hold",
  "processing",
  "partially_shipped",
  "shipped",
  "out_for_delivery",
  "delivered",
  "ready_for_pickup",
  "cancelled",
  "refunded",
  "partially_refunded",
  "failed",
];

export type ShipmentStatus =
  | "label_created"
  | "in_transit"
  | "out_for_delivery"
  | "delivered"
  | "attempted_delivery"
  | "delayed"
  | "exception"
  | "ready_for_pickup"
  | "picked_up"
  | "unknown";

/** Decimal string amount in the currency's minor units: EUR "49.00", JPY "1500", KWD "12.500" (adapters normalize through app/platforms/money.ts). */
export interface Money {
  amount: string;
  currency: string;
}

export interface OrderItem {
  title: string;
  variantTitle?: string | null;
  sku?: string | null;
  quantity: number;
  /** quantity still to ship (not in any shipment, not refunded/removed) */
  unshippedQuantity?: number;
  /** true when the platform says this line is backordered / on hold for stock */
  backordered?: boolean;
  imageUrl?: string | null;
}

export interface ShipmentEvent {
  at: string; // ISO 8601
  status?: ShipmentStatus;
  message: string;
  location?: string | null;
}

export interface Shipment {
  carrier: string | null; // display name, e.g. "UPS", "DHL Express", "Royal Mail"
  carrierCode?: string | null; // internal code from app/orders/carriers.ts, e.g. "ups"
  trackingNumber: string | null;
  trackingUrl: string | null; // given by the store, or inferred from carrier + number
  trackingUrlInferred?: boolean;
  status: ShipmentStatus;
  shippedAt: string | null; // ISO 8601
  estimatedDeliveryAt: string | null;
  deliveredAt: string | null;
  items: OrderItem[];
  lastEvent?: ShipmentEvent | null;
  /** pickup location text when status is ready_for_pickup */
  pickup?: {
    locationName: string | null;
    address: string | null;
    instructions: string | null;
    holdUntil?: string | null;
    readyAt?: string | null;
  } | null;
}

export interface Refund {
  createdAt: string;
  amount: Money;
  note?: string | null;
  items: OrderItem[];
  restocked?: boolean;
}

export interface NormalizedOrder {
  /** platform id (gid for Shopify, numeric string for Woo) — never shown to shoppers */
  id: string;
  /** the number shoppers know, without '#', e.g. "1003" */
  number: string;
  placedAt: string; // ISO 8601 UTC
  status: CanonicalOrderStatus;
  /** the platform's own status words for support staff, e.g. "PAID / PARTIALLY_FULFILLED" or "completed" */
  platformStatus: string;
  total: Money;
  /** amount still owed (pending payment) */
  outstanding?: Money | null;
  subtotal?: Money | null;
  discountCodes?: string[];
  paymentMethod?: string | null; // e.g. "Bank Deposit", "PayPal"
  paymentUrl?: string | null;
  items: OrderItem[];
  shipments: Shipment[];
  refunds: Refund[];
  cancelledAt?: string | null;
  cancelReason?: string | null; // "customer" | "fraud" | "inventory" | "declined" | "other"
  statusPageUrl: string | null;
  /** delivery method of the order: shipping, local pickup, digital */
  deliveryMethod: "shipping" | "pickup" | "none";
  pickup?: {
    locationName: string | null;
    address: string | null;
    instructions: string | null;
    holdUntil?: string | null;
    readyAt?: string | null;
  } | null;
  shippingCountry?: string | null; // ISO country code of the destination; never the full address
  shippingCity?: string | null;
  /** Customer notes visible to the shopper (Woo customer notes, Shopify public timeline) newest last */
  customerNotes?: { at: string; text: string }[];
  /** data used only for verification by the engine — never rendered */
  contact: { email: string | null; phone: string | null; customerId: string | null; name?: string | null };
  /** locale the customer checked out in, if known, e.g. "de-DE" */
  customerLocale?: string | null;
  test: boolean;
}

export interface StoreInfo {
  name: string;
  domain: string;
  currency: string;
  timezone: string; // IANA zone, e.g. "America/New_York"
  locale?: string | null;
  supportEmail?: string | null;
}

export interface StorePolicies {
  shipping?: string | null;
  returns?: string | null;
  privacy?: string | null;
  terms?: string | null;
}

/**
 * WooCommerce REST v3 shapes (only the fields this app reads), as captured from a real
 * WooCommerce 10.0.2 (see fixtures/woocommerce/live-10.0.2/). Dates without offset:
 * `date_*` are store-local wall time, `date_*_gmt` are UTC.
 */
import type { InferCarrierInput, InferCarrierResult } from "../../orders/carriers";

export interface WooMeta {
  id?: number;
  key: string;
  value: unknown;
  display_key?: string;
  display_value?: unknown;
}

export interface WooAddress {
  first_name?: string;
  last_name?: string;
  company?: string;
  address_1?: string;
  address_2?: string;
  city?: string;
  state?: string;
  postcode?: string;
  country?: string;
  email?: string;
  phone?: string;
}

export interface WooLineItem {
  id: number;
  name: string;
  product_id?: number;
  variation_id?: number;
  quantity: number;
  subtotal?: string;
  subtotal_tax?: string;
  total?: string;
  total_tax?: string;
  sku?: string | null;
  price?: number | string;
  image?: { id?: number | string; src?: string } | null;
  parent_name?: string | null;
  meta_data?: WooMeta[];
}

export interface WooShippingLine {
  id: number;
  method_title?: string;
  method_id?: string;
  instance_id?: string;
  total?: string;
  meta_data?: WooMeta[];
}

export interface WooOrderRefundRef {
  id: number;
  reason?: string;
  total: string; // negative, e.g. "-27.90"
}

export interface WooOrder {
  id: number;
  parent_id?: number;
  number?: string;
  order_key?: string;
  status: string;
  currency?: string;
  prices_include_tax?: boolean;
  date_created?: string | null;
  date_created_gmt?: string | null;
  date_modified?: string | null;
  date_modified_gmt?: string | null;
  date_completed?: string | null;
  date_completed_gmt?: string | null;
  date_paid?: string | null;
  date_paid_gmt?: string | null;
  discount_total?: string;
  shipping_total?: string;
  total: string;
  total_tax?: string;
  customer_id?: number;
  billing?: WooAddress;
  shipping?: WooAddress;
  payment_method?: string;
  payment_method_title?: string;
  transaction_id?: string;
  created_via?: string;
  customer_note?: string;
  meta_data?: WooMeta[];
  line_items?: WooLineItem[];
  shipping_lines?: WooShippingLine[];
  fee_lines?: Array<{ id: number; name: string; total?: string }>;
  coupon_lines?: Array<{ id: number; code: string; discount?: string }>;
  refunds?: WooOrderRefundRef[];
  payment_url?: string;
  needs_payment?: boolean;
  needs_processing?: boolean;
  is_editable?: boolean;
  [extra: string]: unknown;
}

/** Item of GET /wp-json/wc-shipment-tracking/v3/orders/{id}/shipment-trackings */
export interface WooShipmentTracking {
  tracking_id?: string;
  tracking_provider?: string; // formatted provider name, e.g. "DHL Intraship (DE)", or custom provider
  tracking_link?: string; // "" for custom providers without a link
  tracking_number: string;
  date_shipped?: string; // YYYY-MM-DD
  [extra: string]: unknown;
}

/** Item stored in the `_wc_shipment_tracking_items` order meta (WST / AST). */
export interface WooShipmentTrackingMetaItem {
  tracking_provider?: string;
  custom_tracking_provider?: string;
  custom_tracking_link?: string;
  tracking_number?: string;
  date_shipped?: string | number; // unix seconds
  tracking_id?: string;
  status_shipped?: string | number;
  [extra: string]: unknown;
}

/** Item of GET /wc/v3/orders/{id}/notes */
export interface WooOrderNote {
  id: number;
  author?: string;
  date_created?: string;
  date_created_gmt?: string;
  note: string;
  customer_note: boolean;
  [extra: string]: unknown;
}

/** Item of GET /wc/v3/orders/{id}/refunds */
export interface WooRefund {
  id: number;
  date_created?: string;
  date_created_gmt?: string;
  amount: string; // positive, e.g. "25.00"
  reason?: string;
  refunded_payment?: boolean;
  line_items?: WooLineItem[];
  meta_data?: WooMeta[];
  [extra: string]: unknown;
}

export interface WooStoreContext {
  /** store base URL, e.g. "https://shop.example" (no trailing slash needed) */
  url: string;
  /** IANA zone, e.g. "Europe/Berlin" */
  timezone: string;
  currency: string;
  /** store name, used as the pickup location name when nothing better is known */
  name?: string | null;
}

/** Carrier inference (default: app/orders/carriers.ts `inferCarrier`). */
export type InferCarrierFn = (input: InferCarrierInput) => Partial<InferCarrierResult> | null | undefined;

export interface MapWooOrderExtras {
  /** from GET /wc-shipment-tracking/v3/orders/{id}/shipment-trackings; preferred over the meta when given (even empty) */
  trackings?: WooShipmentTracking[] | null;
  /** from GET /wc/v3/orders/{id}/notes (all or type=customer); only customer notes are shown to shoppers */
  notes?: WooOrderNote[] | null;
  /** from GET /wc/v3/orders/{id}/refunds (gives dates and items); else the order's `refunds` summary is used */
  refunds?: WooRefund[] | null;
  store: WooStoreContext;
  /** fills carrier code / URL gaps (e.g. a custom provider without link). Default: carriers.ts inferCarrier; null disables. */
  inferCarrier?: InferCarrierFn | null;
}

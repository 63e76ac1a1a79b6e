/** What a webhook handler records about an order event: only what the job needs, no personal data. */

export type OrderEventChange =
  | {
      kind: "order";
      orderId: string;
      orderNumber: string | null;
      /** canonical status (app/orders/types.ts) */
      status: string;
      platformStatus: string | null;
      customerId: string | null;
      /** the platform's own modification time: an older event never overwrites a newer one */
      sourceUpdatedAt: string | null;
    }
  | { kind: "order_deleted"; orderId: string }
  | {
      kind: "shipment";
      orderId: string;
      shipmentStatus: string | null;
      sourceUpdatedAt: string | null;
    }
  | { kind: "customer_deleted"; customerId: string };

export interface RecordOrderEventInput {
  storeId: string;
  platform: "shopify" | "woocommerce";
  topic: string;
  deliveryId: string;
  /** WooCommerce: hex SHA-256 of topic + signed body (a replayed body is recorded once) */
  bodyHash?: string | null;
  change: OrderEventChange;
}

export const ORDER_EVENT_JOB = "order-event";

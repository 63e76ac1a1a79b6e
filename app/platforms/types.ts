import type { PlatformActions } from "../actions/types";
import type { NormalizedOrder, StoreInfo, StorePolicies } from "../orders/types";

/**
 * One interface for every commerce platform. The engine only ever sees this.
 * Adapters never decide whether the shopper may see the order: they return what the
 * platform has, and the engine verifies (app/chat/verification.ts).
 */
export interface PlatformCapabilities {
  platform: "shopify" | "woocommerce" | "memory";
  /** false when the platform only exposes recent orders (Shopify without read_all_orders: 60 days) */
  readAllOrders: boolean;
  /** how far back lookups can see when readAllOrders is false */
  recentOrdersDays?: number;
  /** true when the platform records deliveries (Shopify does, Woo core does not) */
  knowsDelivery: boolean;
}

export interface FindOrderQuery {
  orderNumber: string;
  /**
   * The caller's check of the answer: true when it shows the order to someone who proved it is theirs
   * (the contact on the order, a logged-in owner, a one-time code). Such an answer reveals nothing a
   * timing could add, so the latency floor does not pad it (app/security/latency-floor.ts); every
   * other answer — unknown number, wrong contact, out of range — is padded alike.
   */
  verify?: (result: FindOrderResult) => boolean;
}

export type FindOrderResult =
  | { kind: "found"; order: NormalizedOrder }
  | { kind: "not_found" }
  /** the order may exist but lies outside what the app may read (e.g. older than 60 days without read_all_orders) */
  | { kind: "out_of_range"; days: number };

export class PlatformUnavailableError extends Error {
  constructor(
    message: string,
    public readonly reason: "timeout" | "throttled" | "upstream_error" | "auth" | "malformed" | "network",
    public readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "PlatformUnavailableError";
  }
}

export interface PlatformAdapter {
  readonly capabilities: PlatformCapabilities;
  /** Look up one order by the number the shopper knows. Throws PlatformUnavailableError on outage. */
  findOrder(query: FindOrderQuery): Promise<FindOrderResult>;
  /** Most recent orders of a platform-verified customer, newest first (test orders excluded by the engine). */
  listCustomerOrders(customerId: string, limit: number): Promise<NormalizedOrder[]>;
  getPolicies(): Promise<StorePolicies>;
  getStoreInfo(): Promise<StoreInfo>;
  /** changes to orders (self-service actions); absent when the adapter cannot change orders */
  actions?: PlatformActions;
}

/**
 * Self-service actions: what the shopper may ask the bot to do to an order, what the merchant allows,
 * and what the platform is asked to do. Platform-agnostic; the adapters implement PlatformActions.
 */
import type { CanonicalOrderStatus } from "../orders/types";

export type ActionKind = "cancel" | "address" | "return";
export const ACTION_KINDS: readonly ActionKind[] = ["cancel", "address", "return"];

export interface ActionRule {
  action: ActionKind;
  /** off until the merchant turns it on */
  enabled: boolean;
  /** hours since the order (cancel, address) or since delivery (return); null: no limit */
  windowHours: number | null;
  /** canonical statuses the merchant allows (a subset of what the action can ever do) */
  statuses: CanonicalOrderStatus[];
  /** decimal string in the store's currency; orders above it go to a person */
  maxTotal: string | null;
  /** offer "ask a person" instead of doing it */
  askPerson: boolean;
  allowCountryChange: boolean;
  restock: boolean;
  refund: boolean;
  notifyCustomer: boolean;
  /** email the merchant after each action */
  notifyMerchant: boolean;
}

export type ActionRules = Record<ActionKind, ActionRule>;

/** Statuses in which each action can happen at all (the merchant's list narrows these). */
export const POSSIBLE_STATUSES: Record<ActionKind, CanonicalOrderStatus[]> = {
  cancel: ["pending_payment", "on_hold", "processing"],
  address: ["pending_payment", "on_hold", "processing"],
  return: ["delivered"],
};

export const DEFAULT_WINDOW_HOURS: Record<ActionKind, number | null> = {
  cancel: 24,
  address: 24,
  return: 30 * 24,
};

export function defaultRule(action: ActionKind): ActionRule {
  return {
    action,
    enabled: false,
    windowHours: DEFAULT_WINDOW_HOURS[action],
    statuses: [...POSSIBLE_STATUSES[action]],
    maxTotal: null,
    askPerson: false,
    allowCountryChange: false,
    restock: true,
    refund: true,
    notifyCustomer: true,
    notifyMerchant: false,
  };
}

export function defaultRules(): ActionRules {
  return { cancel: defaultRule("cancel"), address: defaultRule("address"), return: defaultRule("return") };
}

export interface ShippingAddress {
  firstName: string | null;
  lastName: string | null;
  company?: string | null;
  address1: string;
  address2?: string | null;
  city: string;
  /** ISO 3166-2 subdivision code without the country, e.g. "CA", "ON" */
  province?: string | null;
  zip: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  phone?: string | null;
}

export type PlatformActionResult =
  | { ok: true; detail?: Record<string, unknown> }
  /** the platform refused (its own words in `message`); nothing was changed */
  | { ok: false; kind: "refused"; code: string; message: string };

export interface CancelRequest {
  orderId: string;
  restock: boolean;
  refund: boolean;
  notifyCustomer: boolean;
  staffNote: string;
}

/** One line the shopper chose to send back (as the order shows it). */
export interface ReturnItem {
  title: string;
  variantTitle?: string | null;
  quantity: number;
}

/** "1 × Summit Fleece Pullover (Women's S / Oatmeal), 2 × Socks" (order notes, the team's handoff). */
export function itemsText(items: ReturnItem[]): string {
  return items
    .map((i) => `${i.quantity} × ${i.title}${i.variantTitle ? ` (${i.variantTitle})` : ""}`)
    .join(", ");
}

export interface ReturnRequest {
  orderId: string;
  reason: string;
  note: string;
  /** the lines chosen in the chat; absent: every fulfilled line */
  items?: ReturnItem[];
}

/** Optional on PlatformAdapter: only adapters that can change orders have it. */
export interface PlatformActions {
  cancelOrder(req: CancelRequest): Promise<PlatformActionResult>;
  getShippingAddress(orderId: string): Promise<ShippingAddress | null>;
  updateShippingAddress(orderId: string, address: ShippingAddress): Promise<PlatformActionResult>;
  /** Shopify: returnRequest (the merchant approves); Woo: an order note (the engine adds a handoff) */
  requestReturn(req: ReturnRequest): Promise<PlatformActionResult & { needsHandoff?: boolean }>;
  /** a staff-only note on the order in the store's admin */
  addOrderNote(orderId: string, text: string): Promise<void>;
}

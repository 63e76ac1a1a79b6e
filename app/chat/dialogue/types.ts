/**
 * What a turn runs against: the store as the engine sees it, the platform adapter, the repository,
 * the notifier and the clock. Built by the composition root (../context.server.ts) or by tests.
 */
import type { StorePolicies } from "../../orders/types";
import type { SelfService } from "../../actions/service";
import type { PlatformAdapter } from "../../platforms/types";
import type { HandoffNotifier } from "../notify";
import type { ChatRepository } from "../repository";

export interface ChatStoreSettings {
  name: string;
  greeting: string;
  orderTracking: boolean;
  handoffEnabled: boolean;
  faqEnabled: boolean;
  handoffEmail: string | null;
  languages: string[];
  /** human text of the team's hours, e.g. "Mon-Fri 9:00-17:00 ET" (already formatted) */
  businessHours?: string | null;
}

export interface ChatStore {
  id: string;
  name: string;
  platform: "shopify" | "woocommerce" | "memory";
  supportEmail: string | null;
  timezone?: string | null;
  currency?: string | null;
  settings: ChatStoreSettings;
  /** platform policies merged with merchant-entered ones */
  policies: StorePolicies;
  /** public policy pages, linked under an excerpt when known */
  policyUrls?: { shipping?: string | null; returns?: string | null };
}

/** One lookup's reservation against the shopper's limits (app/security/lookup-guard.server.ts). */
export interface LookupReservation {
  allowed: boolean;
  limitedBy: "shopper" | "network" | null;
  retryAfterSeconds: number;
  /** after the lookup: "verified" gives the reservation back, "failed" counts towards step-up */
  settle(outcome: "verified" | "failed"): Promise<void>;
}

export interface LookupScope {
  storeId: string;
  shopperKey: string;
  networkKey?: string | null;
  orderNumber: string;
}

/**
 * Order-lookup limits shared by every app instance: reserve BEFORE the store is asked; past the failure
 * thresholds an order needs step-up verification instead of number + contact (docs/security.md).
 */
export interface LookupGuard {
  reserve(scope: LookupScope, now: Date): Promise<LookupReservation>;
  needsStepUp(storeId: string, orderNumber: string, now: Date): Promise<boolean>;
}

export const DEFAULT_AUDIT_KEY = "trulybot-order-lookup-audit-v1";

export interface TurnContext {
  store: ChatStore;
  adapter: PlatformAdapter;
  repo: ChatRepository;
  shopper: {
    /** hashed IP + user agent (or similar); never raw */
    key: string;
    /** platform-verified logged-in customer id, else null */
    customerId: string | null;
    /** hashed network prefix of the shopper's address (a second lookup limit), when known */
    networkKey?: string | null;
  };
  /** the lookup limits and step-up thresholds (the composition root builds them over the database) */
  lookups: LookupGuard;
  notifier?: HandoffNotifier | null;
  now?: () => Date;
  idGen?: () => string;
  /** HMAC key for order-number hashes in the audit (defaults to a constant salt) */
  auditKey?: string;
  /** one-time codes and self-service actions; absent: actions go to a person as before */
  selfService?: SelfService | null;
}

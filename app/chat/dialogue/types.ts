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

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export interface LookupLimits {
  store: RateLimitRule;
  shopper: RateLimitRule;
  orderNumber: RateLimitRule;
}

/** Failed verification attempts allowed per window. */
export const DEFAULT_LIMITS: LookupLimits = {
  store: { limit: 50, windowSeconds: 600 },
  shopper: { limit: 5, windowSeconds: 900 },
  orderNumber: { limit: 5, windowSeconds: 3600 },
};

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
  };
  notifier?: HandoffNotifier | null;
  now?: () => Date;
  idGen?: () => string;
  /** HMAC key for order-number hashes in the audit (defaults to a constant salt) */
  auditKey?: string;
  limits?: Partial<LookupLimits>;
  /** one-time codes and self-service actions; absent: actions go to a person as before */
  selfService?: SelfService | null;
}

/**
 * Guarding order lookups (number + email/phone) against guessing, without locking real shoppers out.
 *
 *  - reserveLookup(): BEFORE the store is asked, one atomic hit per identity counter (the shopper's
 *    key and its network prefix). Concurrency cannot exceed the limit: 20 parallel guesses reach
 *    the store at most `limit` times. A verified lookup gives its reservation back (settle).
 *  - failures are counted per order number and per store; past a threshold the order (or, during
 *    an enumeration wave, the whole store) needs STEP-UP verification (a one-time code sent to the
 *    contact on the order) instead of being locked. needsStepUp() is what the engine asks.
 *    The contract is in docs/security.md.
 */
import type { Db } from "../db.server";
import { getDb } from "../db.server";
import { hashForAudit } from "../stores/secrets.server";
import { hitRateLimit, peekRateLimit, releaseRateLimit } from "./rate-limit.server";

export const LOOKUP_LIMITS = {
  /** lookups per shopper identity (Shopify: client IP; Woo: the plugin's shopper hash) */
  shopper: { limit: 5, windowSeconds: 900 },
  /** lookups per network prefix (/24, /48): rotating addresses inside one allocation does not help */
  network: { limit: 20, windowSeconds: 900 },
};

export const STEP_UP_THRESHOLDS = {
  /** failed lookups on one order number within the window → that order needs step-up */
  orderFailures: { limit: 5, windowSeconds: 3600 },
  /** failed lookups in the whole store within the window (an enumeration wave) → every order needs step-up */
  storeFailures: { limit: 50, windowSeconds: 600 },
};

export interface LookupScope {
  storeId: string;
  /** the shopper's stable hashed identity */
  shopperKey: string;
  /** hashed network prefix of the shopper's address, when known (Shopify) */
  networkKey?: string | null;
  orderNumber: string;
}

export interface LookupReservation {
  allowed: boolean;
  /** which limit refused the lookup */
  limitedBy: "shopper" | "network" | null;
  retryAfterSeconds: number;
  /** after the lookup: a verified one gives the reservation back; a failed one counts towards step-up */
  settle(outcome: "verified" | "failed"): Promise<void>;
}

export function normalizeOrderNumberForLimits(n: string): string {
  return n.trim().replace(/^#/, "").toUpperCase();
}

function keys(scope: LookupScope) {
  const order = hashForAudit(normalizeOrderNumberForLimits(scope.orderNumber), `order:${scope.storeId}`);
  return {
    shopper: `lk:shopper:${scope.storeId}:${scope.shopperKey}`,
    network: scope.networkKey ? `lk:net:${scope.storeId}:${scope.networkKey}` : null,
    orderFailures: `lk:fail:order:${scope.storeId}:${order}`,
    storeFailures: `lk:fail:store:${scope.storeId}`,
  };
}

/** Reserve a lookup before asking the store. */
export async function reserveLookup(
  db: Db,
  scope: LookupScope,
  now: Date = new Date(),
): Promise<LookupReservation> {
  const k = keys(scope);
  const reserved: string[] = [];
  const settle = async (outcome: "verified" | "failed") => {
    if (outcome === "verified") {
      for (const key of reserved) await releaseRateLimit(db, key, now);
      return;
    }
    const { orderFailures, storeFailures } = STEP_UP_THRESHOLDS;
    await hitRateLimit(db, k.orderFailures, orderFailures.limit, orderFailures.windowSeconds, now);
    await hitRateLimit(db, k.storeFailures, storeFailures.limit, storeFailures.windowSeconds, now);
  };
  const checks = [
    ["shopper", k.shopper, LOOKUP_LIMITS.shopper],
    ...(k.network ? ([["network", k.network, LOOKUP_LIMITS.network]] as const) : []),
  ] as const;
  for (const [name, key, rule] of checks) {
    const r = await hitRateLimit(db, key, rule.limit, rule.windowSeconds, now);
    if (!r.allowed) {
      for (const earlier of reserved) await releaseRateLimit(db, earlier, now);
      return { allowed: false, limitedBy: name, retryAfterSeconds: r.retryAfterSeconds, settle };
    }
    reserved.push(key);
  }
  return { allowed: true, limitedBy: null, retryAfterSeconds: 0, settle };
}

/**
 * True when number + contact alone no longer suffices for this order: too many failures on the
 * order number, or an enumeration wave in the store. The engine then offers a one-time code.
 */
export async function needsStepUp(
  storeId: string,
  orderNumber: string,
  now: Date = new Date(),
  database?: Db,
) {
  const db = database ?? (await getDb());
  const k = keys({ storeId, shopperKey: "-", orderNumber });
  const { orderFailures, storeFailures } = STEP_UP_THRESHOLDS;
  const [o, s] = await Promise.all([
    peekRateLimit(db, k.orderFailures, orderFailures.limit, now),
    peekRateLimit(db, k.storeFailures, storeFailures.limit, now),
  ]);
  return !o.allowed || !s.allowed;
}

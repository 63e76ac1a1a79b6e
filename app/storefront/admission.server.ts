/**
 * Which storefront requests a store answers, before any work (docs/decisions/0026-…):
 *
 *  - every shopper (40 / min) and every network prefix (/24, /48: 200 / min) has its own limit;
 *  - the store-wide budget (3,000 / min) protects the store's capacity, but counts and refuses only
 *    requests of networks beyond their fair share (30 / min). A network at or under its share is
 *    never refused by the store-wide budget, however many other networks use it up: the per-network
 *    limits already separate those shoppers from the attacker's networks.
 *
 * Shared counters in the database (every instance sees the same), reserved atomically before the turn.
 */
import type { Db } from "../db.server";
import { NETWORK_REQUEST_LIMIT } from "../platforms/shopify/shopper-identity.server";
import { hitRateLimits } from "../security/rate-limits.server";

/** Requests (not failed lookups — the engine limits those) per window. */
export const REQUEST_LIMITS = {
  /** the store-wide budget for requests beyond a network's share */
  store: { limit: 3000, windowSeconds: 60 },
  shopper: { limit: 40, windowSeconds: 60 },
  /** requests per network (or, without a known network, per shopper) the store-wide budget never refuses */
  networkShare: { limit: 30, windowSeconds: 60 },
};

export interface AdmissionShopper {
  key: string;
  /** hashed network prefix, null when unknown (then the shopper counts as their own network) */
  networkKey?: string | null;
}

export type Admission =
  { allowed: true } | { allowed: false; scope: "store" | "shopper" | "network"; retryAfterSeconds: number };

/**
 * One request: the shopper's and the network's counters in one statement; only a request beyond its
 * network's share is then counted against (and can be refused by) the store-wide budget.
 */
export async function admitRequest(
  db: Db,
  storeId: string,
  shopper: AdmissionShopper,
  now: Date = new Date(),
): Promise<Admission> {
  const rules = [
    { scope: "shopper" as const, key: `req:shopper:${storeId}:${shopper.key}`, ...REQUEST_LIMITS.shopper },
    ...(shopper.networkKey
      ? [
          {
            scope: "network" as const,
            key: `req:net:${storeId}:${shopper.networkKey}`,
            ...NETWORK_REQUEST_LIMIT,
          },
        ]
      : []),
  ];
  const results = await hitRateLimits(db, rules, now);
  const i = results.findIndex((r) => !r.allowed);
  if (i !== -1)
    return { allowed: false, scope: rules[i]!.scope, retryAfterSeconds: results[i]!.retryAfterSeconds };
  // the network's own count (the shopper's when the network is unknown)
  const own = results.at(-1)!.count;
  if (own <= REQUEST_LIMITS.networkShare.limit) return { allowed: true };
  const [store] = await hitRateLimits(db, [{ key: `req:store:${storeId}`, ...REQUEST_LIMITS.store }], now);
  if (store!.allowed) return { allowed: true };
  return { allowed: false, scope: "store", retryAfterSeconds: store!.retryAfterSeconds };
}

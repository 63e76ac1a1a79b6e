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
import { Prisma } from "@prisma/client";
import type { Db } from "../db.server";
import { hitRateLimits, hitRateLimitsAndPeek } from "./rate-limits.server";
import { getDb } from "../db.server";
import { hashForAudit } from "../stores/secrets.server";

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
  /**
   * Whether the order needs step-up, read in the same statement as the reservation (the order's
   * and the store's failure counters at the moment of the hit): what needsStepUp() would answer.
   */
  stepUp: boolean;
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

/** Give back reserved hits, all keys in one statement (one round trip, no transaction around it). */
async function release(db: Db, keys: readonly string[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  await db.$executeRaw(Prisma.sql`
    UPDATE "RateLimit" SET "count" = "count" - 1
    WHERE "key" IN (${Prisma.join([...keys])}) AND "windowEnd" > ${now} AND "count" > 0`);
}

/**
 * Where a verified lookup's give-back goes: by default its own statement at once; a storefront
 * turn passes its repository's `releaseAtFlush`, so the give-back is written in the turn's one
 * write transaction (the counter stays reserved until then: never fewer hits counted than made).
 */
export type ReleaseLookups = (keys: readonly string[], now: Date) => Promise<void>;

function stepUpFrom(peeked: Map<string, number>, k: ReturnType<typeof keys>): boolean {
  const { orderFailures, storeFailures } = STEP_UP_THRESHOLDS;
  return (
    (peeked.get(k.orderFailures) ?? 0) >= orderFailures.limit ||
    (peeked.get(k.storeFailures) ?? 0) >= storeFailures.limit
  );
}

/**
 * Reserve a lookup before asking the store: the shopper's and the network's counters in ONE
 * statement (app/security/rate-limits.server.ts), so concurrency cannot exceed either limit; the
 * same statement reads the step-up counters (`stepUp`), so the check costs no round trip of its own.
 */
export async function reserveLookup(
  db: Db,
  scope: LookupScope,
  now: Date = new Date(),
  releaseVerified: ReleaseLookups = (keys, at) => release(db, keys, at),
): Promise<LookupReservation> {
  const k = keys(scope);
  const checks = [
    { name: "shopper" as const, key: k.shopper, ...LOOKUP_LIMITS.shopper },
    ...(k.network ? [{ name: "network" as const, key: k.network, ...LOOKUP_LIMITS.network }] : []),
  ];
  const reserved = checks.map((c) => c.key);
  const settle = async (outcome: "verified" | "failed") => {
    if (outcome === "verified") return releaseVerified(reserved, now);
    const { orderFailures, storeFailures } = STEP_UP_THRESHOLDS;
    await hitRateLimits(
      db,
      [
        { key: k.orderFailures, ...orderFailures },
        { key: k.storeFailures, ...storeFailures },
      ],
      now,
    );
  };
  const { results, peeked } = await hitRateLimitsAndPeek(db, checks, [k.orderFailures, k.storeFailures], now);
  const stepUp = stepUpFrom(peeked, k);
  const refused = results.findIndex((r) => !r.allowed);
  if (refused === -1) return { allowed: true, limitedBy: null, retryAfterSeconds: 0, stepUp, settle };
  // every counter was hit: give back the ones that allowed it (a refused attempt costs nothing else)
  await release(
    db,
    checks.filter((_, i) => results[i]!.allowed).map((c) => c.key),
    now,
  );
  return {
    allowed: false,
    limitedBy: checks[refused]!.name,
    retryAfterSeconds: results[refused]!.retryAfterSeconds,
    stepUp,
    settle,
  };
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
  // both counters in one read
  const rows = await db.rateLimit.findMany({
    where: { key: { in: [k.orderFailures, k.storeFailures] }, windowEnd: { gt: now } },
  });
  const count = (key: string) => rows.find((r) => r.key === key)?.count ?? 0;
  return count(k.orderFailures) >= orderFailures.limit || count(k.storeFailures) >= storeFailures.limit;
}

/**
 * Shopify's cost-based throttling, from `extensions.cost` of every answer: the last known bucket
 * state and each document's requested cost, so the client waits *before* sending a query that
 * would be THROTTLED instead of spending a round trip on it.
 */

export interface ShopifyThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}
export interface ShopifyCostExtension {
  requestedQueryCost?: number;
  actualQueryCost?: number | null;
  throttleStatus?: ShopifyThrottleStatus;
}

export interface CostTracker {
  learn(query: string, cost: ShopifyCostExtension | undefined): void;
  /** ms to wait before sending `query` so it fits the bucket; null when unknown or it fits now */
  waitBefore(query: string): number | null;
}

export function createCostTracker(now: () => number): CostTracker {
  let last: { status: ShopifyThrottleStatus; at: number } | null = null;
  const knownCost = new Map<string, number>();
  return {
    learn(query, cost) {
      if (!cost?.throttleStatus) return;
      last = { status: cost.throttleStatus, at: now() };
      if (typeof cost.requestedQueryCost === "number") knownCost.set(query, cost.requestedQueryCost);
    },
    waitBefore(query) {
      const needed = knownCost.get(query);
      if (needed === undefined || !last || last.status.restoreRate <= 0) return null;
      const { status, at } = last;
      const available = Math.min(
        status.maximumAvailable,
        status.currentlyAvailable + ((now() - at) / 1000) * status.restoreRate,
      );
      if (available >= needed) return null;
      return Math.ceil(((needed - available) / status.restoreRate) * 1000);
    },
  };
}

/** Order flow, part "verify": the adapter call, rate limits, the lookup audit and the failure replies. */
import { PlatformUnavailableError, type FindOrderResult } from "../../platforms/types";
import type { LookupAudit, LookupMethod, LookupOutcome } from "../repository";
import { hashOrderNumber, normalizeOrderNumber } from "../verification";
import { quickReplies, say } from "./replies";
import type { OrderFlow } from "./state";
import { recordEvent, type Turn } from "./turn";
import type { LookupReservation } from "./types";

export interface Lookup {
  result: FindOrderResult | null;
  latency: number;
  error: boolean;
}

/**
 * One adapter call; an outage (or any unexpected error) is reported, never thrown. `verify` says which
 * answer proves the order is the shopper's (not padded to the latency floor: FindOrderQuery.verify).
 */
export async function findOrder(
  turn: Turn,
  orderNumber: string,
  verify?: (result: FindOrderResult) => boolean,
): Promise<Lookup> {
  const t0 = performance.now();
  try {
    const result = await turn.ctx.adapter.findOrder({
      orderNumber: normalizeOrderNumber(orderNumber),
      verify,
    });
    return { result, latency: Math.round(performance.now() - t0), error: false };
  } catch (err) {
    if (!(err instanceof PlatformUnavailableError))
      console.error("[trulybot] adapter error", (err as Error)?.message);
    return { result: null, latency: Math.round(performance.now() - t0), error: true };
  }
}

/** Records the lookup (hashed order number, no personal data) after the commit. */
export function audit(
  turn: Turn,
  orderNumber: string,
  method: LookupMethod,
  outcome: LookupOutcome,
  latencyMs: number,
) {
  const { store, repo, shopper } = turn.ctx;
  const rec: LookupAudit = {
    storeId: store.id,
    conversationId: turn.conv.id,
    orderNumberHash: hashOrderNumber(store.id, orderNumber, turn.auditKey),
    shopperKey: shopper.key,
    method,
    outcome,
    latencyMs,
    createdAt: turn.now(),
  };
  turn.effects.push(() => repo.recordLookup(rec));
}

/**
 * Reserves one lookup against the shopper's limits BEFORE the store is asked (docs/security.md). A
 * logged-in customer is limited by their account, a guest by their browser/address key.
 */
export async function reserveLookup(turn: Turn, orderNumber: string): Promise<LookupReservation> {
  const { store, shopper, lookups } = turn.ctx;
  return lookups.reserve(
    {
      storeId: store.id,
      shopperKey: shopper.customerId ? `customer:${shopper.customerId}` : shopper.key,
      networkKey: shopper.networkKey ?? null,
      orderNumber,
    },
    turn.now(),
  );
}

/** A verified lookup (or one the store could not answer) gives its reservation back at once. */
export async function giveBack(r: LookupReservation): Promise<void> {
  await r.settle("verified");
}

/** A failed verification counts towards the order's and the store's step-up thresholds (after the commit). */
export function countFailure(turn: Turn, r: LookupReservation): void {
  recordEvent(turn, "lookup_failed");
  turn.effects.push(() => r.settle("failed"));
}

export function rateLimitedReply(turn: Turn): void {
  say(turn, "rate_limited");
  quickReplies(turn, ["human"]);
  turn.state.offer = "rate_limited";
  turn.state.flow = null;
  turn.state.awaiting = null;
}

export function outageReply(turn: Turn, flow: OrderFlow | null): void {
  say(turn, "outage");
  quickReplies(turn, flow ? ["retry", "human"] : ["human"]);
  turn.state.offer = "outage";
  turn.state.awaiting = null;
}

/**
 * Unknown, mismatched, test or out-of-range order: one reply. Without read_all_orders an older order
 * is out of reach, and only then is the 60-day window the true reason.
 */
export function notFoundReply(turn: Turn, flow: OrderFlow, outOfRange: boolean): void {
  const n = normalizeOrderNumber(flow.orderNumber!);
  const { adapter, store } = turn.ctx;
  if (outOfRange && !adapter.capabilities.readAllOrders) {
    const days = adapter.capabilities.recentOrdersDays ?? 60;
    if (store.supportEmail) say(turn, "not_found_recent_support", { n, days, support: store.supportEmail });
    else say(turn, "not_found_recent_human", { n, days });
    turn.state.offer = "out_of_range";
  } else {
    say(turn, flow.email ? "not_found_email" : "not_found_phone", { n });
    turn.state.offer = "shopper_request";
  }
  quickReplies(turn, ["retry", "human"]);
  turn.state.awaiting = null;
}

/**
 * STEP-UP HOOK. When too many lookups of an order failed (or the store sees an enumeration wave),
 * number + email/phone alone no longer shows that order: the engine calls `offerStepUp` instead of
 * asking the store. The reply is the same whether or not the order exists.
 *
 * Until one-time codes exist this offers a person from the team. The one-time-code flow (a code sent
 * to the contact on the order, docs/security.md) plugs in HERE: replace the body, keep the signature.
 */
import { normalizeOrderNumber } from "../verification";
import { quickReplies, say } from "./replies";
import type { Turn } from "./turn";

export async function offerStepUp(turn: Turn, orderNumber: string): Promise<void> {
  say(turn, "step_up", { n: normalizeOrderNumber(orderNumber) });
  quickReplies(turn, ["human"]);
  // a handoff from here carries the reason "could not be verified"
  turn.state.offer = "rate_limited";
  turn.state.flow = null;
  turn.state.awaiting = null;
}

/**
 * STEP-UP. When too many lookups of an order failed (or the store sees an enumeration wave),
 * number + email/phone alone no longer shows that order: the engine calls `offerStepUp` instead of
 * asking the store. The reply is the same whether or not the order exists (docs/security.md).
 *
 * With one-time codes configured (the composition root wires `selfService`), a code goes to the email
 * the store has on the order and the accepted code shows it (./code-step.ts). Without mail (no
 * SMTP_URL) no code could arrive, so a person from the team is offered instead.
 */
import { normalizeOrderNumber } from "../verification";
import { offerCode } from "./code-step";
import { quickReplies, say } from "./replies";
import type { Turn } from "./turn";

export async function offerStepUp(turn: Turn, orderNumber: string): Promise<void> {
  turn.state.flow = null;
  turn.state.awaiting = null;
  if (turn.ctx.selfService?.sendsCodes) return offerCode(turn, orderNumber);
  say(turn, "step_up", { n: normalizeOrderNumber(orderNumber) });
  quickReplies(turn, ["human"]);
  // a handoff from here carries the reason "could not be verified"
  turn.state.offer = "rate_limited";
}

/**
 * While a person from the store has taken over the conversation (Conversation.takenOverAt, set from the
 * dashboard), the bot stays quiet: the shopper's message is stored for the person, and the shopper is
 * told once per takeover that a person is on it.
 */
import { say } from "./replies";
import type { Turn } from "./turn";

export function isTakenOver(turn: Turn): boolean {
  return !!turn.conv.takenOverAt;
}

export function takeoverStep(turn: Turn): void {
  const at = turn.conv.takenOverAt!.toISOString();
  turn.intent = "taken_over";
  turn.state.awaiting = null;
  if (turn.state.agentNoted === at) return;
  turn.state.agentNoted = at;
  say(turn, "agent_on_it");
}

/**
 * After the conversation state was committed: store the shopper's and the bot's messages, then run the
 * turn's effects (audit, counters, analytics, handoff). A turn that lost a revision race never gets here.
 */
import type { AnalyticsEventType, NewMessage } from "../repository";
import type { Turn } from "./turn";

function storedMessages(turn: Turn, at: Date, latencyMs: number): NewMessage[] {
  const stored: NewMessage[] = [];
  const conversationId = turn.conv.id;
  if (turn.shopperText !== null) {
    stored.push({
      id: turn.idGen(),
      conversationId,
      role: "shopper",
      type: "text",
      text: turn.shopperText,
      payload: { role: "shopper", type: "text", text: turn.shopperText },
      intent: turn.intent,
      latencyMs: null,
      createdAt: at,
    });
  }
  // distinct, increasing timestamps keep the transcript in order when read back by (createdAt, id)
  for (const [i, m] of turn.messages.entries()) {
    stored.push({
      id: m.id,
      conversationId,
      role: "bot",
      type: m.type,
      text: "text" in m && typeof m.text === "string" ? m.text : null,
      payload: m,
      intent: null,
      latencyMs,
      createdAt: new Date(at.getTime() + 1 + i),
    });
  }
  return stored;
}

export async function commitTurn(turn: Turn, created: boolean, latencyMs: number): Promise<void> {
  const { ctx, conv } = turn;
  const at = turn.now();
  const event = (type: AnalyticsEventType, value?: number) =>
    ctx.repo.recordEvent({
      storeId: ctx.store.id,
      conversationId: conv.id,
      type,
      value: value ?? null,
      createdAt: at,
    });
  if (created) await event("conversation_started");
  await ctx.repo.appendMessages(storedMessages(turn, at, latencyMs));
  for (const e of turn.effects) await e();
  if (turn.handoff) await turn.handoff();
  await event("reply", latencyMs);
}

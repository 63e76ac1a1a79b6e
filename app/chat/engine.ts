/**
 * The conversation engine: one turn = load the conversation, run the dialogue pipeline
 * (./dialogue/route.ts), commit the state, then the side effects. Platform-agnostic and stateless
 * between turns (the dialogue state lives in the repository, guarded by an optimistic revision),
 * deterministic, and the only place that decides whether a shopper may see an order.
 *
 * Side effects of a turn (stored messages, audit records, rate-limit hits, analytics, handoff
 * requests, merchant email) run only after the conversation state was committed, so a turn that
 * lost a race with a concurrent turn is recomputed without leaving duplicates behind.
 */
import type { MessagesRequest, MessagesResponse } from "../protocol";
import { pickLanguage } from "../protocol/language";
import { conversationTokenMatches, newConversationToken } from "./conversation-token";
import type { ConversationRecord } from "./repository";
import { commitTurn } from "./dialogue/commit";
import { wellFormedRequest } from "./dialogue/request";
import { decide } from "./dialogue/route";
import { initialState, loadState } from "./dialogue/state";
import type { Turn } from "./dialogue/turn";
import type { TurnContext } from "./dialogue/types";

export { parseMessagesBody, parseMessagesRequest, type ParseResult } from "./dialogue/request";
export type { DialogueState } from "./dialogue/state";
export {
  DEFAULT_AUDIT_KEY,
  type ChatStore,
  type ChatStoreSettings,
  type LookupGuard,
  type LookupReservation,
  type TurnContext,
} from "./dialogue/types";

interface Opened {
  conv: ConversationRecord;
  created: boolean;
  /** the new conversation's token (sent once, in this response) */
  token: string | null;
}

/**
 * The conversation of this request, or a new one: an unknown id, another store's or customer's, or an
 * id without its browser's token never resumes a conversation (nor its verification).
 */
async function openConversation(ctx: TurnContext, req: MessagesRequest): Promise<Opened> {
  const { repo, store } = ctx;
  if (req.conversationId) {
    const found = await repo.getConversation(req.conversationId);
    if (
      found &&
      found.storeId === store.id &&
      (found.customerId ?? null) === (ctx.shopper.customerId ?? null) &&
      conversationTokenMatches(found.tokenHash, req.conversationToken)
    )
      return { conv: found, created: false, token: null };
  }
  const { token, tokenHash } = newConversationToken();
  const conv = await repo.createConversation({
    id: (ctx.idGen ?? (() => crypto.randomUUID()))(),
    storeId: store.id,
    shopperKey: ctx.shopper.key,
    customerId: ctx.shopper.customerId,
    language: pickLanguage([req.locale]),
    state: initialState(),
    tokenHash,
    now: (ctx.now ?? (() => new Date()))(),
  });
  return { conv, created: true, token };
}

export async function handleTurn(ctx: TurnContext, request: MessagesRequest): Promise<MessagesResponse> {
  const started = performance.now();
  const req = wellFormedRequest(request); // text goes into UTF-8 databases: no lone surrogates
  const { repo } = ctx;
  const opened = await openConversation(ctx, req);
  const created = opened.created;
  let conv = opened.conv;
  let turn: Turn | null = null;
  for (let attempt = 0; attempt < 3 && !turn; attempt++) {
    const t = await decide(ctx, conv, loadState(conv.state), req);
    const latency = Math.round(performance.now() - started);
    const updated = await repo.updateConversation(conv.id, conv.revision, {
      ...t.patch,
      state: t.state,
      language: t.state.language ?? conv.language,
      lastMessageAt: t.now(),
      messagesAdded: t.messages.length + (t.shopperText !== null ? 1 : 0),
    });
    if (updated) {
      await commitTurn(t, created, latency);
      turn = t;
      break;
    }
    const reloaded = await repo.getConversation(conv.id);
    if (!reloaded) break;
    conv = reloaded;
  }
  // Lost the race three times: answer without committing (no duplicates stored).
  turn ??= await decide(ctx, conv, loadState(conv.state), req);
  return {
    conversationId: conv.id,
    ...(opened.token ? { conversationToken: opened.token } : {}),
    messages: turn.messages,
    awaiting: turn.state.awaiting,
    language: turn.lang,
  };
}

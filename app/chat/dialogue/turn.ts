/**
 * The one value every pipeline step reads and writes: the request, the understanding, the dialogue
 * state, and what the turn produces (messages, conversation patch, effects run after the commit).
 */
import type { Language, MessagesRequest, WidgetMessage } from "../../protocol";
import type { FaqIndex } from "../faq";
import type { ModelUnderstanding } from "../understand/index";
import { t, type MessageKey } from "../i18n";
import type { AnalyticsEventType, ConversationPatch, ConversationRecord } from "../repository";
import type { DialogueState } from "./state";
import { DEFAULT_AUDIT_KEY, type TurnContext } from "./types";

export type Effect = () => Promise<void>;

export interface Turn {
  readonly ctx: TurnContext;
  readonly conv: ConversationRecord;
  readonly req: MessagesRequest;
  readonly now: () => Date;
  readonly idGen: () => string;
  readonly auditKey: string;
  state: DialogueState;
  /** the shopper's text (or a quick reply's free-text value) */
  text: string;
  /** a quick-reply command (tb:…), else null */
  command: string | null;
  /** what is stored as the shopper's message */
  shopperText: string | null;
  understanding: ModelUnderstanding | null;
  faqIndex: FaqIndex | null;
  lang: Language;
  /** the intent recorded on the shopper's message */
  intent: string | null;
  messages: WidgetMessage[];
  effects: Effect[];
  patch: Omit<ConversationPatch, "state">;
  /** a handoff created this turn; runs after the transcript was stored */
  handoff: Effect | null;
}

export function newTurn(
  ctx: TurnContext,
  conv: ConversationRecord,
  state: DialogueState,
  req: MessagesRequest,
): Turn {
  return {
    ctx,
    conv,
    req,
    now: ctx.now ?? (() => new Date()),
    idGen: ctx.idGen ?? (() => crypto.randomUUID()),
    auditKey: ctx.auditKey ?? DEFAULT_AUDIT_KEY,
    state,
    text: "",
    command: null,
    shopperText: null,
    understanding: null,
    faqIndex: null,
    lang: "en",
    intent: null,
    messages: [],
    effects: [],
    patch: {},
    handoff: null,
  };
}

/** A catalogue text in the conversation's language, with the store and bot names filled in. */
export function tr(turn: Turn, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const { store } = turn.ctx;
  return t(turn.lang, key, { store: store.name, bot: store.settings.name, ...vars });
}

/** Records an analytics event after the commit. */
export function recordEvent(turn: Turn, type: AnalyticsEventType): void {
  const { ctx, conv, now } = turn;
  turn.effects.push(() =>
    ctx.repo.recordEvent({
      storeId: ctx.store.id,
      conversationId: conv.id,
      type,
      value: null,
      createdAt: now(),
    }),
  );
}

/** A well-formed email address (the handoff's reply-to). */
export function isEmail(e: string | null | undefined): e is string {
  return !!e && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(e.trim());
}

/**
 * The conversation engine: understand → decide → act → reply. Platform-agnostic and stateless
 * between turns (the dialogue state lives in the repository, guarded by an optimistic revision),
 * deterministic, and the only place that decides whether a shopper may see an order.
 *
 * Side effects of a turn (stored messages, audit records, rate-limit hits, analytics, handoff
 * requests, merchant email) run only after the conversation state was committed, so a turn that
 * lost a race with a concurrent turn is recomputed without leaving duplicates behind.
 */
import { randomUUID } from "node:crypto";
import type { NormalizedOrder, StorePolicies } from "../orders/types";
import { PlatformUnavailableError, type FindOrderResult, type PlatformAdapter } from "../platforms/types";
import { describeOrder, describeOrderList, toWidgetOrder } from "../orders/describe";
import { buildFaqIndex, faqMatcherFor, searchFaq, type FaqEntry } from "./faq";
import { understand } from "./understand/index";
import { t, type MessageKey } from "./i18n";
import type { HandoffNotifier } from "./notify";
import { pickPolicyExcerpt } from "./policy";
import {
  LANGUAGES,
  MAX_TEXT_LENGTH,
  type Awaiting,
  type Intent,
  type Language,
  type MessagesRequest,
  type MessagesResponse,
  type Understanding,
  type WidgetMessage,
  type WidgetOrder,
} from "../protocol";
import type {
  AnalyticsEventType,
  ChatRepository,
  ConversationPatch,
  ConversationRecord,
  HandoffReason,
  LookupAudit,
  LookupMethod,
  LookupOutcome,
  NewMessage,
} from "./repository";
import {
  contactMatches,
  customerOwnsOrder,
  hashOrderNumber,
  maskEmail,
  normalizeEmail,
  normalizeOrderNumber,
} from "./verification";

// ---------------------------------------------------------------------------------------------
// Context
// ---------------------------------------------------------------------------------------------

export interface ChatStoreSettings {
  name: string;
  greeting: string;
  orderTracking: boolean;
  handoffEnabled: boolean;
  faqEnabled: boolean;
  handoffEmail: string | null;
  languages: string[];
  /** human text of the team's hours, e.g. "Mon-Fri 9:00-17:00 ET" (already formatted) */
  businessHours?: string | null;
}

export interface ChatStore {
  id: string;
  name: string;
  platform: "shopify" | "woocommerce" | "memory";
  supportEmail: string | null;
  timezone?: string | null;
  currency?: string | null;
  settings: ChatStoreSettings;
  /** platform policies merged with merchant-entered ones */
  policies: StorePolicies;
  /** public policy pages, linked under an excerpt when known */
  policyUrls?: { shipping?: string | null; returns?: string | null };
}

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export interface LookupLimits {
  store: RateLimitRule;
  shopper: RateLimitRule;
  orderNumber: RateLimitRule;
}

/** Failed verification attempts allowed per window. */
export const DEFAULT_LIMITS: LookupLimits = {
  store: { limit: 50, windowSeconds: 600 },
  shopper: { limit: 5, windowSeconds: 900 },
  orderNumber: { limit: 5, windowSeconds: 3600 },
};

export interface TurnContext {
  store: ChatStore;
  adapter: PlatformAdapter;
  repo: ChatRepository;
  shopper: {
    /** hashed IP + user agent (or similar); never raw */
    key: string;
    /** platform-verified logged-in customer id, else null */
    customerId: string | null;
  };
  notifier?: HandoffNotifier | null;
  now?: () => Date;
  idGen?: () => string;
  /** HMAC key for order-number hashes in the audit (defaults to a constant salt) */
  auditKey?: string;
  limits?: Partial<LookupLimits>;
}

/** the FAQ score understand() treats as a match */
const FAQ_MIN_SCORE = 0.5;

export const DEFAULT_AUDIT_KEY = "trulybot-order-lookup-audit-v1";

// ---------------------------------------------------------------------------------------------
// Request validation
// ---------------------------------------------------------------------------------------------

export type ParseResult =
  { ok: true; request: MessagesRequest } | { ok: false; error: { code: string; message: string } };

const fail = (code: string, message: string): ParseResult => ({ ok: false, error: { code, message } });

/** Lone UTF-16 surrogates (valid in JSON escapes, invalid in UTF-8 databases) become U+FFFD. */
function wellFormed(v: unknown, depth = 0): unknown {
  if (typeof v === "string") return v.toWellFormed();
  if (depth >= 2 || !v || typeof v !== "object" || Array.isArray(v)) return v; // deeper values are rejected anyway
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wellFormed(x, depth + 1)]));
}

/** Validates a parsed JSON body of POST {base}/messages. Routes turn errors into 400 {"error": {code, message}}. */
export function parseMessagesRequest(input: unknown): ParseResult {
  const json = wellFormed(input);
  if (json === null || typeof json !== "object" || Array.isArray(json))
    return fail("invalid_body", "Body must be a JSON object.");
  const b = json as Record<string, unknown>;
  const out: MessagesRequest = {};
  if (b.conversationId !== undefined && b.conversationId !== null) {
    if (typeof b.conversationId !== "string" || !/^[A-Za-z0-9_-]{1,100}$/.test(b.conversationId))
      return fail("invalid_conversation_id", "conversationId must be an id string.");
    out.conversationId = b.conversationId;
  }
  if (b.text !== undefined && b.text !== null) {
    if (typeof b.text !== "string") return fail("invalid_text", "text must be a string.");
    if (b.text.length > MAX_TEXT_LENGTH)
      return fail("text_too_long", `text must be at most ${MAX_TEXT_LENGTH} characters.`);
    out.text = b.text;
  }
  if (b.locale !== undefined && b.locale !== null) {
    if (typeof b.locale !== "string" || !/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/.test(b.locale))
      return fail("invalid_locale", 'locale must be a language tag like "en" or "de-DE".');
    out.locale = b.locale;
  }
  if (b.action !== undefined && b.action !== null) {
    const a = b.action as Record<string, unknown>;
    if (typeof a !== "object" || Array.isArray(a)) return fail("invalid_action", "action must be an object.");
    if (a.type === "quick_reply") {
      if (typeof a.value !== "string" || a.value.trim() === "" || a.value.length > 200)
        return fail("invalid_action", "quick_reply needs a value (at most 200 characters).");
      out.action = { type: "quick_reply", value: a.value };
    } else if (a.type === "handoff_submit") {
      if (typeof a.email !== "string" || a.email.length > 254)
        return fail("invalid_action", "handoff_submit needs an email.");
      if (typeof a.message !== "string" || a.message.length > MAX_TEXT_LENGTH)
        return fail(
          "invalid_action",
          `handoff_submit needs a message of at most ${MAX_TEXT_LENGTH} characters.`,
        );
      out.action = { type: "handoff_submit", email: a.email, message: a.message };
    } else return fail("invalid_action", "action.type must be quick_reply or handoff_submit.");
  }
  if (!out.action && (out.text === undefined || out.text.trim() === ""))
    return fail("empty_message", "Send a text or an action.");
  return { ok: true, request: out };
}

/** Raw body → ParseResult (bad JSON → "bad_json"). */
export function parseMessagesBody(raw: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return fail("bad_json", "Body is not valid JSON.");
  }
  return parseMessagesRequest(json);
}

// ---------------------------------------------------------------------------------------------
// Dialogue state (stored as JSON on the conversation)
// ---------------------------------------------------------------------------------------------

type OrderIntent = "order_status" | "cancel_order" | "return_refund" | "change_address";
const ORDER_INTENTS = new Set<Intent>([
  "order_status",
  "tracking",
  "cancel_order",
  "return_refund",
  "change_address",
]);
const ACTION_INTENTS = new Set<Intent>(["cancel_order", "return_refund", "change_address"]);

interface OrderFlow {
  intent: OrderIntent;
  orderNumber: string | null;
  email: string | null;
  phone: string | null;
  /** the shopper's own words for a cancel/return/address request */
  request: string | null;
  reminded: boolean;
}

interface PendingHandoff {
  reason: HandoffReason;
  email: string | null;
  message: string | null;
  orderNumber: string | null;
  order: WidgetOrder | null;
}

export interface DialogueState {
  v: 1;
  language: Language | null;
  awaiting: Awaiting;
  flow: OrderFlow | null;
  handoff: PendingHandoff | null;
  /** why a human was last offered (rate limit, outage…), used as the handoff reason */
  offer: HandoffReason | null;
  /** the order verified last in this conversation, as context for a handoff */
  lastVerified: { number: string; order: WidgetOrder; email: string | null } | null;
}

function initialState(): DialogueState {
  return { v: 1, language: null, awaiting: null, flow: null, handoff: null, offer: null, lastVerified: null };
}

function loadState(raw: unknown): DialogueState {
  if (raw && typeof raw === "object" && (raw as DialogueState).v === 1)
    return { ...initialState(), ...(raw as DialogueState) };
  return initialState();
}

// ---------------------------------------------------------------------------------------------
// Turn
// ---------------------------------------------------------------------------------------------

type Effect = () => Promise<void>;

interface TurnOutcome {
  state: DialogueState;
  messages: WidgetMessage[];
  shopperText: string | null;
  intent: string | null;
  /** effects that run after the state commit */
  effects: Effect[];
  patch: Omit<ConversationPatch, "state">;
  /** handoff created this turn, run after the shopper/bot messages were stored (needs the transcript) */
  handoff: (() => Promise<void>) | null;
}

const QR = {
  track: "tb:track",
  trackAnother: "tb:track_another",
  myOrders: "tb:my_orders",
  human: "tb:human",
  returns: "tb:returns",
  shipping: "tb:shipping",
  retry: "tb:retry",
} as const;
type QuickKey = keyof typeof QR;
const QR_LABEL: Record<QuickKey, MessageKey> = {
  track: "qr_track",
  trackAnother: "qr_track_another",
  myOrders: "qr_my_orders",
  human: "qr_human",
  returns: "qr_returns",
  shipping: "qr_shipping",
  retry: "qr_try_again",
};

export function languageFromLocale(locale: string | null | undefined): Language | null {
  if (!locale) return null;
  const l = locale.slice(0, 2).toLowerCase() as Language;
  return LANGUAGES.includes(l) ? l : null;
}

const ENTITY_STRIP = /[\w.+-]+@[\w-]+(\.[\w-]+)+|[#+]?\d[\d\s().-]*/g;
function wordCount(text: string): number {
  return (text.replace(ENTITY_STRIP, " ").match(/\p{L}{2,}/gu) ?? []).length;
}

const MY_ORDERS_RE =
  /\b(my orders|all (of )?my orders|order history|mis pedidos|mes commandes|meine bestellungen|os meus pedidos|meus pedidos|i miei ordini|mijn bestellingen)\b/i;

export async function handleTurn(ctx: TurnContext, req: MessagesRequest): Promise<MessagesResponse> {
  const started = performance.now();
  const now = ctx.now ?? (() => new Date());
  const idGen = ctx.idGen ?? (() => randomUUID());
  const { repo, store } = ctx;

  // Load the conversation; an unknown or foreign id starts a new one (never another store's or customer's).
  let conv: ConversationRecord | null = null;
  if (req.conversationId) {
    const found = await repo.getConversation(req.conversationId);
    if (
      found &&
      found.storeId === store.id &&
      (found.customerId ?? null) === (ctx.shopper.customerId ?? null)
    )
      conv = found;
  }
  const created = !conv;
  if (!conv) {
    conv = await repo.createConversation({
      id: idGen(),
      storeId: store.id,
      shopperKey: ctx.shopper.key,
      customerId: ctx.shopper.customerId,
      language: languageFromLocale(req.locale) ?? "en",
      state: initialState(),
      now: now(),
    });
  }

  let outcome: TurnOutcome | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    outcome = await decide(ctx, conv, loadState(conv.state), req, now, idGen);
    const latency = Math.round(performance.now() - started);
    const updated = await repo.updateConversation(conv.id, conv.revision, {
      ...outcome.patch,
      state: outcome.state,
      language: outcome.state.language ?? conv.language,
      lastMessageAt: now(),
      messagesAdded: outcome.messages.length + (outcome.shopperText !== null ? 1 : 0),
    });
    if (updated) {
      await runEffects(ctx, conv, outcome, created, latency, now, idGen);
      break;
    }
    const reloaded = await repo.getConversation(conv.id);
    if (!reloaded) break;
    conv = reloaded;
    outcome = null;
  }
  if (!outcome) {
    // Lost the race three times: answer without committing (no duplicates stored).
    outcome = await decide(ctx, conv, loadState(conv.state), req, now, idGen);
  }
  return { conversationId: conv.id, messages: outcome.messages, awaiting: outcome.state.awaiting };
}

async function runEffects(
  ctx: TurnContext,
  conv: ConversationRecord,
  o: TurnOutcome,
  created: boolean,
  latencyMs: number,
  now: () => Date,
  idGen: () => string,
) {
  const at = now();
  const event = (type: AnalyticsEventType, value?: number) =>
    ctx.repo.recordEvent({
      storeId: ctx.store.id,
      conversationId: conv.id,
      type,
      value: value ?? null,
      createdAt: at,
    });
  if (created) await event("conversation_started");
  const stored: NewMessage[] = [];
  if (o.shopperText !== null) {
    stored.push({
      id: idGen(),
      conversationId: conv.id,
      role: "shopper",
      type: "text",
      text: o.shopperText,
      payload: { role: "shopper", type: "text", text: o.shopperText },
      intent: o.intent,
      latencyMs: null,
      createdAt: at,
    });
  }
  // distinct, increasing timestamps keep the transcript in order when read back by (createdAt, id)
  for (const [i, m] of o.messages.entries()) {
    stored.push({
      id: m.id,
      conversationId: conv.id,
      role: "bot",
      type: m.type,
      text: "text" in m && typeof m.text === "string" ? m.text : null,
      payload: m,
      intent: null,
      latencyMs,
      createdAt: new Date(at.getTime() + 1 + i),
    });
  }
  await ctx.repo.appendMessages(stored);
  for (const e of o.effects) await e();
  if (o.handoff) await o.handoff();
  await event("reply", latencyMs);
}

// ---------------------------------------------------------------------------------------------
// Decide + act
// ---------------------------------------------------------------------------------------------

async function decide(
  ctx: TurnContext,
  conv: ConversationRecord,
  state: DialogueState,
  req: MessagesRequest,
  now: () => Date,
  idGen: () => string,
): Promise<TurnOutcome> {
  const { store, repo, adapter } = ctx;
  const settings = store.settings;
  const limits: LookupLimits = { ...DEFAULT_LIMITS, ...(ctx.limits ?? {}) };
  const effects: Effect[] = [];
  const messages: WidgetMessage[] = [];
  const patch: TurnOutcome["patch"] = {};
  let handoffEffect: TurnOutcome["handoff"] = null;

  // ---- input ----
  let text = (req.text ?? "").trim();
  let command: string | null = null;
  let shopperText: string | null = text || null;
  if (req.action?.type === "quick_reply") {
    const v = req.action.value.trim();
    if (v.startsWith("tb:")) command = v;
    else text = v;
  }

  // ---- understand ----
  let faqIndex: ReturnType<typeof buildFaqIndex> | null = null;
  if (settings.faqEnabled) {
    const entries = (await repo.listFaqEntries(store.id)).filter((f) => f.enabled);
    if (entries.length > 0)
      faqIndex = buildFaqIndex(
        entries.map((e): FaqEntry => ({
          id: e.id,
          question: e.question,
          answer: e.answer,
          translations: Object.fromEntries(
            Object.entries(e.translations ?? {})
              .filter(([l, v]) => LANGUAGES.includes(l as Language) && v && v.question && v.answer)
              .map(([l, v]) => [l, { question: v.question!, answer: v.answer! }]),
          ),
        })),
      );
  }
  const prior =
    state.language ?? languageFromLocale(req.locale) ?? languageFromLocale(settings.languages[0]) ?? "en";
  const u: Understanding | null = text
    ? understand(text, { locale: prior, ...(faqIndex ? { faqMatcher: faqMatcherFor(faqIndex) } : {}) })
    : null;
  let lang: Language = prior;
  if (u && LANGUAGES.includes(u.language)) {
    const words = wordCount(text);
    if (!state.language ? words >= 1 : u.language !== state.language && words >= 3) lang = u.language;
    else lang = state.language ?? prior;
  }
  state.language = lang;

  const tr = (key: MessageKey, vars: Record<string, string | number> = {}) =>
    t(lang, key, { store: store.name, bot: settings.name, ...vars });
  const say = (text: string): WidgetMessage => ({ id: idGen(), role: "bot", type: "text", text });
  const quick = (keys: QuickKey[], text?: string): WidgetMessage | null => {
    const list = keys
      .filter((k) => (k === "human" ? settings.handoffEnabled : true))
      .filter((k) => (k === "myOrders" ? !!ctx.shopper.customerId : true))
      .filter((k) =>
        k === "track" || k === "trackAnother" || k === "myOrders" ? settings.orderTracking : true,
      )
      .map((k) => ({ label: tr(QR_LABEL[k]), value: QR[k] }));
    if (list.length === 0) return null;
    return { id: idGen(), role: "bot", type: "quick_replies", quickReplies: list, ...(text ? { text } : {}) };
  };
  const push = (...ms: (WidgetMessage | null)[]) => {
    for (const m of ms) if (m) messages.push(m);
  };
  if (command && shopperText === null) {
    const key = (Object.keys(QR) as QuickKey[]).find((k) => QR[k] === command);
    shopperText = key ? tr(QR_LABEL[key]) : command;
  }
  if (req.action?.type === "handoff_submit") shopperText = req.action.message.trim() || null;
  if (shopperText === null && req.action?.type === "quick_reply") shopperText = req.action.value;

  const event = (type: AnalyticsEventType) =>
    effects.push(() =>
      repo.recordEvent({ storeId: store.id, conversationId: conv.id, type, value: null, createdAt: now() }),
    );

  const describeCtx = () => ({
    lang,
    timezone: store.timezone ?? "UTC",
    now: now(),
    storeName: store.name,
    supportEmail: store.supportEmail,
    knowsDelivery: adapter.capabilities.knowsDelivery,
    policies: store.policies,
  });

  // ---- handoff helpers ----
  const startHandoff = (reason: HandoffReason) => {
    if (!settings.handoffEnabled) {
      push(
        say(
          store.supportEmail
            ? tr("handoff_disabled_support", { support: store.supportEmail })
            : tr("handoff_disabled"),
        ),
      );
      state.awaiting = state.flow ? state.awaiting : null;
      return;
    }
    const lv = state.lastVerified;
    state.handoff = {
      reason,
      email: lv?.email ?? null,
      message: null,
      orderNumber: lv?.number ?? state.flow?.orderNumber ?? null,
      order: lv?.order ?? null,
    };
    state.offer = null;
    state.awaiting = "handoff_details";
    if (state.handoff.email)
      push({
        id: idGen(),
        role: "bot",
        type: "handoff",
        text: tr("handoff_ask_message"),
        fields: ["message"],
      });
    else
      push({
        id: idGen(),
        role: "bot",
        type: "handoff",
        text: tr("handoff_ask"),
        fields: ["email", "message"],
      });
  };

  const createHandoff = (
    h: PendingHandoff & { email: string; message: string },
    replyKey: MessageKey | null,
    replyVars: Record<string, string> = {},
  ) => {
    const handoffId = idGen();
    const createdAt = now();
    const masked = maskEmail(h.email);
    let text = replyKey
      ? tr(replyKey, { email: masked, ...replyVars })
      : tr("handoff_done", { email: masked });
    if (settings.businessHours) text += " " + tr("handoff_hours", { hours: settings.businessHours });
    push({ id: idGen(), role: "bot", type: "handoff", text, handoffId });
    state.handoff = null;
    state.offer = null;
    state.awaiting = null;
    patch.status = "handed_off";
    patch.outcome = "handoff";
    handoffEffect = async () => {
      const transcript = (await repo.listMessages(conv.id)).slice(-50).map((m) => ({
        role: m.role,
        text: m.text ?? (m.type === "order" ? "[order card]" : `[${m.type}]`),
        at: m.createdAt.toISOString(),
      }));
      const record = await repo.createHandoff({
        id: handoffId,
        storeId: store.id,
        conversationId: conv.id,
        customerId: ctx.shopper.customerId,
        email: h.email.trim(),
        message: h.message,
        reason: h.reason,
        orderNumber: h.orderNumber,
        orderContext: h.order,
        transcript,
        createdAt,
      });
      await repo.recordEvent({
        storeId: store.id,
        conversationId: conv.id,
        type: "handoff_created",
        value: null,
        createdAt,
      });
      const to = settings.handoffEmail || store.supportEmail;
      if (ctx.notifier && to) {
        try {
          await ctx.notifier.notifyHandoff({ handoff: record, storeName: store.name, to, order: h.order });
          await repo.markHandoffNotified(record.id, now());
        } catch (err) {
          console.error("[trulybot] handoff email failed", (err as Error).message);
        }
      }
    };
  };

  const isEmail = (e: string | null | undefined) => !!e && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(e.trim());

  // ---- policy / FAQ answers (also used as topic switches) ----
  const answerPolicy = (which: "shipping" | "returns", question: string, hints: string[] = []) => {
    const body = which === "shipping" ? store.policies.shipping : store.policies.returns;
    const excerpt = body ? pickPolicyExcerpt(body, question, { hints }) : "";
    if (!excerpt) {
      push(say(tr(which === "shipping" ? "policy_none_shipping" : "policy_none_returns")));
      push(quick(["human"]));
      return false;
    }
    let text = `${tr(which === "shipping" ? "policy_intro_shipping" : "policy_intro_returns")}\n${excerpt}`;
    const url = store.policyUrls?.[which];
    if (url) text += `\n${tr("policy_more", { url })}`;
    push(say(text));
    event("faq_answered");
    return true;
  };

  const answerFaq = (): boolean => {
    if (!faqIndex || !text) return false;
    const hit = searchFaq(faqIndex, text, lang)[0];
    if (!hit || hit.score < FAQ_MIN_SCORE) return false;
    push(say(hit.answer));
    event("faq_answered");
    return true;
  };

  // ---- order flow ----
  const notFoundReply = (flow: OrderFlow) => {
    const n = normalizeOrderNumber(flow.orderNumber!);
    if (!adapter.capabilities.readAllOrders) {
      const days = adapter.capabilities.recentOrdersDays ?? 60;
      push(
        say(
          store.supportEmail
            ? tr("not_found_recent_support", { n, days, support: store.supportEmail })
            : tr("not_found_recent_human", { n, days }),
        ),
      );
      state.offer = "out_of_range";
    } else {
      push(say(tr(flow.email ? "not_found_email" : "not_found_phone", { n })));
      state.offer = "shopper_request";
    }
    push(quick(["retry", "human"]));
    state.awaiting = null;
  };

  const orderHashKey = ctx.auditKey ?? DEFAULT_AUDIT_KEY;
  const audit = (orderNumber: string, method: LookupMethod, outcome: LookupOutcome, latencyMs: number) => {
    const rec: LookupAudit = {
      storeId: store.id,
      conversationId: conv.id,
      orderNumberHash: hashOrderNumber(store.id, orderNumber, orderHashKey),
      shopperKey: ctx.shopper.key,
      method,
      outcome,
      latencyMs,
      createdAt: now(),
    };
    effects.push(() => repo.recordLookup(rec));
  };

  const limitKeys = (orderNumber: string) => ({
    store: `lookup:store:${store.id}`,
    shopper: `lookup:shopper:${store.id}:${ctx.shopper.key}`,
    orderNumber: `lookup:order:${store.id}:${hashOrderNumber(store.id, orderNumber, orderHashKey)}`,
  });

  const outage = (flow: OrderFlow | null) => {
    push(say(tr("outage")));
    push(quick(flow ? ["retry", "human"] : ["human"]));
    state.offer = "outage";
    state.awaiting = null;
  };

  const findOrder = async (
    orderNumber: string,
  ): Promise<{ result: FindOrderResult | null; latency: number; error: boolean }> => {
    const t0 = performance.now();
    try {
      const result = await adapter.findOrder({ orderNumber: normalizeOrderNumber(orderNumber) });
      return { result, latency: Math.round(performance.now() - t0), error: false };
    } catch (err) {
      if (!(err instanceof PlatformUnavailableError))
        console.error("[trulybot] adapter error", (err as Error)?.message);
      return { result: null, latency: Math.round(performance.now() - t0), error: true };
    }
  };

  const showVerified = async (flow: OrderFlow, order: NormalizedOrder, contactEmail: string | null) => {
    const dctx = describeCtx();
    const d = describeOrder(order, dctx);
    const widget: WidgetOrder = { ...toWidgetOrder(order, dctx) };
    if (!widget.statusLabel) widget.statusLabel = d.statusLabel;
    const text = d.nextStep ? `${d.text}\n${d.nextStep}` : d.text;
    // an action on the order just shown ("can I cancel it?") does not repeat the card
    const alreadyShown = state.lastVerified?.number === order.number && ACTION_INTENTS.has(flow.intent);
    if (!alreadyShown) push({ id: idGen(), role: "bot", type: "order", text, order: widget });
    state.lastVerified = { number: order.number, order: widget, email: contactEmail };
    patch.verified = true;
    event("lookup_verified");
    state.flow = null;
    state.awaiting = null;
    if (flow.intent === "order_status") {
      push(quick(["trackAnother", "human", "returns"]));
      return;
    }
    // cancel / return / address change: explain the policy, then ask a human to act — never claim it was done.
    const hints =
      flow.intent === "cancel_order"
        ? ["cancel"]
        : flow.intent === "return_refund"
          ? ["return", "refund"]
          : ["address"];
    const which = flow.intent === "change_address" ? "shipping" : "returns";
    const body = which === "shipping" ? store.policies.shipping : store.policies.returns;
    if (body) {
      const excerpt = pickPolicyExcerpt(body, flow.request ?? "", {
        hints,
        maxChars: 300,
        maxParagraphs: 1,
        requireMatch: true,
      });
      if (excerpt)
        push(
          say(`${tr(which === "shipping" ? "policy_intro_shipping" : "policy_intro_returns")}\n${excerpt}`),
        );
    }
    if (!settings.handoffEnabled) {
      push(
        say(
          store.supportEmail
            ? tr("action_no_handoff", { support: store.supportEmail, n: order.number })
            : tr("action_no_handoff_nosupport", { n: order.number }),
        ),
      );
      return;
    }
    const pending: PendingHandoff = {
      reason: flow.intent,
      email: contactEmail,
      message: flow.request,
      orderNumber: order.number,
      order: widget,
    };
    if (!contactEmail) {
      state.handoff = pending;
      state.awaiting = "handoff_details";
      push({ id: idGen(), role: "bot", type: "handoff", text: tr("handoff_ask_email"), fields: ["email"] });
      return;
    }
    const doneKey: MessageKey =
      flow.intent === "cancel_order"
        ? "action_cancel_done"
        : flow.intent === "return_refund"
          ? "action_return_done"
          : "action_address_done";
    createHandoff(
      {
        ...pending,
        email: contactEmail,
        message: flow.request || tr(doneKey, { n: order.number, email: contactEmail }),
      },
      doneKey,
      {
        n: order.number,
      },
    );
  };

  const runOrderFlow = async (flow: OrderFlow) => {
    if (!settings.orderTracking) {
      push(say(tr("tracking_disabled")));
      push(quick(["human"]));
      state.flow = null;
      state.awaiting = null;
      return;
    }
    state.flow = flow;
    const customerId = ctx.shopper.customerId;

    // "Where is my order?" from a logged-in customer without a number: their recent orders.
    if (!flow.orderNumber && customerId && flow.intent === "order_status" && !flow.email && !flow.phone) {
      let orders: NormalizedOrder[];
      try {
        orders = (await adapter.listCustomerOrders(customerId, 10))
          .filter((o) => !o.test && customerOwnsOrder(customerId, o))
          .slice(0, 5);
      } catch {
        outage(null);
        state.flow = null;
        return;
      }
      state.flow = null;
      state.awaiting = null;
      if (orders.length === 0) {
        push(say(tr("list_empty")));
        state.flow = { ...flow };
        state.awaiting = "order_number";
        return;
      }
      const dctx = describeCtx();
      const widgets = orders.map((o) => {
        const w = toWidgetOrder(o, dctx);
        return w.statusLabel ? w : { ...w, statusLabel: describeOrder(o, dctx).statusLabel };
      });
      const summary = describeOrderList(orders, dctx) as unknown;
      const listText =
        typeof summary === "string"
          ? summary
          : summary && typeof (summary as { text?: unknown }).text === "string"
            ? (summary as { text: string }).text
            : "";
      push({
        id: idGen(),
        role: "bot",
        type: "order_list",
        text: listText ? `${tr("list_intro")}\n${listText}` : tr("list_intro"),
        orders: widgets,
      });
      patch.verified = true;
      event("lookup_verified");
      push(quick(["human", "returns"]));
      return;
    }

    if (!flow.orderNumber) {
      if (ACTION_INTENTS.has(flow.intent)) {
        const intro: MessageKey =
          flow.intent === "cancel_order"
            ? "action_cancel_intro"
            : flow.intent === "return_refund"
              ? "action_return_intro"
              : "action_address_intro";
        push(say(`${tr(intro)} ${tr("ask_order_number")}`));
      } else if (!customerId && MY_ORDERS_RE.test(text)) {
        push(say(tr("list_guest")));
      } else push(say(tr("ask_order_number")));
      state.awaiting = "order_number";
      return;
    }
    const n = normalizeOrderNumber(flow.orderNumber);

    // Logged-in customer: their own order needs no email. Anything else → ask for the contact,
    // with the same reply whether the order exists or not.
    if (!flow.email && !flow.phone) {
      if (customerId) {
        const r = await findOrder(n);
        if (r.error) {
          audit(n, "customer", "error", r.latency);
          outage(flow);
          return;
        }
        if (
          r.result?.kind === "found" &&
          !r.result.order.test &&
          customerOwnsOrder(customerId, r.result.order)
        ) {
          audit(n, "customer", "verified", r.latency);
          await showVerified(flow, r.result.order, r.result.order.contact.email);
          return;
        }
        audit(
          n,
          "customer",
          r.result?.kind === "found"
            ? "mismatch"
            : r.result?.kind === "out_of_range"
              ? "out_of_range"
              : "not_found",
          r.latency,
        );
      }
      push(say(tr("ask_contact", { n })));
      state.awaiting = "email_or_phone";
      return;
    }

    // Number + contact: rate limits first (no adapter call once a limit is reached).
    const method: LookupMethod = flow.email ? "email" : "phone";
    const keys = limitKeys(n);
    const [cs, csh, co] = await Promise.all([
      repo.peek(keys.store, now()),
      repo.peek(keys.shopper, now()),
      repo.peek(keys.orderNumber, now()),
    ]);
    if (cs >= limits.store.limit || csh >= limits.shopper.limit || co >= limits.orderNumber.limit) {
      audit(n, method, "rate_limited", 0);
      push(say(tr("rate_limited")));
      push(quick(["human"]));
      state.offer = "rate_limited";
      state.flow = null;
      state.awaiting = null;
      return;
    }
    const r = await findOrder(n);
    if (r.error || !r.result) {
      audit(n, method, "error", r.latency);
      outage(flow);
      return;
    }
    const res = r.result;
    let outcome: LookupOutcome;
    let verifiedOrder: NormalizedOrder | null = null;
    if (res.kind === "found" && !res.order.test) {
      const m = contactMatches(res.order, { email: flow.email, phone: flow.phone });
      if (m) verifiedOrder = res.order;
      outcome = m ? "verified" : "mismatch";
    } else outcome = res.kind === "out_of_range" ? "out_of_range" : "not_found";
    audit(n, method, outcome, r.latency);
    if (verifiedOrder) {
      const contactEmail = normalizeEmail(verifiedOrder.contact.email)
        ? verifiedOrder.contact.email!.trim()
        : null;
      await showVerified(
        flow,
        verifiedOrder,
        contactEmail ?? (flow.email && isEmail(flow.email) ? flow.email : null),
      );
      return;
    }
    // Unknown, mismatched, test or out-of-range order: one code path, one reply.
    event("lookup_failed");
    effects.push(async () => {
      const now0 = now();
      await repo.hit(keys.store, limits.store.windowSeconds, limits.store.limit, now0);
      await repo.hit(keys.shopper, limits.shopper.windowSeconds, limits.shopper.limit, now0);
      await repo.hit(keys.orderNumber, limits.orderNumber.windowSeconds, limits.orderNumber.limit, now0);
    });
    notFoundReply(flow);
    state.flow = { ...flow, reminded: false };
  };

  const remindPending = (force = false) => {
    const flow = state.flow;
    if (!flow || (flow.reminded && !force)) return;
    if (state.awaiting === "order_number") push(say(tr("remind_order_number")));
    else if (state.awaiting === "email_or_phone" && flow.orderNumber)
      push(say(tr("remind_contact", { n: normalizeOrderNumber(flow.orderNumber) })));
    else return;
    flow.reminded = true;
  };

  const newFlow = (intent: OrderIntent): OrderFlow => ({
    intent,
    orderNumber: null,
    email: null,
    phone: null,
    request: null,
    reminded: false,
  });

  const startOrderQuestion = (flow: OrderFlow) => {
    patch.orderQuestion = true;
    event("order_question");
    return flow;
  };

  // ---- commands (quick replies) ----
  if (command) {
    switch (command) {
      case QR.track:
      case QR.trackAnother:
      case QR.retry: {
        const keep =
          command === QR.retry && state.flow
            ? { ...state.flow, orderNumber: null, email: null, phone: null, reminded: false }
            : null;
        const flow = keep ?? startOrderQuestion(newFlow("order_status"));
        if (command !== QR.track || !ctx.shopper.customerId) {
          // "Track another order" / "Try again" ask for the number even for logged-in customers
          state.flow = flow;
          push(say(tr("ask_order_number")));
          state.awaiting = "order_number";
        } else await runOrderFlow(flow);
        break;
      }
      case QR.myOrders:
        if (ctx.shopper.customerId) await runOrderFlow(startOrderQuestion(newFlow("order_status")));
        else {
          state.flow = startOrderQuestion(newFlow("order_status"));
          push(say(tr("list_guest")));
          state.awaiting = "order_number";
        }
        break;
      case QR.human:
        startHandoff(state.offer ?? "shopper_request");
        break;
      case QR.returns:
      case QR.shipping:
        answerPolicy(command === QR.returns ? "returns" : "shipping", "");
        remindPending();
        if (!state.flow) push(quick(["track", "human"]));
        break;
      default:
        push(say(tr("fallback")));
        push(quick(["track", "shipping", "returns", "human"]));
    }
    return { state, messages, shopperText, intent: command, effects, patch, handoff: handoffEffect };
  }

  // ---- handoff form ----
  if (req.action?.type === "handoff_submit") {
    const email = (req.action.email ?? "").trim();
    const message = req.action.message.trim();
    if (!settings.handoffEnabled) {
      startHandoff("shopper_request");
    } else if (!isEmail(email)) {
      state.handoff = state.handoff ?? {
        reason: state.offer ?? "shopper_request",
        email: null,
        message: message || null,
        orderNumber: state.lastVerified?.number ?? null,
        order: state.lastVerified?.order ?? null,
      };
      state.awaiting = "handoff_details";
      push({
        id: idGen(),
        role: "bot",
        type: "handoff",
        text: tr("handoff_bad_email"),
        fields: ["email", "message"],
      });
    } else if (!message) {
      state.handoff = {
        ...(state.handoff ?? {
          reason: state.offer ?? "shopper_request",
          message: null,
          orderNumber: state.lastVerified?.number ?? null,
          order: state.lastVerified?.order ?? null,
        }),
        email,
      };
      state.awaiting = "handoff_details";
      push({
        id: idGen(),
        role: "bot",
        type: "handoff",
        text: tr("handoff_ask_message"),
        fields: ["message"],
      });
    } else {
      const base = state.handoff ?? {
        reason: state.offer ?? "shopper_request",
        email: null,
        message: null,
        orderNumber: state.lastVerified?.number ?? null,
        order: state.lastVerified?.order ?? null,
      };
      createHandoff({ ...base, email, message }, null);
    }
    return { state, messages, shopperText, intent: "handoff_submit", effects, patch, handoff: handoffEffect };
  }

  if (!u) {
    push(say(tr("fallback")));
    return { state, messages, shopperText, intent: null, effects, patch, handoff: handoffEffect };
  }

  let intent: Intent = u.intent === "tracking" ? "order_status" : u.intent;
  if (u.negated && ACTION_INTENTS.has(intent)) intent = "order_status";
  const ent = u.entities;
  const hasOrderEntities = !!(ent.orderNumber || ent.email || ent.phone);

  // ---- collecting handoff details as free text ----
  if (
    state.awaiting === "handoff_details" &&
    state.handoff &&
    ORDER_INTENTS.has(intent) &&
    ent.orderNumber &&
    !ent.email &&
    !ent.phone
  ) {
    // "where is order 1002?" instead of the form: leave the form, run the order question
    state.handoff = null;
    state.awaiting = null;
  }
  if (state.awaiting === "handoff_details" && state.handoff) {
    const h = state.handoff;
    const clearTopic =
      !ent.email &&
      !h.email &&
      (["policy_shipping", "policy_returns", "greeting"] as Intent[]).includes(intent) &&
      u.confidence >= 0.7;
    if (!clearTopic) {
      let email = h.email;
      let message = h.message;
      let rest = text;
      if (ent.email) {
        email = ent.email.trim();
        rest = text
          .replace(ent.email, " ")
          .replace(/\s+/g, " ")
          .replace(/^[\s,.;:-]+|[\s,.;:-]+$/g, "");
      }
      if (rest.length >= 3 && !(ent.email && /^(my )?e-?mail( is)?$/i.test(rest)))
        message = message ? `${message}\n${rest}` : rest;
      if (email && !isEmail(email)) {
        state.handoff = { ...h, email: null, message };
        push({ id: idGen(), role: "bot", type: "handoff", text: tr("handoff_bad_email"), fields: ["email"] });
      } else if (email && message) {
        createHandoff({ ...h, email, message }, null);
      } else if (email) {
        state.handoff = { ...h, email, message };
        push({
          id: idGen(),
          role: "bot",
          type: "handoff",
          text: tr("handoff_ask_message"),
          fields: ["message"],
        });
      } else {
        state.handoff = { ...h, message };
        push({ id: idGen(), role: "bot", type: "handoff", text: tr("handoff_ask_email"), fields: ["email"] });
      }
      return {
        state,
        messages,
        shopperText,
        intent: "handoff_details",
        effects,
        patch,
        handoff: handoffEffect,
      };
    }
    // a clear question while the form is open: answer below, the form stays open
  }

  // ---- order questions and slot filling ----
  const awaitingSlot = state.awaiting === "order_number" || state.awaiting === "email_or_phone";
  const continuingFlow =
    state.flow && hasOrderEntities && (!ORDER_INTENTS.has(intent) || intent === "order_status");
  if (ORDER_INTENTS.has(intent) || continuingFlow || (hasOrderEntities && intent === "other")) {
    let flow: OrderFlow;
    const orderIntent = (ORDER_INTENTS.has(intent) ? intent : null) as OrderIntent | null;
    if (
      state.flow &&
      (continuingFlow ||
        orderIntent === state.flow.intent ||
        (orderIntent && !ent.orderNumber) ||
        (orderIntent && ent.orderNumber && !state.flow.orderNumber))
    ) {
      flow = { ...state.flow };
      if (orderIntent && orderIntent !== "order_status") flow.intent = orderIntent;
      else if (orderIntent === "order_status" && u.negated) flow.intent = "order_status";
    } else {
      flow = startOrderQuestion(newFlow(orderIntent ?? "order_status"));
      // "can I cancel it?" right after an order was verified: that order, with the email already proved
      const lv = state.lastVerified;
      if (lv && orderIntent && ACTION_INTENTS.has(orderIntent) && !ent.orderNumber && lv.email) {
        flow.orderNumber = lv.number;
        flow.email = lv.email;
      }
    }
    if (ent.orderNumber) {
      if (
        flow.orderNumber &&
        normalizeOrderNumber(flow.orderNumber) !== normalizeOrderNumber(ent.orderNumber) &&
        !ent.email &&
        !ent.phone
      ) {
        // a different order: the old contact may not belong to it, but trying it is harmless (same reply either way)
      }
      flow.orderNumber = ent.orderNumber;
    }
    if (ent.email) {
      flow.email = ent.email;
      flow.phone = null;
    } else if (ent.phone) {
      flow.phone = ent.phone;
      flow.email = null;
    }
    if (ACTION_INTENTS.has(flow.intent) && ACTION_INTENTS.has(intent) && !flow.request) flow.request = text;
    flow.reminded = false;
    await runOrderFlow(flow);
    return { state, messages, shopperText, intent, effects, patch, handoff: handoffEffect };
  }

  // ---- everything else (may be a topic switch while a slot is pending) ----
  switch (intent) {
    case "greeting":
      push(say(tr("greeting")));
      if (awaitingSlot) remindPending(true);
      else push(quick(["track", "shipping", "returns", "human"]));
      break;
    case "thanks_bye":
      push(say(tr("thanks")));
      if (awaitingSlot) remindPending();
      else if (conv.status === "open" && conv.verified) patch.outcome = "resolved";
      break;
    case "human":
      startHandoff(state.offer ?? "shopper_request");
      break;
    case "policy_shipping":
    case "policy_returns":
      answerPolicy(intent === "policy_shipping" ? "shipping" : "returns", text);
      if (awaitingSlot) remindPending();
      else if (state.awaiting !== "handoff_details") push(quick(["track", "human"]));
      break;
    case "faq":
    default: {
      const answered = answerFaq();
      if (answered) {
        if (awaitingSlot) remindPending();
      } else if (awaitingSlot) {
        // not an answer to what we asked: say it again (with a way out)
        remindPending(true);
        push(quick(["human"]));
      } else {
        push(say(tr("fallback")));
        push(quick(["track", "shipping", "returns", "human"]));
      }
    }
  }
  if (state.awaiting === "handoff_details" && state.handoff && !messages.some((m) => m.type === "handoff")) {
    push({
      id: idGen(),
      role: "bot",
      type: "handoff",
      text: state.handoff.email ? tr("handoff_ask_message") : tr("handoff_ask"),
      fields: state.handoff.email ? ["message"] : ["email", "message"],
    });
  }
  return { state, messages, shopperText, intent, effects, patch, handoff: handoffEffect };
}

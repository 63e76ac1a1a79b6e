/**
 * The conversation controller: sends what the shopper writes (POST), polls for what a person from the
 * store writes (GET), keeps the state in sessionStorage, and renders into the log. The conversation
 * token from the first answer goes back with every request (CONTRACTS §1).
 */
import type { MessagesRequest, MessagesResponse, WidgetMessage } from "../../app/protocol";
import {
  applyResponse,
  emptyConversation,
  firstAgentIndex,
  responseLanguage,
  type ConversationState,
} from "./conversation";
import { fmt, type Language } from "./i18n";
import { getMessages, postMessage, type FetchLike, type SendResult } from "./net";
import { createPoller, type Poller, type TickResult } from "./poll";
import { clearSession, loadSession, saveSession, type KV } from "./storage";
import { h } from "./view/dom";
import { bubble, renderMessage, starters } from "./view/messages";
import type { SendHooks, ShopperAction, ViewCtx } from "./view/context";

export interface ChatDeps {
  ctx: ViewCtx;
  log: HTMLElement;
  fetchFn: FetchLike;
  base: string;
  headers: Record<string, string>;
  ss: KV | null;
  skey: string;
  /** the greeting bubble (config may change it) */
  greeting(): string;
  setBusy(on: boolean): void;
  onAwaiting(): void;
  /** the server named the conversation's language */
  onLanguage(lang: Language): void;
  isOpen(): boolean;
}

export interface Chat {
  state(): ConversationState;
  busy(): boolean;
  send(req: ShopperAction, echo: string, hooks?: SendHooks): void;
  renderAll(): void;
  newConversation(): void;
  handoffDone(id: string): void;
  poller: Poller;
}

interface Pending {
  req: MessagesRequest;
  echo: string;
  echoEl: HTMLElement;
  hooks: SendHooks | undefined;
}

export function createChat(d: ChatDeps): Chat {
  const restored = loadSession(d.ss, d.skey, Date.now());
  let state: ConversationState = restored ? { ...emptyConversation(), ...restored } : emptyConversation();
  let busy = false;
  let typingEl: HTMLElement | null = null;
  let errorEl: HTMLElement | null = null;
  const log = d.log;
  const ctx = d.ctx;

  const persist = () => saveSession(d.ss, d.skey, state, Date.now());
  const scrollToEnd = (from?: HTMLElement | null) =>
    requestAnimationFrame(() => {
      if (from && from.offsetHeight > log.clientHeight * 0.8) log.scrollTop = from.offsetTop - 12;
      else log.scrollTop = log.scrollHeight;
    });
  const dropError = () => {
    if (errorEl) errorEl.remove();
    errorEl = null;
  };

  function setTyping(on: boolean) {
    if (on && !typingEl) {
      const dot = () => h("i", { "aria-hidden": "true" });
      typingEl = h(
        "div",
        { class: "typing", "data-role": "typing" },
        h("span", { class: "sr" }, fmt(ctx.t.typing, { name: ctx.name })),
        dot(),
        dot(),
        dot(),
      );
      log.append(typingEl);
      scrollToEnd();
    } else if (!on && typingEl) {
      typingEl.remove();
      typingEl = null;
    }
  }

  /** Renders messages that were just added to `state.messages` (at `from`…end). */
  function appendRendered(from: number): HTMLElement | null {
    const all = state.messages;
    const firstAgent = firstAgentIndex(all);
    let first: HTMLElement | null = null;
    if (from > 0 && all[from - 1] && all[from - 1].type === "quick_replies") {
      // an older quick-reply row is no longer the last message: its chips go
      log.querySelectorAll(".qrs").forEach((el) => el.remove());
    }
    for (let i = from; i < all.length; i++) {
      for (const el of renderMessage(ctx, all[i], i === all.length - 1, i === firstAgent)) {
        log.append(el);
        first = first || el;
      }
    }
    return first;
  }

  function renderAll() {
    log.textContent = "";
    typingEl = null;
    errorEl = null;
    log.append(bubble(ctx, "bot", d.greeting()));
    const s = state.messages.length ? null : starters(ctx);
    if (s) log.append(s);
    appendRendered(0);
    d.onAwaiting();
    scrollToEnd();
  }

  function absorb(data: MessagesResponse, echo: string | null): HTMLElement | null {
    const before = state.messages.length;
    const lang = responseLanguage(data);
    const r = applyResponse(state, data, echo, Date.now());
    const changedConversation = r.state.conversationId !== state.conversationId;
    state = r.state;
    persist();
    if (changedConversation) poller.reset();
    if (lang && lang !== ctx.lang) {
      d.onLanguage(lang); // re-renders everything in the new language
      return null;
    }
    // the shopper's bubble is already on screen: render from after it
    const first = appendRendered(echo !== null ? before + 1 : before);
    d.onAwaiting();
    return first;
  }

  function showError(r: Exclude<SendResult, { ok: true }>, p: Pending) {
    const t = ctx.t;
    let text = t.offline;
    let wait = 0;
    if (r.kind === "rate_limited") {
      wait = r.retryAfterSeconds || 0;
      text = wait ? fmt(t.rateLimited, { s: wait }) : t.rateLimitedNow;
    } else if (r.kind === "bad_request") {
      text = r.code && /long/i.test(r.code) ? t.tooLong : t.badRequest;
    }
    const retry = h("button", { type: "button" }, t.retry) as HTMLButtonElement;
    errorEl = h(
      "div",
      { class: "err", role: "alert", "data-role": "error" },
      h("span", null, text + " " + t.unsent),
      retry,
    );
    if (wait) {
      retry.disabled = true;
      setTimeout(() => (retry.disabled = false), wait * 1000);
    }
    retry.addEventListener("click", () => {
      if (busy) return;
      dropError();
      send(p.req, p.echo, p.hooks, true);
    });
    log.append(errorEl);
    scrollToEnd();
  }

  async function transmit(p: Pending) {
    busy = true;
    d.setBusy(true);
    setTyping(true);
    const r = await postMessage(d.fetchFn, d.base, p.req, { headers: d.headers });
    setTyping(false);
    busy = false;
    d.setBusy(false);
    if (!r.ok) {
      // nothing is lost: the bubble goes, the text goes back where the shopper typed it
      p.echoEl.remove();
      if (p.hooks && p.hooks.failed) p.hooks.failed();
      showError(r, p);
      return;
    }
    if (p.hooks && p.hooks.sent) p.hooks.sent();
    const first = absorb(r.data, p.echo);
    scrollToEnd(first);
    poller.reset();
    focusHandoffForm();
  }

  function focusHandoffForm() {
    if (state.awaiting !== "handoff_details" || !d.isOpen()) return;
    const f = log.querySelector<HTMLElement>(
      ".hf:last-of-type input:not([disabled]), .hf textarea:not([disabled])",
    );
    if (f) f.focus();
  }

  function send(req: ShopperAction | MessagesRequest, echo: string, hooks?: SendHooks, retry = false) {
    if (busy) return;
    dropError();
    if (!retry) log.querySelectorAll(".qrs").forEach((el) => el.remove());
    const full: MessagesRequest = { ...req, locale: ctx.lang };
    if (state.conversationId && state.conversationToken) {
      full.conversationId = state.conversationId;
      full.conversationToken = state.conversationToken;
    } else if (state.conversationId) full.conversationId = state.conversationId;
    const echoEl = renderMessage(ctx, { id: "pending", role: "shopper", type: "text", text: echo }, false)[0];
    log.append(echoEl);
    void transmit({ req: full, echo, echoEl, hooks });
  }

  async function tick(): Promise<TickResult> {
    const { conversationId, conversationToken, lastMessageId } = state;
    if (!conversationId || !conversationToken) return "none";
    if (busy) return "empty";
    const r = await getMessages(
      d.fetchFn,
      d.base,
      { conversationId, conversationToken, after: lastMessageId },
      { headers: d.headers },
    );
    if (!r.ok)
      return r.stop ? "stop" : r.retryAfterSeconds ? { retryAfterMs: r.retryAfterSeconds * 1000 } : "empty";
    // a conversation switched (new chat) while this poll was in flight: ignore its answer
    if (state.conversationId !== conversationId || busy) return "empty";
    const before = state.messages.length;
    const first = absorb({ ...r.data, conversationId }, null);
    if (state.messages.length === before) return "empty";
    scrollToEnd(first);
    return "new";
  }

  const poller = createPoller({
    tick,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
    isHidden: () => document.visibilityState === "hidden",
  });
  document.addEventListener("visibilitychange", () => poller.visibilityChanged());

  return {
    state: () => state,
    busy: () => busy,
    send: (req, echo, hooks) => send(req, echo, hooks),
    renderAll,
    newConversation() {
      if (busy) return;
      clearSession(d.ss, d.skey);
      state = emptyConversation();
      poller.reset();
      renderAll();
    },
    handoffDone(id) {
      state = {
        ...state,
        messages: state.messages.map((x: WidgetMessage) =>
          x.id === id && x.type === "handoff" ? { ...x, fields: [] } : x,
        ),
      };
      persist();
    },
    poller,
  };
}

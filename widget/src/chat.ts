/**
 * The conversation controller: sends what the shopper writes (POST), polls for what a person from the
 * store writes (GET), keeps the state in sessionStorage, and renders into the log. The conversation
 * token from the first answer goes back with every request (docs/contracts.md, widget protocol).
 */
import type { MessagesRequest, MessagesResponse, WidgetMessage } from "../../app/protocol";
import {
  applyResponse,
  emptyConversation,
  firstAgentIndex,
  responseLanguage,
  type ConversationState,
} from "./conversation";
import type { Language } from "./i18n";
import { getMessages, postMessage, type FetchLike, type SendResult } from "./net";
import { createPoller, type Poller, type TickResult } from "./poll";
import { exchangeResume } from "./resume";
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
  /** the greeting bubble's text (config may change it) */
  greeting(): string;
  setBusy(on: boolean): void;
  onAwaiting(): void;
  /** the server named the conversation's language */
  onLanguage(lang: Language): void;
  isOpen(): boolean;
}

interface Pending {
  req: MessagesRequest;
  echo: string;
  echoEl: HTMLElement;
  hooks: SendHooks | undefined;
}

/** The error row's text for a failed send. */
function errorText(ctx: ViewCtx, r: Exclude<SendResult, { ok: true }>): { text: string; wait: number } {
  const t = ctx.t;
  if (r.kind === "rate_limited") {
    const wait = r.retryAfterSeconds || 0;
    return { text: t.rateLimited({ s: wait }), wait };
  }
  if (r.kind === "bad_request")
    return { text: r.code && /long/i.test(r.code) ? t.tooLong : t.badRequest, wait: 0 };
  return { text: t.offline, wait: 0 };
}

export class Chat {
  readonly poller: Poller;
  private state: ConversationState;
  private busyNow = false;
  private typingEl: HTMLElement | null = null;
  private errorEl: HTMLElement | null = null;
  /** a re-render was asked for while a message was on its way: done when it lands */
  private dirty = false;
  private greetingEl: HTMLElement | null = null;
  private startersEl: HTMLElement | null = null;
  /** the proactive note's explanation and next step, shown after the greeting (never stored) */
  private note: string | null = null;

  constructor(private readonly d: ChatDeps) {
    const restored = loadSession(d.ss, d.skey, Date.now());
    this.state = restored ? { ...emptyConversation(), ...restored } : emptyConversation();
    this.poller = createPoller({
      tick: () => this.tick(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
      isHidden: () => document.visibilityState === "hidden",
    });
    document.addEventListener("visibilitychange", () => this.poller.visibilityChanged());
  }

  get conversation(): ConversationState {
    return this.state;
  }

  busy(): boolean {
    return this.busyNow;
  }

  /** Clears the log and renders greeting, starters (before the first message) and the stored conversation. */
  renderAll(): void {
    if (this.busyNow) {
      this.dirty = true;
      return;
    }
    this.dirty = false;
    const log = this.d.log;
    const hadFocus = this.focusedInLog() !== null;
    log.textContent = "";
    this.typingEl = null;
    this.errorEl = null;
    this.greetingEl = bubble(this.d.ctx, "bot", this.d.greeting());
    log.append(this.greetingEl);
    if (this.note) log.append(bubble(this.d.ctx, "bot", this.note));
    this.startersEl = this.state.messages.length ? null : starters(this.d.ctx);
    if (this.startersEl) log.append(this.startersEl);
    this.appendRendered(0);
    this.d.onAwaiting();
    this.scrollToEnd();
    // the focused element is gone: keep focus in the dialog (on the log) instead of dropping it to the page
    if (hadFocus) log.focus({ preventScroll: true });
  }

  setNote(text: string): void {
    this.note = text;
    this.renderAll();
  }

  /** New greeting and starters (the store's config arrived) without touching the rest, or the focus. */
  refreshIntro(): void {
    const focused = this.focusedInLog();
    const g = bubble(this.d.ctx, "bot", this.d.greeting());
    if (this.greetingEl && this.greetingEl.isConnected) this.greetingEl.replaceWith(g);
    this.greetingEl = g;
    const old = this.startersEl;
    if (!old || !old.isConnected) return;
    const chips = Array.from(old.querySelectorAll("button"));
    const at = focused ? chips.indexOf(focused as HTMLButtonElement) : -1;
    const next = starters(this.d.ctx);
    this.startersEl = next;
    if (!next) {
      old.remove();
      if (at >= 0) this.d.log.focus({ preventScroll: true });
      return;
    }
    old.replaceWith(next);
    const same = next.querySelectorAll("button")[at];
    if (at >= 0) (same || this.d.log).focus({ preventScroll: true });
  }

  private focusedInLog(): Element | null {
    const root = this.d.log.getRootNode() as ShadowRoot | Document;
    const a = root.activeElement;
    return a && this.d.log.contains(a) ? a : null;
  }

  /** Sends an action or text; `echo` is shown as the shopper's bubble while it travels. */
  send(req: ShopperAction | MessagesRequest, echo: string, hooks?: SendHooks, retry = false): void {
    if (this.busyNow) return;
    this.dropError();
    if (!retry) this.d.log.querySelectorAll(".qrs").forEach((el) => el.remove());
    const full: MessagesRequest = { ...req, locale: this.d.ctx.lang };
    delete full.conversationId;
    delete full.conversationToken;
    if (this.state.conversationId) full.conversationId = this.state.conversationId;
    if (this.state.conversationId && this.state.conversationToken)
      full.conversationToken = this.state.conversationToken;
    const echoMsg: WidgetMessage = { id: "pending", role: "shopper", type: "text", text: echo };
    const echoEl = renderMessage(this.d.ctx, echoMsg, false)[0];
    this.d.log.append(echoEl);
    void this.transmit({ req: full, echo, echoEl, hooks });
  }

  /**
   * The e-mail's resume link (ADR 0033): the conversation from the server replaces this browser's;
   * refused or offline, the chat stays as it was. True when resumed.
   */
  async resume(token: string): Promise<boolean> {
    if (this.busyNow) return false;
    // nothing is sent meanwhile: the exchange gives this browser the conversation's only token
    this.busyNow = true;
    this.d.setBusy(true);
    const r = await exchangeResume(this.d.fetchFn, this.d.base, token, this.d.headers);
    this.busyNow = false;
    this.d.setBusy(false);
    if (!r) {
      if (this.dirty) this.renderAll();
      return false;
    }
    this.state = r.state;
    this.persist();
    this.poller.reset();
    const lang = responseLanguage(r.data);
    if (lang && lang !== this.d.ctx.lang) this.d.onLanguage(lang);
    else this.renderAll();
    return true;
  }

  newConversation(): void {
    if (this.busyNow) return;
    clearSession(this.d.ss, this.d.skey);
    this.state = emptyConversation();
    this.poller.reset();
    this.renderAll();
  }

  /** Don't offer that handoff form again after a reload. */
  handoffDone(id: string): void {
    const messages = this.state.messages.map((x) =>
      x.id === id && x.type === "handoff" ? { ...x, fields: [] } : x,
    );
    this.state = { ...this.state, messages };
    this.persist();
  }

  private persist() {
    saveSession(this.d.ss, this.d.skey, this.state, Date.now());
  }

  private scrollToEnd(from?: HTMLElement | null) {
    const log = this.d.log;
    requestAnimationFrame(() => {
      if (from && from.offsetHeight > log.clientHeight * 0.8) log.scrollTop = from.offsetTop - 12;
      else log.scrollTop = log.scrollHeight;
    });
  }

  private dropError() {
    if (this.errorEl) this.errorEl.remove();
    this.errorEl = null;
  }

  private setTyping(on: boolean) {
    if (on && !this.typingEl) {
      const dot = () => h("i", { "aria-hidden": "true" });
      const label = h("span", { class: "sr" }, this.d.ctx.t.typing({ name: this.d.ctx.name }));
      this.typingEl = h("div", { class: "typing", "data-role": "typing" }, label, dot(), dot(), dot());
      this.d.log.append(this.typingEl);
      this.scrollToEnd();
    } else if (!on && this.typingEl) {
      this.typingEl.remove();
      this.typingEl = null;
    }
  }

  /** Renders the messages at `from`…end of the state; returns the first element added. */
  private appendRendered(from: number): HTMLElement | null {
    const all = this.state.messages;
    const firstAgent = firstAgentIndex(all);
    let first: HTMLElement | null = null;
    // an older quick-reply row (or item picker) is no longer the last message: its controls go
    if (from > 0) this.d.log.querySelectorAll(".qrs,.ip").forEach((el) => el.remove());
    for (let i = from; i < all.length; i++) {
      for (const el of renderMessage(this.d.ctx, all[i], i === all.length - 1, i === firstAgent)) {
        this.d.log.append(el);
        first = first || el;
      }
    }
    return first;
  }

  /** Takes a server answer into the state and the log. */
  private absorb(data: MessagesResponse, echo: string | null): HTMLElement | null {
    const before = this.state.messages.length;
    const lang = responseLanguage(data);
    const r = applyResponse(this.state, data, echo, Date.now());
    const changedConversation = r.state.conversationId !== this.state.conversationId;
    this.state = r.state;
    this.persist();
    if (changedConversation) this.poller.reset();
    if (lang && lang !== this.d.ctx.lang) {
      this.d.onLanguage(lang); // re-renders everything in the conversation's language
      return null;
    }
    // the shopper's bubble is already on screen: render from after it
    const first = this.appendRendered(echo !== null ? before + 1 : before);
    this.d.onAwaiting();
    return first;
  }

  private showError(r: Exclude<SendResult, { ok: true }>, p: Pending) {
    const t = this.d.ctx.t;
    const { text, wait } = errorText(this.d.ctx, r);
    const retry = h("button", { type: "button" }, t.retry) as HTMLButtonElement;
    const msg = h("span", null, text + " " + t.unsent);
    this.errorEl = h("div", { class: "err", role: "alert", "data-role": "error" }, msg, retry);
    if (wait) {
      retry.disabled = true;
      setTimeout(() => (retry.disabled = false), wait * 1000);
    }
    retry.addEventListener("click", () => {
      if (this.busyNow) return;
      this.dropError();
      if (p.hooks && p.hooks.retrying) p.hooks.retrying();
      this.send(p.req, p.echo, p.hooks, true);
    });
    this.d.log.append(this.errorEl);
    this.scrollToEnd();
  }

  private async transmit(p: Pending) {
    this.busyNow = true;
    this.d.setBusy(true);
    this.setTyping(true);
    const r = await postMessage(this.d.fetchFn, this.d.base, p.req, { headers: this.d.headers });
    this.setTyping(false);
    this.busyNow = false;
    this.d.setBusy(false);
    if (!r.ok) {
      // nothing is lost: the bubble goes, the text goes back where the shopper typed it
      if (p.echoEl.isConnected) p.echoEl.remove();
      if (p.hooks && p.hooks.failed) p.hooks.failed();
      if (this.dirty) this.renderAll();
      this.showError(r, p);
      return;
    }
    if (p.hooks && p.hooks.sent) p.hooks.sent();
    const first = this.absorb(r.data, p.echo);
    if (this.dirty) this.renderAll();
    else this.scrollToEnd(first);
    this.poller.reset();
    this.focusHandoffForm();
  }

  private focusHandoffForm() {
    if (this.state.awaiting !== "handoff_details" || !this.d.isOpen()) return;
    const f = this.d.log.querySelector<HTMLElement>(
      ".hf:last-of-type input:not([disabled]), .hf textarea:not([disabled])",
    );
    if (f) f.focus();
  }

  /** One poll: what a person from the store wrote since the last message. */
  private async tick(): Promise<TickResult> {
    const { conversationId, conversationToken, lastMessageId } = this.state;
    if (!conversationId || !conversationToken) return "none";
    if (this.busyNow) return "empty";
    const q = { conversationId, conversationToken, after: lastMessageId };
    const r = await getMessages(this.d.fetchFn, this.d.base, q, { headers: this.d.headers });
    if (!r.ok) {
      if (r.stop) return "stop";
      return r.retryAfterSeconds ? { retryAfterMs: r.retryAfterSeconds * 1000 } : "empty";
    }
    // the conversation changed (new chat) or a send started while this poll was in flight: ignore it
    if (this.state.conversationId !== conversationId || this.busyNow) return "empty";
    const before = this.state.messages.length;
    const first = this.absorb({ ...r.data, conversationId }, null);
    if (this.state.messages.length === before) return "empty";
    this.scrollToEnd(first);
    return "new";
  }
}

/**
 * trulybot-panel.js — the chat UI, loaded lazily by the launcher. No framework; every piece of text
 * from the network or the shopper goes in through textContent/setAttribute, never as HTML.
 * This file wires the parts: the frame (view/shell.ts), the composer (view/composer.ts), the
 * conversation (chat.ts → view/messages.ts, view/order-card.ts, view/forms.ts) and the store's settings.
 */
import type { WidgetConfig } from "../../app/protocol";
import { pickLanguage } from "../../app/protocol/language";
import { Chat } from "./chat";
import { LAUNCHER_LABEL, strings, type Language } from "./i18n";
import { fetchConfig, type FetchLike } from "./net";
import { fetchProactive, firstTime } from "./proactive";
import { resumeTokenOf, withoutResume } from "./resume";
import { sessionKey, storageOrNull, type KV } from "./storage";
import { localDefault, localeTagFor } from "./settings";
import { createComposer, type Composer } from "./view/composer";
import type { ViewCtx } from "./view/context";
import { Shell } from "./view/shell";
import type { PanelApi, TrulybotHook } from "./hook";

interface Settings {
  greeting: string;
  position: "left" | "right";
  avatarUrl: string | null;
  name: string;
  launcherLabel: string;
}

function createCtx(hook: TrulybotHook, lang: Language): ViewCtx {
  const t = strings(lang);
  return {
    t,
    lang,
    localeTag: localeTagFor(hook.config.locale, lang),
    timeZone: undefined,
    name: hook.config.name || t.defaultName,
    features: { orderTracking: true, handoff: true, faq: true },
    messages: () => [],
    busy: () => false,
    send: () => {},
    handoffDone: () => {},
  };
}

/** The teaser shows once per visit. */
function teaseOnce(ss: KV | null): boolean {
  try {
    if (ss && ss.getItem("trulybot:teased")) return false;
    if (ss) ss.setItem("trulybot:teased", "1");
  } catch {
    /* storage blocked: tease anyway */
  }
  return true;
}

class Panel implements PanelApi {
  private readonly ctx: ViewCtx;
  private readonly settings: Settings;
  private readonly ss = storageOrNull(() => window.sessionStorage);
  private readonly composer: Composer;
  private readonly shell: Shell;
  private readonly chat: Chat;
  private readonly configReady: Promise<unknown>;
  private readonly fetchFn: FetchLike = (url, init) => window.fetch(url, init);
  private readonly headers: Record<string, string>;

  constructor(private readonly hook: TrulybotHook) {
    const cfg = hook.config;
    // WordPress treats a cookie-authenticated REST request as the logged-in customer only with the REST nonce
    const headers: Record<string, string> = cfg.wpNonce ? { "X-WP-Nonce": cfg.wpNonce } : {};
    this.headers = headers;
    const fetchFn = this.fetchFn;
    const ctx = (this.ctx = createCtx(
      hook,
      pickLanguage([cfg.locale, document.documentElement.lang, navigator.language]),
    ));
    this.settings = {
      greeting: cfg.greeting,
      position: cfg.position,
      avatarUrl: null,
      name: cfg.name,
      launcherLabel: cfg.label,
    };
    this.composer = createComposer(ctx, (text) => this.sendText(text));
    this.shell = new Shell(ctx, hook, this.composer.form, () => this.chat.poller.pause());
    this.chat = new Chat({
      ctx,
      log: this.shell.log,
      fetchFn,
      base: cfg.proxyBase,
      headers,
      ss: this.ss,
      skey: sessionKey(cfg.proxyBase),
      greeting: () => this.greeting(),
      setBusy: (on) => this.composer.setBusy(on),
      onAwaiting: () => this.composer.setAwaiting(this.chat.conversation.awaiting),
      onLanguage: (lang) => this.setLanguage(lang),
      isOpen: () => this.shell.isOpen(),
    });
    ctx.messages = () => this.chat.conversation.messages;
    ctx.busy = () => this.chat.busy();
    ctx.send = (req, echo, hooks) => {
      this.shell.hideTease();
      this.chat.send(req, echo, hooks);
    };
    ctx.handoffDone = (id) => this.chat.handoffDone(id);
    this.shell.applyAccent(cfg.accent);
    this.shell.newBtn.addEventListener("click", () => {
      this.chat.newConversation();
      this.composer.input.focus();
    });
    this.relabel();
    this.chat.renderAll();
    this.resumeFromLink();
    const ls = storageOrNull(() => window.localStorage);
    this.configReady = fetchConfig(fetchFn, cfg.proxyBase, ls, headers).then((c) => c && this.applyConfig(c));
  }

  open(opts?: { focus?: boolean }): void {
    this.shell.open(opts, () => this.composer.input);
    this.chat.poller.resume();
  }

  close(): void {
    this.shell.close();
  }

  isOpen(): boolean {
    return this.shell.isOpen();
  }

  /** An order of this shopper at risk: its note by the launcher, the explanation in the panel; else the greeting. */
  tease(): void {
    void this.configReady.then(async () => {
      const token = this.chat.conversation.conversationToken;
      const note = await fetchProactive(this.fetchFn, this.hook.config.proxyBase, token, this.headers);
      const open = () => this.open({ focus: true });
      if (note && firstTime(this.ss, note.id)) {
        this.chat.setNote(note.explanation + "\n" + note.nextStep);
        this.shell.tease(note.text, this.settings.position, open);
      } else if (teaseOnce(this.ss)) this.shell.tease(this.greeting(), this.settings.position, open);
    });
  }

  /** `?trulybot=resume.<token>` (the e-mail's link, ADR 0033): out of the address bar, then exchanged. */
  private resumeFromLink() {
    const token = resumeTokenOf(location.search);
    if (!token) return;
    try {
      history.replaceState(history.state, "", withoutResume(location.href));
    } catch {
      /* a sandboxed page: the token stays visible, the exchange still works once */
    }
    // refused (used, expired) or unreachable: say so above this browser's own chat
    void this.chat.resume(token).then((ok) => ok || this.chat.setNote(this.ctx.t.linkExpired));
  }

  private sendText(text: string) {
    const c = this.composer;
    this.chat.send({ text }, text, { failed: () => c.restore(text), retrying: () => c.unrestore(text) });
  }

  private greeting(): string {
    return localDefault(this.settings.greeting, "greeting", this.ctx.lang) || this.ctx.t.greeting;
  }

  /** Everything the shopper reads follows the conversation's language (launcher, frame, cards, forms). */
  private relabel() {
    const { ctx, settings } = this;
    ctx.name = localDefault(settings.name, "defaultName", ctx.lang) || ctx.t.defaultName;
    const label = localDefault(settings.launcherLabel, "launcher", ctx.lang) || LAUNCHER_LABEL[ctx.lang];
    this.hook.launcher.setAttribute("aria-label", label);
    this.shell.applySettings(settings);
    this.composer.relabel();
  }

  private setLanguage(lang: Language) {
    this.ctx.lang = lang;
    this.ctx.t = strings(lang);
    this.ctx.localeTag = localeTagFor(this.hook.config.locale, lang);
    this.relabel();
    this.chat.renderAll();
  }

  private applyConfig(c: WidgetConfig) {
    const b = c.bot || ({} as WidgetConfig["bot"]);
    const s = this.settings;
    if (b.name) s.name = b.name;
    if (b.greeting) s.greeting = b.greeting;
    if (b.position === "left" || b.position === "right") s.position = b.position;
    if (b.accentColor) this.shell.applyAccent(b.accentColor);
    if (b.launcherLabel) s.launcherLabel = b.launcherLabel;
    s.avatarUrl = b.avatarUrl || null;
    if (c.features) this.ctx.features = { ...this.ctx.features, ...c.features };
    // the store's time zone for card dates, once /config sends it
    const tz = (c as WidgetConfig & { timeZone?: unknown }).timeZone;
    const zoneChanged = typeof tz === "string" && !!tz && tz !== this.ctx.timeZone;
    if (zoneChanged) this.ctx.timeZone = tz as string;
    this.relabel();
    // re-render only what the config changes, so nothing the shopper is on (focus, typed text) goes away
    if (
      zoneChanged &&
      this.chat.conversation.messages.some((m) => m.type === "order" || m.type === "order_list")
    )
      this.chat.renderAll();
    else this.chat.refreshIntro();
  }
}

(() => {
  const hook = window.__trulybot;
  if (!hook || hook.panel) return;
  hook.register(new Panel(hook));
})();

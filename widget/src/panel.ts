/**
 * trulybot-panel.js — the chat UI, loaded lazily by the launcher. No framework; every piece of text
 * from the network or the shopper goes in through textContent/setAttribute, never as HTML.
 * This file wires the parts: settings (config.ts-like merge below), the frame (view/shell.ts), the
 * composer (view/composer.ts), the conversation (chat.ts → view/messages.ts, order-card.ts, forms.ts).
 */
import type { WidgetConfig } from "../../app/protocol";
import { pickLanguage } from "../../app/protocol/language";
import { createChat } from "./chat";
import { LAUNCHER_LABEL, strings, type Language } from "./i18n";
import { fetchConfig, type FetchLike } from "./net";
import { sessionKey, storageOrNull, type KV } from "./storage";
import { localDefault, localeTagFor } from "./settings";
import { createComposer } from "./view/composer";
import type { ViewCtx } from "./view/context";
import { createShell } from "./view/shell";
import type { PanelApi, TrulybotHook } from "./hook";

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

function start(hook: TrulybotHook): PanelApi {
  const cfg0 = hook.config;
  const w = window;
  // WordPress only treats a cookie-authenticated REST request as the logged-in customer when it carries the REST nonce.
  const headers: Record<string, string> = cfg0.wpNonce ? { "X-WP-Nonce": cfg0.wpNonce } : {};
  const ctx = createCtx(hook, pickLanguage([cfg0.locale, document.documentElement.lang, navigator.language]));
  const ss: KV | null = storageOrNull(() => w.sessionStorage);
  const ls: KV | null = storageOrNull(() => w.localStorage);
  const fetchFn: FetchLike = (url, init) => w.fetch(url, init);
  const settings = {
    greeting: cfg0.greeting,
    position: cfg0.position,
    avatarUrl: null as string | null,
    name: cfg0.name,
    launcherLabel: cfg0.label,
  };

  const greeting = () => localDefault(settings.greeting, "greeting", ctx.lang) || ctx.t.greeting;
  const composer = createComposer(ctx, (text) =>
    chat.send({ text }, text, { failed: () => composer.restore(text) }),
  );
  const shell = createShell(ctx, hook, composer.form, () => chat.poller.pause());
  const chat = createChat({
    ctx,
    log: shell.log,
    fetchFn,
    base: cfg0.proxyBase,
    headers,
    ss,
    skey: sessionKey(cfg0.proxyBase),
    greeting: () => greeting(),
    setBusy: (on) => composer.setBusy(on),
    onAwaiting: () => composer.setAwaiting(chat.state().awaiting),
    onLanguage: (lang) => setLanguage(lang),
    isOpen: () => shell.isOpen(),
  });
  ctx.messages = () => chat.state().messages;
  ctx.busy = () => chat.busy();
  ctx.send = (req, echo, hooks) => {
    shell.hideTease();
    chat.send(req, echo, hooks);
  };
  ctx.handoffDone = (id) => chat.handoffDone(id);

  /** Everything the shopper reads follows the conversation's language (launcher, frame, cards, forms). */
  function relabel() {
    ctx.name = localDefault(settings.name, "defaultName", ctx.lang) || ctx.t.defaultName;
    const label = localDefault(settings.launcherLabel, "launcher", ctx.lang) || LAUNCHER_LABEL[ctx.lang];
    hook.launcher.setAttribute("aria-label", label);
    shell.applySettings(settings);
    composer.relabel();
  }
  function setLanguage(lang: Language) {
    ctx.lang = lang;
    ctx.t = strings(lang);
    ctx.localeTag = localeTagFor(cfg0.locale, lang);
    relabel();
    chat.renderAll();
  }
  function applyConfig(c: WidgetConfig) {
    const b = c.bot || ({} as WidgetConfig["bot"]);
    if (b.name) settings.name = b.name;
    if (b.greeting) settings.greeting = b.greeting;
    if (b.position === "left" || b.position === "right") settings.position = b.position;
    if (b.accentColor) shell.applyAccent(b.accentColor);
    if (b.launcherLabel) settings.launcherLabel = b.launcherLabel;
    settings.avatarUrl = b.avatarUrl || null;
    if (c.features) ctx.features = { ...ctx.features, ...c.features };
    const tz = (c as WidgetConfig & { timeZone?: unknown }).timeZone;
    if (typeof tz === "string" && tz) ctx.timeZone = tz;
    relabel();
    chat.renderAll();
  }

  shell.applyAccent(cfg0.accent);
  shell.newBtn.addEventListener("click", () => {
    chat.newConversation();
    composer.input.focus();
  });
  relabel();
  chat.renderAll();
  const configReady = fetchConfig(fetchFn, cfg0.proxyBase, ls, headers).then((c) => c && applyConfig(c));

  const open = (opts?: { focus?: boolean }) => {
    shell.open(opts, () => composer.input);
    chat.poller.resume();
  };
  return {
    open,
    close: () => shell.close(),
    isOpen: () => shell.isOpen(),
    tease: () =>
      void configReady.then(() => {
        if (!teaseOnce(ss)) return;
        shell.tease(greeting(), settings.position, () => open({ focus: true }));
      }),
  };
}

/** The teaser shows once per visit. */
function teaseOnce(ss: KV | null): boolean {
  try {
    if (ss && ss.getItem("trulybot:teased")) return false;
    if (ss) ss.setItem("trulybot:teased", "1");
  } catch {
    /* ignore */
  }
  return true;
}

(() => {
  const hook = window.__trulybot;
  if (!hook || hook.panel) return;
  hook.register(start(hook));
})();

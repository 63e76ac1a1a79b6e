/**
 * trulybot-launcher.js — the only script a storefront loads up front. It does nothing until the page
 * has loaded and the browser is idle (after-load.ts), so the page's largest paint does not move; then
 * it draws the chat button in a shadow root (fixed position: no layout shift) and loads
 * trulybot-panel.js on click, on hover (warm-up) or, with data-proactive, when idle again.
 * Budget: well under 2.5 KB gzip.
 */
import { LAUNCHER_LABEL } from "./strings/launcher";
import { normalizeLanguage } from "../../app/protocol/language";
import { accentPair } from "./color";
import { afterLoadAndIdle } from "./after-load";
import type { LauncherConfig, PanelApi, TrulybotHook } from "./hook";

(() => {
  const w = window;
  const d = document;
  // document.currentScript exists only while this script runs; everything else waits for load + idle
  const script = (d.currentScript ||
    d.querySelector("script[data-proxy-base][data-panel-src]")) as HTMLScriptElement | null;
  afterLoadAndIdle(w, d, () => boot(w, d, script));
})();

/** data-* attributes on the script tag, or window.TrulyBotSettings with the same camelCase keys; attributes win. */
function readConfig(w: Window, d: Document, script: HTMLScriptElement | null): LauncherConfig {
  const ds: Record<string, string | undefined> = { ...w.TrulyBotSettings, ...(script && script.dataset) };
  return {
    proxyBase: (ds.proxyBase || "/apps/trulybot").replace(/\/+$/, ""),
    locale: ds.locale || d.documentElement.lang || navigator.language || "en",
    accent: ds.accent || "",
    position: ds.position === "left" ? "left" : "right",
    greeting: ds.greeting || "",
    name: ds.name || "",
    label: ds.label || "",
    panelSrc:
      ds.panelSrc ||
      (script && script.src ? script.src.replace(/trulybot-launcher\.js/, "trulybot-panel.js") : ""),
    proactive: ds.proactive === "true" || ds.proactive === "1",
    wpNonce: ds.wpNonce || "",
  };
}

function launcherCss(config: LauncherConfig): string {
  const { bg, fg } = accentPair(config.accent);
  return (
    ":host{--tb-bg:" +
    bg +
    ";--tb-fg:" +
    fg +
    "}" +
    ".l{position:fixed;bottom:20px;" +
    config.position +
    ":20px;width:56px;height:56px;border:0;border-radius:50%;padding:0;" +
    "background:var(--tb-bg);color:var(--tb-fg);cursor:pointer;display:grid;place-items:center;" +
    "box-shadow:0 4px 14px #0004;transition:transform .15s}" +
    ".l:hover{transform:scale(1.06)}" +
    ".l:focus-visible{outline:3px solid var(--tb-bg);outline-offset:3px;box-shadow:0 0 0 3px #fff}" +
    ".l svg{width:26px;fill:currentColor;stroke:currentColor;stroke-width:2.4;stroke-linecap:round}" +
    "[aria-expanded=true] .c,.l .x{display:none}[aria-expanded=true] .x{display:block}" +
    "@media (prefers-reduced-motion:reduce){.l{transition:none}}"
  );
}

function createButton(d: Document, label: string): HTMLButtonElement {
  const btn = d.createElement("button");
  btn.type = "button";
  btn.className = "l";
  btn.setAttribute("aria-label", label);
  btn.setAttribute("aria-haspopup", "dialog");
  btn.setAttribute("aria-expanded", "false");
  // static, trusted markup (icons only; no data)
  btn.innerHTML =
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path class="c" d="M4 4h16a2 2 0 012 2v10a2 2 0 01-2 2H9l-5 4v-4a2 2 0 01-2-2V6a2 2 0 012-2z"/><path class="x" d="M6 6l12 12M18 6 6 18"/></svg>';
  return btn;
}

function boot(w: Window, d: Document, script: HTMLScriptElement | null): void {
  if (w.__trulybot) return;
  const config = readConfig(w, d, script);
  const lang = normalizeLanguage(config.locale) || "en";
  const host = d.createElement("div");
  host.id = "trulybot-root";
  // every UI language is left-to-right: an RTL page must not reorder the widget's punctuation
  host.dir = "ltr";
  host.lang = lang;
  host.setAttribute(
    "style",
    "all:initial;position:fixed;z-index:2147483000;bottom:0;" + config.position + ":0;width:0;height:0",
  );
  const root = host.attachShadow({ mode: "open" });
  const style = d.createElement("style");
  style.textContent = launcherCss(config);
  const btn = createButton(d, config.label || LAUNCHER_LABEL[lang]);
  root.append(style, btn);

  let loading = false;
  let pending: ((panel: PanelApi) => void) | null = null;
  const load = (then: (panel: PanelApi) => void) => {
    if (hook.panel) return then(hook.panel);
    pending = then;
    if (loading || !config.panelSrc) return;
    loading = true;
    btn.setAttribute("aria-busy", "true");
    const s = d.createElement("script");
    s.src = config.panelSrc;
    s.async = true;
    s.onerror = () => {
      loading = false;
      btn.removeAttribute("aria-busy");
    };
    d.head.appendChild(s);
  };

  const hook: TrulybotHook = {
    version: 1,
    config,
    host,
    root,
    launcher: btn,
    panel: null,
    open: () => load((panel) => panel.open({ focus: true })),
    register: (panel) => {
      hook.panel = panel;
      btn.removeAttribute("aria-busy");
      const then = pending;
      pending = null;
      if (then) then(panel);
    },
  };
  w.__trulybot = hook;

  btn.addEventListener("click", () => {
    if (hook.panel && hook.panel.isOpen()) hook.panel.close();
    else hook.open();
  });
  // warm up on intent so the first open feels instant
  btn.addEventListener("pointerenter", () => load(() => {}), { once: true });
  d.body.appendChild(host);
  // the link in a "the store replied to your chat" e-mail (?trulybot=open, or =resume.<token> on any
  // device: the panel exchanges it, ADR 0033) brings the shopper back into it
  if (/[?&]trulybot=(open(&|$)|resume\.)/.test(w.location.search)) hook.open();
  if (config.proactive) {
    const go = () => load((panel) => panel.isOpen() || panel.tease());
    setTimeout(() => afterLoadAndIdle(w, d, go), 3000);
  }
}

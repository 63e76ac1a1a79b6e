/**
 * trulybot-panel.js — the chat UI, loaded lazily by the launcher. No framework; every piece of
 * text from the network or the shopper goes in through textContent/setAttribute, never as HTML.
 */
import type { Awaiting, MessagesRequest, WidgetConfig, WidgetMessage, WidgetOrder } from "../../app/protocol";
import { palette } from "./color";
import { fmt, LAUNCHER_LABEL, pickLanguage, strings, type Language, type Strings } from "./i18n";
import { fetchConfig, postMessage, type FetchLike, type SendResult } from "./net";
import { clearSession, loadSession, saveSession, sessionKey, storageOrNull, type KV } from "./storage";
import {
  formatDay,
  formatMoney,
  inputModeFor,
  linkify,
  orderSteps,
  safeUrl,
  shipmentDateLine,
  statusTone,
} from "./format";
import { PANEL_CSS } from "./styles";
import type { PanelApi, TrulybotHook } from "./hook";

const ICON_CLOSE =
  "M18.3 5.7a1 1 0 00-1.4 0L12 10.6 7.1 5.7a1 1 0 10-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 101.4 1.4l4.9-4.9 4.9 4.9a1 1 0 001.4-1.4L13.4 12l4.9-4.9a1 1 0 000-1.4z";
const ICON_SEND =
  "M3.4 20.4l17.45-7.48a1 1 0 000-1.84L3.4 3.6a1 1 0 00-1.39 1.2L4.3 12l-2.29 7.2a1 1 0 001.39 1.2zM4.9 13h6.6a1 1 0 000-2H4.9";
const ICON_NEW = "M12 5V2L7 6l5 4V7a5 5 0 11-5 5H5a7 7 0 107-7z";
const ICON_EXT =
  "M14 3h7v7h-2V6.4l-9.3 9.3-1.4-1.4L17.6 5H14V3zM5 5h6v2H5v12h12v-6h2v6a2 2 0 01-2 2H5a2 2 0 01-2-2V7a2 2 0 012-2z";
const SVG_NS = "http://www.w3.org/2000/svg";

type Attrs = Record<string, string | boolean | number | null | undefined>;
type Child = Node | string | null | undefined | false;

/** createElement + setAttribute + textContent: the only way this file builds DOM. */
function h(tag: string, attrs?: Attrs | null, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  if (attrs) {
    for (const k in attrs) {
      const v = attrs[k];
      if (v === null || v === undefined || v === false) continue;
      el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return el;
}

function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const p = document.createElementNS(SVG_NS, "path");
  p.setAttribute("d", path);
  svg.append(p);
  return svg;
}

/** Text with http(s) URLs turned into safe links (new tab, no opener, no referrer). */
function richText(text: string, t: Strings): Node[] {
  return linkify(text).map((tok) =>
    tok.kind === "text" ? document.createTextNode(tok.text) : externalLink(tok.href, tok.text, t, null),
  );
}

function externalLink(
  href: string,
  text: string,
  t: Strings,
  cls: string | null,
  withIcon = false,
): HTMLElement {
  return h(
    "a",
    { href, target: "_blank", rel: "noopener noreferrer", class: cls },
    text,
    withIcon ? icon(ICON_EXT) : null,
    h("span", { class: "sr" }, " " + t.newTab),
  );
}

function start(hook: TrulybotHook): PanelApi {
  const cfg0 = hook.config;
  // WordPress only treats a cookie-authenticated REST request as the logged-in customer when it carries the REST nonce.
  const authHeaders: Record<string, string> = cfg0.wpNonce ? { "X-WP-Nonce": cfg0.wpNonce } : {};
  const w = window;
  const lang: Language = pickLanguage(cfg0.locale, document.documentElement.lang, navigator.language);
  const t = strings(lang);
  const localeTag = cfg0.locale && pickLanguage(cfg0.locale) === lang ? cfg0.locale.replace("_", "-") : lang;
  const ss: KV | null = storageOrNull(() => w.sessionStorage);
  const ls: KV | null = storageOrNull(() => w.localStorage);
  const skey = sessionKey(cfg0.proxyBase);
  const fetchFn: FetchLike = (url, init) => w.fetch(url, init);

  // settings: store config (server) > data attributes > built-in defaults
  let name = cfg0.name || t.defaultName;
  let greeting = cfg0.greeting || t.greeting;
  let position: "left" | "right" = cfg0.position;
  let features = { orderTracking: true, handoff: true, faq: true };
  let avatarUrl: string | null = null;

  // conversation state
  const restored = loadSession(ss, skey, Date.now());
  let conversationId: string | null = restored ? restored.conversationId : null;
  let history: WidgetMessage[] = restored ? restored.messages : [];
  let awaiting: Awaiting = restored ? restored.awaiting : null;
  let busy = false;
  let open = false;
  let lastRequest: MessagesRequest | null = null;
  let lastShopperEcho: string | null = null;

  const root = hook.root;
  const host = hook.host;
  const launcher = hook.launcher;

  const style = h("style");
  style.textContent = PANEL_CSS;

  // header
  const avatar = h("div", { class: "av", "aria-hidden": "true" });
  const title = h("h2", { id: "tb-title" });
  const newBtn = h(
    "button",
    { type: "button", class: "ib", "aria-label": t.newChat, title: t.newChat },
    icon(ICON_NEW),
  );
  const closeBtn = h(
    "button",
    { type: "button", class: "ib", "aria-label": t.close, title: t.close },
    icon(ICON_CLOSE),
  );
  const header = h("div", { class: "h" }, avatar, h("div", { class: "ht" }, title), newBtn, closeBtn);

  // log
  const log = h("div", {
    class: "log",
    role: "log",
    "aria-live": "polite",
    "aria-relevant": "additions",
    tabindex: "-1",
  });

  // composer
  const input = h("input", {
    id: "tb-input",
    type: "text",
    maxlength: "1000",
    autocomplete: "off",
    enterkeyhint: "send",
    spellcheck: "true",
  }) as HTMLInputElement;
  const sendBtn = h(
    "button",
    { type: "submit", class: "send", "aria-label": t.send, title: t.send },
    icon(ICON_SEND),
  );
  const form = h(
    "form",
    { class: "f", novalidate: true },
    h("label", { for: "tb-input", class: "sr" }, t.inputLabel),
    input,
    sendBtn,
  ) as HTMLFormElement;

  const panel = h("div", { class: "p", role: "dialog", hidden: true }, header, log, form);
  root.append(style, panel);

  let typingEl: HTMLElement | null = null;
  let errorEl: HTMLElement | null = null;
  let teaseEl: HTMLElement | null = null;
  let greetingEl: HTMLElement | null = null;
  let startersEl: HTMLElement | null = null;

  // ---------- settings ----------
  function applyAccent(accent: string) {
    const p = palette(accent);
    host.style.setProperty("--tb-bg", p.bg);
    host.style.setProperty("--tb-fg", p.fg);
    host.style.setProperty("--tb-lk-l", p.onLight);
    host.style.setProperty("--tb-lk-d", p.onDark);
  }

  function applySettings() {
    title.textContent = name;
    panel.setAttribute("aria-label", fmt(t.chatWith, { name }));
    avatar.textContent = "";
    const src = safeUrl(avatarUrl);
    if (src) avatar.append(h("img", { src, alt: "", referrerpolicy: "no-referrer" }));
    else avatar.textContent = (name.trim()[0] || "?").toUpperCase();
    panel.classList.toggle("left", position === "left");
    launcher.style.left = position === "left" ? "20px" : "auto";
    launcher.style.right = position === "left" ? "auto" : "20px";
    if (teaseEl) teaseEl.classList.toggle("left", position === "left");
  }

  function applyConfig(c: WidgetConfig) {
    const b = c.bot || ({} as WidgetConfig["bot"]);
    if (b.name) name = b.name;
    if (b.greeting) greeting = b.greeting;
    if (b.position === "left" || b.position === "right") position = b.position;
    if (b.accentColor) applyAccent(b.accentColor);
    if (b.launcherLabel) launcher.setAttribute("aria-label", b.launcherLabel);
    avatarUrl = b.avatarUrl || null;
    if (c.features) features = { ...features, ...c.features };
    applySettings();
    if (greetingEl && greetingEl.isConnected) greetingEl.replaceWith((greetingEl = bubble("bot", greeting)));
    if (startersEl && startersEl.isConnected) {
      const s = starters();
      if (s) startersEl.replaceWith((startersEl = s));
      else startersEl.remove();
    }
  }

  applyAccent(cfg0.accent);
  applySettings();
  if (!cfg0.label) launcher.setAttribute("aria-label", LAUNCHER_LABEL[lang]);

  // ---------- rendering ----------
  function who(role: string): HTMLElement {
    return h("span", { class: "sr" }, (role === "shopper" ? t.you : name) + ": ");
  }

  function bubble(
    role: "bot" | "shopper" | "agent",
    text: string,
    extra?: HTMLElement | null,
    wide = false,
  ): HTMLElement {
    return h(
      "div",
      { class: "m " + (role === "shopper" ? "me" : "bot") + (wide ? " wide" : ""), "data-role": role },
      text ? h("div", { class: "b" }, who(role), ...richText(text, t)) : who(role),
      extra || null,
    );
  }

  function statusLabel(o: WidgetOrder): string {
    return o.statusLabel || t.status[o.status] || o.status;
  }

  function orderCard(o: WidgetOrder): HTMLElement {
    const titleText = fmt(t.order, { n: o.number });
    const placed = o.placedAt ? fmt(t.placed, { date: formatDay(o.placedAt, localeTag) }) : "";
    const total =
      o.totalFormatted || (o.total ? formatMoney(o.total.amount, o.total.currency, localeTag) : "");
    const steps = orderSteps(o, t);
    const ships = o.shipments || [];
    const card = h(
      "article",
      { class: "card", "aria-label": titleText, "data-order": o.number },
      h(
        "div",
        { class: "ch" },
        h("h3", null, titleText),
        h("span", { class: "badge " + statusTone(o.status), "data-field": "status" }, statusLabel(o)),
      ),
      placed || total ? h("p", { class: "meta" }, [placed, total].filter(Boolean).join(" · ")) : null,
      steps.length
        ? h(
            "ol",
            { class: "steps" },
            steps.map((s) =>
              h(
                "li",
                {
                  class: (s.done ? "done" : "") + (s.current ? " cur" : ""),
                  "aria-current": s.current ? "step" : null,
                },
                s.label,
              ),
            ),
          )
        : null,
    );
    if (ships.length) {
      const list = h("ul", { class: "ships", "aria-label": t.shipments });
      ships.forEach((s, i) => {
        const href = safeUrl(s.trackingUrl);
        const when = s.summary || shipmentDateLine(s, t, localeTag);
        list.append(
          h(
            "li",
            { class: "ship", "data-shipment": String(i + 1) },
            h(
              "div",
              { class: "sh" },
              h("span", { class: "carrier", "data-field": "carrier" }, s.carrier || t.trackNoCarrier),
              ships.length > 1
                ? h("span", { class: "pk" }, fmt(t.packageOf, { i: i + 1, n: ships.length }))
                : null,
            ),
            s.summary ? null : h("div", { class: "sst" }, t.shipment[s.status] || ""),
            when ? h("div", { class: "sd", "data-field": "when" }, when) : null,
            s.trackingNumber
              ? h(
                  "div",
                  { class: "trk" },
                  h("span", null, t.tracking + ":"),
                  h("code", { "data-field": "tracking-number" }, s.trackingNumber),
                )
              : null,
            href
              ? (() => {
                  const a = externalLink(
                    href,
                    s.carrier ? fmt(t.track, { carrier: s.carrier }) : t.trackNoCarrier,
                    t,
                    "track",
                    true,
                  );
                  a.setAttribute("data-field", "tracking-link");
                  return a;
                })()
              : null,
            s.items && s.items.length
              ? h(
                  "ul",
                  { class: "its" },
                  s.items.map((it) => h("li", null, `${it.quantity} × ${it.title}`)),
                )
              : null,
          ),
        );
      });
      card.append(list);
    }
    const showItems = o.items && o.items.length && !ships.some((s) => s.items && s.items.length);
    const statusHref = safeUrl(o.statusPageUrl, location.href);
    if (showItems) {
      card.append(
        h(
          "div",
          { class: "itm" },
          h("div", { class: "sst" }, t.items),
          h(
            "ul",
            { class: "its" },
            o.items.map((it) =>
              h(
                "li",
                null,
                `${it.quantity} × ${it.title}${it.variantTitle ? " (" + it.variantTitle + ")" : ""}`,
              ),
            ),
          ),
        ),
      );
    }
    if (statusHref) {
      const a = externalLink(statusHref, t.statusPage, t, null);
      a.setAttribute("data-field", "status-page");
      card.append(h("div", { class: "cf" }, a));
    }
    return card;
  }

  function orderList(orders: WidgetOrder[]): HTMLElement {
    return h(
      "ul",
      { class: "ol" },
      orders.map((o) => {
        const label = fmt(t.askAbout, { n: o.number });
        const btn = h(
          "button",
          { type: "button", class: "orow", "data-order": o.number },
          h("span", { class: "on" }, "#" + o.number),
          h(
            "span",
            { class: "od" },
            [
              o.placedAt ? formatDay(o.placedAt, localeTag) : "",
              o.totalFormatted || (o.total ? formatMoney(o.total.amount, o.total.currency, localeTag) : ""),
            ]
              .filter(Boolean)
              .join(" · "),
          ),
          h("span", { class: "badge " + statusTone(o.status) }, statusLabel(o)),
        );
        btn.addEventListener("click", () =>
          send({ action: { type: "quick_reply", value: "order #" + o.number } }, label),
        );
        return h("li", null, btn);
      }),
    );
  }

  function handoffForm(m: Extract<WidgetMessage, { type: "handoff" }>): HTMLElement | null {
    const fields = m.fields || [];
    if (!fields.length) return null;
    const id = "tb-h-" + m.id.replace(/[^\w-]/g, "");
    const email = h("input", {
      id: id + "-e",
      type: "email",
      name: "email",
      autocomplete: "email",
      inputmode: "email",
      required: true,
      maxlength: "254",
    }) as HTMLInputElement;
    const msg = h("textarea", {
      id: id + "-m",
      name: "message",
      maxlength: "1000",
      rows: "3",
    }) as HTMLTextAreaElement;
    const submit = h("button", { type: "submit" }, t.handoffSubmit);
    const f = h(
      "form",
      { class: "hf", novalidate: true },
      fields.includes("email") ? [h("label", { for: email.id }, t.handoffEmail), email] : null,
      fields.includes("message") ? [h("label", { for: msg.id }, t.handoffMessage), msg] : null,
      submit,
    ) as HTMLFormElement;
    f.addEventListener("submit", (e) => {
      e.preventDefault();
      if (busy) return;
      const ev = email.value.trim();
      if (fields.includes("email") && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(ev)) {
        email.setAttribute("aria-invalid", "true");
        email.focus();
        return;
      }
      email.removeAttribute("aria-invalid");
      const mv = msg.value.trim();
      for (const el of [email, msg, submit]) (el as HTMLInputElement).disabled = true;
      // don't offer the form again after a reload
      history = history.map((x) => (x.id === m.id && x.type === "handoff" ? { ...x, fields: [] } : x));
      send({ action: { type: "handoff_submit", email: ev, message: mv } }, mv || ev);
    });
    return f;
  }

  function quickReplies(m: Extract<WidgetMessage, { type: "quick_replies" }>): HTMLElement {
    return h(
      "div",
      { class: "qrs", role: "group" },
      (m.quickReplies || []).map((q) => {
        const b = h("button", { type: "button", class: "chip" }, q.label);
        b.addEventListener("click", () => send({ action: { type: "quick_reply", value: q.value } }, q.label));
        return b;
      }),
    );
  }

  function renderMessage(m: WidgetMessage, isLast: boolean): HTMLElement | null {
    switch (m.type) {
      case "text":
        return bubble(m.role, m.text);
      case "order":
        return bubble("bot", m.text, orderCard(m.order), true);
      case "order_list":
        return bubble("bot", m.text, orderList(m.orders || []), true);
      case "handoff":
        return bubble("bot", m.text, handoffForm(m), !!(m.fields && m.fields.length));
      case "quick_replies": {
        if (!isLast && !m.text) return null;
        const wrap = m.text ? bubble("bot", m.text) : h("div", { class: "m bot", "data-role": "bot" });
        if (isLast) wrap.append(quickReplies(m));
        return wrap;
      }
      default:
        return null;
    }
  }

  function starters(): HTMLElement | null {
    const items: string[] = [];
    if (features.orderTracking) items.push(t.starters[0]);
    if (features.faq) items.push(t.starters[1], t.starters[2]);
    if (features.handoff) items.push(t.starters[3]);
    if (!items.length) return null;
    return h(
      "div",
      { class: "qrs", role: "group" },
      items.map((s) => {
        const b = h("button", { type: "button", class: "chip" }, s);
        b.addEventListener("click", () => send({ text: s }, s));
        return b;
      }),
    );
  }

  function renderAll() {
    log.textContent = "";
    typingEl = null;
    errorEl = null;
    greetingEl = bubble("bot", greeting);
    log.append(greetingEl);
    startersEl = history.length ? null : starters();
    if (startersEl) log.append(startersEl);
    history.forEach((m, i) => {
      const el = renderMessage(m, i === history.length - 1);
      if (el) log.append(el);
    });
    applyAwaiting();
    scrollToEnd();
  }

  function scrollToEnd(from?: HTMLElement | null) {
    requestAnimationFrame(() => {
      if (from && from.offsetHeight > log.clientHeight * 0.8) log.scrollTop = from.offsetTop - 12;
      else log.scrollTop = log.scrollHeight;
    });
  }

  function applyAwaiting() {
    const m = inputModeFor(awaiting);
    if (input.type !== m.type) input.type = m.type;
    input.inputMode = m.inputMode;
    input.autocomplete = m.autocomplete as AutoFill;
    input.placeholder =
      m.hint === "email" ? t.placeholderEmail : m.hint === "order" ? t.placeholderOrder : t.placeholder;
  }

  function dropTransient() {
    log.querySelectorAll(".qrs").forEach((el) => el.remove());
    if (errorEl) errorEl.remove();
    errorEl = null;
  }

  function setTyping(on: boolean) {
    if (on && !typingEl) {
      typingEl = h(
        "div",
        { class: "typing", "data-role": "typing" },
        h("span", { class: "sr" }, fmt(t.typing, { name })),
        h("i", { "aria-hidden": "true" }),
        h("i", { "aria-hidden": "true" }),
        h("i", { "aria-hidden": "true" }),
      );
      log.append(typingEl);
      scrollToEnd();
    } else if (!on && typingEl) {
      typingEl.remove();
      typingEl = null;
    }
  }

  function showError(r: Exclude<SendResult, { ok: true }>) {
    let text = t.offline;
    let wait = 0;
    if (r.kind === "rate_limited") {
      wait = r.retryAfterSeconds || 0;
      text = wait ? fmt(t.rateLimited, { s: wait }) : t.rateLimitedNow;
    } else if (r.kind === "bad_request") {
      text = r.code && /long/i.test(r.code) ? t.tooLong : t.badRequest;
    }
    const retry = h("button", { type: "button" }, t.retry) as HTMLButtonElement;
    errorEl = h("div", { class: "err", role: "alert", "data-role": "error" }, h("span", null, text), retry);
    if (wait) {
      retry.disabled = true;
      setTimeout(() => (retry.disabled = false), wait * 1000);
    }
    retry.addEventListener("click", () => {
      if (!lastRequest || busy) return;
      const req = lastRequest;
      if (errorEl) errorEl.remove();
      errorEl = null;
      void transmit(req);
    });
    log.append(errorEl);
    scrollToEnd();
  }

  function persist() {
    saveSession(ss, skey, { conversationId, messages: history, awaiting }, Date.now());
  }

  // ---------- sending ----------
  function send(req: Omit<MessagesRequest, "conversationId" | "locale">, echo: string) {
    if (busy) return;
    dropTransient();
    if (teaseEl) hideTease();
    const full: MessagesRequest = { ...req, locale: lang };
    if (conversationId) full.conversationId = conversationId;
    lastShopperEcho = echo;
    log.append(bubble("shopper", echo));
    void transmit(full);
  }

  async function transmit(req: MessagesRequest) {
    lastRequest = req;
    busy = true;
    sendBtn.setAttribute("disabled", "");
    setTyping(true);
    const r = await postMessage(fetchFn, cfg0.proxyBase, req, { headers: authHeaders });
    setTyping(false);
    busy = false;
    sendBtn.removeAttribute("disabled");
    if (!r.ok) {
      showError(r);
      return;
    }
    lastRequest = null;
    conversationId = r.data.conversationId || conversationId;
    awaiting = r.data.awaiting ?? null;
    if (lastShopperEcho !== null) {
      history.push({
        id: "s" + Date.now().toString(36),
        role: "shopper",
        type: "text",
        text: lastShopperEcho,
      });
      lastShopperEcho = null;
    }
    const incoming = r.data.messages.filter((m) => m && typeof m.type === "string");
    history.push(...incoming);
    persist();
    let first: HTMLElement | null = null;
    incoming.forEach((m, i) => {
      const el = renderMessage(m, i === incoming.length - 1);
      if (el) {
        log.append(el);
        first = first || el;
      }
    });
    applyAwaiting();
    scrollToEnd(first);
    if (awaiting === "handoff_details") {
      const f = log.querySelector<HTMLInputElement>(
        ".hf:last-of-type input:not([disabled]), .hf textarea:not([disabled])",
      );
      if (f && open) f.focus();
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text || busy) return;
    input.value = "";
    send({ text: text.slice(0, 1000) }, text.slice(0, 1000));
  });

  // ---------- open / close ----------
  function doOpen(opts?: { focus?: boolean }) {
    if (teaseEl) hideTease();
    if (open) {
      if (opts && opts.focus) input.focus();
      return;
    }
    open = true;
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    scrollToEnd();
    if (!opts || opts.focus !== false) input.focus({ preventScroll: true });
  }

  function doClose() {
    if (!open) return;
    open = false;
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }

  function hideTease() {
    if (teaseEl) teaseEl.remove();
    teaseEl = null;
  }

  function tease() {
    void configReady.then(showTease);
  }

  function showTease() {
    if (open || teaseEl) return;
    try {
      if (ss && ss.getItem("trulybot:teased")) return;
      if (ss) ss.setItem("trulybot:teased", "1");
    } catch {
      /* ignore */
    }
    const txt = h("button", { type: "button", class: "tt" }, greeting);
    const x = h("button", { type: "button", class: "ib", "aria-label": t.close }, icon(ICON_CLOSE));
    teaseEl = h("div", { class: "tease" + (position === "left" ? " left" : ""), role: "status" }, txt, x);
    txt.addEventListener("click", () => doOpen({ focus: true }));
    x.addEventListener("click", () => {
      hideTease();
      launcher.focus();
    });
    root.append(teaseEl);
  }

  closeBtn.addEventListener("click", doClose);
  newBtn.addEventListener("click", () => {
    if (busy) return;
    clearSession(ss, skey);
    conversationId = null;
    history = [];
    awaiting = null;
    lastRequest = null;
    renderAll();
    input.focus();
  });
  root.addEventListener("keydown", (e) => {
    if ((e as KeyboardEvent).key !== "Escape") return;
    if (teaseEl) hideTease();
    if (open) {
      e.stopPropagation();
      doClose();
    }
  });

  renderAll();
  const configReady = fetchConfig(fetchFn, cfg0.proxyBase, ls, authHeaders).then((c) => {
    if (c) applyConfig(c);
  });

  return { open: doOpen, close: doClose, isOpen: () => open, tease };
}

(() => {
  const hook = window.__trulybot;
  if (!hook || hook.panel) return;
  hook.register(start(hook));
})();

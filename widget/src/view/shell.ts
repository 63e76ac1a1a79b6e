/**
 * The panel's frame: header (avatar, name, new-conversation and close buttons), the message log, the
 * composer slot, open/close with focus handling (modal and focus-trapped at phone size) and the
 * proactive teaser next to the launcher.
 */
import { safeLinkUrl } from "../../../app/protocol/url";
import { palette } from "../color";
import { PANEL_CSS } from "../styles";
import { h, icon, ICON_CLOSE, ICON_NEW } from "./dom";
import { PHONE_QUERY, trapTab } from "./focus";
import type { ViewCtx } from "./context";

export interface ShellParts {
  root: ShadowRoot;
  host: HTMLElement;
  launcher: HTMLButtonElement;
}

export class Shell {
  readonly panel: HTMLElement;
  readonly log: HTMLElement;
  readonly newBtn: HTMLElement;
  private readonly closeBtn: HTMLElement;
  private readonly avatar = h("div", { class: "av", "aria-hidden": "true" });
  private readonly title = h("h2", { id: "tb-title" });
  private readonly phone: MediaQueryList | null;
  private opened = false;
  private teaseEl: HTMLElement | null = null;
  private avatarUrl: string | null = null;

  constructor(
    private readonly ctx: ViewCtx,
    private readonly parts: ShellParts,
    composer: HTMLElement,
    private readonly onClose: () => void,
  ) {
    const style = h("style");
    style.textContent = PANEL_CSS;
    this.newBtn = h("button", { type: "button", class: "ib" }, icon(ICON_NEW));
    this.closeBtn = h("button", { type: "button", class: "ib" }, icon(ICON_CLOSE));
    const header = h(
      "div",
      { class: "h" },
      this.avatar,
      h("div", { class: "ht" }, this.title),
      this.newBtn,
      this.closeBtn,
    );
    this.log = h("div", {
      class: "log",
      role: "log",
      "aria-live": "polite",
      "aria-relevant": "additions",
      tabindex: "-1",
    });
    this.panel = h(
      "div",
      { class: "p", role: "dialog", "aria-labelledby": "tb-title", hidden: true },
      header,
      this.log,
      composer,
    );
    parts.root.append(style, this.panel);
    this.phone = typeof matchMedia === "function" ? matchMedia(PHONE_QUERY) : null;
    if (this.phone && this.phone.addEventListener)
      this.phone.addEventListener("change", () => this.syncModal());
    this.closeBtn.addEventListener("click", () => this.close());
    const vv = window.visualViewport;
    if (vv) vv.addEventListener("resize", () => this.fitKeyboard(vv));
    parts.root.addEventListener("keydown", (e) => this.onKey(e as KeyboardEvent));
  }

  isOpen(): boolean {
    return this.opened;
  }

  open(opts: { focus?: boolean } | undefined, focusTarget: () => HTMLElement): void {
    this.hideTease();
    const wantsFocus = !opts || opts.focus !== false;
    if (this.opened) {
      if (opts && opts.focus) focusTarget().focus();
      return;
    }
    this.opened = true;
    this.panel.hidden = false;
    this.syncModal();
    this.parts.launcher.setAttribute("aria-expanded", "true");
    if (wantsFocus) focusTarget().focus({ preventScroll: true });
  }

  close(): void {
    if (!this.opened) return;
    this.opened = false;
    this.panel.hidden = true;
    this.syncModal();
    this.parts.launcher.setAttribute("aria-expanded", "false");
    this.parts.launcher.focus();
    this.onClose();
  }

  applyAccent(accent: string): void {
    const p = palette(accent);
    const st = this.parts.host.style;
    st.setProperty("--tb-bg", p.bg);
    st.setProperty("--tb-fg", p.fg);
    st.setProperty("--tb-lk-l", p.onLight);
    st.setProperty("--tb-lk-d", p.onDark);
  }

  applySettings(s: { avatarUrl: string | null; position: "left" | "right" }): void {
    this.avatarUrl = s.avatarUrl;
    const left = s.position === "left";
    const l = this.parts.launcher;
    this.panel.classList.toggle("left", left);
    l.style.left = left ? "20px" : "auto";
    l.style.right = left ? "auto" : "20px";
    if (this.teaseEl) this.teaseEl.classList.toggle("left", left);
    this.relabel();
  }

  /** Labels in the conversation's language (after a language change too). */
  relabel(): void {
    const { t, name, lang } = this.ctx;
    this.parts.host.lang = lang;
    this.title.textContent = name;
    this.panel.setAttribute("aria-label", t.chatWith({ name }));
    for (const [b, l] of [
      [this.newBtn, t.newChat],
      [this.closeBtn, t.close],
    ] as const) {
      b.setAttribute("aria-label", l);
      b.setAttribute("title", l);
    }
    this.avatar.textContent = "";
    const src = safeLinkUrl(this.avatarUrl);
    if (src) this.avatar.append(h("img", { src, alt: "", referrerpolicy: "no-referrer" }));
    else this.avatar.textContent = (name.trim()[0] || "?").toUpperCase();
  }

  tease(greeting: string, position: "left" | "right", onOpen: () => void): void {
    if (this.opened || this.teaseEl) return;
    const txt = h("button", { type: "button", class: "tt" }, greeting);
    const x = h("button", { type: "button", class: "ib", "aria-label": this.ctx.t.close }, icon(ICON_CLOSE));
    this.teaseEl = h(
      "div",
      { class: "tease" + (position === "left" ? " left" : ""), role: "status" },
      txt,
      x,
    );
    txt.addEventListener("click", onOpen);
    x.addEventListener("click", () => {
      this.hideTease();
      this.parts.launcher.focus();
    });
    this.parts.root.append(this.teaseEl);
  }

  hideTease(): void {
    if (this.teaseEl) this.teaseEl.remove();
    this.teaseEl = null;
  }

  /** Full-screen (phone) and open: a modal dialog. */
  private modal(): boolean {
    return this.opened && !!this.phone && this.phone.matches;
  }

  private syncModal() {
    if (this.modal()) this.panel.setAttribute("aria-modal", "true");
    else this.panel.removeAttribute("aria-modal");
    if (window.visualViewport) this.fitKeyboard(window.visualViewport);
  }

  /** Full-screen on a phone: keep the composer above the on-screen keyboard (the visual viewport shrinks). */
  private fitKeyboard(vv: VisualViewport) {
    const s = this.panel.style;
    if (this.modal() && vv.height < window.innerHeight - 1) {
      s.height = vv.height + "px";
      s.top = vv.offsetTop + "px";
    } else {
      s.height = "";
      s.top = "";
    }
  }

  private onKey(e: KeyboardEvent) {
    if (e.key === "Tab" && this.modal()) trapTab(e, this.panel, this.parts.root.activeElement);
    if (e.key !== "Escape") return;
    this.hideTease();
    if (this.opened) {
      e.stopPropagation();
      this.close();
    }
  }
}

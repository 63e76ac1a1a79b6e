/**
 * The panel's frame: header (avatar, name, new-conversation and close buttons), the message log, the
 * composer slot, open/close with focus handling (modal and focus-trapped at phone size) and the
 * proactive teaser next to the launcher.
 */
import { safeLinkUrl } from "../../../app/protocol/url";
import { palette } from "../color";
import { fmt } from "../i18n";
import { PANEL_CSS } from "../styles";
import { h, icon, ICON_CLOSE, ICON_NEW } from "./dom";
import { PHONE_QUERY, trapTab } from "./focus";
import type { ViewCtx } from "./context";

export interface ShellParts {
  root: ShadowRoot;
  host: HTMLElement;
  launcher: HTMLButtonElement;
}

export interface Shell {
  panel: HTMLElement;
  log: HTMLElement;
  newBtn: HTMLElement;
  isOpen(): boolean;
  open(opts?: { focus?: boolean }, focusTarget?: () => HTMLElement): void;
  close(): void;
  applyAccent(accent: string): void;
  applySettings(s: { avatarUrl: string | null; position: "left" | "right" }): void;
  relabel(): void;
  tease(greeting: string, position: "left" | "right", onOpen: () => void): void;
  hideTease(): void;
}

export function createShell(
  ctx: ViewCtx,
  parts: ShellParts,
  composer: HTMLElement,
  onClose: () => void,
): Shell {
  const { root, host, launcher } = parts;
  const style = h("style");
  style.textContent = PANEL_CSS;
  const avatar = h("div", { class: "av", "aria-hidden": "true" });
  const title = h("h2", { id: "tb-title" });
  const newBtn = h("button", { type: "button", class: "ib" }, icon(ICON_NEW));
  const closeBtn = h("button", { type: "button", class: "ib" }, icon(ICON_CLOSE));
  const header = h("div", { class: "h" }, avatar, h("div", { class: "ht" }, title), newBtn, closeBtn);
  const log = h("div", {
    class: "log",
    role: "log",
    "aria-live": "polite",
    "aria-relevant": "additions",
    tabindex: "-1",
  });
  const panel = h(
    "div",
    { class: "p", role: "dialog", "aria-labelledby": "tb-title", hidden: true },
    header,
    log,
    composer,
  );
  root.append(style, panel);
  const phone = typeof matchMedia === "function" ? matchMedia(PHONE_QUERY) : null;
  let open = false;
  let teaseEl: HTMLElement | null = null;
  let avatarUrl: string | null = null;

  const modal = () => open && !!phone && phone.matches;
  const syncModal = () => {
    if (modal()) panel.setAttribute("aria-modal", "true");
    else panel.removeAttribute("aria-modal");
  };
  if (phone && phone.addEventListener) phone.addEventListener("change", syncModal);

  const shell: Shell = {
    panel,
    log,
    newBtn,
    isOpen: () => open,
    open(opts, focusTarget) {
      shell.hideTease();
      const target = focusTarget ? focusTarget() : null;
      if (open) {
        if (opts && opts.focus && target) target.focus();
        return;
      }
      open = true;
      panel.hidden = false;
      syncModal();
      launcher.setAttribute("aria-expanded", "true");
      if ((!opts || opts.focus !== false) && target) target.focus({ preventScroll: true });
    },
    close() {
      if (!open) return;
      open = false;
      panel.hidden = true;
      syncModal();
      launcher.setAttribute("aria-expanded", "false");
      launcher.focus();
      onClose();
    },
    applyAccent(accent) {
      const p = palette(accent);
      host.style.setProperty("--tb-bg", p.bg);
      host.style.setProperty("--tb-fg", p.fg);
      host.style.setProperty("--tb-lk-l", p.onLight);
      host.style.setProperty("--tb-lk-d", p.onDark);
    },
    applySettings(s) {
      avatarUrl = s.avatarUrl;
      const left = s.position === "left";
      panel.classList.toggle("left", left);
      launcher.style.left = left ? "20px" : "auto";
      launcher.style.right = left ? "auto" : "20px";
      if (teaseEl) teaseEl.classList.toggle("left", left);
      shell.relabel();
    },
    relabel() {
      const t = ctx.t;
      host.lang = ctx.lang;
      title.textContent = ctx.name;
      panel.setAttribute("aria-label", fmt(t.chatWith, { name: ctx.name }));
      for (const [b, l] of [
        [newBtn, t.newChat],
        [closeBtn, t.close],
      ] as const) {
        b.setAttribute("aria-label", l);
        b.setAttribute("title", l);
      }
      avatar.textContent = "";
      const src = safeLinkUrl(avatarUrl);
      if (src) avatar.append(h("img", { src, alt: "", referrerpolicy: "no-referrer" }));
      else avatar.textContent = (ctx.name.trim()[0] || "?").toUpperCase();
    },
    tease(greeting, position, onOpen) {
      if (open || teaseEl) return;
      const txt = h("button", { type: "button", class: "tt" }, greeting);
      const x = h("button", { type: "button", class: "ib", "aria-label": ctx.t.close }, icon(ICON_CLOSE));
      teaseEl = h("div", { class: "tease" + (position === "left" ? " left" : ""), role: "status" }, txt, x);
      txt.addEventListener("click", onOpen);
      x.addEventListener("click", () => {
        shell.hideTease();
        launcher.focus();
      });
      root.append(teaseEl);
    },
    hideTease() {
      if (teaseEl) teaseEl.remove();
      teaseEl = null;
    },
  };

  closeBtn.addEventListener("click", () => shell.close());
  root.addEventListener("keydown", (ev) => {
    const e = ev as KeyboardEvent;
    if (e.key === "Tab" && modal()) trapTab(e, panel, root.activeElement);
    if (e.key !== "Escape") return;
    shell.hideTease();
    if (open) {
      e.stopPropagation();
      shell.close();
    }
  });
  return shell;
}

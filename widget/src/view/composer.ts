/**
 * The message field and Send button. Text leaves the field only when it is sent; when sending fails it
 * comes back (in front of anything typed since), so nothing the shopper wrote is ever lost.
 */
import type { Awaiting } from "../../../app/protocol";
import { inputModeFor } from "../format";
import { h, icon, ICON_SEND } from "./dom";
import type { ViewCtx } from "./context";

export interface Composer {
  form: HTMLFormElement;
  input: HTMLInputElement;
  setBusy(on: boolean): void;
  setAwaiting(a: Awaiting): void;
  /** put unsent text back (in front of anything typed since) */
  restore(text: string): void;
  /** the restored text is being sent again (Retry): take it out of the field */
  unrestore(text: string): void;
  relabel(): void;
}

export function createComposer(ctx: ViewCtx, onText: (text: string) => void): Composer {
  const input = h("input", {
    id: "tb-input",
    type: "text",
    maxlength: "1000",
    autocomplete: "off",
    enterkeyhint: "send",
    spellcheck: "true",
  }) as HTMLInputElement;
  const sendBtn = h("button", { type: "submit", class: "send" }, icon(ICON_SEND));
  const label = h("label", { for: "tb-input", class: "sr" });
  const form = h("form", { class: "f", novalidate: true }, label, input, sendBtn) as HTMLFormElement;
  let awaiting: Awaiting = null;

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = input.value.trim().slice(0, 1000);
    if (!text || ctx.busy()) return;
    input.value = "";
    onText(text);
  });

  const c: Composer = {
    form,
    input,
    setBusy(on) {
      if (on) sendBtn.setAttribute("disabled", "");
      else sendBtn.removeAttribute("disabled");
    },
    setAwaiting(a) {
      awaiting = a;
      const m = inputModeFor(a);
      if (input.type !== m.type) input.type = m.type;
      input.inputMode = m.inputMode;
      input.autocomplete = m.autocomplete as AutoFill;
      const t = ctx.t;
      input.placeholder =
        m.hint === "email" ? t.placeholderEmail : m.hint === "order" ? t.placeholderOrder : t.placeholder;
    },
    restore(text) {
      const typed = input.value.trim();
      input.value = (typed && typed !== text ? text + " " + typed : text).slice(0, 1000);
    },
    unrestore(text) {
      const v = input.value;
      if (v === text || v.startsWith(text + " ")) input.value = v.slice(text.length).trim();
    },
    relabel() {
      label.textContent = ctx.t.inputLabel;
      sendBtn.setAttribute("aria-label", ctx.t.send);
      sendBtn.setAttribute("title", ctx.t.send);
      c.setAwaiting(awaiting);
    },
  };
  c.relabel();
  return c;
}

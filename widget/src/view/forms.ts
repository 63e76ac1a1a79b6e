/**
 * The handoff form ("send to our team"). It asks only for what the server still needs: never for an
 * email once the conversation is verified, and it sends no `email` field it did not ask for. What the
 * shopper typed stays in the form when sending fails.
 */
import type { WidgetMessage } from "../../../app/protocol";
import { handoffAction, handoffFields } from "../conversation";
import { h } from "./dom";
import type { ViewCtx } from "./context";

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function handoffForm(
  ctx: ViewCtx,
  m: Extract<WidgetMessage, { type: "handoff" }>,
): HTMLElement | null {
  const fields = handoffFields(m, ctx.messages());
  if (!fields.length) return null;
  const t = ctx.t;
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
  const submit = h("button", { type: "submit" }, t.handoffSubmit) as HTMLButtonElement;
  const asksEmail = fields.includes("email");
  const f = h(
    "form",
    { class: "hf", novalidate: true },
    asksEmail ? [h("label", { for: email.id }, t.handoffEmail), email] : null,
    fields.includes("message") ? [h("label", { for: msg.id }, t.handoffMessage), msg] : null,
    submit,
  ) as HTMLFormElement;
  const setDisabled = (on: boolean) => {
    for (const el of [email, msg, submit]) el.disabled = on;
  };
  f.addEventListener("submit", (e) => {
    e.preventDefault();
    if (ctx.busy()) return;
    if (asksEmail && !EMAIL_RE.test(email.value.trim())) {
      email.setAttribute("aria-invalid", "true");
      email.focus();
      return;
    }
    email.removeAttribute("aria-invalid");
    const action = handoffAction(fields, email.value, msg.value);
    setDisabled(true);
    ctx.send({ action }, action.message || action.email || "", {
      sent: () => ctx.handoffDone(m.id),
      retrying: () => setDisabled(true),
      failed: () => {
        setDisabled(false);
        (asksEmail ? email : msg).focus();
      },
    });
  });
  return f;
}

/** A return's "which items?": a checkbox per line, answered as one quick reply (chosen indices). */
export function itemPicker(ctx: ViewCtx, m: Extract<WidgetMessage, { type: "item_picker" }>): HTMLElement {
  const t = ctx.t;
  const id = "tb-i-" + m.id.replace(/[^\w-]/g, "");
  const boxes = (m.items || []).map(
    (_, i) => h("input", { type: "checkbox", id: `${id}-${i}`, value: String(i) }) as HTMLInputElement,
  );
  const err = h("p", { class: "ie", id: id + "-x", role: "alert" });
  const group = h(
    "fieldset",
    { class: "ig", "aria-describedby": err.id },
    h("legend", { class: "sr" }, m.text),
    boxes.map((b, i) => h("label", { class: "ck", for: b.id }, b, m.items[i].label)),
  );
  const submit = h("button", { type: "submit" }, t.itemsSubmit) as HTMLButtonElement;
  const f = h("form", { class: "hf ip", novalidate: true }, group, err, submit) as HTMLFormElement;
  f.addEventListener("submit", (e) => {
    e.preventDefault();
    if (ctx.busy()) return;
    const chosen = boxes.filter((b) => b.checked);
    if (!chosen.length) {
      group.setAttribute("aria-invalid", "true");
      err.textContent = t.itemsNone;
      boxes[0]?.focus();
      return;
    }
    group.removeAttribute("aria-invalid");
    err.textContent = "";
    for (const el of [...boxes, submit]) el.disabled = true;
    const value = m.prefix + chosen.map((b) => b.value).join(",");
    const echo = chosen.map((b) => m.items[Number(b.value)].label).join(", ");
    ctx.send({ action: { type: "quick_reply", value } }, echo, {
      failed: () => {
        for (const el of [...boxes, submit]) el.disabled = false;
      },
    });
  });
  return f;
}

/** Message bubbles: bot, shopper and a person from the store (agent), plus quick replies and starters. */
import type { WidgetMessage } from "../../../app/protocol";
import { h, richText } from "./dom";
import { handoffForm, itemPicker } from "./forms";
import { orderCard, orderList } from "./order-card";
import type { ViewCtx } from "./context";

type Role = "bot" | "shopper" | "agent";

function who(ctx: ViewCtx, role: Role): HTMLElement {
  const label = role === "shopper" ? ctx.t.you : role === "agent" ? ctx.t.agent : ctx.name;
  return h("span", { class: "sr" }, label + ": ");
}

export function bubble(
  ctx: ViewCtx,
  role: Role,
  text: string,
  extra?: HTMLElement | null,
  wide = false,
): HTMLElement {
  const cls =
    "m " + (role === "shopper" ? "me" : "bot") + (role === "agent" ? " agent" : "") + (wide ? " wide" : "");
  return h(
    "div",
    { class: cls, "data-role": role },
    role === "agent" ? h("div", { class: "who", "aria-hidden": "true" }, ctx.t.agent) : null,
    text ? h("div", { class: "b" }, who(ctx, role), ...richText(text, ctx.t)) : who(ctx, role),
    extra || null,
  );
}

/** "A person has joined the chat", before the first message a person from the store wrote. */
export function agentJoined(ctx: ViewCtx): HTMLElement {
  return h("div", { class: "note", "data-role": "agent-joined" }, ctx.t.agentJoined);
}

function chips(items: { label: string; onClick: () => void }[]): HTMLElement {
  return h(
    "div",
    { class: "qrs", role: "group" },
    items.map((q) => {
      const b = h("button", { type: "button", class: "chip" }, q.label);
      b.addEventListener("click", q.onClick);
      return b;
    }),
  );
}

function quickReplies(ctx: ViewCtx, m: Extract<WidgetMessage, { type: "quick_replies" }>): HTMLElement {
  return chips(
    (m.quickReplies || []).map((q) => ({
      label: q.label,
      onClick: () => ctx.send({ action: { type: "quick_reply", value: q.value } }, q.label),
    })),
  );
}

/** The conversation starters shown under the greeting before the first message. */
export function starters(ctx: ViewCtx): HTMLElement | null {
  const s = ctx.t.starters;
  const items: string[] = [];
  if (ctx.features.orderTracking) items.push(s[0]);
  if (ctx.features.faq) items.push(s[1], s[2]);
  if (ctx.features.handoff) items.push(s[3]);
  if (!items.length) return null;
  return chips(items.map((text) => ({ label: text, onClick: () => ctx.send({ text }, text) })));
}

/** The elements for one message (none for a stale quick-reply row); `firstAgent` adds the join notice. */
export function renderMessage(
  ctx: ViewCtx,
  m: WidgetMessage,
  isLast: boolean,
  firstAgent = false,
): HTMLElement[] {
  switch (m.type) {
    case "text": {
      const role: Role = m.role === "agent" || m.role === "shopper" ? m.role : "bot";
      const b = bubble(ctx, role, m.text);
      return role === "agent" && firstAgent ? [agentJoined(ctx), b] : [b];
    }
    case "order":
      return [bubble(ctx, "bot", m.text, orderCard(ctx, m.order), true)];
    case "order_list":
      return [bubble(ctx, "bot", m.text, orderList(ctx, m.orders || []), true)];
    case "handoff": {
      const form = handoffForm(ctx, m);
      return [bubble(ctx, "bot", m.text, form, !!form)];
    }
    case "item_picker":
      return [bubble(ctx, "bot", m.text, isLast ? itemPicker(ctx, m) : null, isLast)];
    case "quick_replies": {
      if (!isLast && !m.text) return [];
      const wrap = m.text ? bubble(ctx, "bot", m.text) : h("div", { class: "m bot", "data-role": "bot" });
      if (isLast) wrap.append(quickReplies(ctx, m));
      return [wrap];
    }
    default:
      return [];
  }
}

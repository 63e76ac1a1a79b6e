/** The order card (one verified order) and the order list (a signed-in shopper's recent orders). */
import type { WidgetOrder, WidgetOrderShipment } from "../../../app/protocol";
import { safeLinkUrl } from "../../../app/protocol/url";
import { formatDay, formatMoney, orderSteps, shipmentDateLine, statusTone } from "../format";
import { externalLink, h } from "./dom";
import type { ViewCtx } from "./context";

function statusLabel(ctx: ViewCtx, o: WidgetOrder): string {
  return o.statusLabel || ctx.t.status[o.status] || o.status;
}

function total(ctx: ViewCtx, o: WidgetOrder): string {
  return o.totalFormatted || (o.total ? formatMoney(o.total.amount, o.total.currency, ctx.localeTag) : "");
}

function itemLine(
  ctx: ViewCtx,
  it: { quantity: number; title: string; variantTitle?: string | null },
): string {
  const variant = it.variantTitle || "";
  return ctx.t.item({ quantity: it.quantity, title: it.title, hasVariant: variant ? "yes" : "no", variant });
}

function day(ctx: ViewCtx, iso: string | null | undefined): string {
  return formatDay(iso, ctx.localeTag, ctx.timeZone);
}

function steps(ctx: ViewCtx, o: WidgetOrder): HTMLElement | null {
  const list = orderSteps(o, ctx.t);
  if (!list.length) return null;
  return h(
    "ol",
    { class: "steps" },
    list.map((s) =>
      h(
        "li",
        {
          class: (s.done ? "done" : "") + (s.current ? " cur" : ""),
          "aria-current": s.current ? "step" : null,
        },
        s.label,
      ),
    ),
  );
}

function trackingLink(ctx: ViewCtx, s: WidgetOrderShipment): HTMLElement | null {
  const href = safeLinkUrl(s.trackingUrl);
  if (!href) return null;
  const t = ctx.t;
  const a = externalLink(
    href,
    s.carrier ? t.track({ carrier: s.carrier }) : t.trackNoCarrier,
    t,
    "track",
    true,
  );
  a.setAttribute("data-field", "tracking-link");
  return a;
}

function shipmentRow(ctx: ViewCtx, s: WidgetOrderShipment, i: number, count: number): HTMLElement {
  const t = ctx.t;
  const when = s.summary || shipmentDateLine(s, t, ctx.localeTag, ctx.timeZone);
  return h(
    "li",
    { class: "ship", "data-shipment": String(i + 1) },
    h(
      "div",
      { class: "sh" },
      h("span", { class: "carrier", "data-field": "carrier" }, s.carrier || t.trackNoCarrier),
      count > 1 ? h("span", { class: "pk" }, t.packageOf({ i: i + 1, n: count })) : null,
    ),
    s.summary ? null : h("div", { class: "sst" }, t.shipment[s.status] || ""),
    when ? h("div", { class: "sd", "data-field": "when" }, when) : null,
    s.trackingNumber
      ? h(
          "div",
          { class: "trk" },
          h("span", null, t.tracking),
          h("code", { "data-field": "tracking-number" }, s.trackingNumber),
        )
      : null,
    trackingLink(ctx, s),
    s.items && s.items.length
      ? h(
          "ul",
          { class: "its" },
          s.items.map((it) => h("li", null, itemLine(ctx, it))),
        )
      : null,
  );
}

function itemsBlock(ctx: ViewCtx, o: WidgetOrder): HTMLElement {
  return h(
    "div",
    { class: "itm" },
    h("div", { class: "sst" }, ctx.t.items),
    h(
      "ul",
      { class: "its" },
      o.items.map((it) => h("li", null, itemLine(ctx, it))),
    ),
  );
}

export function orderCard(ctx: ViewCtx, o: WidgetOrder): HTMLElement {
  const t = ctx.t;
  const titleText = t.order({ n: o.number });
  const placed = o.placedAt ? t.placed({ date: day(ctx, o.placedAt) }) : "";
  const sum = total(ctx, o);
  const ships = o.shipments || [];
  const card = h(
    "article",
    { class: "card", "aria-label": titleText, "data-order": o.number },
    h(
      "div",
      { class: "ch" },
      h("h3", null, titleText),
      h("span", { class: "badge " + statusTone(o.status), "data-field": "status" }, statusLabel(ctx, o)),
    ),
    placed || sum ? h("p", { class: "meta" }, [placed, sum].filter(Boolean).join(" · ")) : null,
    steps(ctx, o),
  );
  if (ships.length)
    card.append(
      h(
        "ul",
        { class: "ships", "aria-label": t.shipments },
        ships.map((s, i) => shipmentRow(ctx, s, i, ships.length)),
      ),
    );
  if (o.items && o.items.length && !ships.some((s) => s.items && s.items.length))
    card.append(itemsBlock(ctx, o));
  const statusHref = safeLinkUrl(o.statusPageUrl, location.href);
  if (statusHref) {
    const a = externalLink(statusHref, t.statusPage, t, null);
    a.setAttribute("data-field", "status-page");
    card.append(h("div", { class: "cf" }, a));
  }
  return card;
}

export function orderList(ctx: ViewCtx, orders: WidgetOrder[]): HTMLElement {
  return h(
    "ul",
    { class: "ol" },
    orders.map((o) => {
      const btn = h(
        "button",
        { type: "button", class: "orow", "data-order": o.number },
        h("span", { class: "on" }, "#" + o.number),
        h(
          "span",
          { class: "od" },
          [o.placedAt ? day(ctx, o.placedAt) : "", total(ctx, o)].filter(Boolean).join(" · "),
        ),
        h("span", { class: "badge " + statusTone(o.status) }, statusLabel(ctx, o)),
      );
      btn.addEventListener("click", () =>
        ctx.send(
          { action: { type: "quick_reply", value: "order #" + o.number } },
          ctx.t.askAbout({ n: o.number }),
        ),
      );
      return h("li", null, btn);
    }),
  );
}

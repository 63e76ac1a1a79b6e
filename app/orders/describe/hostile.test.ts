import { describe, it, expect } from "vitest";
import { describeOrder, describeOrderList, toWidgetOrder } from "../describe";
import { shopifyOrders, wooOrders } from "../../../test/support/orders";
import { shopCtx, wooCtx } from "../../../test/support/describe";
import { LANGUAGES } from "../../protocol";
import type { NormalizedOrder, Shipment } from "../types";

/** Every string a shopper can see for an order: answer, next step, card labels and summaries, list line. */
function visible(order: NormalizedOrder, ctx: ReturnType<typeof shopCtx>): string[] {
  const d = describeOrder(order, ctx);
  const w = toWidgetOrder(order, ctx);
  return [
    d.text,
    d.nextStep ?? "",
    d.statusLabel,
    w.statusLabel ?? "",
    w.placedOn ?? "",
    ...w.shipments.map((s) => s.summary ?? ""),
    ...(w.steps ?? []).map((s) => s.label),
    ...describeOrderList([order], ctx).lines,
  ];
}

describe("every demo order in every language reads as finished text", () => {
  const all = [
    ...Object.values(shopifyOrders).map((o) => [o, shopCtx] as const),
    ...Object.values(wooOrders).map((o) => [o, wooCtx] as const),
  ];
  it.each(LANGUAGES.map((l) => [l]))(
    "%s: no ICU syntax, no undefined/NaN, no doubled spaces or stops",
    (lang) => {
      for (const [order, ctx] of all) {
        for (const s of visible(order, ctx(lang))) {
          const where = `${lang} #${order.number}: ${s}`;
          expect(s, where).not.toMatch(/[{}]|undefined|NaN|\bnull\b|\s{2}|\s[.,](?:\s|$)/);
          expect(s.replace(/https?:\/\/\S+/g, ""), where).not.toMatch(/(?<!\.)\.\.(?!\.)/);
        }
      }
    },
  );
});

describe("hostile store data is shown as text, never interpreted as a message", () => {
  const evil = "{count, plural, other {#}} 'quoted' <img src=x onerror=alert(1)> # {n}";
  const shipped = shopifyOrders["1002"]!;
  const ship = shipped.shipments[0]!;
  const hostileShipment: Shipment = {
    ...ship,
    carrier: `UPS ${evil}`,
    trackingNumber: "1Z{tracking}",
    items: ship.items.map((i) => ({ ...i, title: evil, quantity: 2 })),
    lastEvent: { at: ship.lastEvent!.at, message: "Arrived at facility", location: `Town ${evil}` },
  };
  const order: NormalizedOrder = {
    ...shipped,
    items: shipped.items.map((i) => ({ ...i, title: evil, backordered: true })),
    shipments: [hostileShipment, { ...hostileShipment, trackingNumber: "1Z2" }],
  };

  it.each(LANGUAGES.map((l) => [l]))("%s: titles, carrier, tracking and places come out as typed", (lang) => {
    const ctx = shopCtx(lang);
    const d = describeOrder(order, ctx);
    expect(d.text).toContain(`UPS ${evil}`);
    expect(d.text).toContain("1Z{tracking}");
    expect(d.text).toContain(`2× ${evil}`);
    expect(d.text).not.toContain("undefined");
    const w = toWidgetOrder(order, ctx);
    expect(w.items[0]!.title).toBe(evil);
    expect(w.shipments[0]!.carrier).toBe(`UPS ${evil}`);
  });

  it("a hostile note or refund reason is quoted as typed", () => {
    const woo = wooOrders["2014"]!;
    const note = { at: "2026-11-20T10:00:00Z", text: "Expected delivery {date} by 'DHL' #1" };
    const d = describeOrder({ ...woo, customerNotes: [note] }, wooCtx());
    expect(d.text).toContain("\"Expected delivery {date} by 'DHL' #1\"");
  });
});

import { describe, it, expect } from "vitest";
import { toWidgetOrder } from "../describe";
import { shopifyOrders, wooOrders } from "../../../test/support/orders";
import { shopCtx, wooCtx } from "../../../test/support/describe";

describe("toWidgetOrder", () => {
  it("#1002 card: label, formatted total, shipment summary, steps", () => {
    const w = toWidgetOrder(shopifyOrders["1002"]!, shopCtx());
    expect(w.number).toBe("1002");
    expect(w.statusLabel).toBe("Shipped");
    expect(w.totalFormatted).toBe("$205.65");
    expect(w.shipments[0]!.summary).toBe("In transit · expected tomorrow (Tue Nov 24)");
    expect(w.shipments[0]!.trackingUrl).toContain("1ZA84R270384120936");
    expect(w.steps!.map((s) => [s.key, s.done, s.current])).toEqual([
      ["ordered", true, false],
      ["shipped", true, true],
      ["delivered", false, false],
    ]);
  });

  it("#1014 out for delivery adds the step; #1003 delivered marks all done", () => {
    const w = toWidgetOrder(shopifyOrders["1014"]!, shopCtx());
    expect(w.steps!.map((s) => s.key)).toEqual(["ordered", "shipped", "out_for_delivery", "delivered"]);
    expect(w.steps!.find((s) => s.current)!.key).toBe("out_for_delivery");
    expect(w.shipments[0]!.summary).toBe("Out for delivery today (Mon Nov 23)");
    const d = toWidgetOrder(shopifyOrders["1003"]!, shopCtx());
    expect(d.steps!.every((s) => s.done)).toBe(true);
    expect(d.shipments[0]!.summary).toBe("Delivered Fri Nov 13");
  });

  it("pickup cards use pickup steps and never a shipped step", () => {
    for (const [o, ctx] of [
      [shopifyOrders["1008"]!, shopCtx()],
      [wooOrders["2010"]!, wooCtx()],
    ] as const) {
      const w = toWidgetOrder(o, ctx);
      expect(w.steps!.map((s) => s.key)).toEqual(["ordered", "ready_for_pickup", "picked_up"]);
      expect(w.steps!.find((s) => s.current)!.key).toBe("ready_for_pickup");
      expect(w.statusLabel).toBe("Ready for pickup");
    }
  });

  it("Woo shipped card shows 'Shipped <date>' and leaves Delivered undone", () => {
    const w = toWidgetOrder(wooOrders["2014"]!, wooCtx());
    expect(w.shipments.map((s) => s.summary)).toEqual(["Shipped Nov 19", "Shipped Nov 19"]);
    expect(w.steps!.find((s) => s.key === "delivered")!.done).toBe(false);
    expect(w.totalFormatted).toBe("€457.48");
  });

  it("German card for #1009", () => {
    const w = toWidgetOrder(shopifyOrders["1009"]!, shopCtx("de"));
    expect(w.statusLabel).toBe("Beim Zoll");
    expect(w.totalFormatted).toBe("347,00 €");
    expect(w.steps!.map((s) => s.label)).toEqual(["Bestellt", "Versendet", "Zugestellt"]);
  });

  it("pending payment and failed payment cards", () => {
    const p = toWidgetOrder(shopifyOrders["1007"]!, shopCtx());
    expect(p.steps!.map((s) => [s.key, s.done])).toEqual([
      ["ordered", true],
      ["paid", false],
      ["shipped", false],
      ["delivered", false],
    ]);
    const f = toWidgetOrder(wooOrders["2009"]!, wooCtx());
    expect(f.steps!.map((s) => s.key)).toEqual(["ordered", "payment_failed"]);
    const c = toWidgetOrder(shopifyOrders["1005"]!, shopCtx());
    expect(c.steps!.map((s) => s.key)).toEqual(["ordered", "cancelled"]);
  });

  it("never contains contact data (email, phone, name, address, city)", () => {
    for (const o of [...Object.values(shopifyOrders), ...Object.values(wooOrders)]) {
      const ctx = o.id.startsWith("gid:") ? shopCtx() : wooCtx();
      const json = JSON.stringify(toWidgetOrder(o, ctx));
      expect(json).not.toMatch(/@example\./i);
      if (o.contact.phone) expect(json).not.toContain(o.contact.phone);
      if (o.contact.name) expect(json).not.toContain(o.contact.name);
      expect(json).not.toMatch(/"(contact|email|phone|address|shippingCity|customerId)"/);
      if (o.shippingCity) expect(json).not.toContain(o.shippingCity);
    }
  });
});

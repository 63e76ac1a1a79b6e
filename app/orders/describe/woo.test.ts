import { describe, it, expect } from "vitest";
import { describeOrder, toWidgetOrder } from "../describe";
import { shopifyOrders, wooOrders } from "../../../test/support/orders";
import { shopCtx, wooCtx, W } from "../../../test/support/describe";
import type { Language } from "../../protocol";
import type { NormalizedOrder } from "../types";

describe("WooCommerce demo answers (Demo Woo Garden, Europe/Berlin, no delivery state)", () => {
  it("2001 paid (PayPal), not shipped, placed Nov 22, €49.82", () => {
    const r = W("2001");
    expect(r.text).toContain("#2001");
    expect(r.text).toContain("Nov 22");
    expect(r.text).toContain("€49.82");
    expect(r.text).toMatch(/hasn't shipped yet/);
  });

  it("2002 UPS shipped Fri Nov 20; the shop's note with UPS's estimate; not 'delivered'", () => {
    const r = W("2002");
    expect(r.text).toMatch(/^Shipped Fri Nov 20 with UPS 1ZE2W6491144172082/);
    expect(r.text).toMatch(/expects to deliver it on Tuesday, 24 November/);
    expect(r.text).toMatch(/doesn't record deliveries/);
    expect(r.statusLabel).toBe("Shipped");
  });

  it("2003 completed ≠ delivered: shipped Mon Nov 9 with DHL, check DHL's tracking", () => {
    const r = W("2003");
    expect(r.text).toMatch(/^Shipped Mon Nov 9 with DHL Paket 00340434161094052181/);
    expect(r.text).toMatch(/the shop doesn't record deliveries, so please check DHL Paket's tracking/i);
    expect(r.statusLabel).toBe("Shipped");
  });

  it("2004 split DPD + DHL with dates, Hori-Hori knife backordered", () => {
    const r = W("2004");
    expect(r.text).toMatch(/^Shipped in 2 packages:/);
    expect(r.text).toContain("DPD 01505034712389 shipped Nov 17");
    expect(r.text).toContain("DHL Paket 00340434161094058770 shipped Nov 18");
    expect(r.text).toMatch(/Hori-Hori Garden Knife is backordered/);
  });

  it("2005 cancelled at the customer's request (from the refund reason), full €63.75 refunded", () => {
    const r = W("2005");
    expect(r.text).toContain("cancelled at your request on Nov 16 before it shipped");
    expect(r.text).toContain("€63.75");
    expect(r.text).toMatch(/refunded/);
    expect(r.statusLabel).toBe("Refunded");
  });

  it("2006 shipped Nov 3 with DHL; broken terracotta pot set refunded €27.90 on Nov 6", () => {
    const r = W("2006");
    expect(r.text).toMatch(/^Shipped Tue Nov 3 with DHL Paket 00340434161094049020/);
    expect(r.text).toContain("€27.90 was refunded on Nov 6");
    expect(r.text).toMatch(/Terracotta pot set arrived broken/);
  });

  it("2007 PayPal checkout not completed; payment link as the next step", () => {
    const r = W("2007");
    expect(r.text).toContain("#2007 is waiting for payment");
    expect(r.text).toContain("PayPal checkout wasn't completed");
    expect(r.text).toMatch(/Nothing ships until/);
    expect(r.nextStep).toContain("http://demo-woo.localhost/checkout/order-pay/2007/");
  });

  it("2008 on hold: bank transfer €65.74 with reference = order number", () => {
    const r = W("2008");
    expect(r.text).toBe(
      "We're waiting for your bank transfer of €65.74 (reference 2008); we'll ship as soon as it arrives.",
    );
    expect(r.statusLabel).toBe("On hold");
  });

  it("2009 failed card payment: declined, nothing charged, retry link", () => {
    const r = W("2009");
    expect(r.text).toContain("The card payment for #2009 was declined");
    expect(r.text).toContain("nothing was charged");
    expect(r.text).toMatch(/retry with the payment link or place a new order/);
    expect(r.nextStep).toContain("order-pay/2009");
    expect(r.statusLabel).toBe("Payment failed");
  });

  it("2010 pickup ready since Fri Nov 20 at the shop, held until Fri Nov 27; never 'shipped'", () => {
    const r = W("2010");
    expect(r.text).toMatch(
      /^Ready for pickup since Fri Nov 20 at Demo Woo Garden, Kastanienallee 12, 10435 Berlin/,
    );
    expect(r.text).toContain("held for you until Fri Nov 27");
    expect(r.text).not.toMatch(/ship/i);
  });

  it("2011 DHL Express to Switzerland: duties collected by DHL", () => {
    const r = W("2011");
    expect(r.text).toMatch(/^Shipped Wed Nov 18 with DHL Express 5720461935/);
    expect(r.text).toMatch(/import duties\/taxes may be collected by DHL Express on delivery/);
  });

  it("2012 Deutsche Post with the inferred exact URL", () => {
    const r = W("2012");
    expect(r.text).toMatch(/^Shipped Nov 13/);
    expect(r.text).toContain("Deutsche Post");
    expect(r.text).toContain("LX304182752DE");
    expect(r.text).toContain(
      "https://www.deutschepost.de/de/s/sendungsverfolgung/verfolgen.html?piececode=LX304182752DE",
    );
    expect(r.text).not.toMatch(/duties/); // NL is in the EU like the store
  });

  it("2013 old order shipped Jul 27 with DHL", () => {
    const r = W("2013");
    expect(r.text).toContain("Jul 27");
    expect(r.text).toContain("00340434161093821467");
  });

  it("2014 two DHL parcels on Nov 19; total €457.48 after HERBST10", () => {
    const r = W("2014");
    expect(r.text).toMatch(
      /^Shipped Nov 19 in 2 DHL Paket packages: 00340434161094061138 and 00340434161094061145\./,
    );
    expect(r.text).toContain("€457.48");
    expect(r.text).toContain("HERBST10");
  });

  it("no WooCommerce answer ever claims delivery, in any language", () => {
    const claims: Record<Language, RegExp> = {
      en: /\bdelivered\b/i,
      de: /\bzugestellt\b/i,
      es: /\bentregado\b/i,
      fr: /\blivrée?\b/i,
      pt: /\bentregue\b/i,
      it: /\bconsegnato\b/i,
      nl: /\bbezorgd\b/i,
    };
    for (const lang of Object.keys(claims) as Language[]) {
      for (const o of Object.values(wooOrders)) {
        const r = describeOrder(o, wooCtx(lang));
        expect(r.text.replace(/"[^"]*"|„[^“]*“/g, ""), `${lang} ${o.number}: ${r.text}`).not.toMatch(
          claims[lang],
        );
        expect(r.statusLabel).not.toBe(describeOrder(shopifyOrders["1003"]!, shopCtx(lang)).statusLabel);
      }
    }
  });

  it("a Woo shipment the adapter marked delivered is still not reported delivered when knowsDelivery is false", () => {
    const o: NormalizedOrder = {
      ...wooOrders["2003"]!,
      status: "delivered",
      shipments: [
        { ...wooOrders["2003"]!.shipments[0]!, status: "delivered", deliveredAt: "2026-11-10T10:00:00Z" },
      ],
    };
    const r = describeOrder(o, wooCtx());
    expect(r.text).not.toMatch(/\bdelivered\b/i);
    expect(r.statusLabel).toBe("Shipped");
    const w = toWidgetOrder(o, wooCtx());
    expect(w.steps!.find((s) => s.key === "delivered")!.done).toBe(false);
    expect(w.shipments[0]!.deliveredAt).toBeNull();
  });
});

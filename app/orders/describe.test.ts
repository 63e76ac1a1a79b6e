import { describe, it, expect } from "vitest";
import {
  describeOrder,
  describeOrderList,
  toWidgetOrder,
  parseHoldUntil,
  processingDays,
  type DescribeContext,
} from "./describe";
import { shopifyOrders, wooOrders, SHOPIFY_NOW, WOO_NOW, SHOPIFY_POLICIES } from "../../test/support/orders";
import type { Language } from "../protocol";
import type { NormalizedOrder } from "./types";

const shopCtx = (lang: Language = "en", extra: Partial<DescribeContext> = {}): DescribeContext => ({
  lang,
  timezone: "America/New_York",
  now: SHOPIFY_NOW,
  storeName: "Demo Outfitters",
  supportEmail: "support@example.com",
  knowsDelivery: true,
  policies: SHOPIFY_POLICIES,
  ...extra,
});
const wooCtx = (lang: Language = "en", extra: Partial<DescribeContext> = {}): DescribeContext => ({
  lang,
  timezone: "Europe/Berlin",
  now: WOO_NOW,
  storeName: "Demo Woo Garden",
  supportEmail: null,
  knowsDelivery: false,
  ...extra,
});

const S = (n: string, lang: Language = "en") => describeOrder(shopifyOrders[n]!, shopCtx(lang));
const W = (n: string, lang: Language = "en") => describeOrder(wooOrders[n]!, wooCtx(lang));

function sentences(text: string): number {
  return text.replace(/https?:\/\/\S+/g, "URL").split(/(?<=[.!?])\s+(?=[A-Z#€$"„«¿¡])/).length;
}

describe("Shopify demo answers (Demo Outfitters, America/New_York, today Mon Nov 23)", () => {
  it("#1001 paid, not shipped: placed Nov 22 in New York (UTC already Nov 23), total, packing, policy days", () => {
    const r = S("1001");
    expect(r.text).toContain("#1001");
    expect(r.text).toContain("Nov 22");
    expect(r.text).not.toContain("Nov 23");
    expect(r.text).toContain("$300.89");
    expect(r.text).toMatch(/being packed/);
    expect(r.text).toMatch(/hasn't shipped yet/);
    expect(r.text).toContain("1-2 business days");
    expect(r.text).toMatch(/tracking email/);
    expect(r.statusLabel).toBe("Processing");
  });

  it("#1002 UPS in transit: ship date, number, last scan place + date, expected Tue Nov 24", () => {
    const r = S("1002");
    expect(r.text).toMatch(/^Shipped Nov 19 with UPS 1ZA84R270384120936/);
    expect(r.text).toContain("in transit");
    expect(r.text).toContain("Commerce City, CO, Nov 22");
    expect(r.text).toContain("Tue Nov 24");
    expect(r.text).not.toMatch(/delivered/i);
    expect(r.nextStep).toMatch(/UPS/);
    expect(r.statusLabel).toBe("Shipped");
  });

  it("#1003 delivered Fri Nov 13 with USPS, mailbox, San Francisco", () => {
    const r = S("1003");
    expect(r.text).toMatch(/^Delivered Fri Nov 13/);
    expect(r.text).toContain("USPS 9400111899223855710247");
    expect(r.text).toContain("mailbox");
    expect(r.text).toContain("San Francisco");
    expect(r.statusLabel).toBe("Delivered");
    expect(r.nextStep).toBeTruthy();
  });

  it("#1004 split shipment: 2 packages, FedEx delivered Thu Nov 19, DHL eCommerce expected Wed Nov 25, poles backordered", () => {
    const r = S("1004");
    expect(r.text).toMatch(/^Shipped in 2 packages:/);
    expect(r.text).toMatch(/FedEx 791203588467 \(Basecamp 2-Person Tent\) delivered Thu Nov 19/);
    expect(r.text).toMatch(
      /DHL eCommerce GM5301284467220193 \(Packable Daypack 20L \+ Insulated Water Bottle 32oz\) in transit, expected Wed Nov 25/,
    );
    expect(r.text).toMatch(/Trekking Poles \(Pair\) - Carbon is backordered and will ship separately/);
    expect(r.text).not.toContain("2026-11-30"); // the merchant-internal restock date is never promised
    expect(r.statusLabel).toBe("Partially shipped");
  });

  it("#1005 cancelled at the customer's request before shipping, full refund that day, bank delay note", () => {
    const r = S("1005");
    expect(r.text).toContain("#1005 was cancelled at your request on Nov 16 before it shipped");
    expect(r.text).toContain("full $186.32 was refunded that day");
    expect(r.text).toMatch(/5-10 business days/);
    expect(r.text).not.toMatch(/shipped with|in transit/);
    expect(r.statusLabel).toBe("Cancelled");
  });

  it("#1006 delivered Fri Nov 6 by UPS; the dented water bottle refunded $37.52 on Nov 10, no need to send back", () => {
    const r = S("1006");
    expect(r.text).toMatch(/^Delivered Fri Nov 6/);
    expect(r.text).toContain("UPS 1ZA84R270377355161");
    expect(r.text).toMatch(/The dented Insulated Water Bottle 32oz was refunded \(\$37\.52 on Nov 10\)/);
    expect(r.text).toMatch(/no need to send it back/);
  });

  it("#1007 pending bank deposit: amount outstanding, method, ships once it arrives", () => {
    const r = S("1007");
    expect(r.text).toContain("waiting for your payment of $128.16 (bank deposit)");
    expect(r.text).toContain("#1007 will ship once it arrives");
    expect(r.statusLabel).toBe("Awaiting payment");
  });

  it("#1008 local pickup: ready since Sat Nov 21 at Burlington, instructions, never 'shipped'", () => {
    const r = S("1008");
    expect(r.text).toMatch(/^Ready for pickup since Sat Nov 21 at Demo Outfitters Burlington, 85 Church St/);
    expect(r.text).toMatch(/photo ID/);
    expect(r.text).not.toMatch(/ship/i);
    expect(r.text).not.toMatch(/deliver/i);
    expect(r.statusLabel).toBe("Ready for pickup");
  });

  it("#1009 international DHL Express in customs in Leipzig, expected Tue Nov 24, €347.00, duties note", () => {
    const r = S("1009");
    expect(r.text).toMatch(/^Shipped Nov 18 with DHL Express 4839172656/);
    expect(r.text).toContain("customs clearance in Leipzig (Nov 21)");
    expect(r.text).toContain("Tue Nov 24");
    expect(r.text).toContain("You paid €347.00");
    expect(r.text).toMatch(/import duties\/taxes may be collected by DHL Express on delivery/);
    expect(r.statusLabel).toBe("In customs");
  });

  it("#1009 in German", () => {
    const r = S("1009", "de");
    expect(r.text).toMatch(/^Versendet am 18\. Nov\. mit DHL Express 4839172656/);
    expect(r.text).toContain("Zollabfertigung in Leipzig");
    expect(r.text).toContain("Di., 24. Nov.");
    expect(r.text).toContain("347,00 €");
    expect(r.text).toMatch(/Einfuhrabgaben/);
    expect(r.statusLabel).toBe("Beim Zoll");
    expect(r.text).not.toMatch(/\bShipped\b|\bexpected\b/);
  });

  it("#1010 inferred Royal Mail with the exact tracking URL in the text; no estimate; no duties (UK warehouse)", () => {
    const r = S("1010");
    expect(r.text).toMatch(/^Shipped Nov 17/);
    expect(r.text).toContain("TT483920172GB");
    expect(r.text).toContain("Royal Mail number");
    expect(r.text).toContain("https://www.royalmail.com/track-your-item#/tracking-results/TT483920172GB");
    expect(r.text).toMatch(/no delivery estimate/);
    expect(r.text).not.toMatch(/duties/);
  });

  it("#1011 old order delivered Fri Jul 31 with USPS", () => {
    const r = S("1011");
    expect(r.text).toMatch(/^Delivered Fri Jul 31/);
    expect(r.text).toContain("USPS 9400111899223855401879");
  });

  it("#1012 label created this morning (Nov 23), USPS hasn't scanned yet", () => {
    const r = S("1012");
    expect(r.text).toMatch(/USPS label was created this morning \(Nov 23\)/);
    expect(r.text).toContain("9405511899223855772125");
    expect(r.text).toMatch(/USPS hasn't scanned the parcel yet/);
    expect(r.text).not.toMatch(/in transit|delivered/i);
    expect(r.statusLabel).toBe("Label created");
  });

  it("#1013 FedEx delayed by weather in Memphis, new estimate Fri Nov 27", () => {
    const r = S("1013");
    expect(r.text).toBe(
      "FedEx 773640219535 is delayed by weather in Memphis; FedEx's new estimate is Fri Nov 27.",
    );
    expect(r.statusLabel).toBe("Delayed");
  });

  it("#1014 all 8 items out for delivery today (Mon Nov 23) with UPS; total after WELCOME10", () => {
    const r = S("1014");
    expect(r.text).toMatch(
      /^All 8 items are out for delivery today \(Mon Nov 23\) with UPS 1ZA84R270390203344\./,
    );
    expect(r.text).toContain("$1,235.62");
    expect(r.text).toContain("WELCOME10");
    expect(r.statusLabel).toBe("Out for delivery");
  });

  it("#1016 attempted Sat Nov 21, nobody home, next attempt today (Mon Nov 23)", () => {
    const r = S("1016");
    expect(r.text).toMatch(/^UPS tried to deliver on Sat Nov 21 but no one was available/);
    expect(r.text).toContain("today (Mon Nov 23)");
    expect(r.text).toContain("1ZA84R270388014722");
    expect(r.statusLabel).toBe("Delivery attempted");
  });

  it("every Shopify answer is short (≤ 4 sentences) and never empty", () => {
    for (const o of Object.values(shopifyOrders)) {
      const r = describeOrder(o, shopCtx());
      expect(r.text.length, o.number).toBeGreaterThan(20);
      expect(sentences(r.text), `${o.number}: ${r.text}`).toBeLessThanOrEqual(4);
      expect(r.text, o.number).not.toMatch(/undefined|null|NaN|\{\w+\}/);
    }
  });
});

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

describe("other languages", () => {
  it("Spanish #1014 and #1005", () => {
    expect(S("1014", "es").text).toMatch(
      /^Los 8 artículos están en reparto hoy \(lun, 23 nov\) con UPS 1ZA84R270390203344/,
    );
    expect(S("1005", "es").text).toContain("186,32 US$");
    expect(S("1005", "es").text).toMatch(/a petición tuya/);
  });
  it("French #1003 and Woo 2008", () => {
    expect(S("1003", "fr").text).toMatch(/^Livrée le ven\. 13 nov\./);
    expect(W("2008", "fr").text).toContain("65,74 €");
    expect(W("2008", "fr").text).toContain("référence 2008");
    expect(W("2008", "fr").text).toContain(" ; "); // French spacing before semicolons is kept
  });
  it("German Woo 2003 never says zugestellt and names DHL", () => {
    const r = W("2003", "de");
    expect(r.text).toMatch(/^Versendet am Mo\., 9\. Nov\. mit DHL Paket/);
    expect(r.text).toMatch(/erfasst keine Zustellungen/);
  });
  it("every language produces text without placeholders for every demo order", () => {
    for (const lang of ["en", "es", "fr", "de", "pt", "it", "nl"] as Language[]) {
      for (const o of [...Object.values(shopifyOrders), ...Object.values(wooOrders)]) {
        const ctx = o.id.startsWith("gid:") ? shopCtx(lang) : wooCtx(lang);
        const r = describeOrder(o, ctx);
        expect(r.text, `${lang} ${o.number}`).not.toMatch(/\{\w+\}|undefined|NaN|\.\.(?!\.)/);
        if (
          o.deliveryMethod === "shipping" &&
          o.shipments.length &&
          !["cancelled", "refunded"].includes(o.status)
        ) {
          for (const sh of o.shipments) expect(r.text, `${lang} ${o.number}`).toContain(sh.trackingNumber!);
          expect(r.statusLabel.length, `${lang} ${o.number}`).toBeGreaterThan(2);
        }
      }
    }
  });
});

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

describe("describeOrderList", () => {
  it("Alice's orders: newest first, one line each (#number · date · status)", () => {
    const alice = [shopifyOrders["1003"]!, shopifyOrders["1001"]!, shopifyOrders["1004"]!];
    const r = describeOrderList(alice, shopCtx());
    expect(r.lines).toEqual([
      "#1001 · Nov 22 · Processing",
      "#1004 · Nov 14 · Partially shipped",
      "#1003 · Nov 9 · Delivered",
    ]);
    expect(r.text.split("\n")).toHaveLength(3);
  });
  it("Lena's Woo orders, never 'Delivered'; test orders left out", () => {
    const r = describeOrderList([wooOrders["2013"]!, wooOrders["2006"]!, wooOrders["2001"]!], wooCtx());
    expect(r.lines).toEqual([
      "#2001 · Nov 22 · Processing",
      "#2006 · Nov 2 · Shipped",
      "#2013 · Jul 26 · Shipped",
    ]);
    expect(describeOrderList([shopifyOrders["1015"]!], shopCtx()).lines).toEqual([]);
  });
  it("German list", () => {
    const r = describeOrderList([shopifyOrders["1003"]!], shopCtx("de"));
    expect(r.lines).toEqual(["#1003 · 9. Nov. · Zugestellt"]);
  });
});

describe("edge cases", () => {
  it("unknown carrier with a tracking number still reads naturally", () => {
    const o: NormalizedOrder = {
      ...shopifyOrders["1002"]!,
      shipments: [
        {
          ...shopifyOrders["1002"]!.shipments[0]!,
          carrier: null,
          carrierCode: null,
          trackingNumber: "XYZ123",
          lastEvent: null,
          estimatedDeliveryAt: null,
        },
      ],
    };
    const r = describeOrder(o, shopCtx());
    expect(r.text).toBe(
      "Shipped Nov 19 (tracking XYZ123) - in transit. There's no delivery estimate for it yet.",
    );
  });
  it("cancelled without a refund", () => {
    const o: NormalizedOrder = { ...shopifyOrders["1005"]!, refunds: [], cancelReason: "inventory" };
    expect(describeOrder(o, shopCtx()).text).toBe("#1005 was cancelled on Nov 16.");
  });
  it("picked up pickup order", () => {
    const o: NormalizedOrder = {
      ...shopifyOrders["1008"]!,
      status: "delivered",
      shipments: [
        { ...shopifyOrders["1008"]!.shipments[0]!, status: "picked_up", deliveredAt: "2026-11-22T16:00:00Z" },
      ],
    };
    const r = describeOrder(o, shopCtx());
    expect(r.text).toBe("Picked up Sun Nov 22.");
    expect(r.statusLabel).toBe("Picked up");
    expect(toWidgetOrder(o, shopCtx()).steps!.every((s) => s.done)).toBe(true);
  });
  it("pickup not ready yet", () => {
    const o: NormalizedOrder = { ...shopifyOrders["1008"]!, status: "processing", shipments: [] };
    const r = describeOrder(o, shopCtx());
    expect(r.text).toMatch(/being prepared for pickup - it isn't ready yet/);
    expect(r.text).not.toMatch(/ship/i);
  });
  it("delayed with no new estimate", () => {
    const o: NormalizedOrder = {
      ...shopifyOrders["1013"]!,
      shipments: [{ ...shopifyOrders["1013"]!.shipments[0]!, estimatedDeliveryAt: null }],
    };
    expect(describeOrder(o, shopCtx()).text).toBe(
      "FedEx 773640219535 is delayed by weather in Memphis; FedEx hasn't given a new estimate yet.",
    );
  });
  it("label created yesterday", () => {
    const o = shopifyOrders["1012"]!;
    const r = describeOrder(o, shopCtx("en", { now: new Date("2026-11-24T15:00:00Z") }));
    expect(r.text).toMatch(/label was created yesterday \(Nov 23\)/);
  });
  it("year is shown for dates in another year", () => {
    const r = describeOrder(shopifyOrders["1011"]!, shopCtx("en", { now: new Date("2027-01-15T12:00:00Z") }));
    expect(r.text).toMatch(/^Delivered Fri Jul 31, 2026/);
  });
  it("on hold without bank transfer", () => {
    const o: NormalizedOrder = { ...wooOrders["2008"]!, paymentMethod: "PayPal" };
    expect(describeOrder(o, wooCtx()).text).toBe("#2008 is on hold for now, so it hasn't shipped yet.");
  });
});

describe("helpers", () => {
  it("parseHoldUntil reads English and German notes", () => {
    const now = new Date("2026-11-23T09:00:00Z");
    expect(parseHoldUntil("We'll keep it for you until Friday, 27 November.", now)).toBe("2026-11-27");
    expect(parseHoldUntil("held until December 2", now)).toBe("2026-12-02");
    expect(parseHoldUntil("Wir halten sie bis Freitag, 27. November bereit.", now)).toBe("2026-11-27");
    expect(parseHoldUntil("until Jan 3", now)).toBe("2027-01-03");
    expect(parseHoldUntil("no date here", now)).toBeNull();
  });
  it("processingDays reads the shipping policy", () => {
    expect(processingDays(SHOPIFY_POLICIES.shipping)).toBe("1-2");
    expect(processingDays("<p>Wir versenden innerhalb von 2 Werktagen.</p>")).toBe("2");
    expect(processingDays(null)).toBeNull();
    expect(processingDays("Free shipping over $50.")).toBeNull();
  });
});

describe("next steps and less common shipment states", () => {
  it("delivery exception: quotes the carrier and points to support", () => {
    const o: NormalizedOrder = {
      ...shopifyOrders["1002"]!,
      shipments: [
        {
          ...shopifyOrders["1002"]!.shipments[0]!,
          status: "exception",
          lastEvent: {
            at: "2026-11-22T18:00:00Z",
            status: "exception",
            message: "Address information incomplete",
            location: "Denver, CO",
          },
        },
      ],
    };
    const r = describeOrder(o, shopCtx());
    expect(r.text).toBe('UPS 1ZA84R270384120936 has a delivery problem: "Address information incomplete".');
    expect(r.nextStep).toBe("Questions about it? Contact support@example.com.");
    expect(r.statusLabel).toBe("Delivery problem");
  });
  it("shipment with unknown status and no events: shipped, no invented 'in transit'", () => {
    const o: NormalizedOrder = {
      ...shopifyOrders["1002"]!,
      shipments: [
        {
          ...shopifyOrders["1002"]!.shipments[0]!,
          status: "unknown",
          lastEvent: null,
          estimatedDeliveryAt: null,
        },
      ],
    };
    expect(describeOrder(o, shopCtx()).text).toBe(
      "Shipped Nov 19 with UPS 1ZA84R270384120936. There's no delivery estimate for it yet.",
    );
  });
  it("cancelled without refund points to support", () => {
    const o: NormalizedOrder = { ...shopifyOrders["1005"]!, refunds: [] };
    expect(describeOrder(o, shopCtx()).nextStep).toBe("Questions about it? Contact support@example.com.");
  });
});

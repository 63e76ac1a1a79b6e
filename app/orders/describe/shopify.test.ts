import { describe, it, expect } from "vitest";
import { describeOrder } from "../describe";
import { shopifyOrders } from "../../../test/support/orders";
import { shopCtx, S, sentences } from "../../../test/support/describe";

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

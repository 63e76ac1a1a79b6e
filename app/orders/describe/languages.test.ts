import { describe, it, expect } from "vitest";
import { describeOrder } from "../describe";
import { shopifyOrders, wooOrders } from "../../../test/support/orders";
import { shopCtx, wooCtx, S, W } from "../../../test/support/describe";
import type { Language } from "../../protocol";

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

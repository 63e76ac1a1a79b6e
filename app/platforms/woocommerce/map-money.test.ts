/**
 * mapWooOrder: money in the currency's minor units.
 * Fixtures in test/support/woo-map.ts.
 */
import { describe, expect, it } from "vitest";
import { formatMoney } from "../../orders/format";
import { mapWooOrder } from "./map";
import { demo, store, byId } from "../../../test/support/woo-map";

describe("mapWooOrder — money in the currency's minor units", () => {
  const withCurrency = (currency: string, total: string, refund: string, note: string) => {
    const o = byId(2006);
    return mapWooOrder(
      {
        ...o,
        currency,
        total,
        line_items: o.line_items!.map((li) => ({ ...li, subtotal: "4000", subtotal_tax: "266.666" })),
        refunds: [{ id: 1, reason: "broken", total: `-${refund}` }],
      },
      {
        trackings: demo.trackings["2006"],
        notes: [
          {
            id: 1,
            note,
            customer_note: false,
            date_created_gmt: "2026-11-06T10:00:00",
            date_created: "2026-11-06T11:00:00",
          },
        ],
        store,
      },
    );
  };

  it("JPY totals have no decimals, KWD three, EUR two; subtotals are summed in minor units", () => {
    const jpy = withCurrency("JPY", "12800", "1500", "Refunded &yen;1,500 - Refund ID: re_1");
    expect(jpy.total).toEqual({ amount: "12800", currency: "JPY" });
    expect(jpy.subtotal).toEqual({ amount: String(3 * (4000 + 267)), currency: "JPY" });
    expect(jpy.refunds[0].amount).toEqual({ amount: "1500", currency: "JPY" });
    const kwd = withCurrency("KWD", "24.5", "3.25", "Refunded 3.250 KWD - Refund ID: re_2");
    expect(kwd.total).toEqual({ amount: "24.500", currency: "KWD" });
    expect(kwd.subtotal).toEqual({ amount: "12799.998", currency: "KWD" });
    expect(kwd.refunds[0].amount).toEqual({ amount: "3.250", currency: "KWD" });
    const eur = withCurrency("EUR", "58.7", "27.9", "Refunded &euro;27.90 - Refund ID: re_3");
    expect(eur.total).toEqual({ amount: "58.70", currency: "EUR" });
    expect(eur.refunds[0].amount).toEqual({ amount: "27.90", currency: "EUR" });
  });

  it("the refund date comes from the note naming that amount, in any currency", () => {
    const jpy = withCurrency("JPY", "12800", "1500", "Refunded &yen;1,500 - Refund ID: re_1");
    expect(jpy.refunds[0].createdAt).toBe("2026-11-06T10:00:00.000Z");
    const other = withCurrency("JPY", "12800", "1500", "Refunded &yen;15,000 - Refund ID: re_1");
    expect(other.refunds[0].createdAt).not.toBe("2026-11-06T10:00:00.000Z");
  });

  it("what the shopper reads: ¥12,800 and KWD 24.500", () => {
    expect(formatMoney(withCurrency("JPY", "12800", "1", "").total, "en")).toBe("¥12,800");
    expect(formatMoney(withCurrency("KWD", "24.5", "1", "").total, "en")).toBe("KWD 24.500");
  });
});

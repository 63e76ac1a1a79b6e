/**
 * Shopify mapper: money in the currency's minor units.
 * Fixtures in test/support/shopify-map.ts.
 */
import { describe, it, expect } from "vitest";
import { formatMoney } from "../../orders/format";
import { mapShopifyOrder, normalizeAmount } from "./map";
import { ctx, raw } from "../../../test/support/shopify-map";

describe("normalizeAmount", () => {
  it("writes Shopify decimals with the currency's minor units (Intl), rounding extra precision", () => {
    expect(normalizeAmount("84.0", "USD")).toBe("84.00");
    expect(normalizeAmount("12.5", "EUR")).toBe("12.50");
    expect(normalizeAmount("129.99", "USD")).toBe("129.99");
    expect(normalizeAmount("3", "USD")).toBe("3.00");
    expect(normalizeAmount("0.125", "USD")).toBe("0.13");
    expect(normalizeAmount(null, "USD")).toBe("0.00");
    expect(normalizeAmount("1500.0", "JPY")).toBe("1500");
    expect(normalizeAmount("12.5", "KWD")).toBe("12.500");
  });
});

describe("money in the currency's minor units on Shopify orders", () => {
  const inCurrency = (currencyCode: string, amount: string) => {
    const node = raw(1002);
    const bag = { shopMoney: { amount, currencyCode }, presentmentMoney: { amount, currencyCode } };
    node.presentmentCurrencyCode = currencyCode;
    node.totalPriceSet = bag;
    node.subtotalPriceSet = bag;
    return mapShopifyOrder(node, ctx);
  };

  it("JPY has no decimals, KWD three, EUR two", () => {
    expect(inCurrency("JPY", "12800.0").total).toEqual({ amount: "12800", currency: "JPY" });
    expect(inCurrency("KWD", "24.5").total).toEqual({ amount: "24.500", currency: "KWD" });
    expect(inCurrency("EUR", "347.0").total).toEqual({ amount: "347.00", currency: "EUR" });
    expect(inCurrency("KWD", "24.5").subtotal).toEqual({ amount: "24.500", currency: "KWD" });
  });

  it("what the shopper reads: ¥12,800 and KWD 24.500, never ¥12,800.00", () => {
    expect(formatMoney(inCurrency("JPY", "12800.0").total, "en")).toBe("¥12,800");
    expect(formatMoney(inCurrency("KWD", "24.5").total, "en")).toBe("KWD 24.500");
    expect(formatMoney(inCurrency("EUR", "347.0").total, "de")).toBe("347,00 €");
  });
});

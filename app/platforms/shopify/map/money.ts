/** Shopify MoneyV2 / MoneyBag → Money. */
import type { Money } from "../../../orders/types";
import type { ShopifyMoneyBag, ShopifyMoneyV2 } from "./types";

/** "84.0" → "84.00", "12.5" → "12.50", "129.99" stays, "3" → "3.00"; extra precision is kept. */
export function normalizeAmount(amount: string | number | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") return "0.00";
  const s = String(amount).trim();
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m) {
    const n = Number(s);
    return Number.isFinite(n) ? n.toFixed(2) : "0.00";
  }
  const [, sign, intPart, frac = ""] = m;
  const i = intPart === "" ? "0" : intPart.replace(/^0+(?=\d)/, "");
  const f = frac.length >= 2 ? frac : frac.padEnd(2, "0");
  return `${sign}${i}.${f}`;
}

function money(m: ShopifyMoneyV2 | null | undefined, fallbackCurrency: string): Money {
  return { amount: normalizeAmount(m?.amount), currency: m?.currencyCode ?? fallbackCurrency };
}

/** The money the shopper saw at checkout (presentment), falling back to shop money. */
export function shopperMoney(
  bag: ShopifyMoneyBag | null | undefined,
  fallbackCurrency: string,
): Money | null {
  if (!bag) return null;
  return money(bag.presentmentMoney ?? bag.shopMoney, fallbackCurrency);
}

export function isPositive(m: Money | null): boolean {
  return !!m && Number(m.amount) > 0;
}

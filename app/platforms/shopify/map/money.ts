/** Shopify MoneyV2 / MoneyBag → Money in the currency's minor units (app/platforms/money.ts). */
import type { Money } from "../../../orders/types";
import { normalizeAmount } from "../../money";
import type { ShopifyMoneyBag, ShopifyMoneyV2 } from "./types";

function money(m: ShopifyMoneyV2 | null | undefined, fallbackCurrency: string): Money {
  const currency = m?.currencyCode ?? fallbackCurrency;
  return { amount: normalizeAmount(m?.amount, currency), currency };
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

/** Zero in a currency ("0.00", JPY "0", KWD "0.000"). */
export function zero(currency: string): Money {
  return { amount: normalizeAmount(0, currency), currency };
}

/**
 * The privacy core: who may see an order. Pure functions, no I/O.
 *
 * An order is shown only when
 *  (a) the request carries a platform-verified customer id equal to the order's customer id
 *      (Shopify gids and numeric ids are compared by their numeric tail), or
 *  (b) the shopper gave the order number AND the order's email or phone:
 *      - email: trimmed and case-folded on both sides, compared exactly;
 *      - phone: both parsed with libphonenumber-js (national numbers in the store's country, else
 *        the order's shipping country, else the other number's country) and compared in full as
 *        E.164; never a digit tail (docs/decisions/0019-phone-comparison.md).
 * Test orders are never shown (the engine treats them exactly like "not found").
 */
import { createHmacFast } from "../utils/hmac";
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import type { NormalizedOrder } from "../orders/types";

export function normalizeEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const e = email.trim().toLowerCase();
  return e.includes("@") ? e : null;
}

export function phoneDigits(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const d = phone.replace(/\D+/g, "");
  return d.length >= 7 ? d : null;
}

/** ISO 3166 alpha-2 country (any case) → libphonenumber's CountryCode, else undefined. */
function countryCode(c: string | null | undefined): CountryCode | undefined {
  const v = (c ?? "").trim().toUpperCase();
  return /^[A-Z]{2}$/.test(v) && isSupportedCountry(v) ? (v as CountryCode) : undefined;
}

type ParseHint = { defaultCountry?: CountryCode; defaultCallingCode?: string };

/** A phone as typed (international "+…" / "00…", or national per the hint) → E.164, or null. */
function toE164(raw: string | null | undefined, hint: ParseHint): string | null {
  const text = String(raw ?? "")
    .trim()
    .replace(/^00(?=[1-9])/, "+");
  if (!/\d/.test(text) || text.length > 40) return null;
  const p = parsePhoneNumberFromString(text, hint);
  return p && p.isPossible() ? p.number : null;
}

/** A phone as typed → E.164 (national numbers read in `country`), or null. */
export function phoneE164(raw: string | null | undefined, country?: string | null): string | null {
  return toE164(raw, { defaultCountry: countryCode(country) });
}

const isInternational = (v: string) => /^\s*(\+|00[1-9])/.test(v);

/**
 * Two phone numbers are the same number: both parsed to E.164 and compared IN FULL (no digit
 * tails). A national number ("020 7946 0958", "040 5550133") is read in the store's country, else
 * with the calling code of the other, international number. Without either, two national numbers
 * must have exactly the same digits.
 */
export function phonesMatch(
  a: string | null | undefined,
  b: string | null | undefined,
  country?: string | null,
): boolean {
  if (!phoneDigits(a) || !phoneDigits(b)) return false;
  const store = countryCode(country);
  const hintFrom = (other: string): ParseHint => {
    if (store) return { defaultCountry: store };
    if (!isInternational(other)) return {};
    const code = parsePhoneNumberFromString(other.trim().replace(/^00/, "+"))?.countryCallingCode;
    return code ? { defaultCallingCode: code } : {};
  };
  const x = toE164(a, hintFrom(b!));
  const y = toE164(b, hintFrom(a!));
  if (x && y) return x === y;
  if (!isInternational(a!) && !isInternational(b!) && !store) return phoneDigits(a) === phoneDigits(b);
  return false;
}

/** "gid://shopify/Customer/7700000000001" and "7700000000001" are the same customer. */
export function customerIdTail(id: string | null | undefined): string | null {
  if (id === null || id === undefined) return null;
  const s = String(id).trim();
  if (s === "") return null;
  const m = /(\d+)\s*$/.exec(s);
  return m ? m[1]!.replace(/^0+(?=\d)/, "") : s;
}

export function customerOwnsOrder(customerId: string | null | undefined, order: NormalizedOrder): boolean {
  const a = customerIdTail(customerId);
  const b = customerIdTail(order.contact.customerId);
  return a !== null && b !== null && a !== "0" && a === b;
}

export type ContactMethod = "email" | "phone";

/** @param country the store's country (ISO alpha-2) for national phone numbers; default: the order's shipping country */
export function contactMatches(
  order: NormalizedOrder,
  given: { email?: string | null; phone?: string | null },
  country?: string | null,
): ContactMethod | null {
  const ge = normalizeEmail(given.email);
  const oe = normalizeEmail(order.contact.email);
  if (ge && oe && ge === oe) return "email";
  const c = country ?? order.shippingCountry ?? null;
  if (given.phone && order.contact.phone && phonesMatch(given.phone, order.contact.phone, c)) return "phone";
  return null;
}

/** "#1003", "1003", " 1003 " → "1003"; keeps letters for stores with prefixes ("A-1003" → "A-1003"). */
export function normalizeOrderNumber(n: string): string {
  return n.trim().replace(/^#+/, "").replace(/\s+/g, "").toUpperCase();
}

/** HMAC-SHA256(key, normalised order number) as hex: the only form an order number takes in the audit. */
export function hashOrderNumber(storeId: string, orderNumber: string, key: string): string {
  return createHmacFast("sha256", key)
    .update(`${storeId}\n${normalizeOrderNumber(orderNumber)}`)
    .digest("hex");
}

/** "alice.johnson@example.com" → "a***n@example.com"; short local parts keep only the first letter. */
export function maskEmail(email: string | null | undefined): string {
  const e = (email ?? "").trim();
  const at = e.lastIndexOf("@");
  if (at <= 0) return "***";
  const local = e.slice(0, at);
  const domain = e.slice(at + 1).toLowerCase();
  const masked = local.length <= 2 ? `${local[0]}***` : `${local[0]}***${local[local.length - 1]}`;
  return `${masked.toLowerCase()}@${domain}`;
}

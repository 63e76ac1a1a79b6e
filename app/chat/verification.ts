/**
 * The privacy core: who may see an order. Pure functions, no I/O.
 *
 * An order is shown only when
 *  (a) the request carries a platform-verified customer id equal to the order's customer id
 *      (Shopify gids and numeric ids are compared by their numeric tail), or
 *  (b) the shopper gave the order number AND the order's email or phone:
 *      - email: trimmed and case-folded on both sides, compared exactly;
 *      - phone: digits only, leading 0/00 prefixes dropped; equal, or — when one side carries a
 *        country code (1-3 extra leading digits) and the other does not — the shorter (the national
 *        number, >= 7 digits; for NANP numbers that is the last 10 digits) is the tail of the longer.
 * Test orders are never shown (the engine treats them exactly like "not found").
 */
import { createHmac } from "node:crypto";
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

export function phonesMatch(a: string | null | undefined, b: string | null | undefined): boolean {
  // Leading zeros are the international ("00") or trunk ("0") prefix: "0049 40 5550133", "040 5550133".
  const x = phoneDigits(a)?.replace(/^0+/, "");
  const y = phoneDigits(b)?.replace(/^0+/, "");
  if (!x || !y || x.length < 7 || y.length < 7) return false;
  if (x === y) return true;
  // One side has a country code, the other not ("+1 415-555-0134" vs "415 555 0134"): the national
  // number (at least 7 digits, the last 10 at most) must be the tail of the other, and the extra
  // leading digits (the country code) are 1-3 digits.
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const diff = long.length - short.length;
  return diff >= 1 && diff <= 3 && long.endsWith(short);
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

export function contactMatches(
  order: NormalizedOrder,
  given: { email?: string | null; phone?: string | null },
): ContactMethod | null {
  const ge = normalizeEmail(given.email);
  const oe = normalizeEmail(order.contact.email);
  if (ge && oe && ge === oe) return "email";
  if (given.phone && order.contact.phone && phonesMatch(given.phone, order.contact.phone)) return "phone";
  return null;
}

/** "#1003", "1003", " 1003 " → "1003"; keeps letters for stores with prefixes ("A-1003" → "A-1003"). */
export function normalizeOrderNumber(n: string): string {
  return n.trim().replace(/^#+/, "").replace(/\s+/g, "").toUpperCase();
}

/** HMAC-SHA256(key, normalised order number) as hex: the only form an order number takes in the audit. */
export function hashOrderNumber(storeId: string, orderNumber: string, key: string): string {
  return createHmac("sha256", key)
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

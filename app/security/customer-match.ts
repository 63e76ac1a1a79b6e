/**
 * Exact customer matching for GDPR requests (customers/redact, customers/data_request).
 *
 * No SQL LIKE and no substring tests: an email matches only as a whole address after
 * normalisation (trim, lower case), so `ann@example.com` never matches `joann@example.com` or
 * `ann@example.com.au`, and `%` / `_` are ordinary characters. Phones match on all their digits.
 */

/** Trimmed, lower-cased address; null when it is not an address. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  const v = String(raw ?? "")
    .trim()
    .toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(v) ? v : null;
}

/** All the digits of a phone number; null when too short to be one. */
export function phoneDigits(raw: string | null | undefined): string | null {
  const d = String(raw ?? "").replace(/\D/g, "");
  return d.length >= 7 ? d : null;
}

// Characters that cannot be part of an address as people type it in a chat or JSON.
const EMAIL_TOKEN = /[^\s<>()[\]{}"'`,;:\\]+@[^\s<>()[\]{}"'`,;:\\]+/g;

/** Every address mentioned in a text, normalised (trailing sentence punctuation dropped). */
export function emailsIn(text: string | null | undefined): Set<string> {
  const out = new Set<string>();
  for (const m of String(text ?? "").matchAll(EMAIL_TOKEN)) {
    const e = normalizeEmail(m[0].replace(/[.!?]+$/, ""));
    if (e) out.add(e);
  }
  return out;
}

/** Every phone-like run (digits with spaces, dots, dashes, parentheses, a leading +) in a text. */
export function phonesIn(text: string | null | undefined): Set<string> {
  const out = new Set<string>();
  for (const m of String(text ?? "").matchAll(/\+?\d[\d\s().-]{5,}\d/g)) {
    const d = phoneDigits(m[0]);
    if (d) out.add(d);
  }
  return out;
}

export interface CustomerRef {
  id?: number | string | null;
  email?: string | null;
  phone?: string | null;
}

export interface CustomerMatcher {
  customerId: string | null;
  email: string | null;
  phone: string | null;
  /** true when the text mentions the customer's exact address or exact phone number */
  mentionedIn(text: string | null | undefined): boolean;
  /** true when a stored address is exactly the customer's */
  isEmail(value: string | null | undefined): boolean;
  /** true when there is anything to match on */
  readonly usable: boolean;
}

export function customerMatcher(ref: CustomerRef): CustomerMatcher {
  const customerId = ref.id != null && String(ref.id).trim() !== "" ? String(ref.id).trim() : null;
  const email = normalizeEmail(ref.email);
  const phone = phoneDigits(ref.phone);
  return {
    customerId,
    email,
    phone,
    usable: !!(customerId || email || phone),
    isEmail: (value) => !!email && normalizeEmail(value) === email,
    mentionedIn(text) {
      if (!text) return false;
      if (email && emailsIn(text).has(email)) return true;
      return !!phone && phonesIn(text).has(phone);
    },
  };
}

/**
 * A store's order numbering, learned from its recent order names/numbers, so entity extraction
 * accepts exactly the numbers that store can have:
 *   Shopify "#1001"…"#1999"            → digits 4–4, no prefix
 *   Shopify "#SO-1001-EU"              → prefix "SO-", suffix "-EU"
 *   new WooCommerce store, #14…#20     → digits 1–2 (sequential ids start at 1)
 *   WooCommerce 2001…48000             → digits 4–5
 * Older orders have smaller numbers than the recent ones and the store keeps counting, so the range
 * is widened: from 1 digit when the store is still under 100, and up to the digits of twice the
 * highest number seen.
 */

export interface NumberingProfile {
  /** e.g. "SO-" (as the store writes it), "" when none */
  prefix: string;
  /** e.g. "-EU", "" when none */
  suffix: string;
  minDigits: number;
  maxDigits: number;
}

const NAME_RE = /^#?\s*([A-Za-z]{1,6}[-_ ]?)?(\d{1,10})([-_ ]?[A-Za-z]{1,6})?$/u;

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = "";
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  // a prefix only counts when most orders carry it
  return n * 2 >= values.length ? best : "";
}

export function learnNumbering(recentOrderNames: readonly unknown[]): NumberingProfile | null {
  const parsed: { prefix: string; digits: string; suffix: string }[] = [];
  for (const raw of recentOrderNames.slice(0, 500)) {
    if (typeof raw !== "string" && typeof raw !== "number") continue;
    const m = NAME_RE.exec(String(raw).trim());
    if (m) parsed.push({ prefix: m[1] ?? "", digits: m[2], suffix: m[3] ?? "" });
  }
  if (!parsed.length) return null;
  const values = parsed.map((p) => Number(p.digits));
  const min = Math.min(...values);
  const max = Math.max(...values);
  const minDigits = min < 100 ? 1 : Math.min(String(min).length, 4);
  const maxDigits = Math.min(10, Math.max(String(max).length, String(max * 2).length));
  return {
    prefix: mostCommon(parsed.map((p) => p.prefix)),
    suffix: mostCommon(parsed.map((p) => p.suffix)),
    minDigits: Math.min(minDigits, maxDigits),
    maxDigits,
  };
}

/** digits-only length check against a profile (null profile: the generic 3–10 digits) */
export function fitsNumbering(digits: number, profile: NumberingProfile | null | undefined): boolean {
  if (!profile) return digits >= 3 && digits <= 10;
  return digits >= profile.minDigits && digits <= profile.maxDigits;
}

/**
 * The order number as the store names it: "1042" or "so-1042-eu" at a store numbering
 * "SO-1042-EU" → "SO-1042-EU"; without a prefix/suffix profile the text as typed.
 */
export function canonicalOrderNumber(typed: string, profile: NumberingProfile | null | undefined): string {
  if (!profile || (!profile.prefix && !profile.suffix)) return typed;
  const digits = /\d+/u.exec(typed)?.[0];
  if (!digits) return typed;
  const letters = typed
    .replace(/\d+/u, " ")
    .split(/[^A-Za-z]+/u)
    .filter(Boolean);
  const known = [profile.prefix, profile.suffix].map((x) => x.replace(/[^A-Za-z]/gu, "").toLowerCase());
  // a different prefix typed on purpose ("WC-1042") stays as typed
  if (letters.some((l) => !known.includes(l.toLowerCase()))) return typed;
  return profile.prefix + digits + profile.suffix;
}

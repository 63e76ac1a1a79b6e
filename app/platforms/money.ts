/**
 * Platform amounts (decimal strings such as "84.0", "1,235.62", numbers) → amounts in the currency's
 * minor units: JPY "1500", EUR "49.00", KWD "12.500". The number of digits comes from Intl
 * (`resolvedOptions().maximumFractionDigits` of a currency format), never a fixed "2 decimals"
 * (docs/decisions/0015-entities-and-money.md). Integer arithmetic on digit strings: no float drift.
 */

const digitsCache = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency (JPY 0, EUR 2, KWD 3); 2 for a code Intl does not know. */
export function currencyDigits(currency: string | null | undefined): number {
  const code = String(currency ?? "")
    .trim()
    .toUpperCase();
  const hit = digitsCache.get(code);
  if (hit !== undefined) return hit;
  let digits = 2;
  try {
    digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
      .maximumFractionDigits!;
  } catch {
    /* not a currency code Intl knows: keep 2 */
  }
  if (digitsCache.size < 500) digitsCache.set(code, digits);
  return digits;
}

/** A decimal amount → integer minor units of `currency`, rounding half away from zero. */
export function toMinorUnits(v: unknown, currency: string | null | undefined): number {
  if (v === null || v === undefined || v === "") return 0;
  const digits = currencyDigits(currency);
  const s = String(v).trim().replace(/,/g, "");
  const m = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m) {
    const n = Number(s);
    return Number.isFinite(n) ? Math.round(n * 10 ** digits) : 0;
  }
  const frac = (m[3] ?? "").padEnd(digits + 1, "0");
  let minor = Number((m[2] || "0") + frac.slice(0, digits));
  if (Number(frac[digits]) >= 5) minor += 1;
  return m[1] === "-" && minor !== 0 ? -minor : minor;
}

/** Integer minor units → decimal string with exactly the currency's digits. */
export function fromMinorUnits(minor: number, currency: string | null | undefined): string {
  const digits = currencyDigits(currency);
  const abs = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, "0");
  const whole = abs.slice(0, abs.length - digits);
  const frac = digits ? `.${abs.slice(abs.length - digits)}` : "";
  return `${minor < 0 ? "-" : ""}${whole}${frac}`;
}

/** "84.0" USD → "84.00" · "1500.0" JPY → "1500" · "12.5" KWD → "12.500" · "1,235.62" → "1235.62". */
export function normalizeAmount(v: unknown, currency: string | null | undefined): string {
  return fromMinorUnits(toMinorUnits(v, currency), currency);
}

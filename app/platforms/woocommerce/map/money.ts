/** Woo decimal strings → integer cents and back (no float drift). */

export function cents(v: unknown): number {
  if (v === null || v === undefined || v === "") return 0;
  const s = String(v).trim();
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m) {
    const n = Number(s);
    return Number.isFinite(n) ? Math.round(n * 100) : 0;
  }
  const whole = Number(m[2] || "0");
  const frac = (m[3] ?? "").padEnd(3, "0");
  let c = whole * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) c += 1;
  return m[1] ? -c : c;
}

export function fromCents(c: number): string {
  const neg = c < 0;
  const a = Math.abs(c);
  return `${neg ? "-" : ""}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
}

/** "49.8" / 49.82 / "1,235.62"? → "49.80" (2 decimals). */
export function toAmount(v: unknown): string {
  return fromCents(cents(typeof v === "string" ? v.replace(/,/g, "") : v));
}

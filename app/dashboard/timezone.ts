/**
 * Store-time-zone calendar arithmetic for the dashboard (no library: Intl knows every IANA zone).
 * Dates the merchant picks (YYYY-MM-DD) and the days Home counts are days in the store's zone.
 */
const DAY = 86_400_000;

/** A valid IANA zone name, else "UTC". */
export function safeTimeZone(tz: string | null | undefined): string {
  if (!tz) return "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz;
  } catch {
    return "UTC";
  }
}

/** The calendar day (YYYY-MM-DD) of an instant in a zone. */
export function ymdInZone(d: Date, tz: string): string {
  const p = new Intl.DateTimeFormat("en-CA", {
    timeZone: tz,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  })
    .formatToParts(d)
    .reduce<Record<string, string>>((acc, x) => ((acc[x.type] = x.value), acc), {});
  return `${p.year}-${p.month}-${p.day}`;
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetMs(at: Date, tz: string): number {
  const p = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  })
    .formatToParts(at)
    .reduce<Record<string, number>>(
      (acc, x) => (x.type !== "literal" && (acc[x.type] = Number(x.value)), acc),
      {},
    );
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a calendar day starts in a zone (DST-safe: the offset is taken at that instant). */
export function zonedDayStart(ymd: string, tz: string): Date {
  const [y, m, d] = ymd.split("-").map(Number);
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - offsetMs(new Date(guess), tz);
  return new Date(guess - offsetMs(new Date(first), tz));
}

/** The day after a YYYY-MM-DD day. */
export function nextYmd(ymd: string): string {
  const [y, m, d] = ymd.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d) + DAY).toISOString().slice(0, 10);
}

/** `days` consecutive calendar days ending with the day `now` is in, oldest first. */
export function lastDays(now: Date, days: number, tz: string): string[] {
  const today = ymdInZone(now, tz);
  const [y, m, d] = today.split("-").map(Number);
  const out: string[] = [];
  for (let i = days - 1; i >= 0; i--)
    out.push(new Date(Date.UTC(y, m - 1, d) - i * DAY).toISOString().slice(0, 10));
  return out;
}

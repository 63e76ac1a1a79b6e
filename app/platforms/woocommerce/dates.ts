/**
 * Date helpers for WooCommerce data. Pure, no dependencies.
 *
 * WooCommerce REST returns `date_*` (store-local wall time) and `date_*_gmt` (UTC), both
 * WITHOUT an offset, e.g. "2026-11-14T12:22:08".
 */

const NAIVE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** "2026-11-14T12:22:08" (UTC, no offset) → "2026-11-14T12:22:08.000Z". Accepts values that already carry an offset. */
export function gmtToIso(value: string | null | undefined): string | null {
  if (!value || typeof value !== "string") return null;
  const v = value.trim();
  if (!v || v.startsWith("0000")) return null;
  const m = NAIVE_RE.exec(v);
  if (m) {
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    return Number.isFinite(t) ? new Date(t).toISOString() : null;
  }
  const t = Date.parse(v);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

// One formatter per zone (building an Intl.DateTimeFormat costs far more than using it; an order's
// dates ask for the same zone many times). null: a zone the runtime does not know.
const formatters = new Map<string, Intl.DateTimeFormat | null>();
function zoneFormatter(timeZone: string): Intl.DateTimeFormat | null {
  let fmt = formatters.get(timeZone);
  if (fmt === undefined) {
    try {
      fmt = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      fmt = null;
    }
    if (formatters.size >= 500) formatters.clear(); // zone names come from store data: bounded
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

/** Offset (ms) of `timeZone` at the instant `utcMs`: local = utc + offset. */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const fmt = zoneFormatter(timeZone);
  if (!fmt) return 0; // unknown zone: treat as UTC
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(utcMs))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Wall-clock time in `timeZone` → UTC epoch ms. */
export function zonedWallTimeToUtcMs(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  timeZone: string,
): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  let t = guess - zoneOffsetMs(guess, timeZone);
  // second pass handles DST transitions between guess and t
  t = guess - zoneOffsetMs(t, timeZone);
  return t;
}

/** Store-local naive date-time → ISO UTC. */
export function localToIso(value: string | null | undefined, timeZone: string): string | null {
  if (!value) return null;
  const m = NAIVE_RE.exec(value.trim());
  if (!m) return gmtToIso(value);
  const t = zonedWallTimeToUtcMs(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), timeZone);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/** Prefer the `_gmt` field; fall back to the local field converted with the store's zone. */
export function wooDate(
  gmt: string | null | undefined,
  local: string | null | undefined,
  timeZone: string,
): string | null {
  return gmtToIso(gmt) ?? localToIso(local, timeZone);
}

/**
 * A calendar day (no time) → ISO instant at 12:00 store-local time, so the day is the same
 * when rendered in the store's zone (and in any zone within ±11 h of it).
 */
export function dayToIso(y: number, mo: number, d: number, timeZone: string): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1) return null; // e.g. 31 November
  return new Date(zonedWallTimeToUtcMs(y, mo, d, 12, 0, 0, timeZone)).toISOString();
}

/** Calendar day (y, m, d) of an instant in `timeZone`. */
export function dayInZone(utcMs: number, timeZone: string): { y: number; m: number; d: number } {
  const local = new Date(utcMs + zoneOffsetMs(utcMs, timeZone));
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
}

/**
 * Shipment Tracking `date_shipped`: meta stores a unix-seconds (string) of midnight UTC of the
 * shipping day (strtotime of a date); the REST endpoint returns "YYYY-MM-DD". Both describe a
 * calendar day → noon store-local. A unix value that is not midnight UTC is a real instant.
 */
export function shippedDateToIso(value: unknown, timeZone: string): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number" || (typeof value === "string" && /^\d{9,11}$/.test(value.trim()))) {
    const secs = Number(value);
    if (!Number.isFinite(secs) || secs <= 0) return null;
    if (secs % 86400 === 0) {
      const d = new Date(secs * 1000);
      return dayToIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), timeZone);
    }
    return new Date(secs * 1000).toISOString();
  }
  if (typeof value === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    if (m) return dayToIso(+m[1], +m[2], +m[3], timeZone);
    const d = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value.trim()); // AST d-m-Y
    if (d) return dayToIso(+d[3], +d[2], +d[1], timeZone);
    return gmtToIso(value);
  }
  return null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  januar: 1,
  jänner: 1,
  janvier: 1,
  feb: 2,
  february: 2,
  februar: 2,
  février: 2,
  fevrier: 2,
  mar: 3,
  march: 3,
  märz: 3,
  maerz: 3,
  mars: 3,
  apr: 4,
  april: 4,
  avril: 4,
  may: 5,
  mai: 5,
  jun: 6,
  june: 6,
  juni: 6,
  juin: 6,
  jul: 7,
  july: 7,
  juli: 7,
  juillet: 7,
  aug: 8,
  august: 8,
  août: 8,
  aout: 8,
  sep: 9,
  sept: 9,
  september: 9,
  septembre: 9,
  oct: 10,
  october: 10,
  okt: 10,
  oktober: 10,
  octobre: 10,
  nov: 11,
  november: 11,
  novembre: 11,
  dec: 12,
  december: 12,
  dez: 12,
  dezember: 12,
  décembre: 12,
  decembre: 12,
};

const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

interface DayMatch {
  y: number | null;
  m: number;
  d: number;
  index: number;
}

/** Finds calendar dates written in free text: "24 November", "Tuesday, 24 November 2026", "November 24", "Nov 24, 2026", "24.11.2026", "24.11.", "2026-11-24". */
export function findDaysInText(text: string): DayMatch[] {
  const out: DayMatch[] = [];
  const dm = new RegExp(
    `\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(${MONTH_NAMES})\\.?(?:,?\\s+(\\d{4}))?(?![\\p{L}])`,
    "giu",
  );
  const md = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, "giu");
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
  const dotted = /(?<![\d€$£¥.,]\s?)\b(\d{1,2})\.(\d{1,2})\.(\d{4})?(?![\d€$£¥])/g; // 24.11.2026 / 24.11. — not amounts
  let m: RegExpExecArray | null;
  while ((m = dm.exec(text)))
    out.push({ d: +m[1], m: MONTHS[m[2].toLowerCase()], y: m[3] ? +m[3] : null, index: m.index });
  while ((m = md.exec(text)))
    out.push({ d: +m[2], m: MONTHS[m[1].toLowerCase()], y: m[3] ? +m[3] : null, index: m.index });
  while ((m = iso.exec(text))) out.push({ y: +m[1], m: +m[2], d: +m[3], index: m.index });
  while ((m = dotted.exec(text))) out.push({ d: +m[1], m: +m[2], y: m[3] ? +m[3] : null, index: m.index });
  return out.filter((x) => x.m >= 1 && x.m <= 12 && x.d >= 1 && x.d <= 31).sort((a, b) => a.index - b.index);
}

/**
 * Resolves a day found in a note written at `writtenAtMs` to an ISO instant (noon store-local).
 * Dates without a year take the first occurrence not before the note's day. Returns null when
 * the date lies before the note day or more than `maxDaysAhead` after it.
 */
export function resolveDayAfter(
  day: { y: number | null; m: number; d: number },
  writtenAtMs: number,
  timeZone: string,
  maxDaysAhead = 90,
): string | null {
  const base = dayInZone(writtenAtMs, timeZone);
  const baseUtc = Date.UTC(base.y, base.m - 1, base.d);
  const years = day.y ? [day.y] : [base.y, base.y + 1];
  for (const y of years) {
    const t = Date.UTC(y, day.m - 1, day.d);
    const check = new Date(t);
    if (check.getUTCMonth() !== day.m - 1) continue;
    const diffDays = (t - baseUtc) / 86400000;
    if (diffDays < 0) continue;
    if (diffDays > maxDaysAhead) return null;
    return dayToIso(y, day.m, day.d, timeZone);
  }
  return null;
}

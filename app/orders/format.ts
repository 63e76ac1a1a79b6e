/**
 * Date and money formatting in the store's timezone and the shopper's language (Intl only).
 */
import type { Language } from "../protocol";
import type { Money } from "./types";

/** BCP-47 locale used for each shopper language. */
export const LOCALE_FOR: Record<Language, string> = {
  en: "en-US",
  es: "es-ES",
  fr: "fr-FR",
  de: "de-DE",
  pt: "pt-BR",
  it: "it-IT",
  nl: "nl-NL",
};

const dtfCache = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(opts);
  let f = dtfCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, opts);
    dtfCache.set(key, f);
  }
  return f;
}

/** Normalise Intl's narrow/no-break spaces to plain spaces so chat text is predictable. */
function plainSpaces(s: string): string {
  return s.replace(/[\u202f\u00a0]/g, " ");
}

const tzCache = new Map<string, string>();
/** The zone itself when Intl knows it, else "UTC" (so text and card fall back to the same clock). */
export function safeTz(tz: string | null | undefined): string {
  if (!tz) return "UTC";
  let z = tzCache.get(tz);
  if (z === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      z = tz;
    } catch {
      z = "UTC";
    }
    if (tzCache.size < 500) tzCache.set(tz, z);
  }
  return z;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const hourFormats = new Map<string, Intl.DateTimeFormat>();
/** zone + instant → calendar day: a turn asks for the same few instants (now, the order's dates) many times */
const dayMemo = new Map<string, string>();

function zoneFormat(
  cache: Map<string, Intl.DateTimeFormat>,
  zone: string,
  opts: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let f = cache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, ...opts });
    if (cache.size >= 500) cache.clear();
    cache.set(zone, f);
  }
  return f;
}

/** Calendar day "YYYY-MM-DD" of an instant in a timezone. */
export function calendarDay(iso: string | Date, tz: string): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  const zone = safeTz(tz);
  const key = `${zone}|${d.getTime()}`;
  const known = dayMemo.get(key);
  if (known !== undefined) return known;
  const parts = zoneFormat(dayFormats, zone, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(d);
  let year = "";
  let month = "";
  let day = "";
  for (const p of parts) {
    if (p.type === "year") year = p.value;
    else if (p.type === "month") month = p.value;
    else if (p.type === "day") day = p.value;
  }
  const out = `${year}-${month}-${day}`;
  if (dayMemo.size >= 2_000) dayMemo.clear();
  dayMemo.set(key, out);
  return out;
}

/** Hour of day (0-23) of an instant in a timezone. */
export function hourOfDay(iso: string | Date, tz: string): number {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  const h = zoneFormat(hourFormats, safeTz(tz), { hour: "numeric", hourCycle: "h23" }).format(d);
  return Number(h) % 24;
}

/**
 * Whole calendar days from `now` to `iso`, both taken as calendar days in the store's timezone.
 * 0 = same day, 1 = tomorrow, -1 = yesterday.
 */
export function dayDiff(iso: string | Date, now: Date, tz: string): number {
  const a = calendarDay(iso, tz);
  const b = calendarDay(now, tz);
  const ta = Date.UTC(Number(a.slice(0, 4)), Number(a.slice(5, 7)) - 1, Number(a.slice(8, 10)));
  const tb = Date.UTC(Number(b.slice(0, 4)), Number(b.slice(5, 7)) - 1, Number(b.slice(8, 10)));
  return Math.round((ta - tb) / 86_400_000);
}

export interface FormatDayOptions {
  /** include the weekday ("Fri Nov 13"); default true */
  weekday?: boolean;
  /** include the year when it differs from this instant's year (in tz) */
  now?: Date;
}

/**
 * A day in the store's timezone, in the shopper's language: en "Fri Nov 13" (or "Nov 13" without weekday),
 * de "Fr., 13. Nov.", es "vie, 13 nov", fr "ven. 13 nov.", …
 * Date-only strings ("2026-11-27") are taken as that calendar day.
 */
const dayTexts = new Map<string, string>();

export function formatDay(iso: string, tz: string, lang: Language, opts: FormatDayOptions = {}): string {
  const weekday = opts.weekday ?? true;
  // the same few dates are written several times per answer (text, card, next step): memoised by
  // everything the text depends on (the year of `now` only decides whether the year is shown)
  const zone = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? "UTC" : safeTz(tz);
  const nowYear =
    opts.now && !Number.isNaN(opts.now.getTime()) ? calendarDay(opts.now, zone).slice(0, 4) : "";
  const key = `${iso}|${tz}|${lang}|${weekday ? 1 : 0}|${nowYear}`;
  const known = dayTexts.get(key);
  if (known !== undefined) return known;
  const text = formatDayUncached(iso, tz, lang, weekday, opts.now);
  if (dayTexts.size >= 2_000) dayTexts.clear();
  dayTexts.set(key, text);
  return text;
}

function formatDayUncached(iso: string, tz: string, lang: Language, weekday: boolean, now?: Date): string {
  let d: Date;
  let zone = safeTz(tz);
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    d = new Date(`${iso}T12:00:00Z`);
    zone = "UTC";
  } else {
    d = new Date(iso);
  }
  if (Number.isNaN(d.getTime())) return iso;
  const withYear = now ? calendarDay(d, zone).slice(0, 4) !== calendarDay(now, zone).slice(0, 4) : false;
  const o: Intl.DateTimeFormatOptions = { timeZone: zone, month: "short", day: "numeric" };
  if (weekday) o.weekday = "short";
  if (withYear) o.year = "numeric";
  let s = dtf(LOCALE_FOR[lang] ?? "en-US", o).format(d);
  if (lang === "en") s = s.replace(/,(?= [A-Z][a-z]{2} \d)/, ""); // "Fri, Nov 13" → "Fri Nov 13"
  return plainSpaces(s);
}

const nfCache = new Map<string, Intl.NumberFormat>();

/** Money in the shopper's language: en "$300.89" / "€347.00", de "347,00 €", nl "€ 347,00". Amount strings like "84.0" are fine. */
export function formatMoney(money: Money, lang: Language): string {
  const n = Number(money.amount);
  if (!Number.isFinite(n)) return `${money.amount} ${money.currency}`;
  const locale = LOCALE_FOR[lang] ?? "en-US";
  const key = `${locale}|${money.currency}`;
  let f = nfCache.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, { style: "currency", currency: money.currency });
    } catch {
      return `${n.toFixed(2)} ${money.currency}`;
    }
    nfCache.set(key, f);
  }
  return plainSpaces(f.format(n));
}

export type RelativeDay = "today" | "tomorrow" | "yesterday";

/** "today" / "tomorrow" / "yesterday" relative to `now`, compared by calendar day in the store timezone; null otherwise. */
export function relativeDay(iso: string, now: Date, tz: string): RelativeDay | null {
  const d = dayDiff(iso, now, tz);
  return d === 0 ? "today" : d === 1 ? "tomorrow" : d === -1 ? "yesterday" : null;
}

/** Best-effort store country from its IANA timezone (used only for customs notes when the store country is unknown). */
export function countryFromTimezone(tz: string | null | undefined): string | null {
  if (!tz) return null;
  const map: Record<string, string> = {
    "Europe/Berlin": "DE",
    "Europe/London": "GB",
    "Europe/Paris": "FR",
    "Europe/Madrid": "ES",
    "Europe/Amsterdam": "NL",
    "Europe/Rome": "IT",
    "Europe/Lisbon": "PT",
    "Europe/Vienna": "AT",
    "Europe/Zurich": "CH",
    "Europe/Brussels": "BE",
    "Europe/Dublin": "IE",
    "America/Toronto": "CA",
    "America/Vancouver": "CA",
    "Australia/Sydney": "AU",
    "Australia/Melbourne": "AU",
    "Asia/Tokyo": "JP",
    "Asia/Kolkata": "IN",
  };
  if (map[tz]) return map[tz]!;
  if (
    /^America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Indiana\/.*|Boise)$/.test(tz) ||
    tz === "Pacific/Honolulu"
  )
    return "US";
  return null;
}

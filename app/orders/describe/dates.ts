/**
 * Dates read from free text (pickup holds in notes, processing time in the shipping policy) and the
 * date phrases of shipments. Every date is written by Ctx (store time zone, shopper language).
 */
import type { Shipment } from "../types";
import { hourOfDay } from "../format";
import type { Ctx } from "./context";

export const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  januar: 1,
  feb: 2,
  february: 2,
  februar: 2,
  mar: 3,
  march: 3,
  märz: 3,
  maerz: 3,
  apr: 4,
  april: 4,
  may: 5,
  mai: 5,
  jun: 6,
  june: 6,
  juni: 6,
  jul: 7,
  july: 7,
  juli: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  dez: 12,
  dezember: 12,
};

/** Parse "until Friday, 27 November" / "until November 27" / "bis Freitag, 27. November" from a note (best effort). */
export function parseHoldUntil(text: string, now: Date): string | null {
  const m1 = /(?:until|bis)\s+(?:[A-Za-zäöü]+,?\s+)?(\d{1,2})\.?\s+([A-Za-zäöü]+)/i.exec(text);
  const m2 = /(?:until|bis)\s+(?:[A-Za-zäöü]+,?\s+)?([A-Za-zäöü]+)\s+(\d{1,2})\b/i.exec(text);
  let day: number | null = null;
  let month: number | null = null;
  if (m1 && MONTHS[m1[2]!.toLowerCase()]) {
    day = Number(m1[1]);
    month = MONTHS[m1[2]!.toLowerCase()]!;
  } else if (m2 && MONTHS[m2[1]!.toLowerCase()]) {
    day = Number(m2[2]);
    month = MONTHS[m2[1]!.toLowerCase()]!;
  }
  if (!day || !month || day > 31) return null;
  let year = now.getUTCFullYear();
  const candidate = Date.UTC(year, month - 1, day);
  if (candidate < now.getTime() - 180 * 86_400_000) year += 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Processing time from the shipping policy ("within 1-2 business days" / "innerhalb von 1-2 Werktagen"). */
export function processingDays(policy: string | null | undefined): string | null {
  if (!policy) return null;
  const text = policy.replace(/<[^>]+>/g, " ");
  const m =
    /(?:leave|ship|dispatch|processing|process)[^.]{0,80}?(\d+(?:\s*[-–]\s*\d+)?)\s*business days/i.exec(
      text,
    ) ?? /(\d+(?:\s*[-–]\s*\d+)?)\s*(?:Werktag|Arbeitstag)/i.exec(text);
  return m ? m[1]!.replace(/\s*[-–]\s*/, "-") : null;
}

export function shippedDate(s: Shipment, x: Ctx, weekday: boolean): string {
  const iso = s.shippedAt ?? s.lastEvent?.at ?? null;
  if (!iso) return "";
  return weekday ? x.dw(iso) : x.d(iso);
}

export function labelWhen(iso: string, x: Ctx): string {
  const diff = x.diff(iso);
  const morning = hourOfDay(iso, x.c.timezone) < 12 && hourOfDay(x.c.now, x.c.timezone) < 18;
  const rel = diff === 0 ? (morning ? "morning" : "today") : diff === -1 ? "yesterday" : "other";
  return x.t("day_on", { rel, date: x.d(iso) });
}

/**
 * What an order answer is written for (language, store time zone, clock, store facts) and the small
 * writing helpers every describe module shares: catalogue lookup, dates in the store's zone, money, lists.
 */
import type { Language } from "../../protocol";
import { LOCALE_FOR, dayDiff, formatDay, formatMoney, safeTz } from "../format";
import { op, type OrderPhraseKey } from "../i18n";
import type { MessageValues } from "../../i18n/format";
import type { StorePolicies } from "../types";

export interface DescribeContext {
  lang: Language;
  /** the store's IANA timezone */
  timezone: string;
  now: Date;
  storeName?: string;
  supportEmail?: string | null;
  /** false for WooCommerce (no delivery state): never say "delivered" */
  knowsDelivery: boolean;
  policies?: StorePolicies;
  /** ISO country the store ships from; defaults to a guess from the timezone (used for import-duty notes) */
  storeCountry?: string | null;
}

export interface OrderDescription {
  /** 1–3 short sentences: the answer */
  text: string;
  /** one next step, if there is a useful one */
  nextStep?: string;
  /** localized plain-language status label, e.g. "Shipped" */
  statusLabel: string;
}

export class Ctx {
  constructor(readonly c: DescribeContext) {}
  get lang(): Language {
    return this.c.lang;
  }
  /** The store's time zone every date is written in (UTC when the store's zone is unknown to Intl). */
  get zone(): string {
    return safeTz(this.c.timezone);
  }
  t(key: OrderPhraseKey, vars: MessageValues = {}): string {
    return op(this.c.lang, key, vars);
  }
  /** "Fri Nov 13" */
  dw(iso: string): string {
    return formatDay(iso, this.zone, this.c.lang, { weekday: true, now: this.c.now });
  }
  /** "Nov 13" */
  d(iso: string): string {
    return formatDay(iso, this.zone, this.c.lang, { weekday: false, now: this.c.now });
  }
  money(m: { amount: string; currency: string }): string {
    return formatMoney(m, this.c.lang);
  }
  diff(iso: string): number {
    return dayDiff(iso, this.c.now, this.zone);
  }
  /** "today" / "tomorrow" / "yesterday" (the `rel` select of the day messages), or "other" */
  rel(iso: string, allowYesterday = true): string {
    const diff = this.diff(iso);
    if (diff === 0) return "today";
    if (diff === 1) return "tomorrow";
    return diff === -1 && allowYesterday ? "yesterday" : "other";
  }
  /** "today (Mon Nov 23)" / "tomorrow (Tue Nov 24)" / "Wed Nov 25" */
  relOrDate(iso: string, allowYesterday = false): string {
    return this.t("day", { rel: this.rel(iso, allowYesterday), date: this.dw(iso) });
  }
  /** "today (Mon Nov 23)" / "on Sat Nov 21" */
  relOrOn(iso: string): string {
    return this.t("day_on", { rel: this.rel(iso), date: this.dw(iso) });
  }
  /** "A, B and C" in the shopper's language (Intl.ListFormat) */
  list(parts: string[]): string {
    return listFormat(this.c.lang).format(parts);
  }
}

export const listFormats = new Map<Language, Intl.ListFormat>();
export function listFormat(lang: Language): Intl.ListFormat {
  let f = listFormats.get(lang);
  if (!f) {
    f = new Intl.ListFormat(LOCALE_FOR[lang] ?? "en-US", { type: "conjunction", style: "long" });
    listFormats.set(lang, f);
  }
  return f;
}

export function tidy(s: string, lang: Language = "en"): string {
  return s
    .replace(/\s{2,}/g, " ")
    .replace(lang === "fr" ? /\s+([.,])(?=\s|$)/g : /\s+([.,;:])(?=\s|$)/g, "$1")
    .replace(/\(\s+/g, "(")
    .replace(/(?<!\.)\.\.(?!\.)/g, ".")
    .trim();
}

/**
 * Builds the engine's ChatStore from the database rows (Store + BotSettings) and the platform's
 * own policies. Pure: the routes load the rows and pass them in.
 */
import type { StorePolicies } from "../orders/types";
import type { ChatStore } from "./dialogue/types";
import type { Language } from "../protocol";
import { LANGUAGES } from "../protocol";

export interface StoreRow {
  id: string;
  platform: string;
  name: string;
  supportEmail?: string | null;
  timezone?: string | null;
  currency?: string | null;
  /** JSON of merchant-entered policies {shipping?, returns?, …} */
  policies?: string | null;
}

export interface BotSettingsRow {
  name: string;
  greeting: string;
  orderTracking: boolean;
  handoffEnabled: boolean;
  faqEnabled: boolean;
  handoffEmail?: string | null;
  /** JSON array */
  languages?: string | null;
  /** JSON {timezone, days: {mon: [["09:00","17:00"]], …}} */
  businessHours?: string | null;
}

const DEFAULT_SETTINGS: BotSettingsRow = {
  name: "TrulyBot",
  greeting: "Hi! I can track your order or answer questions about shipping and returns.",
  orderTracking: true,
  handoffEnabled: true,
  faqEnabled: true,
  handoffEmail: null,
  languages: '["en"]',
  businessHours: null,
};

function parseJson<T>(s: string | null | undefined, fallback: T): T {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

/** Merchant-entered text wins over the platform's policy of the same kind when it is not empty. */
export function mergePolicies(
  platform: StorePolicies,
  merchantJson: string | null | undefined,
): StorePolicies {
  const merchant = parseJson<Record<string, unknown>>(merchantJson, {});
  const out: StorePolicies = { ...platform };
  for (const k of ["shipping", "returns", "privacy", "terms"] as const) {
    const v = merchant[k];
    if (typeof v === "string" && v.trim() !== "") out[k] = v;
  }
  return out;
}

const DAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/**
 * {timezone, days: {mon: [["09:00","17:00"]], …}} → "Mon–Fri 09:00–17:00 (America/New_York)" with
 * weekday names in the shopper's language; null when not configured.
 */
export function formatBusinessHours(json: string | null | undefined, lang: Language = "en"): string | null {
  const bh = parseJson<{
    timezone?: string;
    text?: string;
    days?: Record<string, [string, string][]>;
  } | null>(json, null);
  // The dashboard may store free text ({"text": "Mon-Fri 9-17 CET"}): shown as the merchant wrote it.
  if (bh && typeof bh.text === "string" && bh.text.trim()) return bh.text.trim().slice(0, 200);
  if (!bh || !bh.days) return null;
  // 2026-11-23 is a Monday
  const dayName = (i: number) =>
    new Intl.DateTimeFormat(lang, { weekday: "short", timeZone: "UTC" }).format(
      new Date(Date.UTC(2026, 10, 23 + i)),
    );
  const ranges = DAY_KEYS.map((d) =>
    (bh.days![d] ?? [])
      .filter((r) => Array.isArray(r) && r.length === 2)
      .map((r) => `${r[0]}-${r[1]}`)
      .join(", "),
  );
  const parts: string[] = [];
  let i = 0;
  while (i < 7) {
    if (!ranges[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < 7 && ranges[j + 1] === ranges[i]) j++;
    parts.push(`${j > i ? `${dayName(i)}-${dayName(j)}` : dayName(i)} ${ranges[i]}`);
    i = j + 1;
  }
  if (parts.length === 0) return null;
  return `${parts.join("; ")}${bh.timezone ? ` (${bh.timezone})` : ""}`;
}

export function chatStoreFromRecords(
  store: StoreRow,
  settings: BotSettingsRow | null,
  platformPolicies: StorePolicies,
  opts: { policyUrls?: ChatStore["policyUrls"]; lang?: Language } = {},
): ChatStore {
  const s = settings ?? DEFAULT_SETTINGS;
  const languages = parseJson<unknown>(s.languages, ["en"]);
  return {
    id: store.id,
    name: store.name,
    platform:
      store.platform === "woocommerce" ? "woocommerce" : store.platform === "shopify" ? "shopify" : "memory",
    supportEmail: store.supportEmail ?? null,
    timezone: store.timezone ?? null,
    currency: store.currency ?? null,
    policies: mergePolicies(platformPolicies, store.policies),
    policyUrls: opts.policyUrls,
    settings: {
      name: s.name,
      greeting: s.greeting,
      orderTracking: s.orderTracking,
      handoffEnabled: s.handoffEnabled,
      faqEnabled: s.faqEnabled,
      handoffEmail: s.handoffEmail ?? null,
      languages: Array.isArray(languages)
        ? languages.filter((l): l is Language => LANGUAGES.includes(l as Language))
        : ["en"],
      businessHours: formatBusinessHours(s.businessHours, opts.lang ?? "en"),
    },
  };
}

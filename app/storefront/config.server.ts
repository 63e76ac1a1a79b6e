/** GET {base}/config — the widget's settings, cacheable with an ETag (CONTRACTS.md §1). */
import crypto from "node:crypto";
import type { BotSettings, Store } from "@prisma/client";
import type { WidgetConfig } from "../protocol";
import { pickEnabledLanguage } from "../protocol/language";
import { safeTimeZone } from "../dashboard/timezone";
import type { Db } from "../db.server";
import { cachedConfigBytes, cachedSettings, type ConfigBytes } from "../cache/storefront.server";

export function parseLanguages(json: string | null | undefined): string[] {
  try {
    const v = JSON.parse(json ?? "[]");
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function buildWidgetConfig(
  store: Store,
  settings: BotSettings,
  requestedLocale?: string | null,
): WidgetConfig {
  const locale = pickEnabledLanguage([requestedLocale, store.locale], parseLanguages(settings.languages));
  return {
    bot: {
      name: settings.name,
      greeting: settings.greeting,
      accentColor: settings.accentColor,
      position: settings.position === "left" ? "left" : "right",
      avatarUrl: settings.avatarUrl ?? null,
      launcherLabel: settings.launcherLabel,
    },
    features: {
      orderTracking: settings.orderTracking,
      handoff: settings.handoffEnabled,
      faq: settings.faqEnabled,
    },
    locale,
    version: `${settings.version}.${settings.updatedAt.getTime()}`,
    // a zone Intl does not know (or none yet) is not sent: the widget then uses the shopper's
    ...(store.timezone && safeTimeZone(store.timezone) === store.timezone
      ? { timeZone: store.timezone }
      : {}),
  };
}

/** 200 with an ETag, or 304 when the widget already has this version. */
export function configResponse(request: Request, config: WidgetConfig): Response {
  const body = JSON.stringify(config);
  const etag = `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return configBytesResponse(request, { body, etag });
}

const CONFIG_HEADERS = {
  "Cache-Control": "no-cache",
  Vary: "Accept-Language",
  "X-Content-Type-Options": "nosniff",
};

function etagMatches(inm: string | null, etag: string): boolean {
  if (!inm) return false;
  if (inm.trim() === "*") return true;
  return inm.split(",").some((s) => s.trim().replace(/^W\//, "") === etag);
}

export function configBytesResponse(request: Request, bytes: ConfigBytes): Response {
  const headers = { ...CONFIG_HEADERS, ETag: bytes.etag };
  if (etagMatches(request.headers.get("if-none-match"), bytes.etag))
    return new Response(null, { status: 304, headers });
  return new Response(bytes.body, {
    status: 200,
    headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
  });
}

/**
 * The config answer of a verified store: settings, bytes and ETag from the store's versioned
 * cache (no database work while the store's version is unchanged). A store without a settings
 * row gets the defaults row created once (install normally creates it).
 */
export async function storefrontConfig(
  db: Db,
  request: Request,
  store: Store,
  requestedLocale: string | null,
): Promise<Response> {
  let settings = await cachedSettings(db, store.id);
  if (!settings) {
    settings = await db.botSettings.upsert({
      where: { storeId: store.id },
      create: { storeId: store.id },
      update: {},
    });
  }
  const locale = pickEnabledLanguage([requestedLocale, store.locale], parseLanguages(settings.languages));
  const s = settings;
  const bytes = await cachedConfigBytes(db, store.id, locale, async () =>
    JSON.stringify(buildWidgetConfig(store, s, locale)),
  );
  return configBytesResponse(request, bytes);
}

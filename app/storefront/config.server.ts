/** GET {base}/config — the widget's settings, cacheable with an ETag (CONTRACTS.md §1). */
import crypto from "node:crypto";
import type { BotSettings, Store } from "@prisma/client";
import type { WidgetConfig } from "../protocol";
import { pickEnabledLanguage } from "../protocol/language";
import { safeTimeZone } from "../dashboard/timezone";

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
  const headers = {
    ETag: etag,
    "Cache-Control": "no-cache",
    Vary: "Accept-Language",
    "X-Content-Type-Options": "nosniff",
  };
  const inm = request.headers.get("if-none-match");
  if (
    inm &&
    inm
      .split(",")
      .map((s) => s.trim().replace(/^W\//, ""))
      .includes(etag)
  ) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, {
    status: 200,
    headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
  });
}

/**
 * What the Woo adapter knows about the store (name, timezone, currency): what the app stored at
 * connect, the gaps filled from the REST index and general settings, cached for a few minutes.
 */
import type { StoreInfo } from "../../orders/types";
import { decodeEntities } from "../text";
import { WooApiError, type WooClient } from "./client";

/** A sub-resource the store may not expose (404 rest_no_route, a permission error): its fallback. */
export async function optional<T>(p: Promise<T>, fallback: T): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof WooApiError) return fallback;
    throw e;
  }
}

/** WordPress gmt_offset (hours, may be fractional) → a fixed-offset IANA zone when whole hours ("Etc/GMT-1" = UTC+1). */
function gmtOffsetZone(v: unknown): string | null {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  if (!Number.isFinite(n)) return null;
  if (n === 0) return "UTC";
  if (!Number.isInteger(n)) return null;
  return `Etc/GMT${n > 0 ? "-" : "+"}${Math.abs(n)}`;
}

async function loadStoreInfo(
  client: WooClient,
  storeUrl: string,
  given: Partial<StoreInfo>,
): Promise<StoreInfo> {
  const [index, general] = await Promise.all([
    given.name && given.timezone
      ? Promise.resolve(null)
      : optional(client.get<Record<string, unknown>>("/"), null),
    given.currency
      ? Promise.resolve(null)
      : optional(client.get<Array<{ id: string; value: unknown }>>("/wc/v3/settings/general"), null),
  ]);
  const setting = (id: string) =>
    Array.isArray(general) ? general.find((s) => s && s.id === id)?.value : undefined;
  const tz =
    typeof index?.timezone_string === "string" && index.timezone_string
      ? index.timezone_string
      : gmtOffsetZone(index?.gmt_offset);
  const currency = setting("woocommerce_currency");
  return {
    name:
      given.name ||
      (typeof index?.name === "string" ? decodeEntities(index.name) : "") ||
      new URL(storeUrl).host,
    domain: given.domain || new URL(storeUrl).host,
    currency: given.currency || (typeof currency === "string" ? currency : "") || "",
    timezone: given.timezone || tz || "UTC",
    locale: given.locale ?? null,
    supportEmail: given.supportEmail ?? null,
  };
}

export interface StoreInfoCache {
  get(): Promise<StoreInfo>;
  clear(): void;
}

/** One load in flight at a time; the value kept for `ttlMs`. */
export function createStoreInfoCache(
  client: WooClient,
  storeUrl: string,
  given: Partial<StoreInfo>,
  ttlMs: number,
  now: () => number,
): StoreInfoCache {
  let cache: { at: number; value: StoreInfo } | null = null;
  let inflight: Promise<StoreInfo> | null = null;
  return {
    async get() {
      if (cache && now() - cache.at < ttlMs) return cache.value;
      if (!inflight) {
        inflight = loadStoreInfo(client, storeUrl, given)
          .then((value) => {
            cache = { at: now(), value };
            return value;
          })
          .finally(() => {
            inflight = null;
          });
      }
      return inflight;
    },
    clear() {
      cache = null;
    },
  };
}

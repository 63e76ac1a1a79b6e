/**
 * What the storefront reads on every request, cached per database client and invalidated by the
 * store's version (./versioned.server.ts): the store (by id and by platform + domain), whether a
 * Shopify shop has its offline session, the settings row, the FAQ, the platform's policies and
 * the serialised widget config with its ETag. One instance of these caches exists per database
 * client, so two clients on one database behave like two app instances.
 */
import crypto from "node:crypto";
import type { BotSettings, Store } from "@prisma/client";
import type { Db } from "../db.server";
import type { StorePolicies } from "../orders/types";
import type { FaqEntryRecord } from "../chat/repository";
import { StoreVersions, VersionedCache, type VersionedCacheOptions } from "./versioned.server";

export interface ConfigBytes {
  body: string;
  etag: string;
}

export interface StorefrontCaches {
  versions: StoreVersions;
  store: VersionedCache<Store | null>;
  session: VersionedCache<boolean>;
  settings: VersionedCache<BotSettings | null>;
  faq: VersionedCache<FaqEntryRecord[]>;
  policies: VersionedCache<StorePolicies>;
  config: VersionedCache<ConfigBytes>;
  secrets: VersionedCache<{ secret: string | null; pending: string | null }>;
  /** platform|domain → store id (a store's domain never changes; a stale id is detected on read) */
  ids: Map<string, string>;
}

const byClient = new WeakMap<Db, StorefrontCaches>();

export function createStorefrontCaches(db: Db, opts: VersionedCacheOptions = {}): StorefrontCaches {
  const versions = new StoreVersions(db, opts);
  const c = <T>() => new VersionedCache<T>(versions, opts);
  return {
    versions,
    store: c(),
    session: c(),
    settings: c(),
    faq: c(),
    policies: c(),
    config: c(),
    secrets: c(),
    ids: new Map(),
  };
}

/** The caches of this database client (created on first use). */
export function storefrontCaches(db: Db): StorefrontCaches {
  let caches = byClient.get(db);
  if (!caches) {
    caches = createStorefrontCaches(db);
    byClient.set(db, caches);
  }
  return caches;
}

/** For tests: caches with a custom clock or check interval for this client. */
export function setStorefrontCaches(db: Db, caches: StorefrontCaches) {
  byClient.set(db, caches);
}

export function cachedStoreById(db: Db, id: string): Promise<Store | null> {
  return storefrontCaches(db).store.get(id, () => db.store.findUnique({ where: { id } }));
}

/** A store by platform and domain; unknown domains are not cached (each is one indexed read). */
export async function cachedStoreByDomain(
  db: Db,
  platform: "shopify" | "woocommerce",
  domain: string,
): Promise<Store | null> {
  const caches = storefrontCaches(db);
  const k = `${platform}|${domain}`;
  const id = caches.ids.get(k);
  if (id) {
    const s = await cachedStoreById(db, id);
    if (s && s.platform === platform && s.domain === domain) return s;
    caches.ids.delete(k);
  }
  const found = await db.store.findUnique({ where: { platform_domain: { platform, domain } } });
  if (!found) return null;
  if (caches.ids.size >= 10_000) caches.ids.delete(caches.ids.keys().next().value!);
  caches.ids.set(k, found.id);
  // through the store cache: its loader reads the row again AFTER the version (a write between
  // the lookup above and the version read must not be cached under the newer version)
  const s = await cachedStoreById(db, found.id);
  return s && s.platform === platform && s.domain === domain ? s : null;
}

/** Whether the Shopify shop has an offline session (what the app proxy needs to act for it). */
export function cachedHasSession(db: Db, store: Store): Promise<boolean> {
  return storefrontCaches(db).session.get(store.id, async () => {
    const s = await db.session.findFirst({
      where: { shop: store.domain, isOnline: false },
      select: { id: true },
    });
    return s !== null;
  });
}

export function cachedSettings(db: Db, storeId: string): Promise<BotSettings | null> {
  return storefrontCaches(db).settings.get(storeId, () => db.botSettings.findUnique({ where: { storeId } }));
}

/** The serialised config for one store and locale, with its ETag (hashed once per version). */
export function cachedConfigBytes(
  db: Db,
  storeId: string,
  locale: string,
  build: () => Promise<string>,
): Promise<ConfigBytes> {
  return storefrontCaches(db).config.get(
    storeId,
    async () => {
      const body = await build();
      const etag = `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
      return { body, etag };
    },
    locale,
  );
}

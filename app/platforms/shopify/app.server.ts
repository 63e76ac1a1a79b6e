/**
 * The one shopifyApp() call. Offline tokens are stored, sealed, through the Prisma session storage.
 * API version: SHOPIFY_API_VERSION (./api-version.ts), the version whose Admin schema the test suite
 * validates every query against (docs/decisions/0014-admin-graphql-client.md).
 */
import "@shopify/shopify-app-remix/adapters/node";
import { AppDistribution, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import type { PrismaClient } from "@prisma/client";
import { getDb } from "../../db.server";
import { loadEnv } from "../../env.server";
import { onShopifyInstall } from "./install.server";
import { SealedSessionStorage } from "../../stores/session-storage.server";

import { SHOPIFY_API_VERSION } from "./api-version";

export { SHOPIFY_API_VERSION };

const env = loadEnv();

/**
 * PrismaSessionStorage wants a client synchronously; ours is created asynchronously (driver
 * adapter). A Proxy forwards `session.*` calls once the client is ready.
 */
const lazyPrisma = new Proxy({} as PrismaClient, {
  get(_t, prop: string) {
    if (prop === "then") return undefined;
    return new Proxy(
      {},
      {
        get(_t2, method: string) {
          return async (...args: unknown[]) => {
            const db = (await getDb()) as unknown as Record<
              string,
              Record<string, (...a: unknown[]) => unknown>
            >;
            return db[prop][method](...args);
          };
        },
      },
    );
  },
});

/** Offline tokens are sealed at rest (app/stores/session-storage.server.ts wraps the Prisma storage). */
export const sessionStorage = new SealedSessionStorage(new PrismaSessionStorage(lazyPrisma));

const shopify = shopifyApp({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: SHOPIFY_API_VERSION,
  scopes: env.SCOPES.split(",")
    .map((s) => s.trim())
    .filter(Boolean),
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage,
  distribution: AppDistribution.AppStore,
  // The library logs every proxy request at INFO; follow LOG_LEVEL (default info → library warnings only).
  logger: {
    level: {
      debug: LogSeverity.Debug,
      info: LogSeverity.Warning,
      warn: LogSeverity.Warning,
      error: LogSeverity.Error,
    }[env.LOG_LEVEL],
  },
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  hooks: {
    afterAuth: async ({ session, admin }) => {
      await onShopifyInstall({ session, admin });
    },
  },
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const apiVersion = SHOPIFY_API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;

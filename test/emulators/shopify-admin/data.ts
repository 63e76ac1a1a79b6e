/**
 * Loading the demo Shopify store (fixtures/demo/shopify-store.json in the repo; falls back to the
 * shared fixtures folder while the repo copy does not exist yet).
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { SHOPIFY_ADMIN_SCHEMA_FILE } from "../../../app/platforms/shopify/api-version";

export interface DemoShopifyStore {
  shop: Record<string, unknown> & { myshopifyDomain: string; ianaTimezone: string; currencyCode: string };
  customers: (Record<string, unknown> & { id: string })[];
  orders: (Record<string, unknown> & { id: string; name: string; createdAt: string })[];
  /** the shop's return reason library; absent: the emulator's (./return-reasons.ts) */
  returnReasonDefinitions?: Record<string, unknown>[];
}

export function defaultDemoStorePath(): string {
  return fileURLToPath(new URL("../../../fixtures/demo/shopify-store.json", import.meta.url));
}

/** A fresh deep copy every call, so tests can mutate their copy freely. */
export function loadDemoShopifyStore(path: string | URL = defaultDemoStorePath()): DemoShopifyStore {
  const p = path instanceof URL ? fileURLToPath(path) : path;
  return JSON.parse(fs.readFileSync(p, "utf8")) as DemoShopifyStore;
}

/** The Admin GraphQL SDL of the app's API version (fixtures/shopify/admin-graphql/). */
export function defaultAdminSchemaPath(): string {
  return fileURLToPath(
    new URL(`../../../fixtures/shopify/admin-graphql/${SHOPIFY_ADMIN_SCHEMA_FILE}`, import.meta.url),
  );
}

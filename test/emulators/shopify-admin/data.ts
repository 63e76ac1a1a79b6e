/**
 * Loading the demo Shopify store (fixtures/demo/shopify-store.json in the repo; falls back to the
 * shared fixtures folder while the repo copy does not exist yet).
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";

export interface DemoShopifyStore {
  shop: Record<string, unknown> & { myshopifyDomain: string; ianaTimezone: string; currencyCode: string };
  customers: (Record<string, unknown> & { id: string })[];
  orders: (Record<string, unknown> & { id: string; name: string; createdAt: string })[];
}

const FALLBACK_PATH = "/work/shared/fixtures/demo/shopify-store.json";

export function defaultDemoStorePath(): string {
  const inRepo = fileURLToPath(new URL("../../../fixtures/demo/shopify-store.json", import.meta.url));
  if (fs.existsSync(inRepo)) return inRepo;
  return FALLBACK_PATH;
}

/** A fresh deep copy every call, so tests can mutate their copy freely. */
export function loadDemoShopifyStore(path: string | URL = defaultDemoStorePath()): DemoShopifyStore {
  const p = path instanceof URL ? fileURLToPath(path) : path;
  return JSON.parse(fs.readFileSync(p, "utf8")) as DemoShopifyStore;
}

const SCHEMA_FALLBACK_PATH = "/work/shared/fixtures/shopify/admin-graphql/admin-2026-01.schema.graphql";

/** The Admin GraphQL 2026-01 SDL: the repo copy (fixtures/shopify/admin-graphql/) when present, else the shared one. */
export function defaultAdminSchemaPath(): string {
  const inRepo = fileURLToPath(
    new URL("../../../fixtures/shopify/admin-graphql/admin-2026-01.schema.graphql", import.meta.url),
  );
  if (fs.existsSync(inRepo)) return inRepo;
  return SCHEMA_FALLBACK_PATH;
}

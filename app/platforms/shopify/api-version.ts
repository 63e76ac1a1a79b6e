/**
 * The one Shopify API version of the app: the shopifyApp() call (app.server.ts), the Admin GraphQL
 * client, shopify.app.toml `[webhooks] api_version` (checked by queries.test.ts), the Admin API
 * emulator and the schema every query is validated against
 * (fixtures/shopify/admin-graphql/admin-<version>.schema.graphql). See
 * docs/decisions/0004-shopify-api-version.md: upgrading = new schema file + this line + the toml.
 */
import type { ApiVersion } from "@shopify/shopify-api";

export const SHOPIFY_API_VERSION = "2026-01" as ApiVersion.January26;

/** The schema SDL file (under fixtures/shopify/admin-graphql/) of SHOPIFY_API_VERSION. */
export const SHOPIFY_ADMIN_SCHEMA_FILE = `admin-${SHOPIFY_API_VERSION}.schema.graphql`;

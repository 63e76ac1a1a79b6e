/**
 * Shopify install (afterAuth hook) creates the workspace, store and default settings; and every
 * GraphQL document the app sends outside the platform adapter validates against the real schema of
 * SHOPIFY_API_VERSION.
 */
import fs from "node:fs";
import { buildSchema, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../../app/db.server";
import { onShopifyInstall, SHOP_FACTS_QUERY } from "../../app/platforms/shopify/install.server";
import { EMBED_STATUS_QUERY } from "../../app/dashboard/embed-status";
import { createTestDb } from "../helpers/db";
import { defaultAdminSchemaPath } from "../emulators/shopify-admin/data";

const schema = buildSchema(fs.readFileSync(defaultAdminSchemaPath(), "utf8"));

describe("GraphQL documents outside the adapter", () => {
  it.each([
    ["shop facts (install)", SHOP_FACTS_QUERY],
    ["theme app embed status (dashboard)", EMBED_STATUS_QUERY],
  ])("%s validates against the Admin API schema of SHOPIFY_API_VERSION", (_n, doc) => {
    expect(validate(schema, parse(doc)).map((e) => e.message)).toEqual([]);
  });
});

describe("install", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDb());
    setDb(db);
  });
  afterAll(async () => cleanup?.());

  it("GIVEN a merchant installs WHEN afterAuth runs THEN workspace, store (with shop facts) and default bot settings exist", async () => {
    const session = { shop: "new-merchant.myshopify.com", scope: "read_orders,read_themes" } as never;
    const admin = {
      graphql: async (query: string) => {
        expect(validate(schema, parse(query))).toEqual([]);
        return Response.json({
          data: {
            shop: {
              name: "New Merchant",
              currencyCode: "CAD",
              ianaTimezone: "America/Toronto",
              contactEmail: "help@new.example",
              myshopifyDomain: "new-merchant.myshopify.com",
            },
          },
        });
      },
    };
    const store = await onShopifyInstall({ session, admin });
    expect(store).toMatchObject({
      platform: "shopify",
      domain: "new-merchant.myshopify.com",
      name: "New Merchant",
      currency: "CAD",
      timezone: "America/Toronto",
      status: "active",
      scopes: "read_orders,read_themes",
    });
    expect(await db.workspace.count({ where: { id: store.workspaceId } })).toBe(1);
    expect(await db.botSettings.findUnique({ where: { storeId: store.id } })).not.toBeNull();
    expect(await db.activityLog.count({ where: { storeId: store.id, action: "store.installed" } })).toBe(1);
  });

  it("still installs when the shop facts query fails (facts are refreshed later)", async () => {
    const session = { shop: "flaky.myshopify.com", scope: "read_orders" } as never;
    const store = await onShopifyInstall({
      session,
      admin: { graphql: async () => new Response("boom", { status: 502 }) },
    });
    expect(store.status).toBe("active");
  });
});

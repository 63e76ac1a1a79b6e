import { describe, it, expect } from "vitest";
import fs from "node:fs";
import {
  buildSchema,
  parse,
  validate,
  specifiedRules,
  NoDeprecatedCustomRule,
  Kind,
  type OperationDefinitionNode,
} from "graphql";
import { defaultAdminSchemaPath } from "../../../test/emulators/shopify-admin/data";
import { SUPPORTED_API_VERSIONS } from "../../../test/emulators/shopify-admin/emulator";
import { ALL_DOCUMENTS, SHOPIFY_API_VERSION, orderNumberSearchQuery } from "./queries";

const schemaPath = defaultAdminSchemaPath();
// built once for this file: the SDL is 3 MB
const schema = buildSchema(fs.readFileSync(schemaPath, "utf8"));

describe("Admin GraphQL documents", () => {
  it("one API version: the constant, shopify.app.toml [webhooks] api_version and the schema file agree", () => {
    expect(SHOPIFY_API_VERSION).toBe("2026-01");
    const toml = fs.readFileSync(new URL("../../../shopify.app.toml", import.meta.url), "utf8");
    const versions = [...toml.matchAll(/^\s*api_version\s*=\s*"([^"]+)"/gm)].map((m) => m[1]);
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions)).toEqual(new Set([SHOPIFY_API_VERSION]));
    expect(schemaPath.endsWith(`admin-${SHOPIFY_API_VERSION}.schema.graphql`)).toBe(true);
    expect(SUPPORTED_API_VERSIONS).toEqual([SHOPIFY_API_VERSION]);
  });

  it("exports the documents the adapter needs", () => {
    expect(Object.keys(ALL_DOCUMENTS).sort()).toEqual(
      [
        "ACCESS_SCOPES",
        "CUSTOMER_ORDERS",
        "ORDERS_BY_QUERY",
        "ORDER_BY_ID",
        "ORDER_SEARCH",
        "SHOP_INFO",
      ].sort(),
    );
  });

  for (const [name, doc] of Object.entries(ALL_DOCUMENTS)) {
    it(`${name} is valid against the schema of SHOPIFY_API_VERSION`, () => {
      const errors = validate(schema, parse(doc));
      expect(errors.map((e) => e.message)).toEqual([]);
    });
    it(`${name} uses no deprecated field`, () => {
      const errors = validate(schema, parse(doc), [...specifiedRules, NoDeprecatedCustomRule]);
      expect(errors.map((e) => e.message)).toEqual([]);
    });
    it(`${name} is one named query operation`, () => {
      const ops = parse(doc).definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      expect(ops).toHaveLength(1);
      expect(ops[0].operation).toBe("query");
      expect(ops[0].name?.value).toMatch(/^TrulyBot/);
    });
  }

  it("the validator really rejects a wrong field (the test can fail)", () => {
    const errors = validate(schema, parse(`query { shop { name nonExistingField } }`));
    expect(errors.length).toBeGreaterThan(0);
  });

  it("orderNumberSearchQuery quotes the name and strips '#' and quotes", () => {
    expect(orderNumberSearchQuery("1003")).toBe('name:"#1003"');
    expect(orderNumberSearchQuery("#1003")).toBe('name:"#1003"');
    expect(orderNumberSearchQuery(' 10"03 ')).toBe('name:"#1003"');
  });
});

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
import { ALL_DOCUMENTS, SHOPIFY_API_VERSION, orderNumberSearchQuery } from "./queries";

const schemaPath = defaultAdminSchemaPath();
// built once for this file: the SDL is 3 MB
const schema = buildSchema(fs.readFileSync(schemaPath, "utf8"));

describe("Admin GraphQL documents", () => {
  it("pins API version 2026-01 (the schema the queries are validated against)", () => {
    expect(SHOPIFY_API_VERSION).toBe("2026-01");
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
    it(`${name} is valid against the 2026-01 schema`, () => {
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

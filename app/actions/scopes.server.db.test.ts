/**
 * Which Shopify scopes the Self-service page asks the library's optional-scope flow for
 * (`scopes.request` in app/routes/app.actions.tsx): none while every action is off or handed to a
 * person, write_orders once one is on, write_returns only for returns, and nothing already granted.
 * The rules and the store's granted scopes are real rows; the form is what the page posts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db.server";
import { createTestDb } from "../../test/helpers/db";
import { ctxFor, formOf, seedWorkspace } from "../../test/support/dashboard";
import { loadActionsPage, saveActionsPage } from "./dashboard.server";

let db: Db;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

const ALL = ["pending_payment", "on_hold", "processing"];

async function save(granted: string, fields: Record<string, string | string[]>) {
  const { store } = await seedWorkspace(db, { platform: "shopify" });
  await db.store.update({ where: { id: store.id }, data: { scopes: granted } });
  const ctx = ctxFor(db, store);
  const r = await saveActionsPage(ctx, formOf(fields));
  return { r, page: await loadActionsPage(ctx) };
}

describe("Shopify scopes for self-service", () => {
  it("asks for nothing while every action is off, or on but handed to a person", async () => {
    expect((await save("read_orders,read_themes", {})).r.requestScopes).toEqual([]);
    const { r, page } = await save("read_orders", {
      "cancel.enabled": "on",
      "cancel.askPerson": "on",
      "cancel.statuses": ALL,
    });
    expect(r.ok).toBe(true);
    expect(r.requestScopes).toEqual([]);
    expect(page.missingScopes).toEqual([]);
  });

  it("cancel or address on: write_orders; return on as well: write_returns", async () => {
    const cancel = await save("read_orders,read_themes", { "cancel.enabled": "on", "cancel.statuses": ALL });
    expect(cancel.r.requestScopes).toEqual(["write_orders"]);
    expect(cancel.page.missingScopes).toEqual(["write_orders"]);
    const both = await save("read_orders", {
      "address.enabled": "on",
      "address.statuses": ALL,
      "return.enabled": "on",
      "return.statuses": ["delivered"],
    });
    expect(both.r.requestScopes).toEqual(["write_orders", "write_returns"]);
  });

  it("asks only for what the installation has not granted yet", async () => {
    const { r, page } = await save("read_orders, write_orders", {
      "cancel.enabled": "on",
      "cancel.statuses": ALL,
      "return.enabled": "on",
      "return.statuses": ["delivered"],
    });
    expect(r.requestScopes).toEqual(["write_returns"]);
    expect(page.missingScopes).toEqual(["write_returns"]);
    const granted = await save("read_orders,write_orders,write_returns", {
      "return.enabled": "on",
      "return.statuses": ["delivered"],
    });
    expect(granted.r.requestScopes).toEqual([]);
  });

  it("a WooCommerce store never asks for Shopify scopes", async () => {
    const { store } = await seedWorkspace(db, { platform: "woocommerce" });
    const r = await saveActionsPage(
      ctxFor(db, store),
      formOf({ "cancel.enabled": "on", "cancel.statuses": ALL }),
    );
    expect(r.requestScopes).toEqual([]);
  });
});

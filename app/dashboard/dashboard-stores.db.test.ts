/**
 * The dashboard's Stores loader/actions (link codes, disconnect), shared by the embedded /app and the
 * standalone /dashboard shells, against a real migrated database.
 */
import { describe, expect, it } from "vitest";
import type { Db } from "../db.server";
import { useDashboardDbHarness } from "../../test/support/dashboard-db";
import { sealSecret } from "../stores/secrets.server";
import { ctxFor, formOf, seedWorkspace } from "../../test/support/dashboard";
import { loadStores, storesAction, LINK_CODE_TTL_MS } from "./stores.server";

let db: Db;
useDashboardDbHarness((opened) => (db = opened));

describe("Stores", () => {
  it("links a WooCommerce store into the Shopify store's workspace with a one-time code", async () => {
    const shop = await seedWorkspace(db, { platform: "shopify" });
    const woo = await seedWorkspace(db, { platform: "woocommerce" });
    const wooCtx = ctxFor(db, woo.store);
    const gen = await storesAction(wooCtx, formOf({ intent: "link_code" }));
    expect(gen.ok).toBe(true);
    const code = gen.linkCode!.code;
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);

    const shopCtx = ctxFor(db, shop.store);
    const wrong = await storesAction(
      shopCtx,
      formOf({ intent: "link", storeId: woo.store.id, code: "AAAAA-BBBBB" }),
    );
    expect(wrong).toMatchObject({
      ok: false,
      status: 400,
      errors: { code: expect.stringMatching(/wrong, used or expired/) },
    });
    expect(await storesAction(shopCtx, formOf({ intent: "link", storeId: "", code: "x" }))).toMatchObject({
      ok: false,
      errors: { storeId: expect.any(String), code: expect.any(String) },
    });

    const linked = await storesAction(
      shopCtx,
      formOf({ intent: "link", storeId: woo.store.id, code: code.toLowerCase().replace("-", " ") }),
    );
    expect(linked).toMatchObject({ ok: true, message: "Woo Outfitters linked" });
    const stores = await loadStores(shopCtx);
    expect(stores.stores.map((s) => s.platform).sort()).toEqual(["shopify", "woocommerce"]);

    // single use
    const again = await storesAction(
      ctxFor(db, (await seedWorkspace(db)).store),
      formOf({ intent: "link", storeId: woo.store.id, code }),
    );
    expect(again.ok).toBe(false);
    expect((await db.store.findUniqueOrThrow({ where: { id: woo.store.id } })).workspaceId).toBe(
      shop.workspace.id,
    );
  });

  it("refuses expired link codes", async () => {
    const shop = await seedWorkspace(db);
    const woo = await seedWorkspace(db, { platform: "woocommerce" });
    const past = new Date(Date.now() - LINK_CODE_TTL_MS - 1000);
    const gen = await storesAction(ctxFor(db, woo.store), formOf({ intent: "link_code" }), past);
    const r = await storesAction(
      ctxFor(db, shop.store),
      formOf({ intent: "link", storeId: woo.store.id, code: gen.linkCode!.code }),
    );
    expect(r.ok).toBe(false);
    expect((await db.store.findUniqueOrThrow({ where: { id: woo.store.id } })).workspaceId).toBe(
      woo.workspace.id,
    );
  });

  it("disconnects a WooCommerce store (credentials wiped) but explains Shopify uninstalls", async () => {
    const woo = await seedWorkspace(db, { platform: "woocommerce" });
    await db.store.update({
      where: { id: woo.store.id },
      data: {
        credentials: sealSecret(
          JSON.stringify({ consumerKey: "ck", consumerSecret: "cs", keyId: 7 }),
          "store.credentials",
        ),
        signingSecret: sealSecret("s", "store.signingSecret"),
      },
    });
    const ctx = ctxFor(db, woo.store);
    const r = await storesAction(ctx, formOf({ intent: "disconnect", storeId: woo.store.id }));
    expect(r).toMatchObject({ ok: true, status: 200 });
    const s = await db.store.findUniqueOrThrow({ where: { id: woo.store.id } });
    expect(s).toMatchObject({ status: "disconnected", credentials: null, signingSecret: null });

    const shop = await seedWorkspace(db, { platform: "shopify" });
    const sr = await storesAction(
      ctxFor(db, shop.store),
      formOf({ intent: "disconnect", storeId: shop.store.id }),
    );
    expect(sr).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringMatching(/uninstalling TrulyBot in the Shopify admin/),
    });
    expect(
      await storesAction(ctxFor(db, shop.store), formOf({ intent: "disconnect", storeId: woo.store.id })),
    ).toMatchObject({ ok: false, status: 404 });
  });
});

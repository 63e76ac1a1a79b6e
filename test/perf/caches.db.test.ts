/**
 * Versioned storefront caches across app instances: two database clients on the same database
 * are two instances, each with its own caches and a controllable clock (so nothing here depends
 * on timing). A write by one instance reaches the other at its next version check (every 500 ms);
 * an instance sees its own writes at once; between checks a cached config costs no database work.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onDbEvent, type Db } from "../../app/db.server";
import { createStorefrontCaches, setStorefrontCaches } from "../../app/cache/storefront.server";
import { storefrontConfig } from "../../app/storefront/config.server";
import { verifyShopifyStorefront } from "../../app/storefront/verify.server";
import { createTurnRepository } from "../../app/chat/turn-repository.server";
import { createTwoInstanceDb } from "../helpers/db";
import { appProxyRequest, seedShopifyShop } from "../helpers/seed";

const SECRET = process.env.SHOPIFY_API_SECRET!;
const SHOP = "cache-test.myshopify.com";
let a: Db; // instance A (serves the storefront)
let b: Db; // instance B (the merchant saves settings here)
let cleanup: () => Promise<void>;
let clock = 1_000_000;
let storeId = "";

beforeAll(async () => {
  ({ a, b, cleanup } = await createTwoInstanceDb());
  storeId = (await seedShopifyShop(b, SHOP, "shpat_cache")).id;
  setStorefrontCaches(a, createStorefrontCaches(a, { now: () => clock }));
  setStorefrontCaches(b, createStorefrontCaches(b, { now: () => clock }));
});
afterAll(async () => cleanup?.());

/** What the widget gets from instance `db`: status, ETag, body; and the round trips it cost. */
async function config(db: Db, headers: Record<string, string> = {}) {
  let roundTrips = 0;
  const off = onDbEvent(db, () => roundTrips++);
  try {
    const request = appProxyRequest("config", { shop: SHOP, secret: SECRET, headers });
    const ctx = await verifyShopifyStorefront(db, request, new URL(request.url));
    const res = ctx instanceof Response ? ctx : await storefrontConfig(db, request, ctx.store, ctx.locale);
    const text = await res.text();
    return {
      status: res.status,
      etag: res.headers.get("etag"),
      body: text ? (JSON.parse(text) as { bot?: { name: string; accentColor: string } }) : null,
      roundTrips,
    };
  } finally {
    off();
  }
}

describe("config across two instances", () => {
  it("GIVEN instance A serving the config WHEN the merchant saves a colour on instance B THEN A serves the new colour at its next version check (≤ 500 ms), and nothing stale after", async () => {
    const first = await config(a);
    expect(first.body?.bot?.accentColor).toBe("#1a73e8");
    await b.botSettings.update({ where: { storeId }, data: { accentColor: "#ff0000" } });
    // same instant on A's clock: still the cached answer, without touching the database
    const cached = await config(a);
    expect(cached).toMatchObject({ status: 200, etag: first.etag, roundTrips: 0 });
    expect(cached.body?.bot?.accentColor).toBe("#1a73e8");
    clock += 500;
    const fresh = await config(a);
    expect(fresh.body?.bot?.accentColor).toBe("#ff0000");
    expect(fresh.etag).not.toBe(first.etag);
    // the widget's old ETag no longer matches: 200 with the new body, not 304
    const revalidated = await config(a, { "if-none-match": first.etag! });
    expect(revalidated.status).toBe(200);
    expect((await config(a, { "if-none-match": fresh.etag! })).status).toBe(304);
  });

  it("an instance sees its own write at once (no wait for the version check)", async () => {
    await config(b);
    await b.botSettings.update({ where: { storeId }, data: { name: "Pip" } });
    expect((await config(b)).body?.bot?.name).toBe("Pip");
  });

  it("between version checks a cached config costs no database work; a check is one indexed read", async () => {
    clock += 500;
    await config(a); // picks up the earlier tests' changes
    clock += 500;
    const checked = await config(a);
    expect(checked.roundTrips).toBe(1);
    for (let i = 0; i < 20; i++) expect((await config(a)).roundTrips).toBe(0);
    expect((await config(a, { "if-none-match": checked.etag! })).status).toBe(304);
  });

  it("an uninstalled store, a deleted session and a switched-off store are refused by the other instance after one check", async () => {
    await config(a);
    await b.session.deleteMany({ where: { shop: SHOP } });
    clock += 500;
    expect((await config(a)).status).toBe(404);
    await b.session.create({
      data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "shpat_cache" },
    });
    clock += 500;
    expect((await config(a)).status).toBe(200);
    await b.store.update({ where: { id: storeId }, data: { status: "uninstalled" } });
    clock += 500;
    expect((await config(a)).status).toBe(404);
    await b.store.update({ where: { id: storeId }, data: { status: "active" } });
    clock += 500;
    expect((await config(a)).status).toBe(200);
  });

  it("a shop that connects after an unknown-shop answer is served at once (misses are not cached)", async () => {
    const other = "late-shop.myshopify.com";
    const ask = () => {
      const request = appProxyRequest("config", { shop: other, secret: SECRET });
      return verifyShopifyStorefront(a, request, new URL(request.url));
    };
    expect(((await ask()) as Response).status).toBe(404);
    await seedShopifyShop(b, other, "shpat_late");
    const ctx = await ask();
    expect(ctx).not.toBeInstanceOf(Response);
  });

  it("hostile: a forged signature is refused before any cache or database work", async () => {
    let roundTrips = 0;
    const off = onDbEvent(a, () => roundTrips++);
    const request = appProxyRequest("config", { shop: SHOP, secret: "not-the-secret" });
    const res = (await verifyShopifyStorefront(a, request, new URL(request.url))) as Response;
    off();
    expect(res.status).toBe(401);
    expect(roundTrips).toBe(0);
  });
});

describe("FAQ across two instances", () => {
  it("GIVEN A's turn repository answering from the cached FAQ WHEN the merchant adds an entry on B THEN A's next turn after a check sees it", async () => {
    const faq = () => createTurnRepository(a).listFaqEntries(storeId);
    expect(await faq()).toEqual([]);
    await b.faqEntry.create({
      data: { storeId, question: "Do you ship to Canada?", answer: "Yes, in 5 days." },
    });
    expect(await faq()).toEqual([]); // cached until A's next check
    clock += 500;
    expect((await faq()).map((f) => f.question)).toEqual(["Do you ship to Canada?"]);
    await b.faqEntry.deleteMany({ where: { storeId } });
    clock += 500;
    expect(await faq()).toEqual([]);
  });
});

/**
 * Shopify offline tokens at rest: the app's session storage seals them, legacy plaintext rows still
 * load (and are re-sealed), and `keys:rotate` re-encrypts them (and every store secret, pending too). Real database, raw SQL reads.
 */
import crypto from "node:crypto";
import { Session } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../db.server";
import { resetEnvForTests } from "../env.server";
import { createTestDb } from "../../test/helpers/db";
import { seedShopifyShop, seedWooStore } from "../../test/helpers/seed";
import { openSecret, sealSecret } from "./secrets.server";

let db: Db;
let cleanup: () => Promise<void>;
const keysBefore = process.env.ENCRYPTION_KEYS;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  setDb(db);
});
afterAll(async () => {
  process.env.ENCRYPTION_KEYS = keysBefore;
  resetEnvForTests();
  await cleanup?.();
});

async function rawSessions(): Promise<Record<string, unknown>[]> {
  return db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "Session"`);
}

const token = () => "shpat_" + crypto.randomBytes(16).toString("hex");

describe("sealed Shopify session storage", () => {
  it("stores the offline token sealed: the raw Session table holds no token, loading gives it back", async () => {
    const { sessionStorage } = await import("../platforms/shopify/app.server");
    const access = token();
    const refresh = "shprt_" + crypto.randomBytes(16).toString("hex");
    const session = new Session({
      id: "offline_sealed.myshopify.com",
      shop: "sealed.myshopify.com",
      state: "",
      isOnline: false,
      scope: "read_orders",
      accessToken: access,
      refreshToken: refresh,
    });
    expect(await sessionStorage.storeSession(session)).toBe(true);
    const dump = JSON.stringify(await rawSessions());
    expect(dump).not.toContain(access);
    expect(dump).not.toContain(refresh);
    expect(dump).toContain("tb1.");
    const loaded = await sessionStorage.loadSession(session.id);
    expect(loaded?.accessToken).toBe(access);
    expect(loaded?.refreshToken).toBe(refresh);
    const byShop = await sessionStorage.findSessionsByShop("sealed.myshopify.com");
    expect(byShop.map((s) => s.accessToken)).toEqual([access]);
  });

  it("a legacy plaintext row still works and is re-sealed the first time it is read", async () => {
    const { sessionStorage } = await import("../platforms/shopify/app.server");
    const access = token();
    await seedShopifyShop(db, "legacy.myshopify.com", access);
    expect(JSON.stringify(await rawSessions())).toContain(access);
    const loaded = await sessionStorage.loadSession("offline_legacy.myshopify.com");
    expect(loaded?.accessToken).toBe(access);
    expect(JSON.stringify(await rawSessions())).not.toContain(access);
    expect((await sessionStorage.loadSession("offline_legacy.myshopify.com"))?.accessToken).toBe(access);
  });

  it("keys:rotate re-encrypts sessions under the newest key (and seals plaintext rows)", async () => {
    const { rotateKeys } = await import("../cli/rotate-keys.server");
    const { sessionStorage } = await import("../platforms/shopify/app.server");
    const plain = token();
    await seedShopifyShop(db, "rotate.myshopify.com", plain);
    const woo = await seedWooStore(db, {
      url: "https://rotate-woo.example",
      consumerKey: "ck_" + "1".repeat(40),
      consumerSecret: "cs_" + "2".repeat(40),
    });
    await db.store.update({
      where: { id: woo.store.id },
      data: { pendingSigningSecret: sealSecret("next-secret", "store.signingSecret") },
    });
    process.env.ENCRYPTION_KEYS = `2:${crypto.randomBytes(32).toString("base64")},${keysBefore}`;
    resetEnvForTests();
    const result = await rotateKeys();
    expect(result.ok).toBe(true);
    expect(result.sessions.rotated).toBeGreaterThanOrEqual(3); // sealed access + refresh, plaintext access
    const rows = await rawSessions();
    for (const r of rows) expect(String(r.accessToken)).toMatch(/^tb1\.2\./);
    expect(JSON.stringify(rows)).not.toContain(plain);
    expect((await sessionStorage.loadSession("offline_rotate.myshopify.com"))?.accessToken).toBe(plain);
    const rotatedStore = await db.store.findUniqueOrThrow({ where: { id: woo.store.id } });
    for (const v of [rotatedStore.credentials, rotatedStore.signingSecret, rotatedStore.pendingSigningSecret])
      expect(v).toMatch(/^tb1\.2\./);
    expect(openSecret(rotatedStore.pendingSigningSecret!, "store.signingSecret")).toBe("next-secret");
    const again = await rotateKeys();
    expect(again.sessions.rotated).toBe(0);
  });
});

/**
 * The mirror's initial sync from a WooCommerce store over paged REST v3 (the WooCommerce emulator
 * over HTTP, real job runner and database), three orders a page: every recent visible order is
 * mirrored exactly as a live lookup shows it, and lookups then stop reaching the store.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Store } from "@prisma/client";
import type { Db } from "../../db.server";
import { startStorefrontWorld, type StorefrontWorld } from "../../../test/helpers/storefront";
import type { WooEmulator } from "../../../test/emulators/woocommerce/emulator";
import { adapterForStore } from "../adapters.server";
import { withOrderMirror } from "./adapter.server";
import { mirroredFields } from "./rows.server";
import { startMirrorSync } from "./sync.server";

let world: StorefrontWorld;
let db: Db;
let emu: WooEmulator;
let store: Store;

beforeAll(async () => {
  world = await startStorefrontWorld({ woo: true, jobs: { start: false } });
  ({ db, woo: emu } = world);
  store = await db.store.findUniqueOrThrow({ where: { id: world.wooStore.id } });
  // the demo orders lie in late 2026; mirror a window wide enough for all of them
  await db.botSettings.update({ where: { storeId: store.id }, data: { mirrorDays: 3650 } });
  await world.queue.start();
});
afterAll(async () => {
  await world?.close();
});

describe("WooCommerce initial mirror sync", () => {
  it("pages through the orders, mirrors each as the live lookup shows it, then answers without the store", async () => {
    await startMirrorSync(store.id, { pageSize: 3 });
    await vi.waitFor(
      async () =>
        expect((await db.orderMirrorSync.findUnique({ where: { storeId: store.id } }))?.status).toBe("done"),
      { timeout: 60_000, interval: 100 },
    );
    const listed = emu.requests.filter((r) => /\/wc\/v3\/orders\/?$/.test(r.path) && r.query.page);
    expect(listed.length).toBeGreaterThan(1); // more than one page
    const rows = await db.orderMirror.findMany({ where: { storeId: store.id } });
    const state = await db.orderMirrorSync.findUniqueOrThrow({ where: { storeId: store.id } });
    expect(rows.length).toBe(state.synced);
    expect(rows.length).toBeGreaterThan(3);

    const live = await adapterForStore(store);
    const mirrored = withOrderMirror(live, { db, storeId: store.id });
    for (const r of rows.slice(0, 3)) {
      const a = await live.findOrder({ orderNumber: r.orderNumber });
      expect(a.kind).toBe("found");
      const before = emu.requests.length;
      const b = await mirrored.findOrder({ orderNumber: `#${r.orderNumber}` });
      expect(emu.requests.length).toBe(before);
      expect(b.kind === "found" && b.order).toEqual(a.kind === "found" && mirroredFields(a.order));
    }
  });
});

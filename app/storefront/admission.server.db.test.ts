/**
 * The store-wide request limit must not refuse shoppers that the per-network limits already
 * separate (docs/decisions/0026-store-limit-fair-to-networks.md). Real database (SQLite, or
 * PostgreSQL with TEST_DB=postgres), the real counters; an attacker rotating browser identities
 * inside each of its networks sends everything it can.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db.server";
import { createTestDb } from "../../test/helpers/db";
import { NETWORK_REQUEST_LIMIT } from "../platforms/shopify/shopper-identity.server";
import { admitRequest, REQUEST_LIMITS, type Admission } from "./admission.server";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup?.());

const now = new Date("2026-12-03T12:00:00Z");

/** `perNetwork` requests from each of `networks` attacker networks, a new browser identity each, 25 at a time. */
async function flood(storeId: string, networks: number, perNetwork: number): Promise<Admission[]> {
  const out: Admission[] = [];
  const jobs: (() => Promise<Admission>)[] = [];
  for (let n = 0; n < networks; n++)
    for (let i = 0; i < perNetwork; i++)
      jobs.push(() =>
        admitRequest(db, storeId, { key: `attacker-${n}-${i}`, networkKey: `attack-net-${n}` }, now),
      );
  for (let i = 0; i < jobs.length; i += 25)
    out.push(...(await Promise.all(jobs.slice(i, i + 25).map((j) => j()))));
  return out;
}

describe("store-wide request limit vs per-network limits", () => {
  it("attackers from 8 networks send everything they can; a shopper from a 9th network is still answered", async () => {
    const results = await flood("store-8", 8, 400);
    // the attacker got what its networks allow and no more
    const allowed = results.filter((r) => r.allowed).length;
    expect(allowed).toBeLessThanOrEqual(8 * NETWORK_REQUEST_LIMIT.limit);
    expect(results.length).toBeGreaterThan(REQUEST_LIMITS.store.limit);
    // a real shopper from another network: their lookup and two follow-ups are answered
    for (let i = 0; i < 3; i++)
      expect(await admitRequest(db, "store-8", { key: "shopper-9", networkKey: "home-net-9" }, now)).toEqual({
        allowed: true,
      });
  });

  it("when many networks use up the store-wide budget, only networks beyond their share are refused", async () => {
    const share = REQUEST_LIMITS.networkShare.limit;
    const networks = Math.ceil(REQUEST_LIMITS.store.limit / (NETWORK_REQUEST_LIMIT.limit - share)) + 4;
    const results = await flood("store-many", networks, NETWORK_REQUEST_LIMIT.limit);
    // the budget protects the store: the attacker's networks were cut back to their share
    const refusedByStore = results.filter((r) => !r.allowed && r.scope === "store").length;
    expect(refusedByStore).toBeGreaterThan(0);
    const allowed = results.filter((r) => r.allowed).length;
    expect(allowed).toBe(REQUEST_LIMITS.store.limit + networks * share);
    // a busy network that comes now gets its share, then the store-wide refusal
    const busy: Admission[] = [];
    for (let i = 0; i < share + 3; i++)
      busy.push(await admitRequest(db, "store-many", { key: `office-${i}`, networkKey: "office-net" }, now));
    expect(busy.slice(0, share).every((r) => r.allowed)).toBe(true);
    expect(busy.slice(share).map((r) => !r.allowed && r.scope)).toEqual(["store", "store", "store"]);
    // real shoppers from other networks, and one whose plugin sends no network hash, are answered
    for (let k = 0; k < 5; k++)
      expect(
        (await admitRequest(db, "store-many", { key: `s-${k}`, networkKey: `home-${k}` }, now)).allowed,
      ).toBe(true);
    expect(
      (await admitRequest(db, "store-many", { key: "no-network-shopper", networkKey: null }, now)).allowed,
    ).toBe(true);
  });

  it("the shopper's and the network's own limits still apply under the share", async () => {
    const one: Admission[] = [];
    for (let i = 0; i < REQUEST_LIMITS.shopper.limit + 1; i++)
      one.push(await admitRequest(db, "store-own", { key: "same-browser", networkKey: "net-a" }, now));
    expect(one.filter((r) => r.allowed)).toHaveLength(REQUEST_LIMITS.shopper.limit);
    expect(one.at(-1)).toMatchObject({ allowed: false, scope: "shopper" });
    const later = new Date(now.getTime() + 61_000);
    const net = await flood("store-own-2", 1, NETWORK_REQUEST_LIMIT.limit + 2);
    expect(net.filter((r) => r.allowed)).toHaveLength(NETWORK_REQUEST_LIMIT.limit);
    expect(net.at(-1)).toMatchObject({ allowed: false, scope: "network" });
    // a new window starts the counts again
    expect(
      (await admitRequest(db, "store-own", { key: "same-browser", networkKey: "net-a" }, later)).allowed,
    ).toBe(true);
  });
});

/**
 * Equal timing, measured by work instead of wall time: the real WooCommerce adapter against the
 * emulator, with a clock that advances 100 "ms" per request the store serves. A found order costs
 * more requests (order + trackings + notes) than a number that does not exist; after padding, a
 * wrong-email lookup (the order is found) and a no-such-order lookup take the same time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWooAdapter } from "../platforms/woocommerce/adapter";
import { createWooClient } from "../platforms/woocommerce/client";
import { DEMO_WOO_KEY, startWooEmulator, type WooEmulator } from "../../test/emulators/woocommerce/emulator";
import { contactMatches } from "../chat/verification";
import type { FindOrderResult } from "../platforms/types";
import { createLatencyFloor, withLatencyFloor } from "./latency-floor";

let emu: WooEmulator;
beforeAll(async () => {
  emu = await startWooEmulator({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => emu?.close());

const COST_PER_REQUEST = 100;

function setup(minMs = 0) {
  let slept = 0;
  const clock = () => emu.requests.length * COST_PER_REQUEST + slept;
  const inner = createWooAdapter({
    client: createWooClient({ storeUrl: emu.url, ...DEMO_WOO_KEY }),
    storeUrl: emu.url,
  });
  const floor = createLatencyFloor({ minMs });
  const adapter = withLatencyFloor(inner, floor, {
    now: clock,
    sleep: async (ms) => {
      slept += ms;
    },
  });
  /** one lookup as the engine does it (order-flow.ts): find with the contact check, then compare */
  const lookup = async (orderNumber: string, email: string) => {
    const matches = (r: FindOrderResult) => r.kind === "found" && contactMatches(r.order, { email }) !== null;
    const t0 = clock();
    const r = await adapter.findOrder({ orderNumber, verify: matches });
    return { verified: matches(r), kind: r.kind, cost: clock() - t0 };
  };
  return { lookup, floor };
}

describe("equal timing for wrong email vs no such order", () => {
  it("without the floor the two differ in work; with it they cost the same", async () => {
    const { lookup, floor } = setup();
    const owner = await lookup("2002", "tobias.wagner@example.net"); // learns the found-order cost
    expect(owner.verified).toBe(true);
    const wrongEmail = await lookup("2002", "attacker@example.com");
    const noSuchOrder = await lookup("999999", "attacker@example.com");
    expect(wrongEmail).toMatchObject({ verified: false, kind: "found" });
    expect(noSuchOrder).toMatchObject({ verified: false, kind: "not_found" });
    expect(noSuchOrder.cost).toBe(wrongEmail.cost);
    expect(floor.paddedMs).toBeGreaterThan(0); // the unknown number was padded up to the found cost
  });

  it("before any found lookup the floor is the configured minimum, and it never exceeds the maximum", async () => {
    const floor = createLatencyFloor({ minMs: 300 });
    expect(floor.target()).toBe(300);
    floor.record(50);
    expect(floor.target()).toBe(300);
    floor.record(5000);
    expect(floor.target()).toBeLessThanOrEqual(3000);
  });

  it("the owner's verified answer is not padded; wrong email and no such order are padded alike", async () => {
    const { lookup, floor } = setup(1_000);
    const owner = await lookup("2002", "tobias.wagner@example.net");
    expect(owner.verified).toBe(true);
    expect(owner.cost).toBeLessThan(1_000); // only the store's own work: its body shows the order anyway
    expect(floor.paddedMs).toBe(0);
    const wrongEmail = await lookup("2002", "attacker@example.com");
    const noSuchOrder = await lookup("999999", "attacker@example.com");
    expect(wrongEmail.cost).toBe(1_000);
    expect(noSuchOrder.cost).toBe(1_000);
  });
});

import { describe, it, expect } from "vitest";
import { parseArgs } from "./server";

describe("shopify-admin emulator CLI arguments", () => {
  it("reads the port from argv, then env, then defaults to 4010", () => {
    expect(parseArgs(["--port", "5001"], { SHOPIFY_EMULATOR_PORT: "6000" }).port).toBe(5001);
    expect(parseArgs(["--port=5002"], {}).port).toBe(5002);
    expect(parseArgs([], { SHOPIFY_EMULATOR_PORT: "6000" }).port).toBe(6000);
    expect(parseArgs([], {}).port).toBe(4010);
    expect(parseArgs(["--port", "0"], {}).port).toBe(0);
  });
  it("rejects an invalid port and parses --now / --data", () => {
    expect(() => parseArgs(["--port", "abc"], {})).toThrow(/Invalid port/);
    const a = parseArgs(["--now", "2026-12-01T00:00:00Z", "--data", "/tmp/x.json"], {});
    expect(a.now?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(a.data).toBe("/tmp/x.json");
  });
  it("reads the plan and restore rate from argv, then env; rejects nonsense", () => {
    expect(parseArgs([], {}).plan).toBeUndefined();
    expect(parseArgs(["--plan", "plus"], {}).plan).toBe("plus");
    expect(parseArgs([], { SHOPIFY_EMULATOR_PLAN: "advanced" }).plan).toBe("advanced");
    expect(
      parseArgs(["--restore-rate", "1000"], { SHOPIFY_EMULATOR_RESTORE_RATE: "5" }).bucket.restoreRate,
    ).toBe(1000);
    expect(parseArgs([], { SHOPIFY_EMULATOR_RESTORE_RATE: "250" }).bucket.restoreRate).toBe(250);
    expect(parseArgs(["--bucket-size=2000"], {}).bucket.maximumAvailable).toBe(2000);
    expect(() => parseArgs(["--plan", "gold"], {})).toThrow(/Invalid plan/);
    expect(() => parseArgs(["--restore-rate", "-1"], {})).toThrow(/Invalid restore rate/);
    expect(() => parseArgs(["--restore-rate", "fast"], {})).toThrow(/Invalid restore rate/);
  });
});

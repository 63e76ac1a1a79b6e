import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { currencyDigits, fromMinorUnits, normalizeAmount, toMinorUnits } from "./money";

describe("currency minor units from Intl", () => {
  it("JPY 0, EUR/USD 2, KWD/BHD 3; unknown or hostile codes fall back to 2", () => {
    expect(currencyDigits("JPY")).toBe(0);
    expect(currencyDigits("EUR")).toBe(2);
    expect(currencyDigits("usd")).toBe(2);
    expect(currencyDigits("KWD")).toBe(3);
    expect(currencyDigits("BHD")).toBe(3);
    for (const bad of ["", "EURO", "<script>", null, undefined, "X".repeat(5000)])
      expect(currencyDigits(bad)).toBe(2);
  });

  it("amounts in and out of minor units, rounding half away from zero without float drift", () => {
    expect(toMinorUnits("1,235.62", "EUR")).toBe(123562);
    expect(toMinorUnits("0.125", "EUR")).toBe(13);
    expect(toMinorUnits("-27.905", "EUR")).toBe(-2791);
    expect(toMinorUnits("1500.4", "JPY")).toBe(1500);
    expect(toMinorUnits("1500.5", "JPY")).toBe(1501);
    expect(toMinorUnits("12.3456", "KWD")).toBe(12346);
    expect(toMinorUnits(74.79, "EUR")).toBe(7479);
    expect(fromMinorUnits(7, "EUR")).toBe("0.07");
    expect(fromMinorUnits(-2791, "EUR")).toBe("-27.91");
    expect(fromMinorUnits(12800, "JPY")).toBe("12800");
    expect(fromMinorUnits(5, "KWD")).toBe("0.005");
    expect(normalizeAmount("-0.00", "EUR")).toBe("0.00");
  });

  it("hostile input never throws and never yields NaN", () => {
    for (const v of ["abc", "1e400", "--1", {}, [], "  ", "１２"]) {
      expect(normalizeAmount(v, "EUR")).toMatch(/^-?\d+\.\d{2}$/);
    }
  });

  it("round trip: any amount already in minor units comes back unchanged (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom("JPY", "EUR", "KWD"),
        (minor, cur) => {
          expect(toMinorUnits(fromMinorUnits(minor, cur), cur)).toBe(minor);
        },
      ),
    );
  });
});

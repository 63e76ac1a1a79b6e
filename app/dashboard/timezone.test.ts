import { describe, expect, it } from "vitest";
import { lastDays, nextYmd, safeTimeZone, ymdInZone, zonedDayStart } from "./timezone";

describe("store time zone days", () => {
  it("a day starts at local midnight, across DST changes", () => {
    expect(zonedDayStart("2026-11-20", "America/New_York").toISOString()).toBe("2026-11-20T05:00:00.000Z");
    expect(zonedDayStart("2026-07-01", "America/New_York").toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(zonedDayStart("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(zonedDayStart("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(zonedDayStart("2026-11-20", "UTC").toISOString()).toBe("2026-11-20T00:00:00.000Z");
    expect(zonedDayStart("2026-11-20", "Asia/Kolkata").toISOString()).toBe("2026-11-19T18:30:00.000Z");
  });

  it("an instant's day depends on the zone", () => {
    const at = new Date("2026-11-20T03:30:00Z");
    expect(ymdInZone(at, "UTC")).toBe("2026-11-20");
    expect(ymdInZone(at, "America/New_York")).toBe("2026-11-19");
    expect(lastDays(at, 3, "America/New_York")).toEqual(["2026-11-17", "2026-11-18", "2026-11-19"]);
    expect(nextYmd("2026-12-31")).toBe("2027-01-01");
  });

  it("an unknown zone falls back to UTC", () => {
    expect(safeTimeZone("Mars/Olympus")).toBe("UTC");
    expect(safeTimeZone(null)).toBe("UTC");
    expect(safeTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
  });
});

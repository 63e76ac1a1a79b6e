import { describe, it, expect } from "vitest";
import { formatDay, formatMoney, relativeDay, dayDiff, calendarDay, countryFromTimezone } from "./format";
import type { Language } from "../protocol";

const NY = "America/New_York";
const BERLIN = "Europe/Berlin";

describe("formatDay", () => {
  it("English: 'Fri Nov 13' with weekday, 'Nov 13' without", () => {
    expect(formatDay("2026-11-13T21:22:00Z", NY, "en")).toBe("Fri Nov 13");
    expect(formatDay("2026-11-24T17:00:00Z", NY, "en", { weekday: false })).toBe("Nov 24");
  });
  it("uses the store's timezone, not UTC (#1001 placed 00:42Z = Nov 22 in New York)", () => {
    expect(formatDay("2026-11-23T00:42:17Z", NY, "en", { weekday: false })).toBe("Nov 22");
    expect(formatDay("2026-11-23T00:42:17Z", BERLIN, "en", { weekday: false })).toBe("Nov 23");
    // CEST in July: 22:30Z on Jul 26 is Jul 27 in Berlin
    expect(formatDay("2026-07-26T22:30:00Z", BERLIN, "en", { weekday: false })).toBe("Jul 27");
  });
  it("localized in the 7 languages", () => {
    const cases: [Language, string][] = [
      ["en", "Tue Nov 24"],
      ["de", "Di., 24. Nov."],
      ["es", "mar, 24 nov"],
      ["fr", "mar. 24 nov."],
      ["pt", "ter., 24 de nov."],
      ["it", "mar 24 nov"],
      ["nl", "di 24 nov"],
    ];
    for (const [lang, want] of cases) expect(formatDay("2026-11-24T17:00:00Z", NY, lang), lang).toBe(want);
  });
  it("date-only strings are that calendar day in any zone", () => {
    expect(formatDay("2026-11-27", NY, "en")).toBe("Fri Nov 27");
    expect(formatDay("2026-11-27", "Pacific/Kiritimati", "en")).toBe("Fri Nov 27");
  });
  it("adds the year only when it differs from now", () => {
    expect(formatDay("2026-07-31T18:02:00Z", NY, "en", { now: new Date("2026-11-23T15:00:00Z") })).toBe(
      "Fri Jul 31",
    );
    expect(formatDay("2026-07-31T18:02:00Z", NY, "en", { now: new Date("2027-01-02T15:00:00Z") })).toBe(
      "Fri Jul 31, 2026",
    );
  });
  it("bad input is returned unchanged, bad timezone falls back to UTC", () => {
    expect(formatDay("not a date", NY, "en")).toBe("not a date");
    expect(formatDay("2026-11-13T21:22:00Z", "Mars/Olympus", "en")).toBe("Fri Nov 13");
  });
});

describe("formatMoney", () => {
  it("formats Shopify decimals ('84.0', '12.5') with two decimals", () => {
    expect(formatMoney({ amount: "300.89", currency: "USD" }, "en")).toBe("$300.89");
    expect(formatMoney({ amount: "347.0", currency: "EUR" }, "en")).toBe("€347.00");
    expect(formatMoney({ amount: "12.5", currency: "USD" }, "en")).toBe("$12.50");
    expect(formatMoney({ amount: "1235.62", currency: "USD" }, "en")).toBe("$1,235.62");
    expect(formatMoney({ amount: "75.95", currency: "GBP" }, "en")).toBe("£75.95");
  });
  it("per-locale symbol placement and separators (plain spaces)", () => {
    expect(formatMoney({ amount: "347.0", currency: "EUR" }, "de")).toBe("347,00 €");
    expect(formatMoney({ amount: "347.0", currency: "EUR" }, "fr")).toBe("347,00 €");
    expect(formatMoney({ amount: "347.0", currency: "EUR" }, "es")).toBe("347,00 €");
    expect(formatMoney({ amount: "347.0", currency: "EUR" }, "it")).toBe("347,00 €");
    expect(formatMoney({ amount: "347.0", currency: "EUR" }, "nl")).toBe("€ 347,00");
    expect(formatMoney({ amount: "1235.62", currency: "USD" }, "de")).toBe("1.235,62 $");
  });
  it("zero-decimal currencies and garbage", () => {
    expect(formatMoney({ amount: "1200", currency: "JPY" }, "en")).toBe("¥1,200");
    expect(formatMoney({ amount: "abc", currency: "EUR" }, "en")).toBe("abc EUR");
    expect(formatMoney({ amount: "5", currency: "NOTACURRENCY" }, "en")).toBe("5.00 NOTACURRENCY");
  });
});

describe("relative days in the store timezone", () => {
  const now = new Date("2026-11-23T15:00:00Z"); // Mon 10:00 in New York
  it("today / tomorrow / yesterday by calendar day", () => {
    expect(relativeDay("2026-11-23T17:00:00Z", now, NY)).toBe("today");
    expect(relativeDay("2026-11-24T04:59:00Z", now, NY)).toBe("today"); // 23:59 NY
    expect(relativeDay("2026-11-24T05:01:00Z", now, NY)).toBe("tomorrow");
    expect(relativeDay("2026-11-23T04:30:00Z", now, NY)).toBe("yesterday"); // 23:30 NY on Nov 22
    expect(relativeDay("2026-11-27T17:00:00Z", now, NY)).toBeNull();
  });
  it("dayDiff and calendarDay", () => {
    expect(dayDiff("2026-11-27T17:00:00Z", now, NY)).toBe(4);
    expect(dayDiff("2026-07-31T18:02:00Z", now, NY)).toBe(-115);
    expect(calendarDay("2026-11-23T00:42:17Z", NY)).toBe("2026-11-22");
  });
  it("crosses DST correctly (Berlin, last Sunday of October)", () => {
    expect(dayDiff("2026-10-26T12:00:00Z", new Date("2026-10-24T12:00:00Z"), BERLIN)).toBe(2);
  });
});

describe("countryFromTimezone", () => {
  it("maps the demo stores' zones", () => {
    expect(countryFromTimezone(NY)).toBe("US");
    expect(countryFromTimezone(BERLIN)).toBe("DE");
    expect(countryFromTimezone("Asia/Ulaanbaatar")).toBeNull();
    expect(countryFromTimezone(null)).toBeNull();
  });
});

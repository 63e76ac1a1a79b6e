import { describe, expect, it } from "vitest";
import { chatStoreFromRecords, formatBusinessHours, mergePolicies } from "./store-context";

describe("store context", () => {
  it("merges merchant-entered policies over the platform's", () => {
    expect(
      mergePolicies(
        { shipping: "platform ship", returns: "platform returns" },
        JSON.stringify({ returns: "merchant returns", shipping: "  " }),
      ),
    ).toEqual({
      shipping: "platform ship",
      returns: "merchant returns",
    });
    expect(mergePolicies({}, "not json")).toEqual({});
  });

  it("formats business hours with grouped days", () => {
    const json = JSON.stringify({
      timezone: "America/New_York",
      days: {
        mon: [["09:00", "17:00"]],
        tue: [["09:00", "17:00"]],
        wed: [["09:00", "17:00"]],
        thu: [["09:00", "17:00"]],
        fri: [["09:00", "17:00"]],
        sat: [["10:00", "14:00"]],
      },
    });
    expect(formatBusinessHours(json, "en")).toBe("Mon-Fri 09:00-17:00; Sat 10:00-14:00 (America/New_York)");
    expect(formatBusinessHours(json, "de")).toMatch(/^Mo\.?-Fr\.? 09:00-17:00/);
    expect(formatBusinessHours(null)).toBeNull();
    expect(formatBusinessHours(JSON.stringify({ days: {} }))).toBeNull();
  });

  it("builds a ChatStore from rows, with defaults when settings are missing", () => {
    const s = chatStoreFromRecords(
      {
        id: "s1",
        platform: "woocommerce",
        name: "Garden",
        policies: JSON.stringify({ shipping: "We ship in 2 days." }),
      },
      null,
      {},
    );
    expect(s).toMatchObject({
      id: "s1",
      platform: "woocommerce",
      supportEmail: null,
      policies: { shipping: "We ship in 2 days." },
    });
    expect(s.settings).toMatchObject({
      orderTracking: true,
      handoffEnabled: true,
      faqEnabled: true,
      languages: ["en"],
      businessHours: null,
    });
  });
});

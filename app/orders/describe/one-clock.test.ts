import { describe, it, expect } from "vitest";
import { describeOrder, toWidgetOrder, describeOrderList } from "../describe";
import { shopifyOrders } from "../../../test/support/orders";
import { shopCtx } from "../../../test/support/describe";
import { LANGUAGES } from "../../protocol";
import type { NormalizedOrder } from "../types";

/** #1001 (paid, not shipped) placed at 03:30 UTC on Nov 23: still Nov 22 in the Americas, Nov 23 in Europe/Asia. */
const lateNight: NormalizedOrder = { ...shopifyOrders["1001"]!, placedAt: "2026-11-23T03:30:00Z" };
/** #1003 (delivered) delivered at 02:00 UTC on Nov 14: Fri Nov 13 in New York, Sat Nov 14 in Berlin. */
const deliveredLate: NormalizedOrder = {
  ...shopifyOrders["1003"]!,
  shipments: shopifyOrders["1003"]!.shipments.map((s) => ({ ...s, deliveredAt: "2026-11-14T02:00:00Z" })),
};

describe("one clock: the text and the card of the same order show the same dates", () => {
  it.each([
    ["America/Los_Angeles", "Nov 22"],
    ["America/New_York", "Nov 22"],
    ["Europe/Berlin", "Nov 23"],
    ["Asia/Tokyo", "Nov 23"],
  ])("placed date in %s is %s in both the answer and the card", (timezone, day) => {
    const ctx = shopCtx("en", { timezone });
    const text = describeOrder(lateNight, ctx).text;
    const card = toWidgetOrder(lateNight, ctx);
    expect(card.placedOn).toBe(day);
    expect(text).toContain(`placed ${day},`);
    expect(card.timeZone).toBe(timezone);
    expect(describeOrderList([lateNight], ctx).lines[0]).toContain(` · ${day} · `);
  });

  it("in every language the card's placed date is the one written in the answer", () => {
    for (const lang of LANGUAGES) {
      const ctx = shopCtx(lang, { timezone: "America/New_York" });
      const card = toWidgetOrder(lateNight, ctx);
      expect(card.placedOn, lang).toBeTruthy();
      expect(describeOrder(lateNight, ctx).text, lang).toContain(card.placedOn!);
    }
  });

  it("a delivery just after midnight UTC: answer and shipment summary name the same store-local day", () => {
    const ny = shopCtx("en", { timezone: "America/New_York" });
    expect(describeOrder(deliveredLate, ny).text).toMatch(/^Delivered Fri Nov 13/);
    expect(toWidgetOrder(deliveredLate, ny).shipments[0]!.summary).toBe("Delivered Fri Nov 13");
    const berlin = shopCtx("de", { timezone: "Europe/Berlin" });
    const summary = toWidgetOrder(deliveredLate, berlin).shipments[0]!.summary!;
    expect(summary).toBe("Zugestellt am Sa., 14. Nov.");
    expect(describeOrder(deliveredLate, berlin).text).toContain("Sa., 14. Nov.");
  });

  it("an unknown store zone falls back to UTC for the text and the card alike (and the card says so)", () => {
    const ctx = shopCtx("en", { timezone: "Mars/Olympus_Mons" });
    const card = toWidgetOrder(lateNight, ctx);
    expect(card.timeZone).toBe("UTC");
    expect(card.placedOn).toBe("Nov 23");
    expect(describeOrder(lateNight, ctx).text).toContain("placed Nov 23,");
  });

  it("the card carries no browser-dependent date: placedOn is fixed by the store zone, not the process zone", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Kiritimati"; // UTC+14: a browser-zone formatter would say Nov 23
      expect(toWidgetOrder(lateNight, shopCtx("en", { timezone: "America/New_York" })).placedOn).toBe(
        "Nov 22",
      );
    } finally {
      process.env.TZ = before;
    }
  });
});

import { describe, it, expect } from "vitest";
import { ORDER_PHRASES, op } from "./i18n";
import { CATALOGUES } from "../i18n/catalog";
import { LANGUAGES } from "../protocol";

describe("order phrases (op over the catalogues' order section)", () => {
  it("has the order section of each of the 7 catalogues", () => {
    expect(Object.keys(ORDER_PHRASES).sort()).toEqual([...LANGUAGES].sort());
    for (const lang of LANGUAGES) expect(ORDER_PHRASES[lang]).toBe(CATALOGUES[lang].order);
  });

  it("op fills arguments and leaves none behind", () => {
    expect(op("en", "ofd", { when: "today (Mon Nov 23)", by: "both", carrier: "UPS", tracking: "1Z" })).toBe(
      "Your order is out for delivery today (Mon Nov 23) with UPS 1Z.",
    );
    expect(op("en", "ofd", { when: "today (Mon Nov 23)", by: "tracking", tracking: "1Z" })).toBe(
      "Your order is out for delivery today (Mon Nov 23) (tracking 1Z).",
    );
    expect(op("en", "ofd", { when: "today (Mon Nov 23)" })).toBe(
      "Your order is out for delivery today (Mon Nov 23).",
    );
    expect(op("de", "status_delivered")).toBe("Zugestellt");
    expect(op("fr", "day_on", { rel: "other" })).toBe("le ");
  });

  it("one message per sentence: optional parts are selects, not fragments glued by code", () => {
    const base = {
      shipped: "Nov 19",
      by: "both",
      carrier: "UPS",
      tracking: "1Z",
      place: "Commerce City, CO",
      scanDate: "Nov 22",
    };
    expect(op("en", "ship_transit", { ...base, scan: "place", hasEta: true, eta: "Tue Nov 24" })).toBe(
      "Shipped Nov 19 with UPS 1Z - in transit (last scan Commerce City, CO, Nov 22), expected Tue Nov 24.",
    );
    expect(op("en", "ship_transit", { ...base, scan: "other", hasEta: false })).toBe(
      "Shipped Nov 19 with UPS 1Z - in transit.",
    );
    expect(op("de", "ship_transit", { ...base, scan: "date", hasEta: true, eta: "Dienstag" })).toBe(
      "Versendet am Nov 19 mit UPS 1Z - unterwegs (letzter Scan Nov 22), voraussichtlich Dienstag.",
    );
  });

  it("refunds: one or several items, kept or to send back, in one message", () => {
    const v = { amount: "$5.00", date: "Nov 20" };
    expect(op("en", "refund_items", { ...v, count: 1, items: "Mug", keep: true })).toBe(
      "The Mug was refunded ($5.00 on Nov 20) - no need to send it back.",
    );
    expect(op("en", "refund_items", { ...v, count: 2, items: "Mug and Cap", keep: false })).toBe(
      "Mug and Cap were refunded ($5.00 on Nov 20).",
    );
    expect(op("es", "refund_items", { ...v, count: 2, items: "Taza y Gorra", keep: true })).toBe(
      "Se reembolsaron Taza y Gorra ($5.00 el Nov 20); no hace falta devolverlos.",
    );
  });

  it("phrases never use 'as an AI' or promise delivery dates the carrier didn't give", () => {
    for (const lang of LANGUAGES) {
      for (const v of Object.values(ORDER_PHRASES[lang])) {
        expect(v).not.toMatch(/as an AI|guarantee|garantiert|garantizado/i);
      }
    }
  });
});

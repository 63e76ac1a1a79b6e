import { describe, expect, it } from "vitest";
import { parseUnderstandRequest, understandForDemo } from "./understand-endpoint";

describe("understandForDemo (POST /demo/api/understand)", () => {
  it("returns exactly the contract's shape", () => {
    const r = understandForDemo("where is my order 1003?", "en");
    expect(Object.keys(r).sort()).toEqual(["confidence", "entities", "intent", "language"]);
    expect(Object.keys(r.entities).sort()).toEqual(["email", "orderNumber", "phone"]);
    expect(["order_status", "tracking"]).toContain(r.intent);
    expect(r.entities.orderNumber).toBe("1003");
    expect(r.entities.email).toBeNull();
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.language).toBe("en");
  });

  it("detects language and entities", () => {
    const r = understandForDemo("Wo ist meine Bestellung #2002? tobias.wagner@example.net");
    expect(r.language).toBe("de");
    expect(r.entities).toEqual({ orderNumber: "2002", email: "tobias.wagner@example.net", phone: null });
  });

  it("validates the request", () => {
    expect(parseUnderstandRequest({ text: "hi" })).toEqual({ ok: true, text: "hi", locale: null });
    expect(parseUnderstandRequest({ text: "" }).ok).toBe(false);
    expect(parseUnderstandRequest({ text: "x".repeat(1001) }).ok).toBe(false);
    expect(parseUnderstandRequest([]).ok).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { maskPersonalData } from "./mask";

describe("maskPersonalData", () => {
  it("masks emails like the widget: first and last letter of the local part", () => {
    expect(maskPersonalData("it's alice@example.com thanks")).toBe("it's a***e@example.com thanks");
    expect(maskPersonalData("Bo@Example.COM")).toBe("b***@example.com");
  });

  it("masks phone numbers down to their last two digits", () => {
    expect(maskPersonalData("call +1 (555) 123-4567 please")).toBe("call ***67 please");
    expect(maskPersonalData("0612345678")).toBe("***78");
  });

  it("leaves order numbers, prices and dates alone", () => {
    expect(maskPersonalData("where is order #1003? it was $49.99 on 2026-11-02")).toBe(
      "where is order #1003? it was $49.99 on 2026-11-02",
    );
  });

  it("handles empty input", () => {
    expect(maskPersonalData(null)).toBe("");
    expect(maskPersonalData("")).toBe("");
  });
});

describe("maskPersonalData dates", () => {
  it("does not mistake written dates for phone numbers", () => {
    expect(maskPersonalData("ordered 02.11.2026 or 11/02/2026")).toBe("ordered 02.11.2026 or 11/02/2026");
  });
});

import { describe, expect, it } from "vitest";
import type { NormalizedOrder } from "../orders/types";
import {
  contactMatches,
  customerOwnsOrder,
  hashOrderNumber,
  maskEmail,
  normalizeEmail,
  normalizeOrderNumber,
  phonesMatch,
} from "./verification";

const order = (contact: Partial<NormalizedOrder["contact"]>) =>
  ({ contact: { email: null, phone: null, customerId: null, ...contact } }) as NormalizedOrder;

describe("verification", () => {
  it("compares emails trimmed and case-folded", () => {
    expect(normalizeEmail("  Bob.Smith@Example.COM ")).toBe("bob.smith@example.com");
    expect(
      contactMatches(order({ email: "Bob.Smith@Example.COM" }), { email: "bob.smith@example.com" }),
    ).toBe("email");
    expect(
      contactMatches(order({ email: "bob.smith@example.com" }), { email: "bob.smith@example.co" }),
    ).toBeNull();
    expect(contactMatches(order({ email: null }), { email: "" })).toBeNull();
  });

  it.each([
    ["+1 305-555-0178", "(305) 555-0178", true],
    ["+13055550178", "1 305 555 0178", true],
    ["+49 40 5550133", "040 5550133", true],
    ["+49 40 5550133", "0049 40 5550133", true],
    ["+41 44 555 01 23", "044 555 01 23", true],
    ["+1 305-555-0178", "305-555-0179", false],
    ["+1 305-555-0178", "555-0178", false],
    ["+1 305-555-0178", "", false],
    ["+44 20 7946 0555", "+1 20 7946 0555", false],
    // national format vs international, the country taken from the other number
    ["+44 20 7946 0958", "020 7946 0958", true],
    ["+44 7700 900123", "07700 900123", true],
    // digit tails are not the number
    ["+44 20 7946 0958", "79460958", false],
    ["+44 20 7946 0958", "2079460958", true], // the full national number without the trunk 0
    ["+44 20 7946 0958", "+1 207 946 0958", false],
    ["+49 40 5550133", "5550133", false],
  ])("phone %s vs %s → %s", (a, b, expected) => {
    expect(phonesMatch(a, b)).toBe(expected);
  });

  it.each([
    ["GB", "+44 20 7946 0958", "020 7946 0958", true],
    ["GB", "020 7946 0958", "+44 20 7946 0958", true],
    ["GB", "+44 20 7946 0958", "79460958", false],
    ["DE", "040 5550133", "+49 40 5550133", true],
    ["US", "(305) 555-0178", "+1 305 555 0178", true],
    ["US", "(305) 555-0178", "555-0178", false],
  ])("with the store's country %s: %s vs %s → %s", (country, a, b, expected) => {
    expect(phonesMatch(a, b, country)).toBe(expected);
  });

  it("the last-8-digits attack on an order's phone is refused; the owner's national format is accepted", () => {
    const o = { ...order({ phone: "+44 20 7946 0958" }), shippingCountry: "GB" } as NormalizedOrder;
    expect(contactMatches(o, { phone: "7946 0958" })).toBeNull();
    expect(contactMatches(o, { phone: "79460958" })).toBeNull();
    expect(contactMatches(o, { phone: "020 7946 0958" })).toBe("phone");
    expect(contactMatches(o, { phone: "+44 (0)20 7946 0958" })).toBe("phone");
  });

  it("matches a logged-in customer by the numeric tail of the id", () => {
    expect(
      customerOwnsOrder("7700000000001", order({ customerId: "gid://shopify/Customer/7700000000001" })),
    ).toBe(true);
    expect(
      customerOwnsOrder("gid://shopify/Customer/7700000000001", order({ customerId: "7700000000001" })),
    ).toBe(true);
    expect(
      customerOwnsOrder("7700000000002", order({ customerId: "gid://shopify/Customer/7700000000001" })),
    ).toBe(false);
    expect(customerOwnsOrder("5", order({ customerId: null }))).toBe(false);
    expect(customerOwnsOrder("0", order({ customerId: "0" }))).toBe(false); // Woo guests have customer_id 0
  });

  it("masks emails", () => {
    expect(maskEmail("alice.johnson@example.com")).toBe("a***n@example.com");
    expect(maskEmail("Bo@Example.COM")).toBe("b***@example.com");
    expect(maskEmail("nonsense")).toBe("***");
  });

  it("hashes order numbers with a key; normalises '#'", () => {
    const h = hashOrderNumber("s1", "#1003", "k");
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOrderNumber("s1", "1003", "k")).toBe(h);
    expect(hashOrderNumber("s1", "1003", "other")).not.toBe(h);
    expect(hashOrderNumber("s2", "1003", "k")).not.toBe(h);
    expect(normalizeOrderNumber(" #1003 ")).toBe("1003");
  });
});

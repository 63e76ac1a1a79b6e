import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatAddress, parseAddress } from "./address";
import type { ShippingAddress } from "./types";

const DE: ShippingAddress = {
  firstName: "Lena",
  lastName: "Schmidt",
  address1: "Eppendorfer Weg 212",
  city: "Hamburg",
  zip: "20251",
  country: "DE",
  phone: "+49 40 5550133",
};
const US: ShippingAddress = {
  firstName: "Alice",
  lastName: "Johnson",
  address1: "1234 Market St",
  city: "San Francisco",
  province: "CA",
  zip: "94103",
  country: "US",
};
const NL: ShippingAddress = { ...DE, country: "NL", zip: "1012 AB", city: "Amsterdam" };

describe("a new shipping address typed in the chat", () => {
  it("keeps name and phone, reads street, postal code and city", () => {
    const r = parseAddress("Mühlenkamp 7, 22303 Hamburg", DE, false);
    expect(r).toEqual({
      ok: true,
      address: {
        ...DE,
        address1: "Mühlenkamp 7",
        zip: "22303",
        city: "Hamburg",
        company: null,
        address2: null,
        province: null,
      },
    });
    expect(parseAddress("Mühlenkamp 7, 22303, Hamburg", DE, false).ok).toBe(true);
  });

  it("needs a state where the country has them, and checks the ZIP", () => {
    expect(parseAddress("500 Howard St, San Francisco, CA, 94105", US, false)).toMatchObject({
      ok: true,
      address: { province: "CA", zip: "94105" },
    });
    expect(parseAddress("500 Howard St, San Francisco, 94105", US, false)).toEqual({
      ok: false,
      problem: { kind: "missing_region" },
    });
    expect(parseAddress("500 Howard St, San Francisco, CA, 9410", US, false)).toEqual({
      ok: false,
      problem: { kind: "bad_postcode", country: "US" },
    });
  });

  it("reads Dutch postcodes with letters", () => {
    expect(parseAddress("Damrak 1, 1012 LG Amsterdam", NL, false)).toMatchObject({
      ok: true,
      address: { zip: "1012 LG", city: "Amsterdam" },
    });
  });

  it("refuses a change of country unless the merchant allows it", () => {
    expect(parseAddress("Rue de Rivoli 1, 75001, Paris, FR", DE, false)).toEqual({
      ok: false,
      problem: { kind: "country", country: "DE" },
    });
    expect(parseAddress("Rue de Rivoli 1, 75001, Paris, FR", DE, true)).toMatchObject({
      ok: true,
      address: { country: "FR", zip: "75001" },
    });
  });

  it("hostile input: control characters are blanked, parts are capped, nothing throws", () => {
    const r = parseAddress("Haupt\u0000straße 1\u001b[31m, 22303 Ham\u0007burg", DE, false);
    expect(r.ok && r.address.address1).toBe("Haupt straße 1 [31m");
    expect(r.ok && r.address.city).toBe("Ham burg");
    const long = parseAddress(`1 ${"A".repeat(5000)}, 22303 Hamburg`, DE, false);
    expect(long.ok ? long.address.address1.length : -1).toBe(120);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const p = parseAddress(s, DE, false);
        if (p.ok) {
          expect(p.address.country).toBe("DE");
          expect(/^\d{5}$/.test(p.address.zip)).toBe(true);
          expect([...formatAddress(p.address)].every((c) => c === "\n" || c.charCodeAt(0) >= 32)).toBe(true);
        }
      }),
    );
  });
});

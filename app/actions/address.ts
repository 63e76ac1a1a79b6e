/**
 * A new shipping address typed in the chat, on one line: "street and number, postal code, city"
 * (or "street and number, city, state, postal code" where a state is required). Name, company and
 * phone are kept from the current address; the country stays unless the merchant allows a change
 * (then an ISO code may end the line). Validated per country before anything is sent to the store.
 */
import type { ShippingAddress } from "./types";

/** Postal code patterns of the countries the demo stores ship to (others: non-empty, ≤ 12 chars). */
const POSTCODE: Record<string, RegExp> = {
  US: /^\d{5}(-\d{4})?$/,
  CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
  DE: /^\d{5}$/,
  AT: /^\d{4}$/,
  CH: /^\d{4}$/,
  FR: /^\d{5}$/,
  ES: /^\d{5}$/,
  IT: /^\d{5}$/,
  NL: /^\d{4} ?[A-Z]{2}$/i,
  BE: /^\d{4}$/,
  PT: /^\d{4}-\d{3}$/,
  AU: /^\d{4}$/,
};
/** Countries whose addresses need a state / province code. */
const NEEDS_REGION = new Set(["US", "CA", "AU"]);

export type AddressProblem =
  | { kind: "missing_street" }
  | { kind: "missing_city" }
  | { kind: "bad_postcode"; country: string }
  | { kind: "missing_region" }
  | { kind: "country"; country: string };

export type ParsedAddress = { ok: true; address: ShippingAddress } | { ok: false; problem: AddressProblem };

export function needsRegion(country: string): boolean {
  return NEEDS_REGION.has(country.toUpperCase());
}

function clean(s: string | undefined): string {
  return [...(s ?? "")]
    .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? " " : c))
    .join("")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
}

function splitParts(text: string, current: ShippingAddress, allowCountryChange: boolean) {
  const parts = text
    .split(/[,\n;]/)
    .map(clean)
    .filter(Boolean);
  let country = current.country.toUpperCase();
  const last = parts[parts.length - 1];
  if (parts.length > 3 && last && /^[A-Za-z]{2}$/.test(last)) {
    country = last.toUpperCase();
    parts.pop();
  }
  const changed = country !== current.country.toUpperCase();
  return { parts, country, countryRefused: changed && !allowCountryChange };
}

export function parseAddress(
  text: string,
  current: ShippingAddress,
  allowCountryChange: boolean,
): ParsedAddress {
  const { parts, country, countryRefused } = splitParts(text, current, allowCountryChange);
  if (countryRefused) return { ok: false, problem: { kind: "country", country: current.country } };
  const street = parts[0] ?? "";
  if (!/\p{L}/u.test(street) || !/\d/.test(street)) return { ok: false, problem: { kind: "missing_street" } };
  let zip: string;
  let city: string;
  let province: string | null = null;
  if (needsRegion(country)) {
    [city, province, zip] = [parts[1] ?? "", (parts[2] ?? "").toUpperCase(), parts[3] ?? ""];
    if (!/^[A-Z]{2,3}$/.test(province)) return { ok: false, problem: { kind: "missing_region" } };
  } else {
    // "postal code, city" or "postal code city" in one part
    const joined = parts.slice(1).join(" ");
    const m = /^(\S+(?: [A-Za-z]{2})?)\s+(.+)$/.exec(joined);
    const nl = /^(\d{4} ?[A-Za-z]{2})\s+(.+)$/.exec(joined);
    const pick = country === "NL" ? nl : m;
    [zip, city] = pick ? [pick[1], pick[2]] : [parts[1] ?? "", parts[2] ?? ""];
    if (country !== "NL" && /\d/.test(city) && !/\d/.test(zip)) [zip, city] = [city, zip];
  }
  const pattern = POSTCODE[country];
  if (!zip || (pattern ? !pattern.test(zip) : zip.length > 12))
    return { ok: false, problem: { kind: "bad_postcode", country } };
  if (!/\p{L}/u.test(city)) return { ok: false, problem: { kind: "missing_city" } };
  return {
    ok: true,
    address: {
      firstName: current.firstName,
      lastName: current.lastName,
      company: current.company ?? null,
      address1: street,
      address2: null,
      city,
      province: needsRegion(country) ? province : null,
      zip: zip.toUpperCase(),
      country,
      phone: current.phone ?? null,
    },
  };
}

/** The address as the shopper reads it back in the summary (no phone). */
export function formatAddress(a: ShippingAddress): string {
  const name = [a.firstName, a.lastName].filter(Boolean).join(" ");
  const cityLine = needsRegion(a.country)
    ? `${a.city}, ${a.province ?? ""} ${a.zip}`.trim()
    : `${a.zip} ${a.city}`;
  return [name, a.company, a.address1, a.address2, cityLine, a.country].filter(Boolean).join("\n");
}

import { trackingUrlFor } from "./tracking-urls";

/**
 * Carrier detection (by store-given name/slug and by tracking-number format with check digits)
 * and public tracking URLs. Pure logic, no I/O.
 *
 * Rules of thumb:
 * - A recognised store hint wins ("the store said UPS"); the number only refines families (generic "DHL").
 * - Without a usable hint the number must match a format; formats with a check digit must validate.
 * - When nothing matches we return null: never guess wildly.
 */

export type CarrierCode =
  | "ups"
  | "usps"
  | "fedex"
  | "dhl_express"
  | "dhl_ecommerce"
  | "dhl_paket"
  | "royal_mail"
  | "canada_post"
  | "australia_post"
  | "postnl"
  | "dpd"
  | "gls"
  | "colissimo"
  | "correos"
  | "deutsche_post"
  | "evri"
  | "japan_post"
  | "india_post";

export interface DetectedCarrier {
  code: CarrierCode;
  name: string;
}

export const CARRIER_NAMES: Record<CarrierCode, string> = {
  ups: "UPS",
  usps: "USPS",
  fedex: "FedEx",
  dhl_express: "DHL Express",
  dhl_ecommerce: "DHL eCommerce",
  dhl_paket: "DHL Paket",
  royal_mail: "Royal Mail",
  canada_post: "Canada Post",
  australia_post: "Australia Post",
  postnl: "PostNL",
  dpd: "DPD",
  gls: "GLS",
  colissimo: "Colissimo",
  correos: "Correos",
  deutsche_post: "Deutsche Post",
  evri: "Evri",
  japan_post: "Japan Post",
  india_post: "India Post",
};

export const CARRIER_CODES = Object.keys(CARRIER_NAMES) as CarrierCode[];

function carrier(code: CarrierCode): DetectedCarrier {
  return { code, name: CARRIER_NAMES[code] };
}

// ---------------------------------------------------------------------------------------------
// Check-digit helpers (exported for tests)
// ---------------------------------------------------------------------------------------------

function charValue(c: string): number {
  if (c >= "0" && c <= "9") return c.charCodeAt(0) - 48;
  // UPS letter mapping: A=2, B=3 … (ASCII - 3) mod 10
  return (c.charCodeAt(0) - 3) % 10;
}

/**
 * Mod-10 with multipliers by 0-based position counted from the LEFT of `sequence`
 * (the jkeen/tracking_number_data convention). Check digit = (10 - sum mod 10) mod 10.
 */
export function mod10CheckDigit(sequence: string, evensMultiplier: number, oddsMultiplier: number): number {
  let total = 0;
  for (let i = 0; i < sequence.length; i++) {
    total += charValue(sequence[i]!) * (i % 2 === 0 ? evensMultiplier : oddsMultiplier);
  }
  return (10 - (total % 10)) % 10;
}

/** GS1 mod-10 (SSCC, IMpb, Canada Post): weights 3,1,3,1… starting at the rightmost digit of `sequence`. */
export function gs1CheckDigit(sequence: string): number {
  let total = 0;
  for (let i = 0; i < sequence.length; i++) {
    const fromRight = sequence.length - 1 - i;
    total += charValue(sequence[i]!) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (total % 10)) % 10;
}

/** UPU S10 check digit over the 8 serial digits: weights 8,6,4,2,3,5,9,7; 11 - sum mod 11; 10→0, 11→5. */
export function s10CheckDigit(serial8: string): number {
  const w = [8, 6, 4, 2, 3, 5, 9, 7];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (serial8.charCodeAt(i) - 48) * w[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

function fedex12Valid(n: string): boolean {
  const w = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (n.charCodeAt(i) - 48) * w[i]!;
  return (sum % 11) % 10 === n.charCodeAt(11) - 48;
}

function lastDigit(n: string): number {
  return n.charCodeAt(n.length - 1) - 48;
}

// ---------------------------------------------------------------------------------------------
// Number formats
// ---------------------------------------------------------------------------------------------

const S10_COUNTRY: Record<string, CarrierCode> = {
  GB: "royal_mail",
  DE: "deutsche_post",
  FR: "colissimo",
  ES: "correos",
  NL: "postnl",
  CA: "canada_post",
  AU: "australia_post",
  JP: "japan_post",
  IN: "india_post",
  US: "usps",
};

/** Normalises a tracking number: trims, removes inner spaces, uppercases. Dashes/plus signs are kept (phone numbers stay non-matching). */
export function normalizeTrackingNumber(n: string): string {
  return n.replace(/\s+/g, "").toUpperCase();
}

function isUps(n: string): boolean {
  const m = /^1Z([0-9A-Z]{15})([0-9])$/.exec(n);
  return !!m && mod10CheckDigit(m[1]!, 1, 2) === Number(m[2]);
}

function isUsps(n: string): boolean {
  // IMpb: 20–22 digits beginning 91–95 (22-digit 94/92/93/95 are the common ones); optional 420+ZIP routing prefix.
  let s = n;
  const zip = /^420(\d{5}|\d{9})(9[1-5]\d{18,20})$/.exec(s);
  if (zip) s = zip[2]!;
  if (!/^9[1-5]\d{18,20}$/.test(s)) return false;
  return gs1CheckDigit(s.slice(0, -1)) === lastDigit(s);
}

function isS10(n: string): { country: string } | null {
  const m = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(n);
  if (!m) return null;
  if (s10CheckDigit(m[2]!) !== Number(m[3])) return null;
  return { country: m[4]! };
}

function isFedex(n: string): boolean {
  if (/^\d{12}$/.test(n)) return fedex12Valid(n);
  if (/^\d{15}$/.test(n)) return mod10CheckDigit(n.slice(0, 14), 1, 3) === lastDigit(n);
  if (/^96\d{20}$/.test(n)) return mod10CheckDigit(n.slice(7, 21), 1, 3) === lastDigit(n); // serial = shipper id + package id
  return false;
}

function isDhlExpress(n: string): boolean {
  if (!/^\d{10,11}$/.test(n)) return false;
  const serial = Number(n.slice(0, -1));
  return serial % 7 === lastDigit(n);
}

function isDhlPaket(n: string): boolean {
  // SSCC with DHL Paket's GS1 prefix: "00" + 18-digit SSCC starting 340434, GS1 check digit.
  if (/^00340434\d{12}$/.test(n)) return gs1CheckDigit(n.slice(2, 19)) === lastDigit(n);
  // Same SSCC without the "00" application identifier.
  if (/^340434\d{12}$/.test(n)) return gs1CheckDigit(n.slice(0, 17)) === lastDigit(n);
  // International/Paket piece codes JJD + digits.
  if (/^JJD\d{16,20}$/.test(n)) return true;
  return false;
}

/** DHL Paket 12-digit parcel number: weights 4,9 alternating from the left; check = (10 - sum mod 10) mod 10. Only used with a DHL hint. */
function isDhlPaket12(n: string): boolean {
  if (!/^\d{12}$/.test(n)) return false;
  return mod10CheckDigit(n.slice(0, 11), 4, 9) === lastDigit(n);
}

function isDhlEcommerce(n: string): boolean {
  return /^GM\d{16,18}$/.test(n);
}

function isCanadaPost(n: string): boolean {
  return /^\d{16}$/.test(n) && gs1CheckDigit(n.slice(0, 15)) === lastDigit(n);
}

function isColissimo(n: string): boolean {
  return /^\d[A-Z]\d{11}$/.test(n);
}

function isPostnl(n: string): boolean {
  return /^3S[A-Z]{4}\d{6,11}$/.test(n);
}

function isEvri(n: string): boolean {
  // Evri (Hermes UK) parcel ids: 16 chars beginning with H, e.g. H01HYA0001234567 (no public check digit).
  return /^H[0-9A-Z]{15}$/.test(n) && /\d{8}$/.test(n) && /[A-Z]/.test(n.slice(1));
}

function isCorreos(n: string): boolean {
  // Correos domestic parcel codes: PQ + 21 alphanumerics (23 chars).
  return /^PQ[0-9A-Z]{21}$/.test(n);
}

const DPD_COUNTRIES = new Set([
  "DE",
  "AT",
  "NL",
  "BE",
  "LU",
  "FR",
  "PL",
  "CZ",
  "SK",
  "GB",
  "IE",
  "CH",
  "HU",
  "SI",
  "HR",
  "EE",
  "LV",
  "LT",
  "PT",
  "ES",
]);

/** Detect by number format only. */
function detectByNumber(n: string, countryHint: string | null): DetectedCarrier | null {
  if (isUps(n)) return carrier("ups");
  const s10 = isS10(n);
  if (s10) {
    const code = S10_COUNTRY[s10.country];
    return code ? carrier(code) : null;
  }
  if (isDhlEcommerce(n)) return carrier("dhl_ecommerce");
  if (isDhlPaket(n)) return carrier("dhl_paket");
  if (isUsps(n)) return carrier("usps");
  if (isFedex(n)) return carrier("fedex");
  if (isCanadaPost(n)) return carrier("canada_post");
  if (isPostnl(n)) return carrier("postnl");
  if (isCorreos(n)) return carrier("correos");
  if (isColissimo(n)) return carrier("colissimo");
  if (isEvri(n)) return carrier("evri");
  if (isDhlExpress(n)) return carrier("dhl_express");
  // DPD 14-digit parcel numbers carry no check digit: only with a DPD-country hint.
  if (/^\d{14}$/.test(n) && countryHint && DPD_COUNTRIES.has(countryHint)) return carrier("dpd");
  return null;
}

// ---------------------------------------------------------------------------------------------
// Name / slug aliases
// ---------------------------------------------------------------------------------------------

/** "dhl": generic DHL, refined by number/country; "dhl_parcel": DHL's parcel brand outside Germany (no code). */
type HintResult = CarrierCode | "dhl" | "dhl_parcel" | null;

/** Lowercase and drop everything but letters/digits: "ups-germany" → "upsgermany", "DHL Intraship (DE)" → "dhlintrashipde". */
export function normalizeCarrierHint(h: string): string {
  return h
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const HINT_RULES: [RegExp, HintResult][] = [
  [/^(dhl)?(e?commerce|globalmail|ecs)|^dhle?commerce|^dhlglobalmail|^dhlecs/, "dhl_ecommerce"],
  [/^dhlexpress|^dhlworldwide|^dhlintl|^dhlinternational|^dhlairway|^dhlexp/, "dhl_express"],
  [/^dhl(paket|intraship|de$|germany|deutschland|parcelde|parcelgermany|pakete)|^dhlde/, "dhl_paket"],
  [/^dhl/, "dhl"],
  [/^deutschepost|^dpag|^warenpost|^postde$|^deutschepostde/, "deutsche_post"],
  [/^usps|^unitedstatespostal|^uspostal|^uspostalservice/, "usps"],
  [/^ups|^unitedparcel/, "ups"],
  [/^fedex|^federalexpress/, "fedex"],
  [/^royalmail|^rm(tracked|signed)|^royalmailuk/, "royal_mail"],
  [/^canadapost|^postescanada|^canadapostpostescanada/, "canada_post"],
  [/^australiapost|^auspost/, "australia_post"],
  [/^postnl|^tntpost/, "postnl"],
  [/^dpd/, "dpd"],
  [/^gls|^generallogistics/, "gls"],
  [/^colissimo|^laposte|^lapostecolissimo/, "colissimo"],
  [/^correos(?!express)/, "correos"],
  [/^evri|^myhermes|^hermesuk|^hermesgb/, "evri"],
  [/^japanpost|^jppost|^nipponpost|^yubin/, "japan_post"],
  [/^indiapost|^speedpost/, "india_post"],
];

function parseHint(hint: string | null | undefined, countryHint: string | null): HintResult {
  if (!hint) return null;
  const h = normalizeCarrierHint(hint);
  if (!h) return null;
  if (/^hermes/.test(h) && !/^hermes(uk|gb)/.test(h)) return countryHint === "GB" ? "evri" : null;
  // "DHL Parcel" is DHL's parcel network (Benelux, UK, Iberia, Poland; in Germany the English name of
  // DHL Paket) — never DHL Express, whose waybills and links are a different service.
  if (/^dhlparcel/.test(h))
    return /^dhlparcel(de|germany|deutschland)$/.test(h) || countryHint === "DE" ? "dhl_paket" : "dhl_parcel";
  for (const [re, code] of HINT_RULES) if (re.test(h)) return code;
  return null;
}

/** Whether the store-given name is one we recognise. */
export function isKnownCarrierHint(hint: string | null | undefined): boolean {
  return parseHint(hint, null) !== null;
}

/**
 * Detect the carrier of a tracking number.
 * @param trackingNumber the number as the store gave it
 * @param hint carrier name/slug given by the store ("UPS", "ups-germany", "dhl-intraship-de", "Deutsche Post")
 * @param countryHint ISO country of the destination or store (used for DHL family and number formats without check digits)
 */
export function detectCarrier(
  trackingNumber: string,
  hint?: string | null,
  countryHint?: string | null,
): DetectedCarrier | null {
  const n = normalizeTrackingNumber(trackingNumber ?? "");
  const country = countryHint ? countryHint.trim().toUpperCase().slice(0, 2) : null;
  const fromHint = parseHint(hint, country);
  const fromNumber = n ? detectByNumber(n, country) : null;

  if (fromHint === "dhl") {
    // Generic "DHL": refine within the DHL family by the number.
    if (
      fromNumber &&
      (fromNumber.code === "dhl_express" ||
        fromNumber.code === "dhl_ecommerce" ||
        fromNumber.code === "dhl_paket")
    ) {
      return fromNumber;
    }
    if (fromNumber && fromNumber.code === "deutsche_post") return fromNumber;
    if (n && isDhlPaket12(n) && country === "DE") return carrier("dhl_paket");
    return country === "DE" ? carrier("dhl_paket") : carrier("dhl_express");
  }
  // a recognised carrier without a code of ours: the number must not make it someone else
  if (fromHint === "dhl_parcel") return null;
  if (fromHint) return carrier(fromHint);
  return fromNumber;
}

export { trackingUrlFor } from "./tracking-urls";

export interface InferCarrierInput {
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  country?: string | null;
}

export interface InferCarrierResult {
  /** display name: canonical when recognised, the store's own name otherwise */
  carrier: string | null;
  carrierCode: CarrierCode | null;
  trackingUrl: string | null;
  trackingUrlInferred: boolean;
}

/**
 * Fill in a shipment's carrier name/code and tracking URL. A store-given URL is always kept.
 * Used by the platform adapters.
 */
export function inferCarrier(input: InferCarrierInput): InferCarrierResult {
  const rawName = input.carrier && input.carrier.trim() ? input.carrier.trim() : null;
  // placeholders some stores put in the carrier field are no carrier at all
  const storeName =
    rawName && /^(other|others|custom|none|n\/?a|unknown|-+)$/i.test(rawName) ? null : rawName;
  const number = input.trackingNumber && input.trackingNumber.trim() ? input.trackingNumber.trim() : null;
  const storeUrl = input.trackingUrl && input.trackingUrl.trim() ? input.trackingUrl.trim() : null;
  const detected = number || storeName ? detectCarrier(number ?? "", storeName, input.country ?? null) : null;

  // An unrecognised store name (e.g. a local courier) is kept for display; the number's carrier may still give a URL.
  const known = isKnownCarrierHint(storeName);
  const name = storeName && !known ? storeName : (detected?.name ?? storeName);
  const code = storeName && !known ? null : (detected?.code ?? null);

  if (storeUrl)
    return { carrier: name, carrierCode: code, trackingUrl: storeUrl, trackingUrlInferred: false };
  const urlCode = code ?? (storeName && !known ? null : (detected?.code ?? null));
  if (number && urlCode) {
    return {
      carrier: name,
      carrierCode: code,
      trackingUrl: trackingUrlFor(urlCode, number),
      trackingUrlInferred: true,
    };
  }
  return { carrier: name, carrierCode: code, trackingUrl: null, trackingUrlInferred: false };
}

/**
 * WooCommerce Shipment Tracking / AST provider names and slugs → carrier display name + code.
 * Display names follow what shoppers know ("DHL" for DHL Paket, as WooCommerce stores in Germany
 * show it); codes are app/orders/carriers.ts CarrierCode values. URL inference lives in carriers.ts.
 */

export interface ProviderCarrier {
  carrier: string;
  carrierCode: string | null;
}

// keys: lower-case slug or formatted provider name, punctuation-insensitive (see key())
const TABLE: Array<[string[], string, string]> = [
  [["ups", "ups-germany", "ups germany", "ups-uk", "ups uk", "ups-ca", "ups canada"], "UPS", "ups"],
  [["usps"], "USPS", "usps"],
  [["fedex", "fedex-germany", "fedex sameday", "fedex-sameday"], "FedEx", "fedex"],
  [["dhl-express", "dhl express", "dhl-express-de"], "DHL Express", "dhl_express"],
  [
    [
      "dhl-intraship-de",
      "dhl intraship (de)",
      "dhl intraship",
      "dhl-de",
      "dhl (de)",
      "dhl paket",
      "dhl-paket",
      "dhl germany",
      "dhl-germany",
      "dhl.de",
    ],
    "DHL",
    "dhl_paket",
  ],
  [
    ["dhl-ecommerce", "dhl ecommerce", "dhl-global-mail", "dhl global mail", "dhl-us", "dhl us"],
    "DHL eCommerce",
    "dhl_ecommerce",
  ],
  [["dpd", "dpd-de", "dpd.de", "dpd de", "dpd-uk", "dpd.co.uk", "dpd uk"], "DPD", "dpd"],
  [["gls", "gls-de", "gls de", "gls-germany"], "GLS", "gls"],
  [["hermes-uk", "evri", "myhermes"], "Evri", "evri"],
  [["hermes", "hermes-de", "hermes germany"], "Hermes", ""],
  [["deutsche post", "deutsche-post", "deutsche post dhl"], "Deutsche Post", "deutsche_post"],
  [["royal mail", "royal-mail", "royalmail"], "Royal Mail", "royal_mail"],
  [["postnl", "post nl", "postnl-international"], "PostNL", "postnl"],
  [["canada post", "canada-post"], "Canada Post", "canada_post"],
  [["australia post", "australia-post", "auspost"], "Australia Post", "australia_post"],
  [["la poste", "la-poste", "colissimo"], "Colissimo", "colissimo"],
  [["swiss post", "swiss-post", "post ch", "die post"], "Swiss Post", ""],
  [["austrian post", "österreichische post", "post at", "post-at"], "Austrian Post", ""],
  [["tnt", "tnt-express"], "TNT", ""],
];

const INDEX = new Map<string, ProviderCarrier>();
for (const [keys, carrier, code] of TABLE)
  for (const k of keys) INDEX.set(key(k), { carrier, carrierCode: code || null });

function key(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\s_]+/g, " ")
    .trim();
}

/**
 * Carrier for a tracking item. "DHL" alone is ambiguous in the plugins' provider lists: the
 * global "DHL" provider links to DHL Express (dhl.com/…/express), so a 10-digit waybill or an
 * express link means DHL Express; anything else stays "DHL".
 */
export function providerToCarrier(
  provider: string | null | undefined,
  trackingNumber: string | null | undefined,
  link?: string | null,
): ProviderCarrier | null {
  const raw = (provider ?? "").trim();
  if (!raw) return null;
  const k = key(raw);
  if (k === "dhl") {
    const express = /\/express\//i.test(link ?? "") || /^\d{10}$/.test((trackingNumber ?? "").trim());
    return express
      ? { carrier: "DHL Express", carrierCode: "dhl_express" }
      : { carrier: "DHL", carrierCode: null }; // code left to carriers.ts
  }
  const hit = INDEX.get(k);
  if (hit) return hit;
  // unknown slug (AST stores slugs like "some-carrier"): make it readable; names stay as given
  if (/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(raw)) {
    return {
      carrier: raw
        .split("-")
        .map((w) => (w.length <= 3 ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1)))
        .join(" "),
      carrierCode: null,
    };
  }
  return { carrier: raw, carrierCode: null };
}

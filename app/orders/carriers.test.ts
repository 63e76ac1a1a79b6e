import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import {
  detectCarrier,
  inferCarrier,
  trackingUrlFor,
  s10CheckDigit,
  gs1CheckDigit,
  CARRIER_CODES,
  type CarrierCode,
} from "./carriers";

const FIXTURES = new URL("../../fixtures/demo", import.meta.url).pathname;

describe("detectCarrier by number (demo fixture numbers, no hint)", () => {
  const cases: [string, CarrierCode][] = [
    ["1ZA84R270384120936", "ups"], // #1002
    ["9400111899223855710247", "usps"], // #1003
    ["791203588467", "fedex"], // #1004 tent
    ["GM5301284467220193", "dhl_ecommerce"], // #1004 daypack
    ["1ZA84R270377355161", "ups"], // #1006
    ["4839172656", "dhl_express"], // #1009
    ["TT483920172GB", "royal_mail"], // #1010
    ["9400111899223855401879", "usps"], // #1011
    ["9405511899223855772125", "usps"], // #1012
    ["773640219535", "fedex"], // #1013
    ["1ZA84R270390203344", "ups"], // #1014
    ["1ZA84R270388014722", "ups"], // #1016
    ["1ZE2W6491144172082", "ups"], // 2002
    ["00340434161094052181", "dhl_paket"], // 2003
    ["00340434161094058770", "dhl_paket"], // 2004
    ["00340434161094049020", "dhl_paket"], // 2006
    ["5720461935", "dhl_express"], // 2011
    ["LX304182752DE", "deutsche_post"], // 2012
    ["00340434161093821467", "dhl_paket"], // 2013
    ["00340434161094061138", "dhl_paket"], // 2014
    ["00340434161094061145", "dhl_paket"], // 2014
  ];
  it.each(cases)("%s → %s", (n, code) => {
    expect(detectCarrier(n)?.code).toBe(code);
  });

  it("recognises every tracking number in the Shopify and Woo fixtures", () => {
    const shop = readFileSync(`${FIXTURES}/shopify-store.json`, "utf8");
    const woo = readFileSync(`${FIXTURES}/woocommerce-shipment-trackings.json`, "utf8");
    const nums = new Set<string>();
    for (const m of shop.matchAll(/"trackingInfo":\s*\[([^\]]*)\]/g)) {
      for (const n of m[1]!.matchAll(/"number":\s*"([^"]+)"/g)) nums.add(n[1]!);
    }
    const wooNums: string[] = [];
    for (const n of woo.matchAll(/"tracking_number":\s*"([^"]+)"/g)) wooNums.push(n[1]!);
    expect(nums.size).toBeGreaterThanOrEqual(12);
    for (const n of nums) expect(detectCarrier(n), n).not.toBeNull();
    // DPD 01505034712389 has no check digit: it needs the store's hint or a DPD country.
    for (const n of wooNums.filter((x) => x !== "01505034712389")) expect(detectCarrier(n), n).not.toBeNull();
    expect(detectCarrier("01505034712389")).toBeNull();
    expect(detectCarrier("01505034712389", "dpd-de")?.code).toBe("dpd");
    expect(detectCarrier("01505034712389", null, "DE")?.code).toBe("dpd");
  });
});

describe("detectCarrier by number (constructed valid numbers)", () => {
  const cases: [string, CarrierCode][] = [
    ["CP123456785FR", "colissimo"],
    ["RR123456785ES", "correos"],
    ["RR123456785NL", "postnl"],
    ["CP123456785CA", "canada_post"],
    ["EE123456785AU", "australia_post"],
    ["EJ123456785JP", "japan_post"],
    ["EE123456785IN", "india_post"],
    ["EA123456785US", "usps"],
    ["RB123456785GB", "royal_mail"],
    ["RB123456785DE", "deutsche_post"],
    ["1234567890123452", "canada_post"],
    ["0073938000549297", "canada_post"],
    ["9205511899223855772127", "usps"],
    ["9300111899223855772130", "usps"],
    ["420100019205511899223855772127", "usps"],
    ["123456789012343", "fedex"],
    ["986578788855", "fedex"],
    ["9611020987654312345672", "fedex"],
    ["1234567891", "dhl_express"],
    ["3318810025", "dhl_express"],
    ["JJD000390007882212345", "dhl_paket"],
    ["8R12345678901", "colissimo"],
    ["6A12345678901", "colissimo"],
    ["3SABCD1234567", "postnl"],
    ["H01HYA0001234567", "evri"],
    ["PQ4F6P0703673180114004X", "correos"],
    ["1z a84r 2703 8412 0936", "ups"],
  ];
  it.each(cases)("%s → %s", (n, code) => {
    expect(detectCarrier(n)?.code).toBe(code);
  });
});

describe("detectCarrier negatives (never guess wildly)", () => {
  const negatives = [
    "1ZA84R270384120937", // UPS with wrong check digit
    "9400111899223855710248", // USPS wrong check digit
    "791203588468", // FedEx wrong check digit
    "4839172657", // DHL Express wrong mod-7
    "TT483920173GB", // S10 wrong check digit
    "LX304182751DE",
    "RB123456785XX", // S10 with unknown country
    "00340434161094052182", // SSCC wrong check digit
    "1234567890123456", // 16 digits failing Canada Post check
    "1001",
    "#1004",
    "2008",
    "+1 415-555-0134",
    "+49 30 5550142",
    "020 7946 0555",
    "hello world",
    "",
    "12345678901234567890",
    "01505034712389", // 14 digits, no hint/country
  ];
  it.each(negatives)("%s → null", (n) => {
    expect(detectCarrier(n)).toBeNull();
  });
});

describe("detectCarrier by store hint", () => {
  const cases: [string, string, CarrierCode][] = [
    ["UPS", "1ZA84R270384120936", "ups"],
    ["ups-germany", "1ZE2W6491144172082", "ups"],
    ["UPS Germany", "1ZE2W6491144172082", "ups"],
    ["dhl-intraship-de", "00340434161094052181", "dhl_paket"],
    ["DHL Intraship (DE)", "00340434161094052181", "dhl_paket"],
    ["DHL eCommerce", "GM5301284467220193", "dhl_ecommerce"],
    ["DHL Express", "4839172656", "dhl_express"],
    ["dhl", "5720461935", "dhl_express"],
    ["dhl", "00340434161094058770", "dhl_paket"],
    ["DHL", "GM5301284467220193", "dhl_ecommerce"],
    ["Deutsche Post", "LX304182752DE", "deutsche_post"],
    ["deutsche-post", "whatever", "deutsche_post"],
    ["fedex", "773640219535", "fedex"],
    ["FedEx", "", "fedex"],
    ["Royal Mail", "TT483920172GB", "royal_mail"],
    ["royal-mail", "ANY", "royal_mail"],
    ["ROYAL_MAIL", "ANY", "royal_mail"],
    ["dpd-de", "01505034712389", "dpd"],
    ["DPD.de", "01505034712389", "dpd"],
    ["GLS", "12345678901", "gls"],
    ["gls-de", "ZX12AB34", "gls"],
    ["Canada Post", "X", "canada_post"],
    ["Postes Canada", "X", "canada_post"],
    ["australia-post", "X", "australia_post"],
    ["PostNL", "X", "postnl"],
    ["La Poste", "X", "colissimo"],
    ["colissimo", "X", "colissimo"],
    ["Correos", "X", "correos"],
    ["Evri", "X", "evri"],
    ["hermes-uk", "X", "evri"],
    ["Japan Post", "X", "japan_post"],
    ["india-post", "X", "india_post"],
    ["USPS", "9405511899223855772125", "usps"],
    ["United States Postal Service", "X", "usps"],
  ];
  it.each(cases)("hint %s + %s → %s", (hint, n, code) => {
    expect(detectCarrier(n, hint)?.code).toBe(code);
  });

  it("prefers the hint when the number is ambiguous (92… IMpb declared FedEx SmartPost)", () => {
    expect(detectCarrier("9205511899223855772127")?.code).toBe("usps");
    expect(detectCarrier("9205511899223855772127", "FedEx")?.code).toBe("fedex");
  });

  it("generic DHL with an unrecognised number uses the country", () => {
    expect(detectCarrier("12345", "DHL", "DE")?.code).toBe("dhl_paket");
    expect(detectCarrier("12345", "DHL", "US")?.code).toBe("dhl_express");
  });

  it("an unknown hint falls back to the number", () => {
    expect(detectCarrier("1ZA84R270384120936", "Some Courier")?.code).toBe("ups");
    expect(detectCarrier("1001", "Some Courier")).toBeNull();
  });

  it("Hermes outside the UK is not Evri", () => {
    expect(detectCarrier("X", "hermes", "DE")).toBeNull();
    expect(detectCarrier("X", "hermes", "GB")?.code).toBe("evri");
  });
});

describe("check digit algorithms", () => {
  it("S10 weights 8,6,4,2,3,5,9,7 incl. the 10→0 and 11→5 rules", () => {
    expect(s10CheckDigit("12345678")).toBe(5);
    expect(s10CheckDigit("48392017")).toBe(2); // TT483920172GB
    expect(s10CheckDigit("30418275")).toBe(2); // LX304182752DE
    // sum 0 → 11 - 0 = 11 → 5
    expect(s10CheckDigit("00000000")).toBe(5);
  });
  it("GS1 mod 10", () => {
    expect(gs1CheckDigit("0034043416109405218")).toBe(1);
    expect(gs1CheckDigit("940011189922385571024")).toBe(7);
  });
});

describe("trackingUrlFor", () => {
  it("matches the demo script's exact URLs", () => {
    expect(trackingUrlFor("royal_mail", "TT483920172GB")).toBe(
      "https://www.royalmail.com/track-your-item#/tracking-results/TT483920172GB",
    );
    expect(trackingUrlFor("deutsche_post", "LX304182752DE")).toBe(
      "https://www.deutschepost.de/de/s/sendungsverfolgung/verfolgen.html?piececode=LX304182752DE",
    );
    expect(trackingUrlFor("ups", "1ZA84R270384120936")).toBe(
      "https://www.ups.com/track?tracknum=1ZA84R270384120936",
    );
    expect(trackingUrlFor("usps", "9400111899223855710247")).toBe(
      "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223855710247",
    );
    expect(trackingUrlFor("fedex", "773640219535")).toBe(
      "https://www.fedex.com/fedextrack/?trknbr=773640219535",
    );
    expect(trackingUrlFor("dhl_express", "4839172656")).toContain("tracking-id=4839172656");
    expect(trackingUrlFor("dhl_paket", "00340434161094052181", "de")).toBe(
      "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161094052181",
    );
  });
  it("URL-encodes the number", () => {
    expect(trackingUrlFor("ups", "1Z&x=1")).toBe("https://www.ups.com/track?tracknum=1Z%26X%3D1");
    expect(trackingUrlFor("royal_mail", "A/B#C")).toContain("A%2FB%23C");
  });
  it("gives an https URL for every carrier", () => {
    for (const code of CARRIER_CODES) {
      const url = trackingUrlFor(code, "AB123");
      expect(url.startsWith("https://"), code).toBe(true);
      expect(url, code).toContain("AB123");
    }
  });
});

describe("inferCarrier", () => {
  it("#1010: no company, no URL → Royal Mail with the inferred URL", () => {
    expect(inferCarrier({ carrier: null, trackingNumber: "TT483920172GB", trackingUrl: null })).toEqual({
      carrier: "Royal Mail",
      carrierCode: "royal_mail",
      trackingUrl: "https://www.royalmail.com/track-your-item#/tracking-results/TT483920172GB",
      trackingUrlInferred: true,
    });
  });
  it("2012: Deutsche Post with an empty link → inferred URL", () => {
    const r = inferCarrier({
      carrier: "Deutsche Post",
      trackingNumber: "LX304182752DE",
      trackingUrl: "",
      country: "NL",
    });
    expect(r.carrier).toBe("Deutsche Post");
    expect(r.trackingUrl).toBe(
      "https://www.deutschepost.de/de/s/sendungsverfolgung/verfolgen.html?piececode=LX304182752DE",
    );
    expect(r.trackingUrlInferred).toBe(true);
  });
  it("keeps a store-given URL and canonicalises the name", () => {
    const url =
      "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?lang=de&idc=00340434161094052181&rfn=&extendedSearch=true";
    const r = inferCarrier({
      carrier: "DHL Intraship (DE)",
      trackingNumber: "00340434161094052181",
      trackingUrl: url,
    });
    expect(r).toEqual({
      carrier: "DHL Paket",
      carrierCode: "dhl_paket",
      trackingUrl: url,
      trackingUrlInferred: false,
    });
    const u = inferCarrier({
      carrier: "UPS Germany",
      trackingNumber: "1ZE2W6491144172082",
      trackingUrl: "https://x.example/t",
    });
    expect(u.carrier).toBe("UPS");
    expect(u.trackingUrl).toBe("https://x.example/t");
  });
  it("keeps an unknown store carrier name and does not invent another carrier's URL", () => {
    const r = inferCarrier({
      carrier: "Kurier Müller",
      trackingNumber: "1ZA84R270384120936",
      trackingUrl: null,
    });
    expect(r.carrier).toBe("Kurier Müller");
    expect(r.trackingUrl).toBeNull();
  });
  it("nothing to go on → nulls", () => {
    expect(inferCarrier({ carrier: null, trackingNumber: null, trackingUrl: null })).toEqual({
      carrier: null,
      carrierCode: null,
      trackingUrl: null,
      trackingUrlInferred: false,
    });
    expect(inferCarrier({ carrier: null, trackingNumber: "12345", trackingUrl: null }).carrier).toBeNull();
  });
  it("known name without number → name, no URL", () => {
    expect(inferCarrier({ carrier: "fedex", trackingNumber: null, trackingUrl: null })).toEqual({
      carrier: "FedEx",
      carrierCode: "fedex",
      trackingUrl: null,
      trackingUrlInferred: false,
    });
  });
});

describe("inferCarrier placeholders", () => {
  it("treats 'Other' as no carrier and infers from the number", () => {
    const r = inferCarrier({ carrier: "Other", trackingNumber: "1ZA84R270384120936", trackingUrl: null });
    expect(r.carrier).toBe("UPS");
    expect(r.trackingUrl).toBe("https://www.ups.com/track?tracknum=1ZA84R270384120936");
    expect(r.trackingUrlInferred).toBe(true);
  });
});

describe("DHL Parcel is not DHL Express (issue 17)", () => {
  const waybill = "1234567890"; // a 10-digit number, the shape of a DHL Express waybill

  it("a store's custom provider 'DHL Parcel' keeps its name, gets no carrier code and no invented Express link", () => {
    for (const name of [
      "DHL Parcel",
      "dhl-parcel",
      "DHL Parcel NL",
      "DHL Parcel UK",
      "DHL parcel (Benelux)",
    ]) {
      for (const country of ["NL", "GB", "BE", null]) {
        const r = inferCarrier({ carrier: name, trackingNumber: waybill, trackingUrl: null, country });
        expect(r.carrierCode, `${name} ${country}`).toBeNull();
        expect(r.carrier).toBe(name);
        expect(r.trackingUrl).toBeNull();
        expect(detectCarrier(waybill, name, country)).toBeNull();
      }
    }
  });

  it("a store link for DHL Parcel is kept as the store gave it", () => {
    const url = "https://my.dhlparcel.nl/home/tracktrace/JVGL1234567890";
    const r = inferCarrier({
      carrier: "DHL Parcel",
      trackingNumber: "JVGL1234567890",
      trackingUrl: url,
      country: "NL",
    });
    expect(r).toMatchObject({
      carrier: "DHL Parcel",
      carrierCode: null,
      trackingUrl: url,
      trackingUrlInferred: false,
    });
  });

  it("in Germany 'DHL Parcel' is DHL Paket (its English name)", () => {
    expect(detectCarrier("00340434161094058770", "DHL Parcel", "DE")?.code).toBe("dhl_paket");
    expect(detectCarrier("00340434161094058770", "DHL Parcel Germany", null)?.code).toBe("dhl_paket");
  });

  it("DHL Express stays DHL Express", () => {
    expect(detectCarrier(waybill, "DHL Express", "NL")?.code).toBe("dhl_express");
    expect(detectCarrier(waybill, "DHL", "NL")?.code).toBe("dhl_express");
  });
});

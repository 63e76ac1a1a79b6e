/** Store-aware order numbers: learnNumbering + extractEntities(text, { numbering }). */
import { describe, expect, it } from "vitest";
import { extractEntities } from "./entities";
import { canonicalOrderNumber, learnNumbering } from "./numbering";

const shopify = learnNumbering(["#1001", "#1002", "#1188", "#1999"])!;
const prefixed = learnNumbering(["#SO-1001-EU", "#SO-1002-EU", "#SO-1042-EU"])!;
const newWoo = learnNumbering(["14", "15", "16", "17", "18", "19", "20"])!;
const bigWoo = learnNumbering([47950, 47990, 48000])!;

describe("learnNumbering", () => {
  it("learns digits, prefix and suffix from recent orders", () => {
    expect(shopify).toEqual({ prefix: "", suffix: "", minDigits: 4, maxDigits: 4 });
    expect(prefixed).toEqual({ prefix: "SO-", suffix: "-EU", minDigits: 4, maxDigits: 4 });
    expect(newWoo).toEqual({ prefix: "", suffix: "", minDigits: 1, maxDigits: 2 });
    expect(bigWoo).toEqual({ prefix: "", suffix: "", minDigits: 4, maxDigits: 5 });
  });

  it.each([[[]], [["", "abc", null, {}]], [["#", "SO-"]]])(
    "has no profile without order names: %j",
    (names) => {
      expect(learnNumbering(names as unknown[])).toBeNull();
    },
  );

  it("ignores a minority prefix", () => {
    expect(learnNumbering(["#1001", "#1002", "#1003", "#X1004"])!.prefix).toBe("");
  });
});

describe("extractEntities with a store's numbering", () => {
  it.each([
    ["18", "18"],
    ["#18", "18"],
    ["order 18", "18"],
    ["did 18 ship?", "18"],
    ["is 7 on its way", "7"],
    ["where is my order 1003", "1003"],
  ])("new WooCommerce store: %j → %s", (text, n) => {
    expect(extractEntities(text, { numbering: newWoo }).orderNumber).toBe(n);
  });

  it.each([
    "I ordered 2 shirts",
    "20% off",
    "arrives in 3 days",
    "10 Rue de Rivoli, 75001 Paris",
    "1010 Wien",
  ])("new WooCommerce store: %j has no order number", (text) => {
    expect(extractEntities(text, { numbering: newWoo }).orderNumber).toBeNull();
  });

  it("a Shopify store (#1001+) takes 4 digits but never a 5-digit postcode or a 2-digit quantity", () => {
    expect(extractEntities("did 1005 ship", { numbering: shopify }).orderNumber).toBe("1005");
    expect(extractEntities("my order from 28013 is late", { numbering: shopify }).orderNumber).toBeNull();
    expect(extractEntities("18", { numbering: shopify }).orderNumber).toBeNull();
  });

  it("a prefixed store's names are returned as the store writes them", () => {
    expect(extractEntities("order 1042 pls", { numbering: prefixed }).orderNumber).toBe("SO-1042-EU");
    expect(extractEntities("#so-1042-eu", { numbering: prefixed }).orderNumber).toBe("SO-1042-EU");
    expect(extractEntities("where is SO-1042-EU", { numbering: prefixed }).orderNumber).toBe("SO-1042-EU");
    expect(canonicalOrderNumber("WC-1042", prefixed)).toBe("WC-1042");
  });

  it("a big WooCommerce store takes 4 and 5 digits", () => {
    expect(extractEntities("where is 2044", { numbering: bigWoo }).orderNumber).toBe("2044");
    expect(extractEntities("did 47321 ship", { numbering: bigWoo }).orderNumber).toBe("47321");
  });

  it("a bare number is the reply to 'what's your order number?'", () => {
    expect(extractEntities("5", { awaitingOrderNumber: true }).orderNumber).toBe("5");
    expect(extractEntities("it's 12 I think", { awaitingOrderNumber: true }).orderNumber).toBe("12");
    expect(extractEntities("5").orderNumber).toBe("5");
    expect(extractEntities("5", { numbering: shopify }).orderNumber).toBeNull();
    expect(extractEntities("5", { numbering: shopify, awaitingOrderNumber: true }).orderNumber).toBe("5");
  });

  it.each([
    "call me on +49 151 23456789",
    "tracking 1Z999AA10123456784",
    "it cost €1005",
    "delivered on 12/10/2026",
    "I live at Hauptstraße 1005",
  ])("never takes %j as an order number, whatever the store", (text) => {
    for (const numbering of [shopify, newWoo, bigWoo, null]) {
      expect(extractEntities(text, { numbering }).orderNumber).toBeNull();
    }
  });
});

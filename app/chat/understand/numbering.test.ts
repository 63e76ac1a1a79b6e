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

describe("short order numbers in a sentence (new WooCommerce store)", () => {
  it.each([
    ["cancel 22 please", "22"],
    ["annuleer 44 maar", "44"],
    ["le 13 est parti", "13"],
    ["el 11 ya salio", "11"],
    ["o 15 já saiu", "15"],
    ["change the address on 17 to 4 Mill Lane", "17"],
    ["changer l'adresse de la 21 pour 3 rue Hugo", "21"],
    ["cambiar la direccion del 25 a Calle Sol 8", "25"],
    ["adres van 33 wijzigen naar Kerkweg 12", "33"],
  ])("%j → %s", (text, n) => {
    expect(extractEntities(text, { numbering: newWoo }).orderNumber).toBe(n);
  });

  it.each([
    "i want to return 2 of the shirts",
    "cancel 2 of the 3 items",
    "bought 3 plates on the 2nd, where are they",
    "i live at 5 Church Road, wheres my order",
    "moro na Rua Augusta 22, cade minha encomenda",
    "total was 45 euros, where is it",
  ])("a quantity, street number or price is not the order: %j", (text) => {
    expect(extractEntities(text, { numbering: newWoo }).orderNumber).toBeNull();
  });
});

describe("pasted order confirmations", () => {
  it.each([
    [
      "Danke für Ihre Bestellung! Bestellnummer 1611 Summe 39,90 € Lieferadresse Ringweg 3, 04109 Leipzig.",
      "1611",
    ],
    ["Grazie! Ordine n. 1544 Totale 19,90 € Spedizione a Via Dante 4, 20121 Milano", "1544"],
    ["Obrigado! Pedido nº 1733 Total R$ 99,90 Entrega: Rua Oscar Freire 12, 01426-001 São Paulo", "1733"],
  ])("takes the order number, not the total, street number or postcode: %j", (text, n) => {
    expect(extractEntities(text, { numbering: shopify }).orderNumber).toBe(n);
    expect(extractEntities(text).orderNumber).toBe(n);
  });

  it("a big WooCommerce order at the start of a Portuguese question is not a place", () => {
    expect(extractEntities("a 22817 ta atrasada?", { numbering: bigWoo }).orderNumber).toBe("22817");
  });

  it.each([
    ["bel me op 06-87654321", "06-87654321"],
    ["llamame al 612 34 56 78", "612 34 56 78"],
  ])("reads the phone after a call-me phrase: %j", (text, phone) => {
    expect(extractEntities(text).phone).toBe(phone);
  });
});

describe("without a store profile (the generic rules)", () => {
  it.each([
    ["storno für 38", "38"],
    ["start a return for 23", "23"],
    ["annuleer 44 maar", "44"],
    ["cancelem o 29", "29"],
  ])("a short number right after an order action is the order: %j → %s", (text, n) => {
    expect(extractEntities(text).orderNumber).toBe(n);
  });

  it.each([
    "i want to return 2 of the shirts",
    "cancel 2 items",
    "cancel the 2 hoodies",
    "refund for 2 items please",
  ])("a quantity after an order action is not: %j", (text) => {
    expect(extractEntities(text).orderNumber).toBeNull();
  });
});

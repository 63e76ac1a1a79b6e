import { describe, expect, it } from "vitest";
import { extractEntities } from "./entities";
import { learnNumbering } from "./numbering";

describe("extractEntities: order numbers in their written forms", () => {
  it.each<[string, string]>([
    ["#1003", "1003"],
    ["# 1003", "1003"],
    ["order 1003", "1003"],
    ["Order #1003", "1003"],
    ["order no. 1003", "1003"],
    ["Order No 1003", "1003"],
    ["order nr 1003", "1003"],
    ["order number: 1003", "1003"],
    ["order id 1003", "1003"],
    ["my order number is 1003", "1003"],
    ["my order is 1003", "1003"],
    ["ORDER 1003 PLEASE", "1003"],
    ["Bestellung 1003", "1003"],
    ["Bestellnummer 1003", "1003"],
    ["Bestellnummer: 1003", "1003"],
    ["Bestell-Nr. 1003", "1003"],
    ["Bestellnr. 1003", "1003"],
    ["Auftragsnummer 1003", "1003"],
    ["pedido nº 1003", "1003"],
    ["pedido n° 1003", "1003"],
    ["pedido número 1003", "1003"],
    ["número de pedido: 1003", "1003"],
    ["mi pedido es el 1003", "1003"],
    ["commande n° 1003", "1003"],
    ["commande 1003", "1003"],
    ["numéro de commande 1003", "1003"],
    ["ma commande est la 1003", "1003"],
    ["ordine n. 1003", "1003"],
    ["ordine 1003", "1003"],
    ["il mio ordine è il 1003", "1003"],
    ["bestelling 1003", "1003"],
    ["bestelnummer 1003", "1003"],
    ["mijn bestelling is 1003", "1003"],
    ["encomenda 1003", "1003"],
    ["encomenda nº 1003", "1003"],
    ["1003", "1003"],
    ["  1003  ", "1003"],
    ["1003?", "1003"],
    ["it's 1003", "1003"],
    ["#2004", "2004"],
    ["2004", "2004"],
    ["#WC-2004", "WC-2004"],
    ["order WC-2004", "WC-2004"],
    ["#EU1001", "EU1001"],
    ["order no1003", "1003"],
    ["where is 1003", "1003"],
    ["where is my order 1003??", "1003"],
    ["where's #1003 😡", "1003"],
    ["order 1003 placed on 23.11.2026 for $300.89", "1003"],
    ["I bought 2 items for 49.00 € on Nov 23, order #1003", "1003"],
    ["order 1003 was shipped to 10435 Berlin", "1003"],
    ["my order number is 2025", "2025"],
    ["pedido 123456", "123456"],
    ["order 1234567890", "1234567890"],
  ])("%j → %s", (text, expected) => {
    expect(extractEntities(text).orderNumber).toBe(expected);
  });
});

describe("extractEntities: things that are not order numbers", () => {
  it.each<string>([
    "$49",
    "it was $49 and it's broken",
    "it was 49.00 €",
    "I paid 49 euros",
    "it cost 1299 dollars",
    "€ 1200",
    "2 items",
    "I ordered 3x",
    "I ordered 1000 pieces",
    "zip 94103",
    "my zip code is 94103",
    "PLZ 10435",
    "10435 Berlin",
    "Kastanienallee 12, 10435 Berlin",
    "my new address is 85 Church St, Burlington VT 05401",
    "11/23",
    "23.11.2026",
    "Nov 23",
    "23 Nov",
    "2026-11-23",
    "delivered on November 23, 2026",
    "am 23. November",
    "at 10:30",
    "since 2025",
    "I've been a customer since 2025",
    "order from 2025",
    "tracking 1ZA84R270384120936",
    "1ZA84R270384120936",
    "LX304182752DE",
    "TT483920172GB",
    "00340434161094052181",
    "0034 0434 1610 9405 2181",
    "9400111899223855710247",
    "GM5301284467220193",
    "my tracking number is 4839172656",
    "791203588467",
    "+1 415-555-0134",
    "(415) 555-0134",
    "415-555-0134",
    "+49 30 5550142",
    "020 7946 0555",
    "12 shirts",
    "50% off",
    "https://example.com/orders/1003abc",
    "",
  ])("%j has no order number", (text) => {
    expect(extractEntities(text).orderNumber).toBeNull();
  });
});

describe("extractEntities: emails", () => {
  it.each<[string, string | null]>([
    ["alice.johnson@example.com", "alice.johnson@example.com"],
    ["  Bob.Smith@Example.COM  ", "bob.smith@example.com"],
    ["my email is lena.schmidt@example.com, order 2001", "lena.schmidt@example.com"],
    ["mail: tobias.wagner+shop@example.net.", "tobias.wagner+shop@example.net"],
    ["zoe_braendli@sub.example.ch", "zoe_braendli@sub.example.ch"],
    ["email me at john at example dot com", null],
    ["@example.com", null],
    ["no email here", null],
  ])("%j → %s", (text, email) => {
    expect(extractEntities(text).email).toBe(email);
  });
});

describe("extractEntities: phones", () => {
  it.each<[string, string | null]>([
    ["+1 415-555-0134", "+1 415-555-0134"],
    ["call me at +1 415-555-0134 please", "+1 415-555-0134"],
    ["(415) 555-0134", "(415) 555-0134"],
    ["415-555-0134", "415-555-0134"],
    ["415.555.0134", "415.555.0134"],
    ["+49 30 5550142", "+49 30 5550142"],
    ["+44 20 7946 0555", "+44 20 7946 0555"],
    ["020 7946 0555", "020 7946 0555"],
    ["+41 44 555 01 23", "+41 44 555 01 23"],
    ["+31 20 555 0137", "+31 20 555 0137"],
    ["my phone is 4155550134", "4155550134"],
    ["Telefon: 030 5550142", "030 5550142"],
    ["mi teléfono es 612 345 678", "612 345 678"],
    ["0049 341 5550116", "0049 341 5550116"],
    ["order 1003, phone +1 305-555-0178", "+1 305-555-0178"],
    ["1003", null],
    ["order 1234567", null],
    ["23.11.2026", null],
    ["$1,235.62", null],
    ["00340434161094052181", null],
  ])("%j → %s", (text, phone) => {
    expect(extractEntities(text).phone).toBe(phone);
  });

  it("keeps order number and phone apart", () => {
    expect(extractEntities("my order is 1003, phone +44 20 7946 0555")).toEqual({
      orderNumber: "1003",
      email: null,
      phone: "+44 20 7946 0555",
    });
    expect(extractEntities("commande 1003, mon téléphone est +33 6 12 34 56 78")).toEqual({
      orderNumber: "1003",
      email: null,
      phone: "+33 6 12 34 56 78",
    });
  });

  it("finds all three in one message", () => {
    expect(extractEntities("Order #1013 — carlos.rivera@example.com, tel (305) 555-0178")).toEqual({
      orderNumber: "1013",
      email: "carlos.rivera@example.com",
      phone: "(305) 555-0178",
    });
  });
});

describe("extractEntities: short order numbers without a store profile", () => {
  it.each<[string, string | null]>([
    // asked how it is doing, or the order whose address changes: only an order fits
    ["did 7 ship yet", "7"],
    ["ist 23 schon raus?", "23"],
    ["o 31 já chegou?", "31"],
    ["where's 12 at??", "12"],
    ["la 8 est déjà partie ?", "8"],
    ["is nr 5 al weg?", "5"],
    ["il n. 64 è partito?", "64"],
    ["change the address on 41 to 3 Elm Street", "41"],
    ["adresse von 9 ändern auf Hauptstraße 12", "9"],
    ["seguimiento para el 33", "33"],
    // asking after one order with nothing after the number
    ["any news on 14?", "14"],
    ["update on 12 please", "12"],
    ["rimborso del 14", "14"],
    ["novedades del 9?", "9"],
    ["what about 21", "21"],
    ["was ist mit 14", "14"],
    ["where is 14?", "14"],
    ["is 14 on its way", "14"],
    ["any news on 2 items?", null],
    ["refund for 2 shirts", null],
    // quantities, items, postcodes
    ["i got charged 2 times for one order", null],
    ["the 2 shirts don't fit", null],
    ["did 2 of them ship?", null],
    ["il cap è sbagliato, quello nuovo è 20121", null],
    // "placed" is not a street ("place"), the anchored number stands
    ["plz cancel order 4213 placed by accident", "4213"],
  ])("%j → %s", (text, want) => {
    expect(extractEntities(text).orderNumber).toBe(want);
  });
});

describe("extractEntities: prices, sizes, homes and years are not orders; the order beside them is", () => {
  const woo = learnNumbering(Array.from({ length: 30 }, (_, i) => String(60 - i * 2)));
  it.each<[string, string | null]>([
    ["I paid 1099 for it", null],
    ["ya pagué 1250 y nada", null],
    ["quien gano el mundial de 2010", null],
    // the Portuguese article before the order is not a place ("à 75011" still is)
    ["e a 1290?", "1290"],
    ["como está a 1632", "1632"],
    ["j'habite à 75011", null],
    ["n°1005 svp", "1005"],
  ])("%j → %s", (text, want) => {
    expect(extractEntities(text).orderNumber).toBe(want);
  });

  it.each<[string, string | null]>([
    ["talla 42", null],
    ["taglia 44?", null],
    ["I live at number 12", null],
    ["ik woon op nummer 12", null],
    ["I live in Madrid, did 18 ship?", "18"],
    // a message that opens with the number it talks about
    ["14 didnt arrive", "14"],
    ["14 still not here", "14"],
    ["17 ist nicht angekommen", "17"],
    ["14 - where is it?", "14"],
    ["14 please cancel", "14"],
    ["when will 14 get here", "14"],
    ["kann ich 14 noch stornieren", "14"],
    // what was bought, where the shopper lives
    ["comprei 2", null],
    ["apartment 14", null],
    ["Wohnung 14", null],
    ["my house number is 14", null],
  ])("at a store numbering 1–99: %j → %s", (text, want) => {
    expect(extractEntities(text, { numbering: woo }).orderNumber).toBe(want);
  });
});

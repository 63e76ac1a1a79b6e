/**
 * Round 4's battery of hard order-number cases without a store profile (the generic rules), in the
 * 7 languages: postcodes beside cities, prices, dates, quantities, phone/tracking/street numbers,
 * "for 1009", "change address on 12345", a bare "1003?", and 1–2 digit WooCommerce numbers as the
 * reply after the bot asked for the order number.
 */
import { describe, expect, it } from "vitest";
import { extractEntities } from "./entities";
import { learnNumbering } from "./numbering";

describe("no store profile: the order beside numbers that are not orders", () => {
  it.each<[string, string | null]>([
    // en
    ["its for 1009", "1009"],
    ["this is for 1009 btw", "1009"],
    ["change address on 12345 to 4 Mill Lane", "12345"],
    ["1003?", "1003"],
    ["order 1042 but I moved to 8001 Zürich", "1042"],
    ["did 1044 ship? I paid $59.90 on 12/11", "1044"],
    ["1051 - 3 items, 2 came, 1 missing", "1051"],
    ["call me on 07700 900123 about 1062", "1062"],
    ["tracking 1Z999AA10123456784 says nothing, order 1071", "1071"],
    ["deliver 1083 to 221 Baker Street pls", "1083"],
    ["i ordered 3 on 4 november", null],
    ["I paid 49 for 2 items", null],
    ["my postcode is 90210", null],
    // es
    ["es para el 1009", "1009"],
    ["cambiar la dirección del 12345 a Calle Mayor 5", "12345"],
    ["pedido 1107, vivo en 28013 Madrid", "1107"],
    ["pagué 35,90 € por 2 camisetas", null],
    ["llegó el 14 de noviembre", null],
    // fr
    ["c'est pour la 1009", "1009"],
    ["commande 1203 à livrer au 12 rue Hugo 75011 Paris", "1203"],
    ["j'ai payé 79 € le 3 décembre", null],
    ["mon numéro 06 12 34 56 78", null],
    // de
    ["für 1009 bitte", "1009"],
    ["Bestellung 1301, neue Adresse Hauptstraße 12, 10115 Berlin", "1301"],
    ["1010 Wien", null],
    ["hab 2 Stück bestellt am 3.11.", null],
    ["Sendungsnummer 00340434161094042557", null],
    // pt
    ["é para a 1009", "1009"],
    ["encomenda 1401, moro em 1000-001 Lisboa", "1401"],
    ["paguei 45 euros por 3 peças", null],
    // it
    ["è per il 1009", "1009"],
    ["ordine 1501, abito in via Roma 10, 20121 Milano", "1501"],
    ["ho pagato 29,99 il 5 novembre", null],
    // nl
    ["het is voor 1009", "1009"],
    ["bestelling 1601, postcode 1012 AB Amsterdam", "1601"],
    ["1012 AB", null],
    ["bel me op 06-12345678", null],
  ])("%j → %s", (text, want) => {
    expect(extractEntities(text).orderNumber).toBe(want);
  });
});

describe("no store profile: amounts, codes, lockers, phones and places are not orders", () => {
  it.each<[string, string | null]>([
    ["il mio numero è 347 1234567", null],
    ["costava 1200 e non è arrivato", null],
    ["ho speso 1250", null],
    ["gasté 1250 y nada", null],
    ["j'ai dépensé 1250", null],
    ["ich habe 1250 ausgegeben", null],
    ["gastei 1250", null],
    ["code 1234 doesn't work", null],
    ["mein Gutscheincode 2024 geht nicht", null],
    ["desconto 1500", null],
    ["the total was 1200", null],
    ["totaal 1200", null],
    ["Gesamtbetrag 1200", null],
    ["importo 1200", null],
    ["delivered to locker 1234", null],
    ["livré au 75011", null],
    ["I've spent 2 days chasing 1055", "1055"],
    // the order, then the address it should go to
    ["send 1090 to 12 rue Hugo", "1090"],
    ["mi pedido 1100 a la calle Mayor 12", "1100"],
    ["I live at 1234 Main Street", null],
    ["ship to 75011 Paris, commande 1234", "1234"],
    ["my zip is 10001 and order 1055", "1055"],
    // asked after with a word of another language
    ["bzgl. 1009", "1009"],
    ["riguardo al 1009", "1009"],
    ["betreft 1009", "1009"],
    ["dov'è il 1234", "1234"],
    ["Order 1045 — 2 x T-shirt (M) — €39.98", "1045"],
    ["1045, anna@x.com", "1045"],
    ["¿1067?", "1067"],
  ])("%j → %s", (text, want) => {
    expect(extractEntities(text).orderNumber).toBe(want);
  });
});

describe("no store profile: customer, product and collection numbers are not orders", () => {
  it.each<[string, string | null]>([
    ["Kundennummer 98765", null],
    ["my customer id is 98765", null],
    ["numéro client 98765", null],
    ["número de cliente 98765", null],
    ["numero cliente 98765", null],
    ["klantnummer 98765", null],
    ["SKU 12345", null],
    ["artikelnummer 12345", null],
    ["art.-nr. 12345", null],
    ["item 12345 is out of stock?", null],
    ["product 12345 back in stock?", null],
    ["model 2024 jacket", null],
    ["the 2025 collection", null],
    // pasted confirmations keep their order
    ["Bestellnummer 1234, Kundennummer 98765", "1234"],
    [
      "Order confirmation #1234 Thank you for your purchase! Subtotal €49.00 Shipping €4.95 Total €53.95",
      "1234",
    ],
    ["Confirmación de pedido n.º 1234", "1234"],
    ["bestelling 1234, postcode 1012AB", "1234"],
  ])("%j → %s", (text, want) => {
    expect(extractEntities(text).orderNumber).toBe(want);
  });
});

describe("no store profile: 1- and 2-digit WooCommerce numbers after the bot asked", () => {
  it.each<[string, string]>([
    ["18", "18"],
    ["#7", "7"],
    ["its 14", "14"],
    ["number 9", "9"],
    ["es el 16", "16"],
    ["el 3", "3"],
    ["c'est la 12", "12"],
    ["n° 5", "5"],
    ["es ist die 19", "19"],
    ["Nr. 8", "8"],
    ["é a 11", "11"],
    ["o 4", "4"],
    ["è il 15", "15"],
    ["il 6", "6"],
    ["het is 17", "17"],
    ["nummer 2", "2"],
    ["18 thanks", "18"],
    ["sorry, 13", "13"],
    ["it was 14 I think", "14"],
    ["creo que el 16", "16"],
    ["je crois que c'est la 12", "12"],
    ["ich glaube 19", "19"],
    ["acho que é a 11", "11"],
    ["credo il 15", "15"],
    ["ik denk 17", "17"],
    ["bestelling 7", "7"],
  ])("asked, then %j → %s", (text, want) => {
    expect(extractEntities(text, { awaitingOrderNumber: true }).orderNumber).toBe(want);
  });
});

describe("no store profile: an amount word earlier in the message does not hide the order", () => {
  it.each<[string, string]>([
    ["the total was fine but where is 1055", "1055"],
    ["discount worked, did 1056 ship?", "1056"],
  ])("%j → %s", (text, want) => {
    expect(extractEntities(text).orderNumber).toBe(want);
  });
});

describe("no store profile: payment cards, rooms, PO boxes and bare phones are not orders", () => {
  it.each<[string, string | null]>([
    ["my number is 0612345678", null],
    ["gift card 5521", null],
    ["paid with card ending 4242", null],
    ["last 4 digits 4242", null],
    ["mi tarjeta termina en 4242", null],
    ["ho pagato con la carta che finisce con 4242", null],
    ["karte endet auf 4242", null],
    ["room 1204 at the hotel", null],
    ["Zimmer 1204", null],
    ["habitación 1204", null],
    ["chambre 1204", null],
    ["PO box 1234", null],
    ["Postfach 1234", null],
    ["apartado 1234", null],
    // …and the order beside them still is
    ["pedido 1099 tel 612345678", "1099"],
    ["call 0612345678 re 1099", "1099"],
    ["ma commande 1099 (j'habite au 12 rue Hugo, 75011 Paris)", "1099"],
    ["1099 ainda não chegou", "1099"],
    ["annulla il 1099", "1099"],
  ])("%j → %s", (text, want) => {
    expect(extractEntities(text).orderNumber).toBe(want);
  });

  it("reads a bare 0-led 10-digit number as the phone", () => {
    expect(extractEntities("my number is 0612345678").phone).toBe("0612345678");
  });
});

describe("at a new WooCommerce store (#14–#20): a message opening with the number and where", () => {
  const woo = learnNumbering(Array.from({ length: 7 }, (_, i) => String(14 + i)));
  it.each<[string, string | null]>([
    ["18 where", "18"],
    ["17 wo?", "17"],
    ["16 dove??", "16"],
    ["18 years old", null],
  ])("%j → %s", (text, want) => {
    expect(extractEntities(text, { numbering: woo }).orderNumber).toBe(want);
  });
});

describe("at a store named SO-1042-EU: the name typed without its hyphens", () => {
  const prefixed = learnNumbering(Array.from({ length: 30 }, (_, i) => `#SO-${1001 + i * 3}-EU`));
  it.each<[string, string | null]>([
    ["SO1042EU", "SO-1042-EU"],
    ["order SO 1042 EU", "SO-1042-EU"],
    ["where is so1042eu?", "SO-1042-EU"],
    ["so 2 items arrived", null],
  ])("%j → %s", (text, want) => {
    expect(extractEntities(text, { numbering: prefixed }).orderNumber).toBe(want);
  });
});

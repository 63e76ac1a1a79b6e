import { describe, expect, it } from "vitest";
import type { Intent, Language } from "../protocol";
import { detectLanguage, understand } from "./index";

type Case = [text: string, intent: Intent, lang: Language];

const ORDER_STATUS: Case[] = [
  ["where is my order", "order_status", "en"],
  ["Where is my order?", "order_status", "en"],
  ["WHERE IS MY ORDER???", "order_status", "en"],
  ["wher is my ordr", "order_status", "en"],
  ["wheres my stuff", "order_status", "en"],
  ["where's my order 🙏", "order_status", "en"],
  ["WHERES MY ORDER 😡😡", "order_status", "en"],
  ["yo where my stuff at", "order_status", "en"],
  ["wismo", "order_status", "en"],
  ["has my order shipped yet?", "order_status", "en"],
  ["hey u guys shipped my order yet?", "order_status", "en"],
  ["when will my order arrive", "order_status", "en"],
  ["when will i get my stuff", "order_status", "en"],
  ["my package hasn't arrived", "order_status", "en"],
  ["pls help my ordr hasnt arrived", "order_status", "en"],
  ["it's been 2 weeks and still nothing", "order_status", "en"],
  ["my order is late", "order_status", "en"],
  ["my order is delayed", "order_status", "en"],
  ["can u check order 1003 pls", "order_status", "en"],
  ["any update on #1003?", "order_status", "en"],
  ["what's the status of my order", "order_status", "en"],
  ["order status", "order_status", "en"],
  ["i ordered 3 items last week, where are they", "order_status", "en"],
  ["hello, my order 1003 hasn't arrived", "order_status", "en"],
  ["where is 1003", "order_status", "en"],
  ["I still haven't received my order", "order_status", "en"],
  ["whens my order comming", "order_status", "en"],
  ["¿dónde está mi pedido?", "order_status", "es"],
  ["donde esta mi pedido", "order_status", "es"],
  ["DONDE ESTA MI PEDIDO", "order_status", "es"],
  ["cuándo llega mi pedido", "order_status", "es"],
  ["mi pedido no llega", "order_status", "es"],
  ["mi paquete no ha llegado", "order_status", "es"],
  ["hola, quiero saber dónde está mi pedido 1003", "order_status", "es"],
  ["cual es el estado de mi pedido", "order_status", "es"],
  ["todavía no recibí mi compra", "order_status", "es"],
  ["Où est ma commande ?", "order_status", "fr"],
  ["ou est ma commande", "order_status", "fr"],
  ["quand vais-je recevoir ma commande", "order_status", "fr"],
  ["Bonjour, je n'ai toujours pas reçu ma commande", "order_status", "fr"],
  ["Mon colis n'est pas arrivé", "order_status", "fr"],
  ["quel est le statut de ma commande 1003", "order_status", "fr"],
  ["ma commande est en retard", "order_status", "fr"],
  ["Wo ist meine Bestellung 1003?", "order_status", "de"],
  ["wo ist meine bestellung", "order_status", "de"],
  ["Wo bleibt meine Bestellung?", "order_status", "de"],
  ["wann kommt meine bestellung an", "order_status", "de"],
  ["Ich habe meine Bestellung noch nicht erhalten", "order_status", "de"],
  ["Mein Paket ist noch nicht angekommen", "order_status", "de"],
  ["Wie ist der Status meiner Bestellung?", "order_status", "de"],
  ["meine bestellung ist verspätet", "order_status", "de"],
  ["Dov'è il mio ordine?", "order_status", "it"],
  ["dove è il mio ordine", "order_status", "it"],
  ["quando arriva il mio ordine", "order_status", "it"],
  ["il mio ordine non è ancora arrivato", "order_status", "it"],
  ["qual è lo stato del mio ordine", "order_status", "it"],
  ["Waar is mijn bestelling?", "order_status", "nl"],
  ["wanneer komt mijn bestelling", "order_status", "nl"],
  ["mijn pakket is nog niet aangekomen", "order_status", "nl"],
  ["wat is de status van mijn bestelling", "order_status", "nl"],
  ["mijn bestelling is nog steeds niet geleverd", "order_status", "nl"],
  ["Onde está o meu pedido?", "order_status", "pt"],
  ["onde está a minha encomenda", "order_status", "pt"],
  ["quando chega o meu pedido", "order_status", "pt"],
  ["ainda não recebi o meu pedido", "order_status", "pt"],
  ["qual o estado da minha encomenda", "order_status", "pt"],
];

const TRACKING: Case[] = [
  ["track my package", "tracking", "en"],
  ["track my order", "tracking", "en"],
  ["trackign number pls", "tracking", "en"],
  ["send me the tracking link", "tracking", "en"],
  ["what's my tracking number", "tracking", "en"],
  ["can you tell me the tracking number for 1003", "tracking", "en"],
  ["where is my parcel", "tracking", "en"],
  ["WHERE IS MY PACKAGE", "tracking", "en"],
  ["which carrier are you using for my order", "tracking", "en"],
  ["TRACKING", "tracking", "en"],
  ["rastrear mi paquete", "tracking", "es"],
  ["quiero el número de seguimiento", "tracking", "es"],
  ["dónde está mi paquete", "tracking", "es"],
  ["suivi de colis", "tracking", "fr"],
  ["c'est quoi le numéro de suivi", "tracking", "fr"],
  ["où est mon colis", "tracking", "fr"],
  ["Sendungsverfolgung", "tracking", "de"],
  ["Wie lautet die Sendungsnummer?", "tracking", "de"],
  ["wo ist mein paket", "tracking", "de"],
  ["ich möchte meine Sendung verfolgen", "tracking", "de"],
  ["dov'è il mio pacco", "tracking", "it"],
  ["numero di tracciamento per favore", "tracking", "it"],
  ["waar is mijn pakket", "tracking", "nl"],
  ["wat is mijn track en trace code", "tracking", "nl"],
  ["qual é o código de rastreio", "tracking", "pt"],
  ["quero rastrear a minha encomenda", "tracking", "pt"],
];

const CANCEL: Case[] = [
  ["cancel my order", "cancel_order", "en"],
  ["cancel order 1003", "cancel_order", "en"],
  ["please cancle my order", "cancel_order", "en"],
  ["cancell my oder pls", "cancel_order", "en"],
  ["i wnat to cancel", "cancel_order", "en"],
  ["I want to cancel my order 1003", "cancel_order", "en"],
  ["Why can't I cancel my order?", "cancel_order", "en"],
  ["I can't cancel my order", "cancel_order", "en"],
  ["CANCEL IT NOW", "cancel_order", "en"],
  ["where is my order? i want to cancel", "cancel_order", "en"],
  ["I don't want it anymore", "cancel_order", "en"],
  ["quiero cancelar mi pedido", "cancel_order", "es"],
  ["anular pedido 1003", "cancel_order", "es"],
  ["je veux annuler ma commande", "cancel_order", "fr"],
  ["annulation de commande svp", "cancel_order", "fr"],
  ["ich möchte meine bestellung stornieren", "cancel_order", "de"],
  ["Kann ich die Bestellung stornieren?", "cancel_order", "de"],
  ["Bestellung 1003 bitte stornieren", "cancel_order", "de"],
  ["voglio annullare il mio ordine", "cancel_order", "it"],
  ["ik wil mijn bestelling annuleren", "cancel_order", "nl"],
  ["quero cancelar o meu pedido", "cancel_order", "pt"],
  ["cancelamento do pedido 1003", "cancel_order", "pt"],
];

const RETURNS: Case[] = [
  ["I want a refund", "return_refund", "en"],
  ["refnud please", "return_refund", "en"],
  ["I want to return my shoes", "return_refund", "en"],
  ["hw do i retrun this", "return_refund", "en"],
  ["how do I get my money back", "return_refund", "en"],
  ["i need a refund for order #1003 it came broken", "return_refund", "en"],
  ["the item arrived damaged", "return_refund", "en"],
  ["wrong size, need an exchange", "return_refund", "en"],
  ["I want to exchange my shoes", "return_refund", "en"],
  ["where is my refund", "return_refund", "en"],
  ["quiero una devolución", "return_refund", "es"],
  ["quiero devolver un producto", "return_refund", "es"],
  ["quiero un reembolso", "return_refund", "es"],
  ["mi paquete llegó dañado", "return_refund", "es"],
  ["je souhaite retourner un article", "return_refund", "fr"],
  ["je veux être remboursé", "return_refund", "fr"],
  ["remboursement svp", "return_refund", "fr"],
  ["mon colis est arrivé endommagé", "return_refund", "fr"],
  ["Rückerstattung bitte", "return_refund", "de"],
  ["ich möchte etwas zurückschicken", "return_refund", "de"],
  ["Ich möchte mein Geld zurück", "return_refund", "de"],
  ["ich will meine Bestellung zurücksenden", "return_refund", "de"],
  ["voglio il rimborso", "return_refund", "it"],
  ["voglio un rimborso", "return_refund", "it"],
  ["voglio restituire un prodotto", "return_refund", "it"],
  ["geld terug", "return_refund", "nl"],
  ["ik wil mijn geld terug", "return_refund", "nl"],
  ["ik wil iets retourneren", "return_refund", "nl"],
  ["Quero devolver a minha encomenda", "return_refund", "pt"],
  ["quero o reembolso", "return_refund", "pt"],
];

const POLICY_RETURNS: Case[] = [
  ["what is your return policy", "policy_returns", "en"],
  ["can i return after 30 days", "policy_returns", "en"],
  ["is return shipping free?", "policy_returns", "en"],
  ["do you accept returns?", "policy_returns", "en"],
  ["how many days do I have to return an item", "policy_returns", "en"],
  ["what's your exchange policy", "policy_returns", "en"],
  ["Is it possible to get a refund after 14 days?", "policy_returns", "en"],
  ["refund policy?", "policy_returns", "en"],
  ["cuál es la política de devoluciones", "policy_returns", "es"],
  ["quelle est votre politique de retour", "policy_returns", "fr"],
  ["wie sind eure Rückgabebedingungen", "policy_returns", "de"],
  ["qual è la vostra politica di reso", "policy_returns", "it"],
  ["wat is jullie retourbeleid", "policy_returns", "nl"],
  ["qual é a política de devolução", "policy_returns", "pt"],
];

const CHANGE_ADDRESS: Case[] = [
  ["I need to change my shipping address", "change_address", "en"],
  ["I need to change the delivery address for order 1003", "change_address", "en"],
  ["update my address pls", "change_address", "en"],
  ["wrong shipping address!!", "change_address", "en"],
  ["wrong address on my order", "change_address", "en"],
  ["I moved, can you send it to my new address", "change_address", "en"],
  ["necesito cambiar la dirección de envío", "change_address", "es"],
  ["tengo que cambiar mi dirección", "change_address", "es"],
  ["je dois changer mon adresse de livraison", "change_address", "fr"],
  ["ich muss meine Lieferadresse ändern", "change_address", "de"],
  ["voglio cambiare l'indirizzo di consegna", "change_address", "it"],
  ["ik wil mijn adres wijzigen", "change_address", "nl"],
  ["preciso mudar o endereço de entrega", "change_address", "pt"],
];

const HUMAN: Case[] = [
  ["talk to a real person", "human", "en"],
  ["can I speak to a human", "human", "en"],
  ["I want to speak with someone", "human", "en"],
  ["agent", "human", "en"],
  ["customer service please", "human", "en"],
  ["I don't want to talk to a bot", "human", "en"],
  ["can i talk to someone about my order", "human", "en"],
  ["quiero hablar con una persona", "human", "es"],
  ["je voudrais parler à un conseiller", "human", "fr"],
  ["je veux parler à un humain", "human", "fr"],
  ["ich möchte mit einem Mitarbeiter sprechen", "human", "de"],
  ["Ich will mit einem Menschen sprechen", "human", "de"],
  ["vorrei parlare con un operatore", "human", "it"],
  ["posso parlare con qualcuno?", "human", "it"],
  ["Ik wil een medewerker spreken", "human", "nl"],
  ["kan ik met iemand praten", "human", "nl"],
  ["quero falar com um atendente", "human", "pt"],
  ["posso falar com alguém?", "human", "pt"],
];

const SMALL_TALK: Case[] = [
  ["hi", "greeting", "en"],
  ["hello there 👋", "greeting", "en"],
  ["good morning", "greeting", "en"],
  ["heyyy", "greeting", "en"],
  ["hola", "greeting", "es"],
  ["buenos días", "greeting", "es"],
  ["bonjour", "greeting", "fr"],
  ["salut", "greeting", "fr"],
  ["guten Tag", "greeting", "de"],
  ["ciao", "greeting", "it"],
  ["buongiorno", "greeting", "it"],
  ["hoi", "greeting", "nl"],
  ["goedemorgen", "greeting", "nl"],
  ["olá", "greeting", "pt"],
  ["bom dia", "greeting", "pt"],
  ["thanks!", "thanks_bye", "en"],
  ["thx", "thanks_bye", "en"],
  ["ty!!", "thanks_bye", "en"],
  ["thank you so much!", "thanks_bye", "en"],
  ["ok thanks bye", "thanks_bye", "en"],
  ["thats all, have a nice day", "thanks_bye", "en"],
  ["bye 👋", "thanks_bye", "en"],
  ["cool, thanks a lot", "thanks_bye", "en"],
  ["gracias, adiós", "thanks_bye", "es"],
  ["merci beaucoup, au revoir", "thanks_bye", "fr"],
  ["danke, tschüss", "thanks_bye", "de"],
  ["vielen Dank", "thanks_bye", "de"],
  ["grazie mille, arrivederci", "thanks_bye", "it"],
  ["bedankt, doei", "thanks_bye", "nl"],
  ["obrigado, tchau", "thanks_bye", "pt"],
];

const POLICY_SHIPPING: Case[] = [
  ["do you ship to Canada", "policy_shipping", "en"],
  ["do u ship to canada?", "policy_shipping", "en"],
  ["how long does shipping take", "policy_shipping", "en"],
  ["how much is shipping?", "policy_shipping", "en"],
  ["is shipping free over $150?", "policy_shipping", "en"],
  ["do you ship internationally", "policy_shipping", "en"],
  ["what are the delivery times to the UK", "policy_shipping", "en"],
  ["what is the shipping cost to germany", "policy_shipping", "en"],
  ["how long is delivery to spain", "policy_shipping", "en"],
  ["orders over $50 ship free?", "policy_shipping", "en"],
  ["shipping policy", "policy_shipping", "en"],
  ["hacen envíos a México?", "policy_shipping", "es"],
  ["cuánto cuesta el envío", "policy_shipping", "es"],
  ["livrez-vous en Belgique ?", "policy_shipping", "fr"],
  ["combien coûte la livraison", "policy_shipping", "fr"],
  ["liefert ihr in die Schweiz?", "policy_shipping", "de"],
  ["was kostet der versand", "policy_shipping", "de"],
  ["wie lange dauert der Versand", "policy_shipping", "de"],
  ["spedite in Svizzera?", "policy_shipping", "it"],
  ["quanto costa la spedizione", "policy_shipping", "it"],
  ["verzenden jullie naar België?", "policy_shipping", "nl"],
  ["wat zijn de verzendkosten", "policy_shipping", "nl"],
  ["quanto custa o frete", "policy_shipping", "pt"],
];

const OTHER: Case[] = [
  ["what colors does the jacket come in", "other", "en"],
  ["do you have this in size M?", "other", "en"],
  ["I love your store", "other", "en"],
  ["asdfgh", "other", "en"],
  ["", "other", "en"],
  ["🙂", "other", "en"],
  ["I don't want to cancel", "other", "en"],
  ["ich will nicht stornieren", "other", "de"],
  ["ik wil niet annuleren", "other", "nl"],
  ["não quero cancelar", "other", "pt"],
];

describe("understand(): intents across languages", () => {
  it.each([
    ...ORDER_STATUS,
    ...TRACKING,
    ...CANCEL,
    ...RETURNS,
    ...POLICY_RETURNS,
    ...CHANGE_ADDRESS,
    ...HUMAN,
    ...SMALL_TALK,
    ...POLICY_SHIPPING,
    ...OTHER,
  ])("%j → %s (%s)", (text, intent, lang) => {
    const u = understand(text);
    expect(u.intent).toBe(intent);
    expect(u.language).toBe(lang);
    expect(u.confidence).toBeGreaterThanOrEqual(0);
    expect(u.confidence).toBeLessThanOrEqual(1);
  });
});

describe("understand(): negation", () => {
  it.each<[string, Intent]>([
    ["I don't want to cancel, just tell me where it is", "order_status"],
    ["I do not want to cancel my order, where is it?", "order_status"],
    ["dont cancel it, where is my order", "order_status"],
    ["no quiero cancelar, solo dime dónde está mi pedido", "order_status"],
    ["je ne veux pas annuler, où est ma commande ?", "order_status"],
    ["ich will nicht stornieren, wo ist meine Bestellung?", "order_status"],
    ["non voglio annullare, dov'è il mio ordine?", "order_status"],
    ["ik wil niet annuleren, waar is mijn bestelling?", "order_status"],
    ["não quero cancelar, onde está o meu pedido?", "order_status"],
    ["I don't want a refund, I want an exchange", "return_refund"],
  ])("%j → %s and negated", (text, intent) => {
    const u = understand(text);
    expect(u.intent).toBe(intent);
    expect(u.negated).toBe(true);
  });

  it.each([
    "cancel my order",
    "Why can't I cancel my order?",
    "Kann ich die Bestellung nicht stornieren?",
    "my order hasn't arrived, cancel it",
  ])("%j is not a refusal to cancel", (text) => {
    const u = understand(text);
    expect(u.intent).toBe("cancel_order");
    expect(u.negated).toBe(false);
  });
});

describe("understand(): entity-only messages", () => {
  it.each<[string, string | null, string | null]>([
    ["1003", "1003", null],
    ["#1003", "1003", null],
    ["order 1003", "1003", null],
    ["my order number is 1003", "1003", null],
    ["Bestellnummer: 1003", "1003", null],
    ["pedido nº 1003", "1003", null],
    ["it's 1003 thanks", "1003", null],
    ["alice.johnson@example.com", null, "alice.johnson@example.com"],
    ["my email is Bob.Smith@Example.COM", null, "bob.smith@example.com"],
    ["hi, 1003", "1003", null],
  ])("%j → other with the entity", (text, orderNumber, email) => {
    const u = understand(text);
    expect(u.intent).toBe("other");
    expect(u.confidence).toBeGreaterThanOrEqual(0.8);
    expect(u.entities.orderNumber).toBe(orderNumber);
    expect(u.entities.email).toBe(email);
  });

  it("keeps the intent when intent words come with the number", () => {
    expect(understand("where is order 1003").intent).toBe("order_status");
    expect(understand("cancel 1003").intent).toBe("cancel_order");
    expect(understand("refund for #1003").intent).toBe("return_refund");
    expect(understand("where is 1003").entities.orderNumber).toBe("1003");
  });
});

describe("language detection", () => {
  it.each<[string, string | undefined, Language]>([
    ["1003", "de", "de"],
    ["1003", "fr-FR", "fr"],
    ["1003", undefined, "en"],
    ["ok", "it", "it"],
    ["hallo", "nl", "nl"],
    ["hallo", "de", "de"],
    ["hallo", undefined, "de"],
    ["alice@example.com", "pt-BR", "pt"],
    ["where is my order", "de", "en"],
    ["wo ist meine Bestellung", "en", "de"],
    ["dónde está mi pedido", "pt", "es"],
    ["onde está o meu pedido", "es", "pt"],
    ["où est ma commande", "it", "fr"],
    ["dov'è il mio ordine", "fr", "it"],
    ["waar is mijn bestelling", "de", "nl"],
    ["Größe passt nicht", undefined, "de"],
    ["¿y mi pedido?", undefined, "es"],
    ["não recebi", undefined, "pt"],
    ["1003", "xx", "en"],
  ])("%j with hint %s → %s", (text, hint, lang) => {
    expect(detectLanguage(text, hint)).toBe(lang);
    expect(understand(text, { locale: hint }).language).toBe(lang);
  });
});

describe("faq matcher integration", () => {
  const faq = (score: number) => () => score;

  it("returns faq when the matcher is confident and no stronger intent applies", () => {
    const u = understand("do you sell gift cards?", { faqMatcher: faq(0.8) });
    expect(u.intent).toBe("faq");
    expect(u.confidence).toBe(0.8);
  });

  it("ignores a weak faq match", () => {
    expect(understand("do you sell gift cards?", { faqMatcher: faq(0.3) }).intent).toBe("other");
  });

  it("never lets a faq override an order question", () => {
    let called = 0;
    const u = understand("where is my order 1003", { faqMatcher: () => (called++, 1) });
    expect(u.intent).toBe("order_status");
    expect(called).toBe(0);
  });

  it("a strong merchant FAQ beats the generic shipping policy", () => {
    expect(understand("do you ship to Canada", { faqMatcher: faq(0.95) }).intent).toBe("faq");
    expect(understand("do you ship to Canada", { faqMatcher: faq(0.6) }).intent).toBe("policy_shipping");
  });

  it("passes the detected language to the matcher", () => {
    let seen: Language | null = null;
    understand("tienen tarjetas de regalo?", { faqMatcher: (_t, l) => ((seen = l), 0) });
    expect(seen).toBe("es");
  });
});

describe("robustness", () => {
  it("handles very long input without throwing", () => {
    const u = understand("where is my order ".repeat(200));
    expect(u.intent).toBe("order_status");
  });

  it("never throws on odd input", () => {
    for (const t of ["\u0000", "#", "@@@", "+", "....", "1".repeat(50), "🤔".repeat(30), "ORDER ORDER ORDER"]) {
      expect(() => understand(t)).not.toThrow();
    }
  });
});

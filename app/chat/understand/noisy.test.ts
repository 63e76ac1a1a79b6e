/** Noisy, shorthand and multilingual phrasings, store questions, cancelled vs cancel: ≥ 95 % intent. */
import { describe, it } from "vitest";
import type { Intent } from "../../protocol";
import { expectMostly } from "./expect-mostly.testing";

/** Typos in every language, waiting/complaint phrasings, service words. */
const NOISY: [string, Intent][] = [
  ["dnde esta mi pedio", "order_status"],
  ["wo ist meine bestelung", "order_status"],
  ["ou est ma comande ?", "order_status"],
  ["dove e il mio ordne", "order_status"],
  ["waar is mijn bestlling", "order_status"],
  ["onde esta meu peddo", "order_status"],
  ["WANN KOMMT MEIN PAKET", "order_status"],
  ["my order hasnt come yet :(", "order_status"],
  ["order not received", "order_status"],
  ["never got my order", "order_status"],
  ["still waiting for my order", "order_status"],
  ["Estou à espera da minha encomenda", "order_status"],
  ["Ich warte immer noch auf meine Bestellung", "order_status"],
  ["sigo esperando mi pedido", "order_status"],
  ["j'attends toujours ma commande", "order_status"],
  ["sto ancora aspettando il mio ordine", "order_status"],
  ["ik wacht nog steeds op mijn bestelling", "order_status"],
  ["is my order coming today?", "order_status"],
  ["expected delivery date for my order?", "order_status"],
  ["wheres the tracking", "tracking"],
  ["tracking link doesnt work", "tracking"],
  ["the tracking hasn't updated in days", "tracking"],
  ["track 1003", "tracking"],
  ["cancel the order i just placed", "cancel_order"],
  ["I placed 2 orders by mistake, cancel one", "cancel_order"],
  ["stop my order", "cancel_order"],
  ["can I still cancel?", "cancel_order"],
  ["Anular mi compra", "cancel_order"],
  ["Ich möchte vom Kauf zurücktreten", "cancel_order"],
  ["I want to send it back", "return_refund"],
  ["Return label please", "return_refund"],
  ["where do I send my return", "return_refund"],
  ["wie funktioniert die Rücksendung meiner Bestellung", "return_refund"],
  ["how do I return my order", "return_refund"],
  ["I want to return order 1003", "return_refund"],
  ["my refund is missing", "return_refund"],
  ["when will I get my refund", "return_refund"],
  ["Are returns free?", "policy_returns"],
  ["what's the deadline for returns", "policy_returns"],
  ["Do I have to pay for returns?", "policy_returns"],
  ["speak to someone", "human"],
  ["representative", "human"],
  ["I'd like to talk to a real human being please", "human"],
  ["transfer me to an agent", "human"],
  ["Please let me talk to customer service", "human"],
  ["Kundenservice", "human"],
  ["servicio al cliente", "human"],
  ["service client", "human"],
  ["klantenservice", "human"],
  ["I need to correct the house number in my address", "change_address"],
  ["my apartment number is missing from the address", "change_address"],
  ["Lieferadresse falsch", "change_address"],
  ["Do you ship to Mexico?", "policy_shipping"],
  ["what's the shipping time to canada", "policy_shipping"],
  ["do you deliver on weekends", "policy_shipping"],
  ["express shipping available?", "policy_shipping"],
  ["Bietet ihr Expressversand an?", "policy_shipping"],
  ["¿Hacen envíos internacionales?", "policy_shipping"],
  ["ok cool thanks", "thanks_bye"],
  ["gracias!!", "thanks_bye"],
  ["merci bcp", "thanks_bye"],
  ["thanks, bye!", "thanks_bye"],
  ["have a great day", "thanks_bye"],
  ["hi, anyone there?", "greeting"],
];

describe("understand(): noisy and indirect phrasings", () => {
  it("understands nearly all of them", () => expectMostly(NOISY));
});

/** Product and shop questions in all languages must not be mistaken for order intents. */
const COMPLIMENTS = ["Me encanta esta tienda", "J'adore vos produits"];
const PRODUCT_QUESTIONS: string[] = [
  "¿Este producto es resistente al agua?",
  "¿Qué talla me recomiendan?",
  "¿Tienen descuentos para estudiantes?",
  "Me encanta esta tienda",
  "¿De qué material es la mochila?",
  "Est-ce que ce sac est imperméable ?",
  "Quelle est la différence entre ces deux modèles ?",
  "J'adore vos produits",
  "Vous avez une boutique à Paris ?",
  "Ist der Rucksack wasserdicht?",
  "Welche Farbe hat die Jacke?",
  "Habt ihr einen Laden in München?",
  "Gibt es Rabatt für Studenten?",
  "Questo zaino è impermeabile?",
  "Avete un negozio a Milano?",
  "Qual è la differenza tra i due modelli?",
  "Is deze jas waterdicht?",
  "Welke kleur heeft de tent?",
  "Hebben jullie korting voor studenten?",
  "Esta mochila é impermeável?",
  "Vocês têm desconto para estudantes?",
  "Qual é a diferença entre os dois modelos?",
  "what sizes do you have",
  "is this on sale",
  "how warm is this sleeping bag",
  "can i use a coupon",
  "do you sell tents",
  "where can I find the size guide",
  "Wie wasche ich die Jacke?",
  "Come si lava la giacca?",
];

describe("understand(): product and store questions are faq", () => {
  it("understands nearly all of them as faq, compliments as other", () =>
    expectMostly(PRODUCT_QUESTIONS.map((t) => [t, COMPLIMENTS.includes(t) ? "other" : "faq"] as const)));
});

/** Chat shorthand: "u", "2", "pls", dropped letters, stretched words. */
const SHORTHAND: [string, Intent][] = [
  ["cn u cancel my ordr", "cancel_order"],
  ["wat is the status of my order", "order_status"],
  ["hw long 4 shipping", "policy_shipping"],
  ["need 2 talk 2 someone", "human"],
  ["where's my sh*t", "order_status"],
  ["ORDER STATUS PLS", "order_status"],
  ["trackin number??", "tracking"],
  ["refund pls asap", "return_refund"],
  ["wen will it arrive", "order_status"],
  ["y hasnt my order shipped", "order_status"],
  ["get me a person", "human"],
  ["thnks", "thanks_bye"],
  ["hellooo", "greeting"],
  ["cancelation", "cancel_order"],
  ["exchnage", "return_refund"],
  ["chnage my adress", "change_address"],
  ["im still waiting on my order", "order_status"],
  ["it never arrived", "order_status"],
  ["havent received it", "order_status"],
  ["no sign of my parcel", "order_status"],
  ["whats taking so long with my order", "order_status"],
];

describe("understand(): chat shorthand", () => {
  it("understands nearly all of them", () => expectMostly(SHORTHAND));
});

/** Negation ("no longer want", "not a bot") and order numbers in all languages. */
const MULTI: [string, Intent][] = [
  ["hola, mi pedido no ha llegado todavia", "order_status"],
  ["ola o meu pedido nao chegou", "order_status"],
  ["ciao il mio pacco non e arrivato ancora", "order_status"],
  ["no quiero el pedido, cancelalo", "cancel_order"],
  ["ich will die bestellung nicht mehr", "cancel_order"],
  ["je ne veux plus ma commande", "cancel_order"],
  ["non voglio più l'ordine", "cancel_order"],
  ["ik wil de bestelling niet meer", "cancel_order"],
  ["não quero mais o pedido", "cancel_order"],
  ["je ne veux pas annuler, je veux juste savoir où est mon colis", "tracking"],
  ["no quiero hablar con un bot", "human"],
  ["je ne veux pas parler à un robot", "human"],
  ["no quiero cambiar, quiero un reembolso", "return_refund"],
  ["Bestellung 1003 Status?", "order_status"],
  ["Sendungsnummer für 1003 bitte", "tracking"],
  ["quando arriva l'ordine 1003?", "order_status"],
  ["wanneer komt bestelling 1003 aan?", "order_status"],
  ["código de rastreio da encomenda 1003", "tracking"],
  ["reembolso do pedido 1003", "return_refund"],
  ["annuler commande 1003", "cancel_order"],
  ["nouvelle adresse pour la commande 1003", "change_address"],
  ["parler à un humain svp", "human"],
];

describe("understand(): negation and order numbers across languages", () => {
  it("understands nearly all of them", () => expectMostly(MULTI));
});

/** "was cancelled" reports what happened (status); "cancel it" / "I want it cancelled" asks for the action. */
const CANCELLED_VS_CANCEL: [string, Intent][] = [
  ["why was my order cancelled?", "order_status"],
  ["my order got canceled??", "order_status"],
  ["¿por qué fue cancelado mi pedido?", "order_status"],
  ["pourquoi ma commande a été annulée ?", "order_status"],
  ["Warum wurde meine Bestellung storniert?", "order_status"],
  ["I want my order cancelled", "cancel_order"],
  ["please get this cancelled", "cancel_order"],
  ["can it be cancelled?", "cancel_order"],
];

describe("understand(): cancelled (status) vs cancel (action)", () => {
  it("understands nearly all of them", () => expectMostly(CANCELLED_VS_CANCEL));
});

import { it } from "vitest";
import { demoShopifyContext, demoWooContext, replyText } from "./testing";
it("dump", async () => {
  const convs: [any, string[]][] = [
    [demoWooContext(), ["Hallo", "Ich möchte meine Bestellung 2001 stornieren", "lena.schmidt@example.com", "danke"]],
    [demoShopifyContext(), ["Bonjour, où est ma commande 1009 ?", "juergen.mueller@example.net", "Quelle est votre politique de retour ?"]],
    [demoShopifyContext(), ["waar is mijn bestelling", "1002", "marcus.reed@example.net"]],
    [demoShopifyContext(), ["I need to change the shipping address on my order", "1002", "marcus.reed@example.net"]],
    [demoShopifyContext(), ["where's my stuff", "what are your shipping costs?", "how long does shipping take?", "1002", "marcus.reed@example.net"]],
    [demoShopifyContext({customerId: "7700000000001"}), ["where is my order?", "what about 1004", "I want to return the tent"]],
    [demoShopifyContext(), ["asdf qwer", "order 1005", "I don't know my email", "talk to a human", "please refund me, my mail is priya.patel@example.com"]],
  ];
  for (const [c, turns] of convs) {
    console.log("==========");
    for (const t of turns) { const r = await c.send(t); console.log("> " + t + "\n" + replyText(r).replace(/\n+/g, "\n  ") + `  [awaiting=${r.awaiting}] [${r.messages.map((m: any)=>m.type).join(",")}]`); }
  }
});

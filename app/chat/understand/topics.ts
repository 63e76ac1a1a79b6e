/**
 * Topic words for the model (features "t:TOPIC"): store-question and problem vocabulary the intent
 * lexicon (lexicon.ts) does not cover, in all 7 languages at once. A token matches a stem when it
 * starts with it (folded, lower case); stems of 3 letters or less must match the whole token.
 * They let a phrasing seen in one language help the others ("Zoll" ~ "customs" ~ "douane").
 */
const TOPICS: Record<string, string> = {
  PAY: "pay paying payment paga pago pagar pagamento paiement payer zahl bezahl betaal betalen paypal klarna ideal bizum pix boleto mbway satispay afterpay amex visa mastercard tarjeta carte karte kreditkarte creditcard cartao cuotas plazos plusieurs rate parcelar parcelas achteraf rechnung installment financ crypto bitcoin",
  GIFT: "gift cadeau geschenk regalo presente gutschein voucher cadeaubon cadeaukaart",
  CUSTOMS:
    "customs duty duties douane dogana doganal zoll aduana aduanas alfandega import einfuhr invoerrecht dazi taxa iva vat mwst btw tva impuesto imposto steuer",
  DISCOUNT:
    "discount promo coupon rabatt korting sconto descuento desconto reduc cupom cupon sale soldes saldi oferta angebot black friday",
  STOCK: "stock restock voorraad lager disponib available reassort repor riassort",
  SIZE: "size sizing taille talla taglia grosse groesse maat tamanho numeracao fit fits xl xs",
  ACCOUNT:
    "account password contrasena senha passe passwort wachtwoord login cuenta compte konto conta newsletter unsubscrib mot",
  STORE:
    "store shop tienda boutique magasin laden geschaeft geschaft negozio winkel loja showroom located ubicad situe trouvate zitten fica physical fisic fysiek",
  HOURS:
    "hours horario horaire offnungszeit oeffnungszeit orari openingstijd open abren ouvert aperti sunday domingo dimanche sonntag domenica zondag",
  PRODUCT:
    "material materiau matiere jacke jacket hoodie vegan organic bio garant warranty lavar wash dishwasher lave spulmaschine vaatwasser engrav gravur gravac grabad incision",
  OFFTOPIC:
    "weather tiempo wetter meteo weer joke chiste blague witz barzelletta grap piada film movie peli capital hauptstadt game partido match spiel partita wedstrijd jogo robot chatgpt poem song cancion homework politics pizza",
  NOTHING: "nothing nada nichts nix niks rien niente nulla",
  CHARGED: "charged charge cobr debit abgebucht addebit afgeschreven twice doppelt dubbel",
  PLACE:
    "office oficina bureau arbeit buro firma ufficio werk trabalho trabajo work casa house home maison haus huis",
  ADDRPART:
    "apartment apt piso appartement wohnung etage interno appartamento apartamento huisnummer hausnummer street calle rue strasse via rua straat postcode zip plz cap cep postal civico complemento toevoeging klingel citofono",
  CALL: "phone telefon telefono telephone call llam appel rappel anruf anrufen chiam richiam bel bellen ligar liguem reach joindre erreich contatt contact",
  DEFECT:
    "broken broke roto rota kaputt casse rotto kapot quebr damaged danad abime beschadig danneggi danific defect defectu defekt difett zipper cremallera fermeture reissverschluss cerniera rits ziper",
  WRONG: "wrong equivoc mauvais falsch sbagliat verkeerd errad incorrect",
  MOVED: "moved moving mude mudanza demenag umgezogen umzug traslocat verhuisd mudei",
  CARRIERS:
    "dhl ups fedex usps dpd gls hermes postnl colissimo chronopost correos seur mrw ctt correios jadlog bartolini sda mondial courier corriere transportista transporteur vervoerder versanddienst paketdienst transportadora mensajeria",
  GREET:
    "hi hii hey heya hiya hello helo hallo hola ola oi oie opa eae eai boas buenos buenas bonjour bonsoir salut coucou bjr slt cc moin servus gruss gruess grüezi huhu hoi goedemorgen goedemiddag goedenavond goeiemorgen ciao salve buongiorno buonasera buondi ehi ehila howdy sup yo greetings morning evening",
  THANK:
    "thanks thank thx ty tysm cheers appreciat merci mrc gracias grax agradezco danke dank bedankt dankjewel dankuwel grazie grz ringrazio obrigad obg brigad valeu agradeco remercie",
  BYE: "bye goodbye later adios chao chau tschuss tschau doei tchau arrivederci revoir logo luego prochaine naechsten ziens",
  GENERAL: "usually normally normalmente normalement normalerweise meestal generally general",
};

const EXACT = new Map<string, string[]>();
const PREFIX = new Map<string, { stem: string; topic: string }[]>();

for (const [topic, words] of Object.entries(TOPICS)) {
  for (const w of words.split(/\s+/u)) {
    if (!w) continue;
    if (w.length <= 3) {
      EXACT.set(w, [...(EXACT.get(w) ?? []), topic]);
    } else {
      const k = w.slice(0, 4);
      PREFIX.set(k, [...(PREFIX.get(k) ?? []), { stem: w, topic }]);
    }
  }
}

/** topics of the (already tokenised, folded) words */
export function topicsOf(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const raw of tokens) {
    const t = raw.length > 40 ? raw.slice(0, 40) : raw;
    for (const topic of EXACT.get(t) ?? []) out.add(topic);
    if (t.length < 4) continue;
    for (const { stem, topic } of PREFIX.get(t.slice(0, 4)) ?? []) if (t.startsWith(stem)) out.add(topic);
  }
  return out;
}

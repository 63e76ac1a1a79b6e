/**
 * Entity extraction: order numbers, emails, phone numbers.
 *
 * Strategy: find the things that are NOT order numbers first (emails, URLs, tracking numbers,
 * dates, times, prices, quantities, phone numbers) and blank them out, then look for an order
 * number in this order of trust:
 *   1. after an order keyword in any of the 7 languages ("order no. 1003", "Bestellnummer: 1003",
 *      "pedido nº 1003", "numéro de commande 1003", "my order number is 1003")
 *   2. after '#' ("#1003", "#WC-2004")
 *   3. the whole message is the number ("1003", "it's 1003 pls")
 *   4. a free-standing 4–10 digit number that is not a year after a time word, not a zip/postal code
 *      (address context, zip keyword, or followed by a capitalised city name) and not after a
 *      tracking keyword.
 *
 * Order ids are 3–10 digits, optionally with a short letter prefix joined by a hyphen
 * ("WC-2004"), or glued on after '#' ("#EU1001"). Decision: the id is returned as typed, without '#', prefix kept ("#WC-2004" →
 * "WC-2004", "#2004" → "2004"); the platform adapter may retry with the digits only.
 */

import { canonicalOrderNumber, fitsNumbering, type NumberingProfile } from "./numbering";

export interface Entities {
  orderNumber: string | null;
  email: string | null;
  phone: string | null;
}

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/u;
const URL_RE = /\b(?:https?:\/\/|www\.)\S+/giu;

const TRACKING_RES: RegExp[] = [
  /\b1Z[0-9A-Z]{16}\b/giu, // UPS
  /\b[A-Z]{2}\d{9}[A-Z]{2}\b/giu, // UPU S10 (Royal Mail, Deutsche Post, ...)
  /\b[A-Z]{1,4}\d{11,}\b/giu, // letter prefix + long number (DHL eCommerce GM…)
  /\b\d{4}(?: \d{4}){3,}(?: \d{1,4})?\b/gu, // 20-digit parcel numbers typed in groups
];
const LONG_DIGITS_RE = /(?<![\d+])\d{11,}(?!\d)/gu;

const MONTHS =
  "jan(?:uary|uar|vier|eiro|uari)?|j[aä]nner|feb(?:ruary|ruar|brero|braio|ruari)?|f[eé]vr(?:ier)?|fevereiro|mar(?:ch|s|zo|ço|co)?|m[aä]rz|maerz|maart|apr(?:il|ile)?|avr(?:il)?|abr(?:il)?|may|mai|mayo|maggio|maio|mei|jun(?:e|i|io|ho)?|juin|giugno|jul(?:y|i|io|ho)?|juil(?:let)?|luglio|aug(?:ust|ustus)?|ao[uû]t|agosto|sep(?:t|tember|tembre|tiembre)?|setiembre|settembre|setembro|oct(?:ober|obre|ubre)?|okt(?:ober)?|ottobre|outubro|nov(?:ember|embre|iembre|embro)?|dec(?:ember|embre)?|d[eé]c(?:embre)?|dez(?:ember|embro)?|dic(?:iembre|embre)?";

const MASK_RES: RegExp[] = [
  // dates and times
  /\b\d{4}-\d{1,2}-\d{1,2}\b/gu,
  /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/gu,
  /\b\d{1,2}\/\d{1,2}\b/gu,
  /\b\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s?(?:am|pm|uhr|h))?\b/giu,
  /\b\d{1,2}\s?(?:am|pm|uhr)\b/giu,
  new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,4}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4}\\b)?`, "giu"),
  new RegExp(
    `\\b\\d{1,2}(?:st|nd|rd|th|\\.|º|°)?\\s+(?:de\\s+)?(?:${MONTHS})\\b\\.?(?:\\s+(?:de\\s+)?\\d{4}\\b)?`,
    "giu",
  ),
  // prices
  /(?:[$€£¥]|\b(?:usd|eur|gbp|chf|cad|aud|r\$))\s?\d[\d.,']*/giu,
  /\b\d[\d.,']*\s?(?:[$€£¥]|(?:usd|eur|euros?|dollars?|bucks|gbp|pounds?|quid|chf|francs?|cad|aud|reais|real|dólares|dolares|dollari|sterline?|euro)(?!\p{L}))/giu,
  /\b\d+[.,]\d{1,2}\b/gu,
  // quantities and measures
  /\b\d+\s?x(?!\p{L})/giu,
  /\bx\s?\d+\b/giu,
  /\b\d+\s?(?:%|kg|g|lbs?|cm|mm|km|ml|oz)\b/giu,
  /\b\d+\s+(?:times|veces|fois|mal|volte|keer|vezes|items?|pcs|pieces?|units?|pairs?|packs?|boxes|st[uü]ck|stk|piezas?|unidades?|art[ií]culos?|pi[eè]ces?|articles?|pezzi|stuks|itens|days?|d[ií]as|jours?|tage[n]?|giorni|dagen|dias|hours?|weeks?|months?|years?)\b/giu,
];

const PHONE_KW_RE =
  /(?:phone|call me|call|tel|telephone|mobile|cell|cellphone|whatsapp|tel[eé]fono|m[oó]vil|celular|t[eé]l[eé]phone|portable|telefon|handy|rufnummer|handynummer|telefonnummer|cellulare|telefoonnummer|mobiel|telem[oó]vel|telefone|number to call|bel me|bellen|ring me|ll[aá]ma(?:me|dme|nme)|chiamami|chiamatemi|richiamatemi|ruft? mich|rappelez|appelez|me liga|liga pra|ligue)/giu;
const PHONE_CAND_RE = /(?:\+|\b00|\()?\d[\d \t().\-/]*\d\)?/gu;

const ORDER_KW =
  "order|orders|ordr|purchase|pedido|compra|commande|cmd|bestellung|bestellnummer|bestellnr|bestell-nr|auftrag|auftragsnummer|auftragsnr|ordine|ordinazione|bestelling|bestelnummer|bestelnr|ordernummer|ordernr|encomenda|orden|confirmation|reference|referencia|référence|riferimento|ref";
const ORDER_FILLERS =
  "number|numero|número|numéro|nummer|num|nr|no|n|nº|n°|id|is|was|es|est|ist|è|é|e|il|el|le|la|the|de|di|do|da|van|het|mi|my|code|c'est|é o|é a";
const ID = "(?:[A-Za-z]{1,4}-)?\\d{1,10}(?:-[A-Za-z]{1,3}(?![\\p{L}\\d]))?";
const ANCHORED_RE = new RegExp(
  `(?<![\\p{L}\\d])(?:${ORDER_KW})(?:[\\s:.#°º\\-]|(?:${ORDER_FILLERS})(?![\\p{L}]))*?#?(${ID})(?![\\p{L}\\d]|[.,]\\d)`,
  "iu",
);
// after '#', a letter prefix may be glued on: "#EU1001" (Shopify order-name prefixes)
const HASH_RE = new RegExp(
  `#\\s?((?:[A-Za-z]{1,4}-?)?\\d{1,10}(?:-[A-Za-z]{1,3}(?![\\p{L}\\d]))?)(?![\\p{L}\\d]|[.,]\\d)`,
  "u",
);
/** "tracking number for 1499", "sendungsnummer für 1499": the number after the preposition is the order */
const TRACK_FOR_RE = new RegExp(
  `(?:track (?:en|and|&) trace|track\\w*|sendungs\\w*|seguimiento|suivi|rastreio|rastreamento|tracciamento|trackingnummer|volgcode)(?:\\s+(?:number|code|link|info|nummer|numero|número|numéro|#))?\\s+(?:for|für|fuer|pour|de la|de|del|du|della|da|do|per|para|voor|van|of|on)\\s+(?:the\\s+|la\\s+|le\\s+|il\\s+|el\\s+|lo\\s+|o\\s+|a\\s+)?#?(${ID})(?![\\p{L}\\d]|[.,]\\d)`,
  "iu",
);
/** the preposition that introduces the order in "change the address on 12345 …" */
const ORDER_PREP_RE =
  /(?:\bon|\bfor|\bof|\bfür|\bvon|\bpour|\bde|\bdel|\bda|\bdo|\bdi|\bper|\bvan|\bvoor|\bdell|\bdella)(?:\s+(?:the|la|le|el|il|lo|o|a|het|der|die|das))?\s+#?$/iu;
/** "cancel 22 please", "annuleer 44 maar": an order action right before a short number */
const ACTION_BEFORE_RE =
  /(?:cancel\w*|annul\w*|anul\w*|storn\w*|refund\w*|return|retour\w*|rembours\w*|track\w*|ship)(?:\s+(?:for|für|fuer|pour|de|del|di|van|voor|per|para|of|on))?(?:\s+(?:the|order|la|le|el|il|lo|o|a|de|het|die|das))?\s+#?$/iu;
/** "le 13 est parti ?", "el 11 ya salió": a message that opens with "the <number>" */
const START_ARTICLE_RE =
  /^\s*(?:(?:and|et|y|und|e|en|ma|mais|pero|aber|mas)\s+)?(?:the|le|la|el|il|lo|o|a|het|de|der|die|das)\s+#?$/iu;
/** …and nothing but politeness after it ("return 2 of the shirts" is a quantity) */
const ACTION_AFTER_RE =
  /^\s*(?:[?!.,;:—–-]|$|(?:please|pls|plz|maar|bitte|por favor|porfa|svp|stp|per favore|aub|graag|thanks|thx|merci|danke|gracias|grazie|obrigad[oa]|bedankt|asap|now|ya|já|subito|sofort)(?!\p{L}))/iu;
/** "… pour 3 rue Hugo", "to 12 High St": a number right before a street name is a street number */
const STREET_AFTER_RE =
  /^[a-z]?,?\s+(?:(?:rue|avenue|av\.|boulevard|bd|chemin|impasse|all[ée]e|place|calle|avenida|paseo|rua|travessa|via|viale|corso|piazza)(?!\p{L})|\p{Lu}\p{Ll}+\s+(?:street|st|road|rd|lane|ave|avenue|drive|way|close|court)\b)/iu;
const STREET_BEFORE_RE =
  /(?:street|\bst\.?|road|\brd\.?|avenue|\bave\.?|lane|drive|calle|avenida|\bav\.?|rua|\brue|boulevard|\bbd|\bvia|viale|corso|piazza|stra(?:ss|ß)e|\bstr\.?|weg|gasse|platz|allee|straat|laan|plein|gracht|kade|\bn[º°o]\.?)(?:\s+\p{L}+){0,2},?\s*$/iu;
/** "1010 Wien", "8001 Zürich", "1012 AB", "75011 Paris": a number followed by a city or Dutch letters */
const CITY_AFTER_RE = /^(?:\s+\p{Lu}{2}\b|\s+\p{Lu}\p{Ll}+|\s*-\s*\d{3}\b)/u;
const PLACE_BEFORE_RE =
  /(?:\bin|(?<=\p{L}\s+)à|\bau|\bem|\bte|\baus|\bfrom|\bnach|\bnaar|(?:\bliving|\bwohne|\bvivo|\bmoro|\bhabite|\babito|\bwoon)(?:\s+(?:a|à|in|em|en|te|at|op))?)\s+$/iu;
/** "I paid 1099", "talla 42", "I live at number 12": a price, a size, where the shopper lives */
const NOT_ORDER_BEFORE = new Set(
  "paid pay cost costs costing charged spent pagué pague pagado cuesta costó payé coûte coûté bezahlt kostet gekostet paguei pago custa custou pagato costa costato betaald kost kostte size talla taille größe grösse groesse maat tamanho taglia bought buy compré compre comprei kaufte gekauft acheté achète comprato gekocht".split(
    " ",
  ),
);
/** "the total was 1200", "code 1234", "locker 1234": an amount, a code or a parcel locker */
const AMOUNT_BEFORE_RE =
  /(?:(?:total|totaal|gesamt\p{L}*|betrag|summe|importo|importe|montant|valor|amount|price|prezzo|precio|prix|preis|prijs|pre[cç]o|discount|desconto|descuento|rabatt|korting|sconto|remise|\p{L}*code|c[oó]digo|codice|cupom|cup[oó]n|coupon|gutschein\p{L}*|voucher|locker|packstation|paketshop|postfiliale)(?:\s+\p{L}+)?|(?:spent|speso|gast[eéoa]\p{L}*|d[eé]pens[eé]|costava|costaba|custava|co[uû]tait|kostete))\s*[:=]?\s*$/iu;
/** "card ending 4242", "last 4 digits 4242", "Kundennummer 98765", "SKU 12345", "model 2024": a card's end, a customer, a product */
const CARD_BEFORE_RE =
  /(?:(?:customer|client[ei]?|kunden\p{L}*|klant\p{L}*|sku|art|artikel\p{L}*|article|articolo|art[ií]culo|artigo|item|product|produkt|producto|produit|prodotto|produto|model|modell|modelo|mod[eè]le|modello)(?:[\s.-]+\p{L}+){0,2}[\s.#:-]*|card|karte|tarjeta|carte|carta|cart[aã]o|kaart|ending(?:\s+(?:in|with))?|endet\s+auf|termina(?:\s+(?:en|em|con|in))?|finisce\s+(?:con|per|in)|termine\s+par|eindigt\s+op|digits|ziffern|cifre|d[ií]gitos|chiffres|cijfers)\s*:?\s*$/iu;
/** "the 2025 collection": a year that names a collection, a season or an edition */
const YEAR_AFTER_RE =
  /^\s+(?:collection|kollektion|colecci[oó]n|collezione|cole[cç][aã]o|collectie|season|saison|temporada|stagione|seizoen|edi[tcç]\p{L}*|[ée]dition)\b/iu;
/** "ich habe 1250 ausgegeben": the verb of an amount after it */
const AMOUNT_AFTER_RE = /^\s+(?:ausgegeben|bezahlt|gezahlt|gekostet|uitgegeven|betaald|gekost)\b/iu;
/** "send 1090 to 12 rue Hugo": the order, then where it should go */
const SEND_TO_AFTER_RE = /^\s+(?:to|a|à|au|an|nach|naar|para|per|al)\s+\d/iu;
const LIVE_RE = /\b(?:live|living|wohne|vivo|moro|habite|habito|abito|woon)\b(?:\s+[\p{L}º°.]+){0,3}\s*$/iu;
const POSTCODE_RES: RegExp[] = [
  /\b\d{4,5}-\d{3}\b/gu, // Portugal 1000-001, Brazil 01304-000
];
const SHORT_BEFORE_RE =
  /(?:\b(?:did|has|is|was|for|about|ist|est|es|è|é|über|para|pour|per|voor|no|nr|num|n[º°])|\bn\.|[¿?])\s*$/iu;
/** "where's 19 at", "wo ist 17": where-is right before a short number */
const WHERE_BEFORE_RE =
  /(?:where(?:'s|\s+is|s)(?:\s+(?:number|nr|no\.?|n[º°]))?|wo\s+ist|o[uù]\s+(?:est|en\s+est)|d[oó]nde\s+est[aá]|dov'?\s*[eè]|waar\s+is|onde\s+est[aá])\s*#?$/iu;
/** "any news on 14?", "rimborso del 14", "what about 14": asking after one order, nothing after it */
const NEWS_BEFORE_RE =
  /(?:\b(?:news|updates?|status|info|novedad(?:es)?|noticias|nouvelles|neuigkeiten|nieuws|novit[aà]|notizie|novidades?|refund|reembolso|rimborso|erstattung|r[uü]ckerstattung|terugbetaling|remboursement|devoluci[oó]n|devolu[cç][aã]o)\s+(?:on|of|for|about|del|de\s+la|de|du|do|da|della|dell'|sul|sulla|zu|f[uü]r|von|van|over|voor|para|per)|\b(?:what|how)\s+about|\bwhat'?s\s+up\s+with|\basking\s+about|\bwas\s+ist\s+mit|\bwie\s+steht'?s\s+mit|\bo[uù]\s+en\s+est\s+la|\bc[oó]mo\s+va\s+el|\bqu[eé]\s+pasa\s+con\s+el|\bpregunto\s+por\s+el|\bcome\s+va\s+il|\bcomo\s+est[aá]\s+o|\bhoe\s+zit\s+het\s+met|^\s*re:?)\s*#?$/iu;
/** "when does 14 arrive", "when will 14 get here" */
const WHEN_BEFORE_RE = /\b(?:does|will|do|did)\s*#?$/iu;
/** "kann ich 14 noch stornieren": the order action after the number (German and Dutch word order) */
const ACTION_AFTER_NUMBER_RE =
  /^\s+(?:noch\s+|nog\s+|bitte\s+|graag\s+)?(?:stornieren|annuleren|zurückschicken|zurueckschicken|retourneren|terugsturen|umtauschen|ruilen)\b/iu;
/** "apartment 14", "Wohnung 14", "my house number is 14": where the shopper lives */
const HOME_BEFORE_RE =
  /\b(?:house|hausnummer|huisnummer|civico|apartment|apt|flat|piso|apartamento|appartement|wohnung|interno|puerta|door|porta|deur|room|zimmer|habitaci[oó]n|chambre|camera|quarto|kamer|po\s*box|postfach|apartado|bo[iî]te\s+postale|casella\s+postale|caixa\s+postal|postbus)\b(?:\s+[\p{L}º°.]+){0,3}\s*$/iu;
/** …followed by how the order is doing: "did 16 ship", "le 13 est parti ?", "is 10 al onderweg?" */
const STATUS_AFTER_RE =
  /^\s*(?:(?:already|yet|still|ya|lo|la|le|me|te|j[aá]|d[eé]j[aà]|gi[aà]|schon|al|nog|est|[eè]|[eé]|is|ist|has|have|been|stato|stata|sido|wurde|a|ha|foi|werd|ont|sono)\s+)*(?:ship\w*|sent|left|gone|get\b|come\b|on\s+(?:its|the)\s+way|en\s+camino|en\s+route|in\s+viaggio|a\s+caminho|weg\b|arriv\w*|deliver\w*|dispatch\w*|at\b|out\b|part[ie]\w*|envoy\w*|exp[eé]di\w*|mand\w*|envi\w*|sali\w*|saiu|verschickt|versandt|versendet|unterwegs|geliefert|angekommen|raus|onderweg|verzonden|verstuurd|bezorgd|spedit\w*|arrivat\w*|consegnat\w*|cheg\w*|entregue|lleg\w*|despach\w*)/iu;
/** "change the address on 15 to 9 Oak Road", "adres van 28 wijzigen naar …": the order the address is of */
const ADDRESS_OF_BEFORE_RE =
  /(?:address|adress|direcci[oó]n|adresse|anschrift|endere[cç]o|morada|indirizzo|\badres)\s+(?:on|of|for|del|de\s+la|de|von|f[uü]r|do|da|della|dell'|dell|van|voor|per)(?:\s+(?:the|la|le|el|il|lo|o|a|het|der))?\s*#?$/iu;
const ADDRESS_TO_AFTER_RE =
  /^\s*(?:to|into|a|al|pour|en|auf|nach|in|para|naar|zu|ändern|aendern|wijzigen|veranderen|cambiare|changer|cambiar|mudar)\b/iu;
/** "14 didn't arrive", "14 is wrong": a message opening with the number it talks about */
const SUBJECT_AFTER_RE =
  /^(?:\s*[-–—:]|\s+(?:is|was|isn'?t|wasn'?t|did|didn'?t|has|hasn'?t|never|still|not|came|arrived|got|please|pls|ist|war|hat|kam|bitte|est|n'est|a|es|fue|no|ha|lleg[oó]|è|non|é|foi|não|nao|chegou|heeft|kwam|niet|nog|where|wo|d[oó]nde|o[uù]|dove|waar|onde)\b)/iu;
/** a zip keyword earlier in the sentence: "il cap è sbagliato, è 20121" */
const ZIP_EARLIER_RE =
  /(?:zip|postal|postcode|post code|plz|postleitzahl|\bcp\b|\bcap\b|code postal|c[oó]digo postal)/iu;
const FREE_RE = new RegExp(`(?<![\\p{L}\\d\\-/.,#+])(${ID})(?![\\p{L}\\d]|[.,]\\d)`, "gu");
const ID_WHOLE_RE = new RegExp(`^${ID}$`, "iu");
const ID_ANY_RE = new RegExp(`(${ID})`, "iu");
const BARE_FILLER = new Set(
  "it s its is the my number nr no n order es ist e het c est pls please plz por favor bitte svp sil vous plait per grazie thanks thx ty merci danke gracias obrigado bedankt".split(
    " ",
  ),
);

const YEAR_CONTEXT = new Set(
  "since in from until till before after year of desde en del de du da año ano depuis en année annee seit im vom bis jahr dal nel anno sinds van jaar em".split(
    " ",
  ),
);
const ZIP_CONTEXT_RE =
  /(?:zip|postal|postcode|post code|plz|postleitzahl|\bcp\b|\bcap\b|code postal|c[oó]digo postal)\W*$/iu;
const ADDRESS_CONTEXT_RE =
  /(?:address|adress|addr\b|direcci[oó]n|adresse|anschrift|indirizzo|\badres\b|endere[cç]o|morada|\bstreet\b|\bst\.|\bave\b|avenue|\broad\b|stra(?:ss|ß)e|\bstr\.|\bcalle\b|\brue\b|\bvia\b|straat|\brua\b|\bapt\b|\bzip\b|postcode|postal|plz)/iu;
const TRACK_CONTEXT_RE =
  /(?:track|tracking|trace|sendungsnummer|sendungsverfolgung|seguimiento|suivi|rastreio|rastreamento|tracciamento|volgcode|track & trace|waybill|awb)[^\d]{0,25}$/iu;

function mask(s: string, re: RegExp): string {
  re.lastIndex = 0;
  return s.replace(re, (m) => " ".repeat(m.length));
}

function digitsOf(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function cleanPhone(s: string): string {
  return s.trim().replace(/[\s\-.(/]+$/u, "");
}

function looksLikePhone(cand: string): boolean {
  const c = cand.trim();
  const d = digitsOf(c);
  if (d < 7 || d > 15) return false;
  if (c.startsWith("+") || c.startsWith("00")) return true;
  if (/\(\d{2,5}\)/u.test(c)) return true;
  if (/\d[-./]\d/u.test(c) && /^\d{1,5}(?:[-. /]\d{1,5}){1,5}$/u.test(c.replace(/[()]/gu, ""))) return true;
  // "0612345678": a trunk prefix 0 and 9–10 more digits in one run (order numbers never start with 0)
  if (/^0[1-9]\d{8,9}$/u.test(c)) return true;
  // Dutch/Belgian mobile "06-12345678": a trunk prefix, a hyphen and the subscriber number
  if (/^0\d{1,3}-\d{6,8}$/u.test(c) && d >= 9 && d <= 11) return true;
  if (/^\d+(?: \d+)+$/u.test(c)) {
    if (c.startsWith("0") && d >= 9 && d <= 12) return true;
    if (/^\d{3} \d{3} \d{4}$/u.test(c) || /^\d{3} \d{6,7}$/u.test(c)) return true;
  }
  return false;
}

export interface EntityOptions {
  /** the store's order numbering, learned from its recent orders (numbering.ts) */
  numbering?: NumberingProfile | null;
  /** the bot just asked for the order number: a bare number is the answer */
  awaitingOrderNumber?: boolean;
}

export function extractEntities(text: string, opts: EntityOptions = {}): Entities {
  let s = (typeof text === "string" ? text : "").slice(0, 2000).normalize("NFKC");
  let email: string | null = null;
  let phone: string | null = null;

  const em = s.includes("@") ? EMAIL_RE.exec(s) : null;
  if (em) {
    email = em[0].trim().toLowerCase();
    s = s.replace(em[0], " ".repeat(em[0].length));
  }
  // no digits left: no order number or phone to find (the common case, skip the regex passes)
  if (!/\d/u.test(s)) return { orderNumber: null, email, phone: null };
  s = mask(s, URL_RE);
  for (const re of POSTCODE_RES) s = mask(s, re);

  // phone after a phone keyword (any format, ≥ 7 digits)
  PHONE_KW_RE.lastIndex = 0;
  let kw: RegExpExecArray | null;
  while (!phone && (kw = PHONE_KW_RE.exec(s))) {
    const rest = s.slice(kw.index + kw[0].length, kw.index + kw[0].length + 40);
    const m = /^[^\d+(]{0,25}((?:\+|\()?\d[\d \t().\-/]*\d)/u.exec(rest);
    if (m) {
      const d = digitsOf(m[1]);
      if (d >= 7 && d <= 15) {
        phone = cleanPhone(m[1]);
        const at = kw.index + kw[0].length + m.index + m[0].length - m[1].length;
        s = s.slice(0, at) + " ".repeat(m[1].length) + s.slice(at + m[1].length);
      }
    }
  }

  for (const re of TRACKING_RES) s = mask(s, re);
  for (const re of MASK_RES) s = mask(s, re);

  if (!phone) {
    PHONE_CAND_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PHONE_CAND_RE.exec(s))) {
      // a candidate glued to letters ("WC-2004") is not a phone
      const before = s[m.index - 1];
      if (before && /[\p{L}#]/u.test(before)) continue;
      if (looksLikePhone(m[0])) {
        phone = cleanPhone(m[0]);
        s = s.slice(0, m.index) + " ".repeat(m[0].length) + s.slice(m.index + m[0].length);
        break;
      }
    }
  }
  s = mask(s, LONG_DIGITS_RE);

  return { orderNumber: findOrderNumber(s, opts), email, phone };
}

function finish(id: string, opts: EntityOptions): string {
  return canonicalOrderNumber(id, opts.numbering);
}

/** at a store named "SO-1042-EU": "SO1042EU", "so 1042 eu" are its order too */
function storeNamed(s: string, p: NumberingProfile | null): string | null {
  const [pre, suf] = [p?.prefix, p?.suffix].map((x) => (x ?? "").replace(/[^A-Za-z]/gu, ""));
  if (!p || !(pre || suf)) return null;
  const re = new RegExp(`(?<![\\p{L}\\d])${pre}[\\s_-]?(\\d{1,10})[\\s_-]?${suf}(?![\\p{L}\\d])`, "iu");
  const m = re.exec(s);
  return m && fitsNumbering(m[1].length, p) ? p.prefix + m[1] + p.suffix : null;
}

function findOrderNumber(s: string, opts: EntityOptions): string | null {
  const profile = opts.numbering ?? null;
  const named = storeNamed(s, profile);
  if (named) return named;
  const a = ANCHORED_RE.exec(s) ?? TRACK_FOR_RE.exec(s);
  // "new address for my order: 10 Rue de Rivoli" — a street number, not the order
  const street = a && ADDRESS_CONTEXT_RE.test(s) && STREET_AFTER_RE.test(s.slice(a.index + a[0].length));
  if (a && !street) return finish(a[1], opts);
  const h = HASH_RE.exec(s);
  if (h) return finish(h[1], opts);

  // the whole message is the number (with a few polite/filler words around it)
  const words = s
    .toLowerCase()
    .replace(/[^\p{L}\d\- ]+/gu, " ")
    .split(/\s+/u)
    .filter(Boolean);
  const ids = words.filter((w) => ID_WHOLE_RE.test(w));
  if (ids.length === 1 && words.every((w) => w === ids[0] || BARE_FILLER.has(w))) {
    const orig = ID_ANY_RE.exec(s);
    const id = orig ? orig[1] : ids[0];
    const digits = digitsOf(id);
    // "PLZ 10435": a 5-digit number right after a zip keyword is a postal code
    if (orig && digits === 5 && ZIP_CONTEXT_RE.test(s.slice(0, orig.index))) return null;
    // a message that is only a short number ("18", "#18?") is an order reply unless the store's
    // numbering rules it out (Shopify numbers start at 1001)
    if (opts.awaitingOrderNumber || fitsNumbering(digits, profile) || (!profile && digits <= 2))
      return finish(id, opts);
    return null;
  }
  return freeStanding(s, opts);
}

/** a number standing alone in a sentence: "did 1005 ship", "its for 1009" */
function freeStanding(s: string, opts: EntityOptions): string | null {
  const profile = opts.numbering ?? null;
  const addressTalk = ADDRESS_CONTEXT_RE.test(s);
  FREE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FREE_RE.exec(s))) {
    const id = m[1];
    const digits = digitsOf(id);
    const before = s.slice(Math.max(0, m.index - 40), m.index);
    const after = s.slice(m.index + id.length, m.index + id.length + 30);
    const orderAction = ACTION_BEFORE_RE.test(before) && ACTION_AFTER_RE.test(after);
    // without a store profile a short number is taken only right after an order action with
    // nothing but politeness after it ("storno für 38", "annuleer 44 maar"): never a quantity
    if (
      !profile &&
      !opts.awaitingOrderNumber &&
      digits <= 3 &&
      (orderAction || shortOrderContext(s, m.index, before, after))
    )
      return finish(id, opts);
    if (!fitsNumbering(digits, profile) && !(opts.awaitingOrderNumber && !profile)) continue;
    if (
      digits < 3 &&
      !opts.awaitingOrderNumber &&
      !(
        SHORT_BEFORE_RE.test(before) ||
        orderAction ||
        (addressTalk && ORDER_PREP_RE.test(before)) ||
        START_ARTICLE_RE.test(s.slice(0, m.index)) ||
        shortOrderContext(s, m.index, before, after) ||
        (!s.slice(0, m.index).trim() && SUBJECT_AFTER_RE.test(after)) ||
        ACTION_AFTER_NUMBER_RE.test(after) ||
        /^\s*(?:[?!.,]|$)/u.test(after)
      )
    )
      continue;
    if (!profile && !opts.awaitingOrderNumber && digits < 4) continue;
    // "change the address on 12345 to …": only the number the preposition points at
    if (addressTalk && !ORDER_PREP_RE.test(before) && !(digits >= 3 && SEND_TO_AFTER_RE.test(after)))
      continue;
    if (STREET_BEFORE_RE.test(before) || STREET_AFTER_RE.test(after)) continue;
    const prevWord = /([\p{L}]+)[^\p{L}\d]*$/u.exec(before)?.[1]?.toLowerCase() ?? "";
    if (/^(?:19|20)\d\d$/u.test(id) && (YEAR_CONTEXT.has(prevWord) || YEAR_AFTER_RE.test(after))) continue;
    if (NOT_ORDER_BEFORE.has(prevWord) || LIVE_RE.test(before) || HOME_BEFORE_RE.test(before)) continue;
    if (AMOUNT_BEFORE_RE.test(before) || AMOUNT_AFTER_RE.test(after) || CARD_BEFORE_RE.test(before)) continue;
    if (ZIP_CONTEXT_RE.test(before) || (digits >= 4 && digits <= 5 && ZIP_EARLIER_RE.test(before))) continue;
    if (TRACK_CONTEXT_RE.test(before)) continue;
    if (digits >= 4 && digits <= 5 && (CITY_AFTER_RE.test(after) || PLACE_BEFORE_RE.test(before))) continue;
    if (/^\s*(?:\p{Lu}\p{Ll}+\s*)?(?:,\s*)?\p{Lu}{2}\b/u.test(after) && digits === 5) continue;
    return finish(id, opts);
  }
  return null;
}

/**
 * Without a store profile a 1–3 digit number is an order only where nothing else fits: asked about
 * how it is doing ("did 16 ship", "le 13 est parti ?", "where's 19 at") or as the order whose
 * address changes ("change the address on 15 to 9 Oak Road").
 */
function shortOrderContext(s: string, at: number, before: string, after: string): boolean {
  const asked =
    SHORT_BEFORE_RE.test(before) ||
    WHERE_BEFORE_RE.test(before) ||
    WHEN_BEFORE_RE.test(before) ||
    START_ARTICLE_RE.test(s.slice(0, at));
  if (asked && STATUS_AFTER_RE.test(after)) return true;
  const nothingAfter = /^\s*(?:[?!.,]|$)/u.test(after) || ACTION_AFTER_RE.test(after);
  if (nothingAfter && (NEWS_BEFORE_RE.test(before) || WHERE_BEFORE_RE.test(before))) return true;
  return ADDRESS_OF_BEFORE_RE.test(before) && ADDRESS_TO_AFTER_RE.test(after);
}

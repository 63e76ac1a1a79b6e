/**
 * Concept lexicons per language. Words are folded (lower case, no accents).
 *   word      exact token (typo-tolerant: 1 edit for words ≥ 5 letters, 2 edits for ≥ 9)
 *   stem*     token starts with stem (typo-tolerant on the stem when ≥ 5 letters)
 *   *stem*    token contains stem (German/Dutch compounds: "Lieferadresse", "Rückerstattung")
 *   a_b_c     multi-word phrase, exact tokens
 * Intents are decided from concepts by rules in index.ts, never from whole sentences.
 */
import type { Language } from "../../protocol";

export type Concept =
  | "WHERE"
  | "ORDER"
  | "PACKAGE"
  | "STUFF"
  | "IT"
  | "STATUS"
  | "ARRIVE"
  | "WHEN"
  | "LATE"
  | "YET"
  | "SHIPPED"
  | "CHECK"
  | "WISMO"
  | "TRACK"
  | "CARRIER"
  | "CANCEL"
  | "RETURN"
  | "EXCHANGE"
  | "REFUND"
  | "PROBLEM"
  | "CHANGE"
  | "ADDRESS"
  | "MOVED"
  | "NEW"
  | "HUMAN"
  | "CONTACT"
  | "BOT"
  | "REAL"
  | "GREETING"
  | "THANKS"
  | "BYE"
  | "ACK"
  | "SHIP"
  | "SHIPTO"
  | "COST"
  | "DURATION"
  | "COUNTRY"
  | "POLICY"
  | "DAYS"
  | "GENERALQ"
  | "ANYMORE"
  | "MY"
  | "WANT"
  | "NEG"
  | "ABILITY"
  | "SUBJ"
  | "BOUNDARY"
  | "QUESTION"
  | "YOU"
  | "SIZE"
  | "HOW"
  | "FIRSTP"
  | "HELP";

export type LexLang = Language | "any";
export type Lexicon = Partial<Record<Concept, Partial<Record<LexLang, string>>>>;

export const LEXICON: Lexicon = {
  WHERE: {
    en: "where wheres whereis whr",
    es: "donde adonde",
    fr: "ou",
    de: "wo wohin",
    it: "dove dov",
    nl: "waar",
    pt: "onde cade",
  },
  ORDER: {
    en: "order orders ordr ordered purchase purchases purchased",
    es: "pedido* compra compras orden",
    fr: "commande* cmd achat achats",
    de: "bestell* *bestellung* auftrag* *bestellnummer*",
    it: "ordine ordini ordinato ordinazione acquisto acquisti",
    nl: "bestelling* *bestelling* bestelnummer besteld bestelde ordernummer",
    pt: "pedido* encomenda* compra compras",
  },
  PACKAGE: {
    en: "package* parcel* pkg shipment shipments box",
    es: "paquete* envio envios bulto",
    fr: "colis paquet* envoi",
    de: "paket* packchen sendung sendungen",
    it: "pacco pacchi pacchetto* spedizione spedizioni",
    nl: "pakket* pakje* zending*",
    pt: "pacote* embalagem",
  },
  STUFF: {
    en: "stuff things items item product products",
    es: "cosas productos producto articulos",
    fr: "affaires articles produits",
    de: "sachen artikel ware",
    it: "articoli prodotti roba",
    nl: "spullen artikelen producten",
    pt: "coisas produtos itens",
  },
  IT: { en: "it they them" },
  STATUS: {
    en: "status stat update updates progress news",
    es: "estado estatus situacion novedades noticias",
    fr: "statut etat nouvelles",
    de: "status stand zustand neuigkeiten",
    it: "stato notizie aggiornamento aggiornamenti",
    nl: "status nieuws",
    pt: "status estado situacao andamento novidades",
  },
  ARRIVE: {
    en: "arrive* arrival deliver* receive* recieve* get got come coming came eta",
    es: "llega* llego recib* entrega*",
    fr: "arriv* recu recevoir livre livree livrer",
    de: "ankomm* angekommen kommt* erhalten bekomm* geliefert liefer* zugestellt",
    it: "arriv* ricev* consegn*",
    nl: "aankom* aangekomen komt ontvang* bezorgd geleverd binnen",
    pt: "cheg* receb* entreg*",
  },
  WHEN: { en: "when eta", es: "cuando", fr: "quand", de: "wann", it: "quando", nl: "wanneer", pt: "quando" },
  LATE: {
    en: "late delayed delay delays missing lost stuck overdue never still_nothing nothing_yet never_came never_arrived not_heard no_news no_word no_sign",
    es: "retras* tarde perdido perdida extraviado todavia_nada aun_nada nunca_llego ni_rastro",
    fr: "retard* perdu perdue bloque toujours_rien toujours_pas rien_recu aucune_trace aucune_nouvelle",
    de: "verspat* verzoger* verloren immer_noch_nichts noch_nichts noch_immer_nicht keine_spur",
    it: "ritard* perso smarrit* ancora_niente ancora_nulla",
    nl: "vertraag* vertraging kwijt laat nog_steeds_niets nog_niks nog_steeds_niet geen_spoor",
    pt: "atras* perdido extraviado ainda_nada nada_ainda nem_sinal",
  },
  YET: {
    en: "still yet",
    es: "todavia aun",
    fr: "toujours encore",
    de: "noch immer",
    it: "ancora",
    nl: "nog steeds",
    pt: "ainda",
  },
  SHIPPED: {
    en: "shipped dispatched sent posted",
    es: "enviado enviada despachado",
    fr: "expedie expediee envoye envoyee",
    de: "versendet versandt verschickt abgeschickt",
    it: "spedito spedita inviato",
    nl: "verzonden verstuurd",
    pt: "enviado enviada despachado expedido",
  },
  CHECK: {
    en: "check look_up lookup know find info",
    es: "consultar saber verificar revisar",
    fr: "verifier savoir consulter",
    de: "prufen checken wissen nachsehen",
    it: "controllare verificare sapere",
    nl: "checken controleren weten nakijken",
    pt: "verificar saber consultar",
  },
  WISMO: { en: "wismo" },
  TRACK: {
    en: "track* track tracking trace tracing",
    es: "rastre* seguimiento localizar",
    fr: "suivi suivre tracer tracage",
    de: "sendungsverfolgung verfolg* *verfolgung* sendungsnummer *trackingnummer* tracking*",
    it: "tracci* tracking",
    nl: "volgen volgcode traceren track_en_trace track_trace trackingcode",
    pt: "rastrei* rastre* acompanhar rastreamento rastreio",
  },
  CARRIER: {
    any: "ups usps fedex dhl dpd gls hermes postnl bpost correos colissimo chronopost royal_mail la_poste poste_italiane ctt",
    en: "carrier courier",
    es: "transportista mensajero mensajeria",
    fr: "transporteur livreur",
    de: "paketdienst zusteller versanddienstleister",
    it: "corriere",
    nl: "vervoerder bezorger",
    pt: "transportadora",
  },
  CANCEL: {
    en: "cancel* cancle call_off stop_my_order stop_the_order stop_order",
    es: "cancel* anul* cancelar",
    fr: "annul* annuler",
    de: "storn* annull* abbestell* stornieren zurucktret* rucktritt*",
    it: "annull* cancell* disdire annullare",
    nl: "annul* afzeggen annuleren",
    pt: "cancel* anul* desistir cancelar",
  },
  RETURN: {
    en: "return* send_back send_it_back send_this_back send_them_back ship_it_back take_back bring_it_back",
    es: "devolv* devuelv* devolucion*",
    fr: "retour* renvoy* renvoi* rendre",
    de: "rucksend* ruecksend* *rucksendung* ruckgab* *ruckgabe* rueckgab* retour* zurucksend* zuruckschick* zuruckgeb* zuruck zurueck*",
    it: "reso resi rendere restitu* rimandare",
    nl: "retour* terugstur* terugzend* terugbreng* terug_sturen",
    pt: "devolu* devolv* devolvo",
  },
  EXCHANGE: {
    en: "exchange* swap",
    es: "canje",
    fr: "echang*",
    de: "umtausch* tauschen",
    it: "sostitu*",
    nl: "ruilen omruil*",
    pt: "troca trocar",
  },
  REFUND: {
    en: "refund* reimburs* money_back chargeback my_money",
    es: "reembols* mi_dinero",
    fr: "rembours* mon_argent",
    de: "erstatt* *erstattung* ruckerstatt* geld_zuruck mein_geld gutschrift",
    it: "rimbors* soldi_indietro miei_soldi",
    nl: "terugbetal* geld_terug restitutie",
    pt: "reembols* estorn* meu_dinheiro dinheiro_de_volta",
  },
  PROBLEM: {
    en: "damaged damage broken defective faulty wrong torn ripped cracked doesnt_fit not_fit dont_fit too_small too_big too_large mistake typo",
    es: "danad* roto rota defectuos* equivocad* equivoque incorrect* error mal no_me_queda no_me_quedan no_me_sirve",
    fr: "endommag* casse cassee defectueu* abime* mauvais mauvaise trompe erreur me_va_pas trop_petit trop_grand",
    de: "beschadigt* kaputt defekt* falsch* zerbrochen fehler vertippt passt_nicht passen_nicht zu_klein zu_gross",
    it: "danneggiat* rotto rotta difettos* sbagliat* errore non_mi_sta non_mi_va troppo_piccol* troppo_grand*",
    nl: "beschadigd* kapot defect verkeerd* fout past_niet te_klein te_groot",
    pt: "danificad* quebrad* defeituos* errad* erro enganei mal nao_serve muito_pequeno muito_grande",
  },
  CHANGE: {
    en: "change* modify modif* edit* update* correct* fix amend instead",
    es: "cambi* modific* corregi* actualiz* en_vez en_lugar",
    fr: "chang* modifi* corrig* mettre_a_jour changer",
    de: "andern anderung* *anderung* ander* korrig* aktualisier* statt stattdessen",
    it: "cambi* modific* corregg* aggiorn*",
    nl: "wijzig* verander* aanpass* in_plaats",
    pt: "alter* mudar troc* corrig* atualiz*",
  },
  ADDRESS: {
    en: "address* adress* addr",
    es: "direcc* domicilio",
    fr: "adresse*",
    de: "adress* *adresse* anschrift* lieferanschrift",
    it: "indirizz*",
    nl: "adres* *adres*",
    pt: "endere* morada",
  },
  MOVED: {
    en: "moved moving relocated",
    es: "me_mude mudanza",
    fr: "demenage",
    de: "umgezogen umzug",
    it: "trasferito trasloco",
    nl: "verhuisd verhuizing",
    pt: "mudei mudanca",
  },
  NEW: {
    en: "new different another",
    es: "nueva nuevo otra",
    fr: "nouvelle nouvel autre",
    de: "neue neuen neu andere",
    it: "nuovo nuova altro",
    nl: "nieuwe nieuw ander",
    pt: "nova novo outro",
  },
  HUMAN: {
    en: "human humans person agent agents representative rep someone somebody some1 operator staff manager supervisor employee customer_service customer_support support_team live_chat live_agent support",
    es: "humano persona agente asesor operador alguien representante atencion_al_cliente servicio_al_cliente",
    fr: "humain personne conseiller conseillere operateur quelqu service_client",
    de: "mensch menschen mitarbeiter* berater* kundenservice kundendienst* ansprechpartner jemand* jemanden",
    it: "umano persona operatore* assistente servizio_clienti qualcuno",
    nl: "mens medewerker* klantenservice iemand persoon",
    pt: "humano pessoa atendente atendimento alguem agente",
  },
  CONTACT: {
    en: "talk speak chat call contact* reach get_in_touch",
    es: "hablar habla contact* llamar",
    fr: "parler contact* appeler joindre",
    de: "sprechen reden kontakt* anrufen verbinden",
    it: "parlare parla contatt* chiamare",
    nl: "praten spreken contact* bellen",
    pt: "falar contat* ligar",
  },
  BOT: { any: "bot robot chatbot machine" },
  REAL: {
    en: "real actual live",
    es: "real de_verdad",
    fr: "vrai vraie reel",
    de: "echten echter echte",
    it: "vero vera reale",
    nl: "echt echte",
    pt: "real verdadeira",
  },
  GREETING: {
    en: "hi hii hello helo hey heya hiya yo howdy greetings hi_there good_morning good_afternoon good_evening",
    es: "hola buenas buenos_dias buenas_tardes buenas_noches",
    fr: "bonjour bonsoir salut coucou",
    de: "hallo guten_tag guten_morgen guten_abend moin servus gruss_gott gruezi",
    it: "ciao salve buongiorno buonasera",
    nl: "hoi hallo goedemorgen goedemiddag goedenavond goedendag",
    pt: "ola oi bom_dia boa_tarde boa_noite",
  },
  THANKS: {
    en: "thanks thank thx thnx thanx ty tysm tks cheers appreciate* much_appreciated",
    es: "gracias",
    fr: "merci",
    de: "danke dankeschon dank vielen_dank",
    it: "grazie",
    nl: "bedankt dankjewel dankuwel dank_je dank_u dank",
    pt: "obrigado obrigada valeu",
  },
  BYE: {
    en: "bye goodbye cya see_you have_a_nice_day have_a_good_day that_is_all bye_bye",
    es: "adios hasta_luego chao nos_vemos",
    fr: "au_revoir bonne_journee bonne_soiree a_plus",
    de: "tschuss tschuess auf_wiedersehen bis_bald schonen_tag",
    it: "arrivederci a_presto buona_giornata",
    nl: "doei tot_ziens fijne_dag",
    pt: "tchau adeus ate_logo",
  },
  ACK: {
    any: "ok okay oki okey",
    en: "perfect great awesome cool got_it alright",
    es: "vale perfecto genial",
    fr: "parfait super d_accord",
    de: "perfekt super alles_klar",
    it: "perfetto va_bene",
    nl: "prima top oke",
    pt: "perfeito beleza",
  },
  SHIP: {
    en: "ship ships shipping delivery deliveries postage deliver delivers",
    es: "envio envios enviar envian entrega entregas",
    fr: "livraison livraisons livrer livrez expedition expedier frais_de_port",
    de: "versand* *versand* liefer* *lieferzeit* zustellung verschicken",
    it: "spedizion* spedire spedite consegna consegne",
    nl: "verzend* *verzend* levering leveren bezorging bezorgen",
    pt: "envio envios frete entrega entregas enviar enviam",
  },
  SHIPTO: {
    en: "ship_to ship_outside deliver_to ship_internationally",
    es: "envian_a enviar_a envios_a envio_a",
    fr: "livrez_en livrez_au livrez_a livrer_en livraison_en livraison_au",
    de: "liefern_sie_nach liefert_ihr_nach versand_nach versenden_sie_nach liefern_nach lieferung_nach",
    it: "spedite_in spedite_a spedizione_in spedizioni_in",
    nl: "verzenden_naar leveren_in leveren_jullie_in verzenden_jullie_naar levering_naar",
    pt: "enviam_para envio_para entregam_em entrega_para",
  },
  COST: {
    en: "cost costs price fee fees charge much free expensive cheap pay",
    es: "costo coste cuesta precio gratis gratuito gratuita cobran pagar",
    fr: "cout coute prix frais gratuit gratuite combien payer",
    de: "kosten kostet kostenlos gratis preis gebuhr* gebuehr* *kosten* bezahlen zahlen",
    it: "costo costa prezzo spese gratis gratuita gratuito pagare",
    nl: "kosten kost prijs gratis *kosten* betalen",
    pt: "custo custa preco gratis taxa pagar",
  },
  DURATION: {
    en: "how_long how_many_days how_fast how_quickly timeframe take_to_arrive delivery_time shipping_time transit_time",
    es: "cuanto_tarda cuanto_tiempo tarda tardan plazo cuantos_dias",
    fr: "combien_de_temps delai delais combien_de_jours",
    de: "wie_lange wie_schnell dauer dauert *lieferzeit* wie_viele_tage",
    it: "quanto_tempo quanti_giorni tempi impiega quanto_ci_vuole",
    nl: "hoe_lang hoe_snel levertijd duurt hoeveel_dagen",
    pt: "quanto_tempo demora prazo quantos_dias",
  },
  COUNTRY: {
    en: "country countries international internationally worldwide abroad overseas canada usa america uk england germany france spain italy netherlands portugal mexico australia europe eu switzerland austria belgium ireland japan brazil",
    es: "pais paises internacional extranjero espana mexico",
    fr: "pays international etranger belgique suisse",
    de: "land lander ausland international deutschland osterreich schweiz",
    it: "paese paesi estero internazionale italia",
    nl: "landen buitenland internationaal nederland belgie",
    pt: "exterior brasil",
  },
  POLICY: {
    en: "policy policies rules terms conditions",
    es: "politica politicas condiciones normas",
    fr: "politique conditions regles",
    de: "richtlinie* *richtlinie* bedingung* *bedingungen* regeln agb *recht* widerruf*",
    it: "politica condizioni regole",
    nl: "beleid *beleid* voorwaarden *voorwaarden* regels",
    pt: "politica condicoes regras",
  },
  DAYS: {
    en: "day days week weeks month months window period deadline",
    es: "dia dias semana semanas mes meses",
    fr: "jour jours semaine semaines mois",
    de: "tag tage tagen woche wochen monat monate frist *frist*",
    it: "giorno giorni settimana settimane mese mesi",
    nl: "dagen week weken maand maanden termijn",
    pt: "dia dias semana semanas mes meses",
  },
  GENERALQ: {
    en: "do_you can_i is_it_possible how_do how_does are_returns do_returns is_there accept allow allowed possible",
    es: "puedo se_puede aceptan es_posible como_funciona",
    fr: "puis_je peut_on acceptez est_il_possible possible",
    de: "kann_ich ist_es_moglich akzeptieren nehmt_ihr nehmen_sie moglich",
    it: "si_puo accettate e_possibile possibile",
    nl: "kan_ik mag_ik accepteren is_het_mogelijk mogelijk",
    pt: "aceitam e_possivel possivel",
  },
  ANYMORE: {
    en: "anymore any_more longer",
    es: "ya_no",
    fr: "plus",
    de: "mehr",
    it: "piu",
    nl: "meer",
    pt: "mais",
  },
  MY: {
    en: "my mine our i_ordered",
    es: "mi mis",
    fr: "mon ma mes",
    de: "mein meine meinen meinem meiner",
    it: "mio mia miei mie",
    nl: "mijn",
    pt: "meu minha meus minhas",
  },
  WANT: {
    en: "want wanna need would_like wish",
    es: "quiero quisiera necesito me_gustaria deseo",
    fr: "veux voudrais souhaite souhaiterais aimerais besoin",
    de: "will mochte mochten brauche wollen gerne",
    it: "voglio vorrei devo desidero bisogno",
    nl: "wil wilt graag moet",
    pt: "quero queria gostaria preciso desejo",
  },
  NEG: {
    en: "not no never dont doesnt didnt cant wont isnt hasnt havent wasnt arent cannot nope nothing",
    es: "no nunca jamas nada",
    fr: "ne n pas jamais non rien",
    de: "nicht kein keine keinen nie niemals nichts",
    it: "non mai niente nulla",
    nl: "niet geen nooit niets niks",
    pt: "nao nunca",
  },
  ABILITY: {
    en: "can could able cant cannot",
    es: "puedo puede podemos podria",
    fr: "peux peut pouvez pourrais",
    de: "kann kannst konnen konnte",
    it: "posso puo puoi potrei",
    nl: "kan kun kunnen",
    pt: "posso pode podemos consigo",
  },
  SUBJ: { en: "i we", es: "yo", fr: "je j", de: "ich", it: "io", nl: "ik", pt: "eu" },
  BOUNDARY: {
    en: "but just only instead rather",
    es: "pero solo sino",
    fr: "mais juste seulement plutot",
    de: "aber nur sondern",
    it: "ma soltanto invece",
    nl: "maar alleen gewoon",
    pt: "mas so apenas",
  },
  QUESTION: {
    en: "what which who how",
    es: "que cual quien como",
    fr: "quel quelle qui comment",
    de: "was welche welcher wer wie",
    it: "che quale chi come",
    nl: "wat welke wie hoe",
    pt: "qual quem como",
  },
  SIZE: {
    en: "size sizes",
    es: "talla tallas",
    fr: "taille tailles",
    de: "grosse grossen",
    it: "taglia taglie",
    nl: "maat maten",
    pt: "tamanho tamanhos",
  },
  YOU: {
    en: "you your yours u ur",
    es: "usted ustedes tu",
    fr: "vous votre vos",
    de: "sie du euer eure ihr",
    it: "voi vostro vostra",
    nl: "jullie je u",
    pt: "voce voces",
  },
  HOW: { en: "how", es: "como", fr: "comment", de: "wie", it: "come", nl: "hoe", pt: "como" },
  /** first-person verb forms that make a how-question personal ("¿cómo hago…?") */
  FIRSTP: {
    es: "hago puedo",
    fr: "fais peux dois",
    de: "kann mache muss",
    it: "faccio posso devo",
    nl: "doe kan moet",
    pt: "faco posso devo",
  },
  HELP: {
    en: "help problem issue question",
    es: "ayuda problema",
    fr: "aide probleme",
    de: "hilfe problem frage",
    it: "aiuto problema",
    nl: "hulp probleem vraag",
    pt: "ajuda problema",
  },
};

/**
 * Frequent words per language. Used for language detection and to keep common words out of fuzzy
 * keyword matching ("there" must not be read as a typo of "where").
 */
export const FUNCTION_WORDS: Record<Language, string> = {
  en: "the a an is are was were be been am i you he she it we they my your our me us this that these those to of in on at for with and or but not do does did have has had can could will would should please pls plz u ur r yes no what which who how why there here their then than from by about any some all just also so if im ive hello thanks order where when help want need know get got like think thinks older chance trick store stores shop love sale sales state here hours house sure some come home more most much many very too",
  es: "cuanto cuanta cuantos cuantas el la los las un una unos unas es son esta estan este esto mi mis tu su de del al que y o en con por para no si como cuando donde hola gracias quiero puedo tengo hay pero muy ya lo le se me favor porfa pedido usted ustedes",
  fr: "le la les un une des du de est sont mon ma mes ton ta tes votre vos notre je tu il elle nous vous ils elles que qui et ou pas ne en dans pour avec sur ce cette bonjour merci oui non mais plus tres deja commande colis c j ai suis d l qu",
  de: "der die das den dem des ein eine einen einem ist sind war mein meine dein ihr ich du er sie es wir und oder nicht kein mit fur von zu auf im in an bei bitte danke hallo wo wann wie was oder noch schon auch aber nur habe hat bestellung paket",
  it: "trova trovare quanto quanta quanti quante il lo la i gli le un una uno e sono mio mia miei tuo suo di del della dei che non con per su da in al alla ciao grazie dove quando come ho ha sei mi ti ci ordine pacco anche ma gia ancora codice",
  nl: "de het een is zijn was mijn jouw uw ik jij je hij zij wij we niet geen en of met voor van op in aan bij te hoi dank bedankt waar wanneer hoe wat nog al ook maar heb heeft kan wil bestelling pakket graag alstublieft heb hebt hebben wordt worden",
  pt: "quanto quanta quantos quantas o a os as um uma e sao esta estao meu minha meus minhas seu sua de do da dos das que nao com por para em no na ola oi obrigado obrigada onde quando como tenho ja ainda mas voce pedido encomenda",
};

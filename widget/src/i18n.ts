/**
 * Widget UI strings in the seven supported languages and the language pick. Pure and DOM-free.
 * Bot replies come localized from the server; these are only the widget's own labels.
 */
import type { Language } from "../../app/protocol";

export type { Language };
export const SUPPORTED: readonly Language[] = ["en", "es", "fr", "de", "pt", "it", "nl"];

/**
 * The first candidate (e.g. data-locale, <html lang>, navigator.language, the store's config
 * locale) whose primary subtag is supported: "pt-BR" → "pt", "de_CH" → "de". Defaults to "en".
 */
export function pickLanguage(...candidates: (string | null | undefined)[]): Language {
  for (const c of candidates) {
    if (!c) continue;
    const primary = String(c).trim().toLowerCase().split(/[-_]/)[0];
    if ((SUPPORTED as readonly string[]).includes(primary)) return primary as Language;
  }
  return "en";
}

/** Launcher-only labels, kept tiny because they ship in the launcher bundle. */
export const LAUNCHER_LABEL: Record<Language, string> = {
  en: "Chat with us",
  es: "Chatea con nosotros",
  fr: "Discuter avec nous",
  de: "Mit uns chatten",
  pt: "Fale connosco",
  it: "Chatta con noi",
  nl: "Chat met ons",
};

export interface Strings {
  chatWith: string; // "{name}"
  close: string;
  inputLabel: string;
  placeholder: string;
  placeholderOrder: string;
  placeholderEmail: string;
  send: string;
  typing: string; // "{name}"
  you: string;
  offline: string;
  retry: string;
  rateLimited: string; // "{s}"
  rateLimitedNow: string;
  badRequest: string;
  tooLong: string;
  order: string; // "{n}"
  placed: string; // "{date}"
  total: string;
  items: string;
  shipments: string;
  packageOf: string; // "{i}" "{n}"
  tracking: string;
  track: string; // "{carrier}"
  trackNoCarrier: string;
  eta: string; // "{date}"
  delivered: string; // "{date}"
  statusPage: string;
  newTab: string;
  askAbout: string; // "{n}" — quick reply label for an order in a list
  handoffEmail: string;
  handoffMessage: string;
  handoffSubmit: string;
  starters: [string, string, string, string];
  greeting: string;
  defaultName: string;
  steps: { ordered: string; shipped: string; delivered: string; ready: string; picked: string };
  status: Record<string, string>;
  shipment: Record<string, string>;
  newChat: string;
}

const en: Strings = {
  chatWith: "Chat with {name}",
  close: "Close chat",
  inputLabel: "Type your message",
  placeholder: "Ask about your order…",
  placeholderOrder: "Order number, e.g. 1003",
  placeholderEmail: "Email or phone used for the order",
  send: "Send",
  typing: "{name} is typing…",
  you: "You",
  offline: "Couldn't reach us.",
  retry: "Retry",
  rateLimited: "You're sending messages quickly. Please try again in {s} seconds.",
  rateLimitedNow: "You're sending messages quickly. Please try again in a moment.",
  badRequest: "That message couldn't be sent. Please try again.",
  tooLong: "Please keep messages under 1,000 characters.",
  order: "Order #{n}",
  placed: "Placed {date}",
  total: "Total",
  items: "Items",
  shipments: "Packages",
  packageOf: "Package {i} of {n}",
  tracking: "Tracking number",
  track: "Track with {carrier}",
  trackNoCarrier: "Track package",
  eta: "Expected {date}",
  delivered: "Delivered {date}",
  statusPage: "View order details",
  newTab: "(opens in a new tab)",
  askAbout: "Order #{n}",
  handoffEmail: "Your email",
  handoffMessage: "How can we help?",
  handoffSubmit: "Send to our team",
  starters: ["Where is my order?", "Shipping info", "Returns & refunds", "Talk to a person"],
  greeting: "Hi! I can track your order or answer questions about shipping and returns.",
  defaultName: "Support",
  steps: {
    ordered: "Ordered",
    shipped: "Shipped",
    delivered: "Delivered",
    ready: "Ready for pickup",
    picked: "Picked up",
  },
  status: {
    pending_payment: "Awaiting payment",
    on_hold: "On hold",
    processing: "Being prepared",
    partially_shipped: "Partially shipped",
    shipped: "Shipped",
    out_for_delivery: "Out for delivery",
    delivered: "Delivered",
    ready_for_pickup: "Ready for pickup",
    cancelled: "Cancelled",
    refunded: "Refunded",
    partially_refunded: "Partially refunded",
    failed: "Payment failed",
  },
  shipment: {
    label_created: "Label created",
    in_transit: "In transit",
    out_for_delivery: "Out for delivery",
    delivered: "Delivered",
    attempted_delivery: "Delivery attempted",
    delayed: "Delayed",
    exception: "Delivery problem",
    ready_for_pickup: "Ready for pickup",
    picked_up: "Picked up",
    unknown: "Shipped",
  },
  newChat: "New conversation",
};

const es: Strings = {
  chatWith: "Chatea con {name}",
  close: "Cerrar chat",
  inputLabel: "Escribe tu mensaje",
  placeholder: "Pregunta por tu pedido…",
  placeholderOrder: "Número de pedido, p. ej. 1003",
  placeholderEmail: "Email o teléfono del pedido",
  send: "Enviar",
  typing: "{name} está escribiendo…",
  you: "Tú",
  offline: "No pudimos conectar.",
  retry: "Reintentar",
  rateLimited: "Estás enviando mensajes muy rápido. Inténtalo de nuevo en {s} segundos.",
  rateLimitedNow: "Estás enviando mensajes muy rápido. Inténtalo de nuevo en un momento.",
  badRequest: "No se pudo enviar el mensaje. Inténtalo de nuevo.",
  tooLong: "Escribe mensajes de menos de 1000 caracteres.",
  order: "Pedido #{n}",
  placed: "Realizado el {date}",
  total: "Total",
  items: "Artículos",
  shipments: "Paquetes",
  packageOf: "Paquete {i} de {n}",
  tracking: "Número de seguimiento",
  track: "Seguir con {carrier}",
  trackNoCarrier: "Seguir paquete",
  eta: "Llegada prevista {date}",
  delivered: "Entregado {date}",
  statusPage: "Ver detalles del pedido",
  newTab: "(se abre en una pestaña nueva)",
  askAbout: "Pedido #{n}",
  handoffEmail: "Tu email",
  handoffMessage: "¿En qué podemos ayudarte?",
  handoffSubmit: "Enviar a nuestro equipo",
  starters: ["¿Dónde está mi pedido?", "Envíos", "Devoluciones y reembolsos", "Hablar con una persona"],
  greeting: "¡Hola! Puedo localizar tu pedido o responder dudas sobre envíos y devoluciones.",
  defaultName: "Atención al cliente",
  steps: {
    ordered: "Pedido",
    shipped: "Enviado",
    delivered: "Entregado",
    ready: "Listo para recoger",
    picked: "Recogido",
  },
  status: {
    pending_payment: "Pendiente de pago",
    on_hold: "En espera",
    processing: "En preparación",
    partially_shipped: "Enviado parcialmente",
    shipped: "Enviado",
    out_for_delivery: "En reparto",
    delivered: "Entregado",
    ready_for_pickup: "Listo para recoger",
    cancelled: "Cancelado",
    refunded: "Reembolsado",
    partially_refunded: "Reembolsado parcialmente",
    failed: "Pago fallido",
  },
  shipment: {
    label_created: "Etiqueta creada",
    in_transit: "En tránsito",
    out_for_delivery: "En reparto",
    delivered: "Entregado",
    attempted_delivery: "Intento de entrega",
    delayed: "Retrasado",
    exception: "Incidencia en la entrega",
    ready_for_pickup: "Listo para recoger",
    picked_up: "Recogido",
    unknown: "Enviado",
  },
  newChat: "Nueva conversación",
};

const fr: Strings = {
  chatWith: "Discuter avec {name}",
  close: "Fermer le chat",
  inputLabel: "Écrivez votre message",
  placeholder: "Posez une question sur votre commande…",
  placeholderOrder: "Numéro de commande, ex. 1003",
  placeholderEmail: "E-mail ou téléphone de la commande",
  send: "Envoyer",
  typing: "{name} écrit…",
  you: "Vous",
  offline: "Impossible de nous joindre.",
  retry: "Réessayer",
  rateLimited: "Vous envoyez des messages trop vite. Réessayez dans {s} secondes.",
  rateLimitedNow: "Vous envoyez des messages trop vite. Réessayez dans un instant.",
  badRequest: "Ce message n'a pas pu être envoyé. Réessayez.",
  tooLong: "Les messages doivent faire moins de 1 000 caractères.",
  order: "Commande n° {n}",
  placed: "Passée le {date}",
  total: "Total",
  items: "Articles",
  shipments: "Colis",
  packageOf: "Colis {i} sur {n}",
  tracking: "Numéro de suivi",
  track: "Suivre avec {carrier}",
  trackNoCarrier: "Suivre le colis",
  eta: "Livraison prévue {date}",
  delivered: "Livré {date}",
  statusPage: "Voir le détail de la commande",
  newTab: "(s'ouvre dans un nouvel onglet)",
  askAbout: "Commande n° {n}",
  handoffEmail: "Votre e-mail",
  handoffMessage: "Comment pouvons-nous vous aider ?",
  handoffSubmit: "Envoyer à notre équipe",
  starters: ["Où est ma commande ?", "Livraison", "Retours et remboursements", "Parler à quelqu'un"],
  greeting:
    "Bonjour ! Je peux suivre votre commande ou répondre à vos questions sur la livraison et les retours.",
  defaultName: "Service client",
  steps: {
    ordered: "Commandée",
    shipped: "Expédiée",
    delivered: "Livrée",
    ready: "Prête à retirer",
    picked: "Retirée",
  },
  status: {
    pending_payment: "En attente de paiement",
    on_hold: "En attente",
    processing: "En préparation",
    partially_shipped: "Partiellement expédiée",
    shipped: "Expédiée",
    out_for_delivery: "En cours de livraison",
    delivered: "Livrée",
    ready_for_pickup: "Prête à retirer",
    cancelled: "Annulée",
    refunded: "Remboursée",
    partially_refunded: "Partiellement remboursée",
    failed: "Paiement refusé",
  },
  shipment: {
    label_created: "Étiquette créée",
    in_transit: "En transit",
    out_for_delivery: "En cours de livraison",
    delivered: "Livré",
    attempted_delivery: "Tentative de livraison",
    delayed: "Retardé",
    exception: "Incident de livraison",
    ready_for_pickup: "Prêt à retirer",
    picked_up: "Retiré",
    unknown: "Expédié",
  },
  newChat: "Nouvelle conversation",
};

const de: Strings = {
  chatWith: "Chat mit {name}",
  close: "Chat schließen",
  inputLabel: "Nachricht eingeben",
  placeholder: "Frag nach deiner Bestellung…",
  placeholderOrder: "Bestellnummer, z. B. 1003",
  placeholderEmail: "E-Mail oder Telefon der Bestellung",
  send: "Senden",
  typing: "{name} schreibt…",
  you: "Du",
  offline: "Wir sind gerade nicht erreichbar.",
  retry: "Erneut versuchen",
  rateLimited: "Du sendest sehr schnell Nachrichten. Bitte versuche es in {s} Sekunden erneut.",
  rateLimitedNow: "Du sendest sehr schnell Nachrichten. Bitte versuche es gleich erneut.",
  badRequest: "Die Nachricht konnte nicht gesendet werden. Bitte versuche es erneut.",
  tooLong: "Nachrichten dürfen höchstens 1.000 Zeichen lang sein.",
  order: "Bestellung #{n}",
  placed: "Bestellt am {date}",
  total: "Gesamt",
  items: "Artikel",
  shipments: "Pakete",
  packageOf: "Paket {i} von {n}",
  tracking: "Sendungsnummer",
  track: "Bei {carrier} verfolgen",
  trackNoCarrier: "Sendung verfolgen",
  eta: "Voraussichtlich {date}",
  delivered: "Zugestellt {date}",
  statusPage: "Bestelldetails ansehen",
  newTab: "(öffnet in neuem Tab)",
  askAbout: "Bestellung #{n}",
  handoffEmail: "Deine E-Mail",
  handoffMessage: "Wie können wir helfen?",
  handoffSubmit: "An unser Team senden",
  starters: ["Wo ist meine Bestellung?", "Versand", "Rückgabe & Erstattung", "Mit einem Menschen sprechen"],
  greeting: "Hallo! Ich finde deine Bestellung oder beantworte Fragen zu Versand und Rückgabe.",
  defaultName: "Kundenservice",
  steps: {
    ordered: "Bestellt",
    shipped: "Versandt",
    delivered: "Zugestellt",
    ready: "Abholbereit",
    picked: "Abgeholt",
  },
  status: {
    pending_payment: "Zahlung ausstehend",
    on_hold: "Wartend",
    processing: "In Bearbeitung",
    partially_shipped: "Teilweise versandt",
    shipped: "Versandt",
    out_for_delivery: "In Zustellung",
    delivered: "Zugestellt",
    ready_for_pickup: "Abholbereit",
    cancelled: "Storniert",
    refunded: "Erstattet",
    partially_refunded: "Teilweise erstattet",
    failed: "Zahlung fehlgeschlagen",
  },
  shipment: {
    label_created: "Versandetikett erstellt",
    in_transit: "Unterwegs",
    out_for_delivery: "In Zustellung",
    delivered: "Zugestellt",
    attempted_delivery: "Zustellversuch",
    delayed: "Verspätet",
    exception: "Zustellproblem",
    ready_for_pickup: "Abholbereit",
    picked_up: "Abgeholt",
    unknown: "Versandt",
  },
  newChat: "Neues Gespräch",
};

const pt: Strings = {
  chatWith: "Conversar com {name}",
  close: "Fechar chat",
  inputLabel: "Escreva a sua mensagem",
  placeholder: "Pergunte pela sua encomenda…",
  placeholderOrder: "Número da encomenda, ex. 1003",
  placeholderEmail: "Email ou telefone da encomenda",
  send: "Enviar",
  typing: "{name} está a escrever…",
  you: "Você",
  offline: "Não foi possível contactar-nos.",
  retry: "Tentar novamente",
  rateLimited: "Está a enviar mensagens muito depressa. Tente novamente dentro de {s} segundos.",
  rateLimitedNow: "Está a enviar mensagens muito depressa. Tente novamente daqui a pouco.",
  badRequest: "Não foi possível enviar a mensagem. Tente novamente.",
  tooLong: "As mensagens devem ter menos de 1000 caracteres.",
  order: "Encomenda #{n}",
  placed: "Feita a {date}",
  total: "Total",
  items: "Artigos",
  shipments: "Volumes",
  packageOf: "Volume {i} de {n}",
  tracking: "Número de seguimento",
  track: "Seguir com {carrier}",
  trackNoCarrier: "Seguir encomenda",
  eta: "Entrega prevista {date}",
  delivered: "Entregue {date}",
  statusPage: "Ver detalhes da encomenda",
  newTab: "(abre num novo separador)",
  askAbout: "Encomenda #{n}",
  handoffEmail: "O seu email",
  handoffMessage: "Como podemos ajudar?",
  handoffSubmit: "Enviar à nossa equipa",
  starters: ["Onde está a minha encomenda?", "Envios", "Devoluções e reembolsos", "Falar com uma pessoa"],
  greeting: "Olá! Posso localizar a sua encomenda ou responder a perguntas sobre envios e devoluções.",
  defaultName: "Apoio ao cliente",
  steps: {
    ordered: "Encomendada",
    shipped: "Enviada",
    delivered: "Entregue",
    ready: "Pronta a levantar",
    picked: "Levantada",
  },
  status: {
    pending_payment: "Pagamento pendente",
    on_hold: "Em espera",
    processing: "Em preparação",
    partially_shipped: "Parcialmente enviada",
    shipped: "Enviada",
    out_for_delivery: "Em distribuição",
    delivered: "Entregue",
    ready_for_pickup: "Pronta a levantar",
    cancelled: "Cancelada",
    refunded: "Reembolsada",
    partially_refunded: "Parcialmente reembolsada",
    failed: "Pagamento falhou",
  },
  shipment: {
    label_created: "Etiqueta criada",
    in_transit: "Em trânsito",
    out_for_delivery: "Em distribuição",
    delivered: "Entregue",
    attempted_delivery: "Tentativa de entrega",
    delayed: "Atrasado",
    exception: "Problema na entrega",
    ready_for_pickup: "Pronto a levantar",
    picked_up: "Levantado",
    unknown: "Enviado",
  },
  newChat: "Nova conversa",
};

const it: Strings = {
  chatWith: "Chatta con {name}",
  close: "Chiudi la chat",
  inputLabel: "Scrivi il tuo messaggio",
  placeholder: "Chiedi del tuo ordine…",
  placeholderOrder: "Numero d'ordine, es. 1003",
  placeholderEmail: "Email o telefono dell'ordine",
  send: "Invia",
  typing: "{name} sta scrivendo…",
  you: "Tu",
  offline: "Impossibile contattarci.",
  retry: "Riprova",
  rateLimited: "Stai inviando messaggi troppo in fretta. Riprova tra {s} secondi.",
  rateLimitedNow: "Stai inviando messaggi troppo in fretta. Riprova tra poco.",
  badRequest: "Impossibile inviare il messaggio. Riprova.",
  tooLong: "I messaggi devono avere meno di 1000 caratteri.",
  order: "Ordine #{n}",
  placed: "Effettuato il {date}",
  total: "Totale",
  items: "Articoli",
  shipments: "Pacchi",
  packageOf: "Pacco {i} di {n}",
  tracking: "Numero di tracciamento",
  track: "Traccia con {carrier}",
  trackNoCarrier: "Traccia il pacco",
  eta: "Consegna prevista {date}",
  delivered: "Consegnato {date}",
  statusPage: "Vedi i dettagli dell'ordine",
  newTab: "(si apre in una nuova scheda)",
  askAbout: "Ordine #{n}",
  handoffEmail: "La tua email",
  handoffMessage: "Come possiamo aiutarti?",
  handoffSubmit: "Invia al nostro team",
  starters: ["Dov'è il mio ordine?", "Spedizioni", "Resi e rimborsi", "Parla con una persona"],
  greeting: "Ciao! Posso rintracciare il tuo ordine o rispondere a domande su spedizioni e resi.",
  defaultName: "Assistenza",
  steps: {
    ordered: "Ordinato",
    shipped: "Spedito",
    delivered: "Consegnato",
    ready: "Pronto per il ritiro",
    picked: "Ritirato",
  },
  status: {
    pending_payment: "In attesa di pagamento",
    on_hold: "In sospeso",
    processing: "In preparazione",
    partially_shipped: "Spedito in parte",
    shipped: "Spedito",
    out_for_delivery: "In consegna",
    delivered: "Consegnato",
    ready_for_pickup: "Pronto per il ritiro",
    cancelled: "Annullato",
    refunded: "Rimborsato",
    partially_refunded: "Rimborsato in parte",
    failed: "Pagamento non riuscito",
  },
  shipment: {
    label_created: "Etichetta creata",
    in_transit: "In transito",
    out_for_delivery: "In consegna",
    delivered: "Consegnato",
    attempted_delivery: "Tentativo di consegna",
    delayed: "In ritardo",
    exception: "Problema di consegna",
    ready_for_pickup: "Pronto per il ritiro",
    picked_up: "Ritirato",
    unknown: "Spedito",
  },
  newChat: "Nuova conversazione",
};

const nl: Strings = {
  chatWith: "Chat met {name}",
  close: "Chat sluiten",
  inputLabel: "Typ je bericht",
  placeholder: "Vraag naar je bestelling…",
  placeholderOrder: "Bestelnummer, bijv. 1003",
  placeholderEmail: "E-mail of telefoon van de bestelling",
  send: "Versturen",
  typing: "{name} is aan het typen…",
  you: "Jij",
  offline: "We zijn niet bereikbaar.",
  retry: "Opnieuw proberen",
  rateLimited: "Je stuurt erg snel berichten. Probeer het over {s} seconden opnieuw.",
  rateLimitedNow: "Je stuurt erg snel berichten. Probeer het zo opnieuw.",
  badRequest: "Het bericht kon niet worden verstuurd. Probeer het opnieuw.",
  tooLong: "Berichten mogen maximaal 1000 tekens lang zijn.",
  order: "Bestelling #{n}",
  placed: "Geplaatst op {date}",
  total: "Totaal",
  items: "Artikelen",
  shipments: "Pakketten",
  packageOf: "Pakket {i} van {n}",
  tracking: "Trackingnummer",
  track: "Volgen bij {carrier}",
  trackNoCarrier: "Pakket volgen",
  eta: "Verwacht {date}",
  delivered: "Bezorgd {date}",
  statusPage: "Bestelgegevens bekijken",
  newTab: "(opent in een nieuw tabblad)",
  askAbout: "Bestelling #{n}",
  handoffEmail: "Je e-mailadres",
  handoffMessage: "Waarmee kunnen we helpen?",
  handoffSubmit: "Naar ons team sturen",
  starters: [
    "Waar is mijn bestelling?",
    "Verzending",
    "Retourneren en terugbetalen",
    "Met een medewerker praten",
  ],
  greeting: "Hoi! Ik kan je bestelling volgen of vragen over verzending en retourneren beantwoorden.",
  defaultName: "Klantenservice",
  steps: {
    ordered: "Besteld",
    shipped: "Verzonden",
    delivered: "Bezorgd",
    ready: "Klaar om op te halen",
    picked: "Opgehaald",
  },
  status: {
    pending_payment: "Wacht op betaling",
    on_hold: "In de wacht",
    processing: "Wordt voorbereid",
    partially_shipped: "Gedeeltelijk verzonden",
    shipped: "Verzonden",
    out_for_delivery: "Onderweg naar jou",
    delivered: "Bezorgd",
    ready_for_pickup: "Klaar om op te halen",
    cancelled: "Geannuleerd",
    refunded: "Terugbetaald",
    partially_refunded: "Gedeeltelijk terugbetaald",
    failed: "Betaling mislukt",
  },
  shipment: {
    label_created: "Verzendlabel aangemaakt",
    in_transit: "Onderweg",
    out_for_delivery: "Onderweg naar jou",
    delivered: "Bezorgd",
    attempted_delivery: "Bezorgpoging",
    delayed: "Vertraagd",
    exception: "Bezorgprobleem",
    ready_for_pickup: "Klaar om op te halen",
    picked_up: "Opgehaald",
    unknown: "Verzonden",
  },
  newChat: "Nieuw gesprek",
};

export const STRINGS: Record<Language, Strings> = { en, es, fr, de, pt, it, nl };

export function strings(lang: Language): Strings {
  return STRINGS[lang] || en;
}

/** "Order #{n}" + {n: "1003"} → "Order #1003". Unknown placeholders are left as they are. */
export function fmt(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

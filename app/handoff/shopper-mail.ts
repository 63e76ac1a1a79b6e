/**
 * The e-mail to a shopper who has left the chat, in the conversation's language (one language per
 * conversation, issue 18): the store's reply, a link back into the chat, and — when an inbound route
 * is configured (ADR 0031) — that answering the e-mail works too. The store's reply itself is sent as
 * the person wrote it.
 */
import type { Language } from "../protocol";

interface ShopperMailText {
  subject: string;
  hi: string;
  intro: string;
  replyOrContinue: string;
  continue: string;
  why: string;
}

/** {store} and {url} are filled in; everything else is plain text. */
const TEXT: Record<Language, ShopperMailText> = {
  en: {
    subject: "{store} replied to your chat",
    hi: "Hi,",
    intro: "{store} answered your question in the chat:",
    replyOrContinue: "Answer by replying to this e-mail, or continue the conversation: {url}",
    continue: "Continue the conversation: {url}",
    why: "You get this e-mail because you left your address in the chat on {store}.",
  },
  es: {
    subject: "{store} ha respondido a tu chat",
    hi: "Hola:",
    intro: "{store} ha respondido a tu pregunta en el chat:",
    replyOrContinue: "Responde a este correo o continúa la conversación: {url}",
    continue: "Continúa la conversación: {url}",
    why: "Recibes este correo porque dejaste tu dirección en el chat de {store}.",
  },
  fr: {
    subject: "{store} a répondu à votre message",
    hi: "Bonjour,",
    intro: "{store} a répondu à votre question dans le chat :",
    replyOrContinue: "Répondez à cet e-mail ou poursuivez la conversation : {url}",
    continue: "Poursuivre la conversation : {url}",
    why: "Vous recevez cet e-mail car vous avez laissé votre adresse dans le chat de {store}.",
  },
  de: {
    subject: "{store} hat auf deinen Chat geantwortet",
    hi: "Hallo,",
    intro: "{store} hat deine Frage im Chat beantwortet:",
    replyOrContinue: "Antworte einfach auf diese E-Mail oder setze das Gespräch fort: {url}",
    continue: "Gespräch fortsetzen: {url}",
    why: "Du erhältst diese E-Mail, weil du deine Adresse im Chat von {store} angegeben hast.",
  },
  pt: {
    subject: "{store} respondeu ao seu chat",
    hi: "Olá,",
    intro: "{store} respondeu à sua pergunta no chat:",
    replyOrContinue: "Responda a este email ou continue a conversa: {url}",
    continue: "Continuar a conversa: {url}",
    why: "Recebe este email porque deixou o seu endereço no chat de {store}.",
  },
  it: {
    subject: "{store} ha risposto alla tua chat",
    hi: "Ciao,",
    intro: "{store} ha risposto alla tua domanda nella chat:",
    replyOrContinue: "Rispondi a questa e-mail o continua la conversazione: {url}",
    continue: "Continua la conversazione: {url}",
    why: "Ricevi questa e-mail perché hai lasciato il tuo indirizzo nella chat di {store}.",
  },
  nl: {
    subject: "{store} heeft op je chat gereageerd",
    hi: "Hallo,",
    intro: "{store} heeft je vraag in de chat beantwoord:",
    replyOrContinue: "Beantwoord deze e-mail of ga verder met het gesprek: {url}",
    continue: "Ga verder met het gesprek: {url}",
    why: "Je ontvangt deze e-mail omdat je je adres in de chat van {store} hebt achtergelaten.",
  },
};

export const SHOPPER_MAIL_TEXT = TEXT;

const fill = (s: string, v: { store: string; url: string }) =>
  s.replace(/\{store\}/g, () => v.store).replace(/\{url\}/g, () => v.url);

/** Subject and text of the e-mail; unknown languages fall back to English. */
export function shopperReplyMail(opts: {
  language: string;
  storeName: string;
  chatUrl: string;
  reply: string;
  canReply: boolean;
}): { subject: string; text: string } {
  const t = TEXT[(opts.language in TEXT ? opts.language : "en") as Language];
  const v = { store: opts.storeName, url: opts.chatUrl };
  return {
    subject: fill(t.subject, v),
    text: [
      t.hi,
      "",
      fill(t.intro, v),
      "",
      ...opts.reply.split("\n").map((l) => `  ${l}`),
      "",
      fill(opts.canReply ? t.replyOrContinue : t.continue, v),
      "",
      fill(t.why, v),
    ].join("\n"),
  };
}

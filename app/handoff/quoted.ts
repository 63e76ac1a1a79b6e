/**
 * The new part of an e-mail reply: everything above the quoted message, the signature and the
 * "Sent from my phone" line. Mail clients quote in several ways; the markers below cover the common
 * ones in the shop languages (en, es, de, fr, it, nl, pt). When a marker is not recognised the worst
 * case is that the quote stays in the chat, never that the new text is lost: nothing above the first
 * marker is removed.
 */

/** A line that starts the quoted original ("On Tue, Dec 3, 2026, Shop <x@y> wrote:"). */
const ATTRIBUTION = [
  /^on\b.{0,300}\bwrote:?$/i,
  /^am\b.{0,300}\bschrieb\b.{0,200}:?$/i,
  /^el\b.{0,300}\bescribió:?$/i,
  /^le\b.{0,300}\ba écrit ?:?$/i,
  /^il giorno\b.{0,300}\bha scritto:?$/i,
  /^op\b.{0,300}\bschreef\b.{0,200}:?$/i,
  /^em\b.{0,300}\bescreveu:?$/i,
];
const SEPARATOR = [
  /^-{2,}\s*(original message|ursprüngliche nachricht|mensaje original|message d'origine|messaggio originale)\s*-{2,}$/i,
  /^_{10,}$/,
  /^-{5,}$/,
  /^(from|von|de|da|van):\s.+@.+/i, // Outlook's header block
];
const SENT_FROM = /^(sent from|enviado desde|von meinem|envoyé de|inviato da)\b.{0,60}$/i;

/** The reply without quoted text, signature and "sent from" lines; "" when nothing new is left. */
export function stripQuotedReply(body: string): string {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.trim();
    if (t === "--" || line === "-- ") break; // signature delimiter (RFC 3676)
    if (t.startsWith(">")) break;
    if (SEPARATOR.some((r) => r.test(t))) break;
    // attributions are often wrapped over two lines by the client
    const joined = `${t} ${(lines[i + 1] ?? "").trim()}`.trim();
    if (ATTRIBUTION.some((r) => r.test(t)) || (t && ATTRIBUTION.some((r) => r.test(joined)))) break;
    out.push(line);
  }
  while (out.length && (!out[out.length - 1].trim() || SENT_FROM.test(out[out.length - 1].trim()))) out.pop();
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

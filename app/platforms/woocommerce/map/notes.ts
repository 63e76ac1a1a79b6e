/** Woo order notes: ordering, delivery estimates written by the merchant, status-change dates, cancel reasons. */
import type { Shipment } from "../../../orders/types";
import { findDaysInText, gmtToIso, resolveDayAfter, wooDate } from "../dates";
import type { WooOrderNote } from "../types";
import { htmlToText as noteText } from "../../text";

export type CustomerNote = { at: string; text: string };

export function noteOrder(a: WooOrderNote, b: WooOrderNote): number {
  const ta = Date.parse(gmtToIso(a.date_created_gmt) ?? "") || 0;
  const tb = Date.parse(gmtToIso(b.date_created_gmt) ?? "") || 0;
  return ta - tb || (a.id ?? 0) - (b.id ?? 0);
}

/** Notes the shopper was sent, oldest first, as plain text. */
export function customerNotesOf(notes: WooOrderNote[], tz: string): CustomerNote[] {
  return notes
    .filter((n) => n.customer_note === true)
    .map((n) => ({ at: wooDate(n.date_created_gmt, n.date_created, tz) ?? "", text: noteText(n.note) }))
    .filter((n) => n.text.length > 0);
}

const DELIVERY_WORDS =
  /\b(?:deliver(?:y|ies)?|arriv(?:e|es|al)|expected|estimated|ETA|zustell\w*|liefer\w*|ankunft|ankommen|livraison)\b/i;
const PAST_DELIVERY = /\b(?:delivered|was delivered|has been delivered|zugestellt|geliefert)\b/i;
const VAGUE_DELIVERY =
  /\b(?:usually|typically|normally|in der regel|between|zwischen|business days|werktage)\b/i;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9])|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The one shipment a note speaks about: the one whose number it mentions, or the only one. */
function noteTarget(shipments: Shipment[], text: string): Shipment | null {
  const mentioned = shipments.filter(
    (s) => s.trackingNumber && text.replace(/\s+/g, "").includes(s.trackingNumber.replace(/\s+/g, "")),
  );
  const targets =
    mentioned.length === 1 ? mentioned : mentioned.length === 0 && shipments.length === 1 ? shipments : [];
  return targets.length === 1 ? targets[0] : null;
}

/** Estimated delivery dates written by the merchant in customer notes; later notes override earlier ones. */
export function applyNoteEstimates(shipments: Shipment[], notes: WooOrderNote[], tz: string): void {
  if (shipments.length === 0) return;
  for (const n of notes) {
    if (n.customer_note !== true) continue;
    const at = Date.parse(gmtToIso(n.date_created_gmt) ?? wooDate(null, n.date_created, tz) ?? "");
    if (!Number.isFinite(at)) continue;
    const text = noteText(n.note);
    const target = noteTarget(shipments, text);
    if (!target) continue;
    for (const sentence of sentences(text)) {
      if (!DELIVERY_WORDS.test(sentence) || PAST_DELIVERY.test(sentence)) continue;
      if (VAGUE_DELIVERY.test(sentence)) continue;
      const days = findDaysInText(sentence);
      if (days.length !== 1) continue;
      const iso = resolveDayAfter(days[0], at, tz, 60);
      if (iso) target.estimatedDeliveryAt = iso;
    }
  }
}

export const READY_WORDS =
  /\b(?:ready for (?:pick-?up|collection)|ready to (?:be )?(?:picked up|collect)|abholbereit|zur abholung bereit|kann abgeholt werden)\b/i;

export function readyNoteDate(customerNotes: CustomerNote[]): string | null {
  const hit = customerNotes.find((n) => READY_WORDS.test(n.text));
  return hit && hit.at ? hit.at : null;
}

export function statusChangeDate(notes: WooOrderNote[], re: RegExp, tz: string): string | null {
  for (let i = notes.length - 1; i >= 0; i--) {
    const n = notes[i];
    if (!n.customer_note && re.test(noteText(n.note))) return wooDate(n.date_created_gmt, n.date_created, tz);
  }
  return null;
}

export function cancelReasonFrom(text: string): string | null {
  if (
    /customer'?s? request|at (?:the|your) (?:customer'?s? )?request|requested by (?:the )?customer|cancelled by (?:the )?customer|kundenwunsch/i.test(
      text,
    )
  )
    return "customer";
  if (/fraud|betrug/i.test(text)) return "fraud";
  if (/out of stock|inventory|nicht (?:mehr )?lieferbar|sold out/i.test(text)) return "inventory";
  if (/declined|payment failed|abgelehnt/i.test(text)) return "declined";
  return null;
}

/**
 * Text the stores send HTML-escaped (WooCommerce names, meta values, notes, refund reasons) → plain
 * text, through one library decoder (`entities`, the WHATWG named and numeric character references;
 * docs/decisions/0015-entities-and-money.md). Strict: only references ending in ";" are decoded,
 * as WordPress always writes them, so "AT&T" or "&notice" in plain text stay as written.
 */
import { decodeHTMLStrict } from "entities";

export function decodeEntities(s: string | null | undefined): string {
  // a no-break space is shown as a plain space, like Intl's spaces in app/orders/format.ts
  return decodeHTMLStrict(String(s ?? "")).replace(/\u00a0/g, " ");
}

/** Note HTML → plain text shown to shoppers: line breaks kept, tags dropped, entities decoded. */
export function htmlToText(html: string | null | undefined): string {
  const noTags = String(html ?? "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>/gi, "\n")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(noTags)
    .replace(/[ \t]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Woo refunds (full refund objects, or the order's summary dated from "Refunded …" notes). */
import type { Money, Refund } from "../../../orders/types";
import { wooDate } from "../dates";
import type { WooOrder, WooOrderNote, WooRefund } from "../types";
import { lineOf, mapItem } from "./items";
import { decodeEntities, htmlToText as noteText } from "../../text";

type ToMoney = (v: unknown) => Money;

function fromFull(full: WooRefund[], tz: string, money: ToMoney, restocked: boolean): Refund[] {
  return full
    .map((r) => {
      const items = (r.line_items ?? [])
        .filter((li) => Math.abs(Number(li.quantity) || 0) > 0)
        .map((li) => {
          const it = lineOf(mapItem(li));
          return { ...it, quantity: Math.abs(it.quantity) };
        });
      return {
        createdAt: wooDate(r.date_created_gmt, r.date_created, tz) ?? "",
        amount: money(String(r.amount ?? "0").replace(/^-/, "")),
        note: r.reason ? decodeEntities(r.reason) : null,
        items,
        restocked,
      } satisfies Refund;
    })
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

function refundNotesOf(notes: WooOrderNote[], tz: string): { text: string; at: string | null }[] {
  return notes
    .filter(
      (n) =>
        !n.customer_note &&
        /^(?:Refunded|Erstattet|Rückerstattet)\b|refund(?:ed)? .*?(?:\d+[.,]\d{2})/i.test(noteText(n.note)),
    )
    .map((n) => ({ text: noteText(n.note), at: wooDate(n.date_created_gmt, n.date_created, tz) }));
}

function fromSummary(order: WooOrder, notes: WooOrderNote[], tz: string, money: ToMoney, restocked: boolean) {
  const refundNotes = refundNotesOf(notes, tz);
  const used = new Set<number>();
  return (order.refunds ?? [])
    .slice()
    .sort((a, b) => a.id - b.id)
    .map((r): Refund => {
      const amount = money(String(r.total ?? "0").replace(/^-/, "")).amount;
      let at: string | null = null;
      const idx = refundNotes.findIndex((n, i) => !used.has(i) && amountIn(n.text, amount));
      if (idx >= 0) {
        used.add(idx);
        at = refundNotes[idx].at;
      }
      return {
        createdAt: at ?? wooDate(order.date_modified_gmt, order.date_modified, tz) ?? "",
        amount: money(amount),
        note: r.reason ? decodeEntities(r.reason) : null,
        items: [],
        restocked,
      };
    });
}

export function mapRefunds(
  order: WooOrder,
  full: WooRefund[] | null,
  notes: WooOrderNote[],
  tz: string,
  money: ToMoney,
): Refund[] {
  const restocked = (order.line_items ?? []).some((li) =>
    (li.meta_data ?? []).some((m) => m.key === "_restock_refunded_items"),
  );
  if (full && full.length) return fromFull(full, tz, money, restocked);
  // order.refunds is a summary without dates: take dates from the gateway/core "Refunded …" notes
  return fromSummary(order, notes, tz, money, restocked);
}

/** Whether a note names the amount ("Refunded €27.90", "27,90 €", "¥1,500"; thousands separators ignored). */
function amountIn(text: string, amount: string): boolean {
  const [i, f] = amount.split(".");
  const re = new RegExp(f ? `(?<![\\d.,])${i}[.,]${f}(?!\\d)` : `(?<![\\d.,])${i}(?![\\d]|[.,]\\d)`);
  return re.test(text.replace(/(\d)[ ,.](?=\d{3}\b)/g, "$1"));
}

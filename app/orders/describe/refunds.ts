/** Sentences for refunds and cancellations. */
import type { NormalizedOrder } from "../types";
import type { Ctx } from "./context";
import { sum } from "./facts";

export const KEEP_RE =
  /no (need to )?return|no return needed|no need to send|keine rücksendung|nicht zurück|without return|no_restock/i;
export const CUSTOMER_CANCEL_RE =
  /customer'?s request|customer asked|at (the )?customer|requested by (the )?customer|auf wunsch|kundenwunsch/i;

export function refundSentences(order: NormalizedOrder, x: Ctx): string[] {
  const out: string[] = [];
  for (const r of [...order.refunds].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const amount = x.money(r.amount);
    const date = x.d(r.createdAt);
    const keep = r.restocked === false || KEEP_RE.test(r.note ?? "");
    if (r.items.length) {
      const names = r.items.map((i) => i.title);
      if (names.length === 1 && x.lang === "en") {
        // English only: "The dented Mug was refunded" (the adjective comes from the merchant's English note)
        const adj =
          /\b(?:arrived|was|came|is)\s+(dented|broken|damaged|defective|cracked|faulty|torn|scratched)\b/i.exec(
            r.note ?? "",
          );
        if (adj) names[0] = `${adj[1]!.toLowerCase()} ${names[0]}`;
      }
      out.push(x.t("refund_items", { keep, count: names.length, items: x.list(names), amount, date }));
    } else if (r.note && r.note.trim()) {
      const reason = r.note
        .split(/\s[-–]\s/)[0]!
        .replace(/\s*\([^)]*\)/g, "")
        .trim();
      out.push(x.t("refund_amount_reason", { amount, date, reason }));
    } else {
      out.push(x.t("refund_amount", { amount, date }));
    }
  }
  return out;
}

export function describeCancelled(order: NormalizedOrder, x: Ctx): string[] {
  const refunds = [...order.refunds].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const cancelAt = order.cancelledAt ?? refunds[0]?.createdAt ?? order.placedAt;
  const byCustomer =
    order.cancelReason === "customer" || refunds.some((r) => CUSTOMER_CANCEL_RE.test(r.note ?? ""));
  const refunded = sum(refunds);
  const full =
    refunds.length > 0 && (order.status === "refunded" || refunded >= Number(order.total.amount) - 0.005);
  const n = order.number;
  if (full) {
    const last = refunds[refunds.length - 1]!;
    const when =
      x.diff(last.createdAt) === x.diff(cancelAt)
        ? x.t("refund_that_day")
        : x.t("day_on", { rel: "other", date: x.d(last.createdAt) });
    return [
      x.t(byCustomer ? "cancel_customer_refund" : "cancel_refund", {
        number: n,
        date: x.d(cancelAt),
        amount: x.money(order.total),
        when,
      }),
      x.t("bank_delay"),
    ];
  }
  const out = [x.t(byCustomer ? "cancel_customer_only" : "cancel_only", { number: n, date: x.d(cancelAt) })];
  for (const r of refunds)
    out.push(x.t("cancel_partial_refund", { amount: x.money(r.amount), date: x.d(r.createdAt) }));
  return out;
}

/** Sentences for orders that are not paid: payment failed, waiting for payment, on hold. */
import type { NormalizedOrder } from "../types";
import type { Ctx } from "./context";
import { isManualPayment, methodWord } from "./facts";

/** The sentences of one part of an answer, and the next step it suggests (if any). */
export interface AnswerPart {
  sentences: string[];
  nextStep?: string;
}

function amountDue(order: NormalizedOrder, x: Ctx): string {
  return x.money(order.outstanding && Number(order.outstanding.amount) > 0 ? order.outstanding : order.total);
}

export function paymentFailed(order: NormalizedOrder, x: Ctx): AnswerPart {
  const m = methodWord(order.paymentMethod, x);
  const n = order.number;
  return {
    sentences: [
      m ? x.t("failed_method", { method: m, number: n }) : x.t("failed_generic", { number: n }),
      x.t(order.paymentUrl ? "failed_retry" : "failed_new"),
    ],
    nextStep: order.paymentUrl ? x.t("retry_link", { url: order.paymentUrl }) : undefined,
  };
}

export function pendingPayment(order: NormalizedOrder, x: Ctx): AnswerPart {
  const amount = amountDue(order, x);
  const m = methodWord(order.paymentMethod, x);
  const manual = isManualPayment(order.paymentMethod);
  const n = order.number;
  const sentence =
    m && manual
      ? x.t("pending_manual", { amount, method: m, number: n })
      : m
        ? x.t("pending_online", { number: n, method: m })
        : x.t("pending_generic", { number: n, amount });
  return {
    sentences: [sentence],
    nextStep: order.paymentUrl && !manual ? x.t("pay_link", { url: order.paymentUrl }) : undefined,
  };
}

export function onHold(order: NormalizedOrder, x: Ctx): AnswerPart {
  if (isManualPayment(order.paymentMethod))
    return { sentences: [x.t("on_hold_transfer", { amount: amountDue(order, x), number: order.number })] };
  const support = x.c.supportEmail;
  return {
    sentences: [x.t("on_hold_generic", { number: order.number })],
    nextStep: support ? x.t("next_contact", { support }) : undefined,
  };
}

/** The answer to "where is my order?" for one verified order: pick the part for its state, then tidy. */
import type { NormalizedOrder, Shipment } from "../types";
import { Ctx, tidy, type DescribeContext, type OrderDescription } from "./context";
import { carrierName, dutiesApply, effectiveStatus, latestNote, shippingShipments } from "./facts";
import { processingDays } from "./dates";
import { statusLabelKey } from "./status";
import { describeCancelled, refundSentences } from "./refunds";
import { describePickup } from "./pickup";
import { backorderSentences, describeShipments } from "./shipments";
import { onHold, paymentFailed, pendingPayment, type AnswerPart } from "./payment";

function cancelled(order: NormalizedOrder, x: Ctx): AnswerPart {
  const support = x.c.supportEmail;
  return {
    sentences: describeCancelled(order, x),
    nextStep: !order.refunds.length && support ? x.t("next_contact", { support }) : undefined,
  };
}

function notShipped(order: NormalizedOrder, x: Ctx): AnswerPart {
  const days = processingDays(x.c.policies?.shipping);
  return {
    sentences: [
      x.t("processing", { number: order.number, date: x.d(order.placedAt), total: x.money(order.total) }),
      ...(days ? [x.t("processing_policy", { days })] : []),
      ...backorderSentences(order, x, false),
    ],
  };
}

/** WooCommerce knows no delivery: a recent note from the shop with an expected date is worth quoting. */
function shopNote(order: NormalizedOrder, ships: Shipment[], x: Ctx): string[] {
  const note = latestNote(order);
  const lastShipped =
    ships
      .map((s) => s.shippedAt ?? "")
      .sort()
      .pop() ?? "";
  const quotable =
    !x.c.knowsDelivery &&
    note &&
    note.at >= lastShipped.slice(0, 10) &&
    note.text.length <= 200 &&
    /expect|erwartet|voraussichtlich|estimated|deliver(?:ed|y)? (?:on|by)/i.test(note.text);
  if (!quotable) return [];
  const store = x.c.storeName ?? x.t("the_shop");
  return [x.t("shop_note", { store, date: x.dw(note.at), note: note.text.trim() })];
}

/** Duties, refunds, discounts and the no-delivery-data note after the shipment sentences. */
function afterShipments(order: NormalizedOrder, ships: Shipment[], pending: Shipment[], x: Ctx): string[] {
  const out: string[] = [];
  const total = x.money(order.total);
  const intl = pending.find((s) => dutiesApply(order, s, x));
  if (intl) {
    const c = carrierName(intl);
    out.push(c ? x.t("duties_paid", { total, carrier: c }) : x.t("duties_generic", { total }));
  }
  if (order.status === "refunded") {
    const last = [...order.refunds].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).pop();
    if (last)
      out.push(
        x.t("refund_full", { amount: total, number: order.number, date: x.d(last.createdAt) }),
        x.t("bank_delay"),
      );
  } else if (order.refunds.length) {
    out.push(...refundSentences(order, x));
  }
  if (order.discountCodes?.length) {
    const codes = order.discountCodes.map((c) => c.toUpperCase()).join(", ");
    out.push(x.t("total_discount", { total, codes }));
  }
  if (!x.c.knowsDelivery) {
    const names = new Set(ships.map((s) => carrierName(s)));
    const only = names.size === 1 ? [...names][0] : null;
    out.push(only ? x.t("woo_no_delivery", { carrier: only }) : x.t("woo_no_delivery_generic"));
  }
  return out;
}

/** One next step for a shipped order: contact on a problem, "can't find it?" once delivered, else tracking. */
function shippedNextStep(pending: Shipment[], x: Ctx): string | undefined {
  const support = x.c.supportEmail;
  if (support && pending.some((s) => s.status === "exception")) return x.t("next_contact", { support });
  if (!x.c.knowsDelivery) return undefined;
  if (pending.length === 0) return x.t("next_missing");
  const live = pending.find((s) => s.trackingUrl && !s.trackingUrlInferred);
  if (!live) return undefined;
  const c = carrierName(live);
  return c ? x.t("next_track", { carrier: c }) : x.t("next_track_generic");
}

function shipped(order: NormalizedOrder, ships: Shipment[], x: Ctx): AnswerPart {
  const pending = ships.filter((s) => effectiveStatus(s, x.c.knowsDelivery) !== "delivered");
  return {
    sentences: [
      ...describeShipments(order, ships, x),
      ...shopNote(order, ships, x),
      ...backorderSentences(order, x, true),
      ...afterShipments(order, ships, pending, x),
    ],
    nextStep: shippedNextStep(pending, x),
  };
}

function answerPart(order: NormalizedOrder, x: Ctx): AnswerPart {
  if (order.status === "failed") return paymentFailed(order, x);
  if (order.status === "pending_payment") return pendingPayment(order, x);
  if (order.status === "on_hold" && !order.shipments.length) return onHold(order, x);
  if (order.status === "cancelled" || (order.status === "refunded" && !shippingShipments(order).length))
    return cancelled(order, x);
  if (order.deliveryMethod === "pickup") {
    const refunds =
      order.status === "partially_refunded" && order.refunds.length ? refundSentences(order, x) : [];
    return { sentences: [...describePickup(order, x).sentences, ...refunds] };
  }
  const ships = shippingShipments(order);
  return ships.length ? shipped(order, ships, x) : notShipped(order, x);
}

/** The answer to "where is my order?" for one verified order. */
export function describeOrder(order: NormalizedOrder, ctx: DescribeContext): OrderDescription {
  const x = new Ctx(ctx);
  const part = answerPart(order, x);
  return {
    text: tidy(part.sentences.join(" "), ctx.lang),
    nextStep: part.nextStep ? tidy(part.nextStep, ctx.lang) : undefined,
    statusLabel: x.t(statusLabelKey(order, x)),
  };
}

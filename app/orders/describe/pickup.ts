/** Sentences for local pickup orders: preparing, ready (where, until when), picked up. */
import type { NormalizedOrder, Shipment } from "../types";
import type { OrderPhraseKey } from "../i18n";
import type { Ctx } from "./context";
import { latestNote } from "./facts";
import { parseHoldUntil } from "./dates";

export function pickupInfo(order: NormalizedOrder, s: Shipment | undefined) {
  return s?.pickup ?? order.pickup ?? null;
}

export function instructionsText(instr: string | null | undefined): string | null {
  if (!instr || !instr.trim()) return null;
  const segs = instr
    .trim()
    .replace(/\.$/, "")
    .split(/\.\s+/)
    .map((p, i) => (i === 0 ? p : p.charAt(0).toLowerCase() + p.slice(1)));
  return segs.join("; ");
}

export function describePickup(
  order: NormalizedOrder,
  x: Ctx,
): { sentences: string[]; state: "ready" | "picked_up" | "preparing" } {
  const ps = order.shipments.find((s) => s.status === "ready_for_pickup" || s.status === "picked_up");
  const pickedUp = order.status === "delivered" || ps?.status === "picked_up";
  if (pickedUp) {
    const at = ps?.deliveredAt ?? ps?.lastEvent?.at ?? null;
    return {
      sentences: [at ? x.t("picked_up", { date: x.dw(at) }) : x.t("picked_up_plain")],
      state: "picked_up",
    };
  }
  const ready = order.status === "ready_for_pickup" || !!ps || order.status === "shipped";
  if (!ready) {
    return {
      sentences: [
        x.t("pickup_preparing", {
          number: order.number,
          date: x.d(order.placedAt),
          total: x.money(order.total),
        }),
      ],
      state: "preparing",
    };
  }
  const info = pickupInfo(order, ps);
  const note = latestNote(order);
  const noteIsPickup =
    note && /pick ?up|collect|abhol|ready|recog|retir|ritir|ophalen/i.test(note.text) ? note : null;
  const since = ps?.shippedAt ?? ps?.lastEvent?.at ?? noteIsPickup?.at ?? null;
  const location = [info?.locationName ?? x.c.storeName ?? x.t("the_store"), info?.address]
    .filter(Boolean)
    .join(", ");
  const instr = instructionsText(info?.instructions);
  const vars = { date: since ? x.dw(since) : "", location, info: instr ?? "" };
  const key: OrderPhraseKey = since
    ? instr
      ? "pickup_ready_info"
      : "pickup_ready"
    : instr
      ? "pickup_ready_nodate_info"
      : "pickup_ready_nodate";
  const out = [x.t(key, vars)];
  const hold = info?.holdUntil ?? (noteIsPickup ? parseHoldUntil(noteIsPickup.text, x.c.now) : null);
  if (hold) out.push(x.t("pickup_hold", { date: x.dw(hold) }));
  return { sentences: out, state: "ready" };
}

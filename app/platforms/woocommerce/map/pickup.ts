/** Local pickup: location details from the shipping line or the merchant's "ready for pickup" note. */
import type { NormalizedOrder, OrderItem, Shipment } from "../../../orders/types";
import { findDaysInText, resolveDayAfter, wooDate } from "../dates";
import type { WooMeta, WooOrder, WooStoreContext } from "../types";
import { lineOf, metaValue } from "./items";
import { READY_WORDS, readyNoteDate, type CustomerNote } from "./notes";
import { decodeEntities } from "../../text";

type Pickup = NonNullable<NormalizedOrder["pickup"]>;

function metaText(meta: WooMeta[], key: string): string | null {
  const v = metaValue(meta, key);
  return typeof v === "string" && v.trim() ? decodeEntities(v.trim()) : null;
}

// "… ready for pickup at our shop: Demo Woo Garden, Kastanienallee 12, 10435 Berlin (Mon-Sat 10:00-18:00)."
const READY_AT =
  /ready for (?:pick-?up|collection)\s+at\s+(?:our\s+(?:shop|store)\s*:?\s*)?([^.()\n]+?)\s*(?:\(([^)]*)\))?\s*(?:[.;]|$)/i;

function fromNote(p: Pickup, note: CustomerNote, tz: string): void {
  const m = READY_AT.exec(note.text);
  if (m && !p.locationName && !p.address) {
    const parts = m[1]
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (parts.length >= 2) {
      p.locationName = parts[0];
      p.address = parts.slice(1).join(", ");
    } else if (parts.length === 1) {
      p.address = parts[0];
    }
    if (m[2] && !p.instructions) p.instructions = m[2].trim();
  }
  const until = /\b(?:until|till|bis(?: zum)?)\b([^.\n]*)/i.exec(note.text);
  const at = Date.parse(note.at);
  if (until && Number.isFinite(at)) {
    const days = findDaysInText(until[1]);
    if (days.length >= 1) p.holdUntil = resolveDayAfter(days[0], at, tz, 60);
  }
  if (!p.instructions) p.instructions = note.text;
}

export function pickupDetails(
  lineMeta: WooMeta[],
  customerNotes: CustomerNote[],
  store: WooStoreContext,
  tz: string,
): Pickup {
  // block checkout (`pickup_location`) stores the location on the shipping line
  const p: Pickup = {
    locationName: metaText(lineMeta, "pickup_location"),
    address: metaText(lineMeta, "pickup_address"),
    instructions: metaText(lineMeta, "pickup_details"),
    holdUntil: null,
  };
  const readyNotes = customerNotes.filter(
    (n) => READY_WORDS.test(n.text) || /\bpick(?:-| )?up\b|abhol/i.test(n.text),
  );
  const note = readyNotes[readyNotes.length - 1];
  if (note) fromNote(p, note, tz);
  if (!p.locationName) p.locationName = store.name?.trim() || null;
  return p;
}

/** The "parcel" of a pickup order that is ready: no carrier, all items, the ready time as last event. */
export function pickupShipment(
  order: WooOrder,
  items: OrderItem[],
  pickup: Pickup,
  customerNotes: CustomerNote[],
  tz: string,
): Shipment {
  const readyAt =
    readyNoteDate(customerNotes) ??
    wooDate(order.date_completed_gmt, order.date_completed, tz) ??
    wooDate(order.date_modified_gmt, order.date_modified, tz);
  return {
    carrier: null,
    carrierCode: null,
    trackingNumber: null,
    trackingUrl: null,
    status: "ready_for_pickup",
    shippedAt: null,
    estimatedDeliveryAt: null,
    deliveredAt: null,
    items: items.map(lineOf),
    lastEvent: readyAt ? { at: readyAt, status: "ready_for_pickup", message: "Ready for pickup" } : null,
    pickup,
  };
}

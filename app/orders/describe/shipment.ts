/** Sentences for a single shipment: the answer's lead (delivered, out for delivery, delayed, in transit…). */
import type { NormalizedOrder, Shipment } from "../types";
import type { Ctx } from "./context";
import { carrierName, carrierTracking, city, effectiveStatus, inCustoms, via } from "./facts";
import { labelWhen, shippedDate } from "./dates";

/** How a parcel was delivered, as the `how` select of the delivered_how message. */
function deliveredHow(message: string | undefined): string | null {
  if (!message) return null;
  if (/mailbox|letterbox|letter box|briefkasten|buzón|boîte aux lettres/i.test(message)) return "mailbox";
  if (/front door|porch|doorstep|haustür/i.test(message)) return "front_door";
  if (/neighbo|nachbar/i.test(message)) return "neighbor";
  if (/pickup point|parcel ?shop|locker|packstation|filiale|access point/i.test(message))
    return "pickup_point";
  if (/signed|signature|unterschrift/i.test(message)) return "signed";
  return null;
}

function delivered(s: Shipment, x: Ctx): string {
  const ev = s.lastEvent ?? null;
  const at = s.deliveredAt ?? ev?.at ?? null;
  const details = [carrierTracking(s, x)];
  const how = deliveredHow(ev?.message);
  const c = city(ev?.location);
  if (how) details.push(x.t("delivered_how", { how, hasPlace: !!c, place: c ?? "" }));
  const det = details.filter(Boolean).join(", ");
  if (!at) return x.t("delivered_nodate", { hasDetails: !!det, details: det });
  return det
    ? x.t("delivered", { date: x.dw(at), details: det })
    : x.t("delivered_plain", { date: x.dw(at) });
}

function outForDelivery(order: NormalizedOrder, s: Shipment, x: Ctx): string {
  const at = s.lastEvent?.at ?? s.estimatedDeliveryAt ?? x.c.now.toISOString();
  const lines = s.items.length;
  const coversAll = lines > 1 && lines >= order.items.length;
  return coversAll
    ? x.t("ofd_all", { count: lines, when: x.relOrOn(at), ...via(s) })
    : x.t("ofd", { when: x.relOrOn(at), ...via(s) });
}

function attempted(s: Shipment, x: Ctx): string {
  const ev = s.lastEvent ?? null;
  const vars = {
    carrier: carrierName(s) ?? x.t("the_carrier"),
    date: ev?.at ? x.relOrOn(ev.at) : "",
    nobody: !!ev && /not available|no one|nobody|niemand|nicht angetroffen|absent|not home/i.test(ev.message),
    eta: s.estimatedDeliveryAt ? x.relOrOn(s.estimatedDeliveryAt) : "",
    tracking: s.trackingNumber ?? "",
  };
  return s.estimatedDeliveryAt && x.diff(s.estimatedDeliveryAt) >= 0
    ? x.t("attempted", vars)
    : x.t("attempted_noeta", vars);
}

function delayed(s: Shipment, x: Ctx): string {
  const ev = s.lastEvent ?? null;
  const c = city(ev?.location);
  const vars = {
    ct: carrierTracking(s, x),
    weather: !!ev && /weather|storm|snow|wetter|unwetter|météo|tiempo/i.test(ev.message),
    hasPlace: !!c,
    place: c ?? "",
    carrier: carrierName(s) ?? x.t("the_carrier"),
    eta: s.estimatedDeliveryAt ? x.dw(s.estimatedDeliveryAt) : "",
  };
  return s.estimatedDeliveryAt ? x.t("delayed", vars) : x.t("delayed_noeta", vars);
}

function labelCreated(s: Shipment, x: Ctx): string {
  const at = s.lastEvent?.at ?? s.shippedAt ?? null;
  const when = at ? labelWhen(at, x) : "";
  const carrier = carrierName(s);
  const tracking = s.trackingNumber ?? "";
  return carrier
    ? x.t("label_created", { carrier, when, tracking })
    : x.t("label_created_nocarrier", { when, tracking });
}

/** Shipped and on its way (or, for a platform without delivery data, just shipped). */
function inTransit(s: Shipment, x: Ctx): string[] {
  const knows = x.c.knowsDelivery;
  const ev = s.lastEvent ?? null;
  const carrier = carrierName(s);
  const tracking = s.trackingNumber ?? "";
  const hasEta = !!s.estimatedDeliveryAt && knows;
  const eta = hasEta ? x.relOrDate(s.estimatedDeliveryAt!) : "";
  const shipped = shippedDate(s, x, false);
  const noEta = knows && !s.estimatedDeliveryAt ? [x.t("no_eta")] : [];
  if (inCustoms(s)) {
    const c = city(ev!.location);
    const place = c ?? "";
    return [
      x.t("ship_customs", { shipped, ...via(s), hasPlace: !!c, place, date: x.d(ev!.at), hasEta, eta }),
    ];
  }
  if (s.trackingUrlInferred && s.trackingUrl && carrier && tracking)
    return [x.t("ship_inferred", { shipped, tracking, carrier, url: s.trackingUrl }), ...noEta];
  if (!knows) return [x.t("ship_plain", { shipped: shippedDate(s, x, true), ...via(s) })];
  if (s.status === "unknown" && !ev) return [x.t("ship_plain", { shipped, ...via(s) }), ...noEta];
  const scanned = !!ev && !!ev.at && ev.status !== "label_created" && !/label created/i.test(ev.message);
  const scan = scanned ? (ev!.location ? "place" : "date") : "other";
  const scanDate = scanned ? x.d(ev!.at) : "";
  const place = ev?.location ?? "";
  return [x.t("ship_transit", { shipped, ...via(s), scan, place, scanDate, hasEta, eta }), ...noEta];
}

/** Sentences for a single shipment (the answer's lead). */
export function describeShipment(order: NormalizedOrder, s: Shipment, x: Ctx): string[] {
  switch (effectiveStatus(s, x.c.knowsDelivery)) {
    case "delivered":
      return [delivered(s, x)];
    case "out_for_delivery":
      return [outForDelivery(order, s, x)];
    case "attempted_delivery":
      return [attempted(s, x)];
    case "delayed":
      return [delayed(s, x)];
    case "label_created":
      return [labelCreated(s, x)];
    case "exception":
      return [x.t("exception", { ct: carrierTracking(s, x), message: s.lastEvent?.message ?? "" })];
    default:
      return inTransit(s, x);
  }
}

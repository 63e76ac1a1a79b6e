/**
 * Merchant notification for handoff requests. The engine depends only on this interface;
 * app/chat/notify.server.ts sends it by SMTP (nodemailer).
 */
import type { HandoffRecord } from "./repository";
import type { WidgetOrder } from "../protocol";

export interface HandoffNotification {
  handoff: HandoffRecord;
  storeName: string;
  /** the merchant's address (BotSettings.handoffEmail, else the store's support email) */
  to: string;
  order: WidgetOrder | null;
}

export interface HandoffNotifier {
  notifyHandoff(n: HandoffNotification): Promise<void>;
}

/** Plain-text body of the merchant email (also used by tests and the dashboard preview). */
export function handoffEmailText(n: HandoffNotification): { subject: string; text: string } {
  const h = n.handoff;
  const subject = `[${n.storeName}] Chat handoff${h.orderNumber ? ` - order #${h.orderNumber}` : ""} (${h.reason.replace(/_/g, " ")})`;
  const lines: string[] = [
    `A shopper asked for help in the ${n.storeName} chat.`,
    "",
    `Reply to: ${h.email}`,
    `Reason: ${h.reason.replace(/_/g, " ")}`,
  ];
  if (h.orderNumber)
    lines.push(`Order: #${h.orderNumber}${n.order ? ` (${n.order.statusLabel ?? n.order.status})` : ""}`);
  if (n.order?.shipments?.length) {
    for (const s of n.order.shipments)
      lines.push(
        `  Shipment: ${s.carrier ?? "carrier unknown"} ${s.trackingNumber ?? ""} ${s.status}`.trimEnd(),
      );
  }
  lines.push("", "Message:", h.message, "", "Transcript:");
  for (const m of h.transcript.slice(-30))
    lines.push(`  ${m.role === "shopper" ? "Shopper" : "Bot"}: ${m.text}`);
  lines.push("", `Handoff id: ${h.id}`);
  return { subject, text: lines.join("\n") };
}

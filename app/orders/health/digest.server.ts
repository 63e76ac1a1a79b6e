/**
 * The optional daily "orders at risk" e-mail to the merchant (BotSettings.riskDigest): the orders the
 * health rules flagged, with reason, next step and age. At most one per store per 20 hours (recorded
 * in the activity log), nothing when no order is at risk or no address is known.
 */
import type { Db } from "../../db.server";
import type { Mailer } from "../../chat/notify.server";
import type { NextStep, RiskReason } from "./rules";

export const DIGEST_JOB = "order-risk-digest";
const MIN_GAP_MS = 20 * 3600_000;

const REASON: Record<RiskReason, string> = {
  past_eta: "past the estimated delivery",
  no_scan: "no carrier scan for days",
  carrier_exception: "carrier exception",
  failed_delivery: "delivery attempt failed",
  partial_long: "partly shipped for a long time",
  on_hold: "on hold",
};
const NEXT: Record<NextStep, string> = {
  wait: "shopper told to wait",
  contact_carrier: "shopper pointed to the carrier",
  talk_to_person: "needs a person",
};

export type DigestResult = "sent" | "off" | "no_recipient" | "nothing_at_risk" | "already_sent";

export async function sendRiskDigest(
  db: Db,
  storeId: string,
  mailer: Mailer,
  now = new Date(),
): Promise<DigestResult> {
  const store = await db.store.findUnique({ where: { id: storeId }, include: { settings: true } });
  if (!store?.settings?.riskDigest) return "off";
  const to = store.settings.handoffEmail ?? store.supportEmail;
  if (!to) return "no_recipient";
  const recent = await db.activityLog.findFirst({
    where: { storeId, action: "orders.risk_digest", createdAt: { gt: new Date(now.getTime() - MIN_GAP_MS) } },
  });
  if (recent) return "already_sent";
  const rows = await db.orderMirror.findMany({
    where: { storeId, riskReason: { not: null } },
    orderBy: { riskSince: "asc" },
    take: 100,
  });
  if (!rows.length) return "nothing_at_risk";
  const lines = rows.map((r) => {
    const next = (JSON.parse(r.riskDetail ?? "{}") as { next?: NextStep }).next ?? "talk_to_person";
    const days = Math.max(0, Math.floor((now.getTime() - (r.riskSince ?? now).getTime()) / (24 * 3600_000)));
    return `#${r.orderNumber}: ${REASON[r.riskReason as RiskReason] ?? r.riskReason} (${NEXT[next]}), for ${days} day${days === 1 ? "" : "s"}`;
  });
  await mailer.send({
    to,
    subject: `${rows.length} order${rows.length === 1 ? "" : "s"} at risk at ${store.name}`,
    text: [
      `Orders at risk at ${store.name} today:`,
      "",
      ...lines,
      "",
      "Open the TrulyBot dashboard, Orders at risk, for details.",
    ].join("\n"),
  });
  await db.activityLog.create({
    data: {
      workspaceId: store.workspaceId,
      storeId,
      actor: "system",
      action: "orders.risk_digest",
      details: JSON.stringify({ orders: rows.length }),
      createdAt: now,
    },
  });
  return "sent";
}

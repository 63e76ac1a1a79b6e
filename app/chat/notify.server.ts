/**
 * Outgoing mail over SMTP (nodemailer): handoff notices to the merchant, replies from the store to a
 * shopper who has left the chat. One transport per configuration; SMTP_URL configures it.
 */
import type { Transporter } from "nodemailer";
import { getDb } from "../db.server";
import { loadEnv } from "../env.server";
import { conversationAdminUrl } from "../dashboard/links.server";
import { replyAddress } from "../handoff/reply-address.server";
import type { HandoffNotification, HandoffNotifier } from "./notify";

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user?: string | null;
  pass?: string | null;
  from: string;
  /** for local catchers with self-signed certs */
  rejectUnauthorized?: boolean;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
}

export interface Mailer {
  send(m: MailMessage): Promise<void>;
}

/** nodemailer is loaded with the first mail, not at boot (a storefront process may never send one). */
async function smtpTransport(config: SmtpConfig): Promise<Transporter> {
  const { default: nodemailer } = await import("nodemailer");
  return nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.pass ?? "" } : undefined,
    tls: config.rejectUnauthorized === false ? { rejectUnauthorized: false } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  });
}

export function createSmtpMailer(config: SmtpConfig): Mailer {
  let transport: Promise<Transporter> | null = null;
  return {
    async send(m) {
      transport ??= smtpTransport(config);
      await (
        await transport
      ).sendMail({
        from: config.from,
        to: m.to,
        replyTo: m.replyTo,
        subject: m.subject,
        text: m.text,
      });
    },
  };
}

/** smtp://user:pass@host:587 or smtps://host:465 → SmtpConfig. */
export function smtpConfigFromUrl(url: string, from: string): SmtpConfig {
  const u = new URL(url);
  const secure = u.protocol === "smtps:";
  return {
    host: u.hostname,
    port: Number(u.port || (secure ? 465 : 587)),
    secure,
    user: u.username ? decodeURIComponent(u.username) : null,
    pass: u.password ? decodeURIComponent(u.password) : null,
    from,
  };
}

/** True when the server can send mail (SMTP_URL is set): handoffs reach someone. */
export function mailConfigured(): boolean {
  return !!loadEnv().SMTP_URL;
}

let envMailer: { url: string; mailer: Mailer } | null = null;
/** The mailer SMTP_URL configures, or null when mail is not configured. */
export function mailerFromEnv(): Mailer | null {
  const { SMTP_URL, SMTP_FROM } = loadEnv();
  if (!SMTP_URL) return null;
  if (envMailer?.url !== SMTP_URL)
    envMailer = { url: SMTP_URL, mailer: createSmtpMailer(smtpConfigFromUrl(SMTP_URL, SMTP_FROM)) };
  return envMailer.mailer;
}

const REASONS: Record<string, string> = {
  shopper_request: "asked for a person",
  cancel_order: "wants to cancel an order",
  return_refund: "asks about a return or refund",
  change_address: "wants to change an address",
  rate_limited: "could not be verified (too many attempts)",
  outage: "the store could not be reached",
  out_of_range: "order older than the bot can see",
};

/**
 * The merchant's handoff e-mail: who, why, the order, the message, a link to the conversation and the
 * last few lines of the chat. No ids, no quick-reply chips, no internal codes.
 */
export function merchantHandoffEmail(
  n: HandoffNotification,
  conversationUrl: string | null,
  repliesThreaded = false,
): { subject: string; text: string } {
  const h = n.handoff;
  const why = REASONS[h.reason] ?? "asked for help";
  const subject = `[${n.storeName}] A shopper ${why}${h.orderNumber ? ` (order #${h.orderNumber})` : ""}`;
  const lines: string[] = [`A shopper ${why} in the ${n.storeName} chat.`, ""];
  if (h.email)
    lines.push(
      `Shopper: ${h.email} (${repliesThreaded ? "reply to this e-mail to answer them in the chat" : "reply to this e-mail to answer them"})`,
    );
  if (h.orderNumber) {
    const status = n.order ? ` (${n.order.statusLabel ?? n.order.status.replace(/_/g, " ")})` : "";
    lines.push(`Order: #${h.orderNumber}${status}`);
    for (const s of n.order?.shipments ?? [])
      if (s.carrier || s.trackingNumber)
        lines.push(
          `  ${[s.carrier, s.trackingNumber].filter(Boolean).join(" ")}: ${s.status.replace(/_/g, " ")}`,
        );
  }
  if (h.message.trim()) lines.push("", "Their message:", h.message.trim());
  if (conversationUrl) lines.push("", `Answer in the chat: ${conversationUrl}`);
  // chips and form placeholders ("[quick_replies]", "[handoff]") are the widget's, not the conversation
  const chat = h.transcript
    .filter((m) => m.text && m.text.trim() && !/^\[[a-z_]+\]$/.test(m.text.trim()))
    .slice(-8);
  if (chat.length) {
    lines.push("", "The chat so far:");
    for (const m of chat)
      lines.push(`  ${m.role === "shopper" ? "Shopper" : m.role === "agent" ? "You" : "Bot"}: ${m.text}`);
  }
  return { subject, text: lines.join("\n") };
}

async function linkFor(n: HandoffNotification): Promise<string | null> {
  if (!n.handoff.conversationId) return null;
  try {
    const db = await getDb();
    const store = await db.store.findUnique({ where: { id: n.handoff.storeId } });
    return store ? conversationAdminUrl(store, n.handoff.conversationId) : null;
  } catch {
    return null;
  }
}

export function createSmtpNotifier(
  config: SmtpConfig,
  opts: { conversationUrl?: (n: HandoffNotification) => Promise<string | null> } = {},
): HandoffNotifier {
  const mailer = createSmtpMailer(config);
  const urlFor = opts.conversationUrl ?? linkFor;
  return {
    async notifyHandoff(n: HandoffNotification) {
      // with an inbound route the merchant's e-mail reply lands in the chat (ADR 0031); else it goes to the shopper
      const threaded = n.handoff.conversationId
        ? replyAddress("m", n.handoff.storeId, n.handoff.conversationId)
        : null;
      const { subject, text } = merchantHandoffEmail(n, await urlFor(n), !!threaded);
      await mailer.send({ to: n.to, replyTo: threaded ?? (n.handoff.email || undefined), subject, text });
    },
  };
}

/** Reads SMTP_HOST / SMTP_PORT / SMTP_SECURE / SMTP_USER / SMTP_PASS / SMTP_FROM; null when SMTP_HOST is unset. */
export function smtpNotifierFromEnv(
  env: Record<string, string | undefined> = process.env,
): HandoffNotifier | null {
  if (!env.SMTP_HOST) return null;
  const port = Number(env.SMTP_PORT || 587);
  return createSmtpNotifier({
    host: env.SMTP_HOST,
    port,
    secure: env.SMTP_SECURE ? env.SMTP_SECURE === "true" || env.SMTP_SECURE === "1" : port === 465,
    user: env.SMTP_USER || null,
    pass: env.SMTP_PASS || null,
    from: env.SMTP_FROM || `TrulyBot <no-reply@${env.SMTP_HOST}>`,
  });
}

/**
 * SMTP notifier for handoff requests (nodemailer). Reply-To is the shopper so the merchant can
 * answer straight from their mail client.
 */
import nodemailer from "nodemailer";
import { handoffEmailText, type HandoffNotification, type HandoffNotifier } from "./notify";

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

export function createSmtpNotifier(config: SmtpConfig): HandoffNotifier {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.pass ?? "" } : undefined,
    tls: config.rejectUnauthorized === false ? { rejectUnauthorized: false } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  });
  return {
    async notifyHandoff(n: HandoffNotification) {
      const { subject, text } = handoffEmailText(n);
      await transport.sendMail({ from: config.from, to: n.to, replyTo: n.handoff.email, subject, text });
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

/**
 * Sends one-time codes by email through SMTP_URL (the same mail path as the handoff notifier).
 * The text is short, in the shopper's language, and names neither the order's contents nor the
 * address the shopper typed.
 */
import nodemailer from "nodemailer";
import { t } from "../chat/i18n";
import { pickLanguage } from "../protocol/language";
import type { CodeMail, CodeMailer } from "./otp.server";

export function codeMailText(m: CodeMail): { subject: string; text: string } {
  const lang = pickLanguage([m.lang]);
  const vars = { store: m.storeName, n: m.orderNumber, code: m.code };
  return { subject: t(lang, "code_mail_subject", vars), text: t(lang, "code_mail_body", vars) };
}

export function createSmtpCodeMailer(smtpUrl: string, from: string): CodeMailer {
  const u = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    host: u.hostname,
    port: Number(u.port || (u.protocol === "smtps:" ? 465 : 587)),
    secure: u.protocol === "smtps:",
    auth: u.username
      ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }
      : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  });
  return {
    async sendCode(m) {
      const { subject, text } = codeMailText(m);
      await transport.sendMail({ from, to: m.to, subject, text });
    },
    async sendText(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}

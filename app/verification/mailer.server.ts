/**
 * Sends one-time codes by email through SMTP_URL (the same mail path as the handoff notifier).
 * The text is short, in the shopper's language, and names neither the order's contents nor the
 * address the shopper typed.
 */
import { t } from "../chat/i18n";
import { createSmtpMailer, smtpConfigFromUrl } from "../chat/notify.server";
import { pickLanguage } from "../protocol/language";
import type { CodeMail, CodeMailer } from "./otp.server";

export function codeMailText(m: CodeMail): { subject: string; text: string } {
  const lang = pickLanguage([m.lang]);
  const vars = { store: m.storeName, n: m.orderNumber, code: m.code };
  return { subject: t(lang, "code_mail_subject", vars), text: t(lang, "code_mail_body", vars) };
}

export function createSmtpCodeMailer(smtpUrl: string, from: string): CodeMailer {
  const mailer = createSmtpMailer(smtpConfigFromUrl(smtpUrl, from));
  return {
    async sendCode(m) {
      await mailer.send({ to: m.to, ...codeMailText(m) });
    },
    async sendText(m) {
      await mailer.send({ to: m.to, subject: m.subject, text: m.text });
    },
  };
}

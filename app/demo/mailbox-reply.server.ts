/**
 * Answering a mail from /demo/mailbox: the demo sends the reply over SMTP like a mail client would —
 * from the mail's recipient to its Reply-To, "Re:" subject, In-Reply-To, the original quoted below —
 * to the local SMTP server, whose inbound forwarder posts it to the app (app/demo/inbound-forwarder.server.ts).
 */
import nodemailer from "nodemailer";
import { loadEnv } from "../env.server";
import { demoMailDir, listMailbox } from "./mailbox.server";

export async function replyFromMailbox(file: string, text: string): Promise<string | null> {
  const mail = listMailbox(demoMailDir(), 1000).find((m) => m.file === file);
  if (!mail || !mail.replyTo) return "That e-mail cannot be answered here.";
  const body = text.replace(/\r\n/g, "\n").trim();
  if (!body) return "Write a reply first.";
  const { SMTP_URL } = loadEnv();
  if (!SMTP_URL) return "No SMTP server is configured.";
  const quoted = mail.text
    .split("\n")
    .map((l) => `> ${l}`)
    .join("\n");
  await nodemailer.createTransport(SMTP_URL).sendMail({
    from: mail.to,
    to: mail.replyTo,
    subject: /^re:/i.test(mail.subject) ? mail.subject : `Re: ${mail.subject}`,
    inReplyTo: mail.messageId || undefined,
    text: `${body}\n\nOn ${mail.date}, ${mail.from} wrote:\n${quoted}\n`,
  });
  return null;
}

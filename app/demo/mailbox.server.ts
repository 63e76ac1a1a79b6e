/**
 * The demo mailbox (CONTRACTS §3): every mail the app sends in demo mode lands in a local SMTP
 * catcher (app/demo/mail-catcher.server.ts, started by `npm run demo`) that writes one `.eml` file per
 * message and recipient into `.demo/mail/`, the recipient's address in the file name. This module
 * reads them back for `/demo/mailbox`.
 */
import fs from "node:fs";
import path from "node:path";

export interface MailboxEntry {
  file: string;
  to: string;
  from: string;
  subject: string;
  date: string;
  text: string;
  /** Reply-To, when the mail asks for replies elsewhere (a reply address of the inbound route) */
  replyTo: string;
  messageId: string;
}

/** Where the demo writes mail: TRULYBOT_DEMO_MAIL_DIR (set by the demo), else .demo/mail. */
export function demoMailDir(): string {
  return path.resolve(process.env.TRULYBOT_DEMO_MAIL_DIR || path.join(".demo", "mail"));
}

/** A file name that keeps the address readable: 20261203T093000Z-0001-merchant@example.com.eml */
export function mailFileName(at: Date, seq: number, recipient: string): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const who = recipient
    .toLowerCase()
    .replace(/[^a-z0-9@._+-]/g, "_")
    .slice(0, 120);
  return `${stamp}-${String(seq).padStart(4, "0")}-${who}.eml`;
}

function decodeWords(s: string): string {
  // whitespace between two encoded words is not part of the text (RFC 2047)
  return s
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BQbq])\?([^?]*)\?=/g, (_m, _cs, enc: string, data: string) => {
      if (enc.toUpperCase() === "B") return Buffer.from(data, "base64").toString("utf8");
      const bytes = data
        .replace(/_/g, " ")
        .replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
      return Buffer.from(bytes, "latin1").toString("utf8");
    });
}

function decodeBody(body: string, encoding: string): string {
  const e = encoding.toLowerCase();
  if (e === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (e === "quoted-printable") {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

/** Headers and the plain-text body of a simple (single part, text) message as nodemailer writes it. */
export function parseEml(raw: string): Omit<MailboxEntry, "file"> {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split).replace(/^\r?\n\r?\n/, "") : "";
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  const h = (k: string) => decodeWords(headers.get(k) ?? "");
  return {
    to: h("to"),
    from: h("from"),
    subject: h("subject"),
    date: h("date"),
    replyTo: h("reply-to"),
    messageId: h("message-id"),
    text: decodeBody(body, headers.get("content-transfer-encoding") ?? "7bit")
      .replace(/\r\n/g, "\n")
      .trim(),
  };
}

/** Newest first. */
export function listMailbox(dir = demoMailDir(), limit = 200): MailboxEntry[] {
  if (!fs.existsSync(dir)) return [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .reverse()
    .slice(0, limit);
  return files.map((file) => ({ file, ...parseEml(fs.readFileSync(path.join(dir, file), "utf8")) }));
}

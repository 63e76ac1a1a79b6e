/**
 * The demo's stand-in for a mail provider's inbound route (ADR 0031): a mail the local SMTP server
 * receives for a reply address (reply+…@INBOUND_EMAIL_DOMAIN) is posted to the app's
 * POST /api/v1/inbound/email exactly as a provider posts it — multipart form, signed with
 * INBOUND_EMAIL_SECRET. Each outcome is appended to `<mail dir>/inbound.jsonl` for /demo/mailbox.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inboundSignature } from "../handoff/inbound.server";
import { parseEml } from "./mailbox.server";

export interface InboundLogEntry {
  at: string;
  to: string;
  subject: string;
  status: number;
  result: string;
}

export const INBOUND_LOG = "inbound.jsonl";

export function inboundForwarder(opts: {
  domain: string;
  secret: string;
  mailDir: string;
  /** the app's base URL (known once it listens) */
  target: () => string;
}) {
  return (raw: Buffer, envelope: { from: string; to: string[] }) => {
    const to = envelope.to.filter((a) => a.toLowerCase().endsWith(`@${opts.domain}`));
    if (!to.length) return;
    void forward(raw, envelope.from, to, opts);
  };
}

async function forward(
  raw: Buffer,
  sender: string,
  to: string[],
  opts: { secret: string; mailDir: string; target: () => string },
) {
  const mail = parseEml(raw.toString("utf8"));
  const timestamp = String(Math.floor(Date.now() / 1000));
  const token = randomBytes(25).toString("hex");
  const form = new FormData();
  const fields: Record<string, string> = {
    recipient: to.join(","),
    sender,
    from: mail.from,
    subject: mail.subject,
    "body-plain": mail.text,
    "Message-Id": mail.messageId,
    timestamp,
    token,
    signature: inboundSignature(opts.secret, timestamp, token),
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  let status = 0;
  let result = "";
  try {
    const res = await fetch(`${opts.target()}/api/v1/inbound/email`, { method: "POST", body: form });
    status = res.status;
    const body = (await res.json().catch(() => ({}))) as { ok?: boolean; error?: { message?: string } };
    result = body.ok ? "added to the chat" : (body.error?.message ?? "refused");
  } catch (e) {
    result = (e as Error).message;
  }
  const entry: InboundLogEntry = {
    at: new Date().toISOString(),
    to: to[0],
    subject: mail.subject,
    status,
    result,
  };
  fs.appendFileSync(path.join(opts.mailDir, INBOUND_LOG), JSON.stringify(entry) + "\n");
}

/** Newest first. */
export function readInboundLog(mailDir: string, limit = 50): InboundLogEntry[] {
  const file = path.join(mailDir, INBOUND_LOG);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as InboundLogEntry)
    .reverse()
    .slice(0, limit);
}

/**
 * POST /api/v1/inbound/email (docs/contracts.md §5, ADR 0031): a mail provider's inbound route posts
 * each e-mail sent to reply+…@INBOUND_EMAIL_DOMAIN here, in the shape inbound-mail webhooks use
 * (form fields `recipient`, `sender`, `from`, `subject`, `body-plain`, `Message-Id`, and the
 * signature fields `timestamp`, `token`, `signature` = hex HMAC-SHA256(secret, timestamp + token)).
 *
 * Checks, in order: size (413), signature and clock (401), the token used once (409), a reply address
 * we made for this conversation and store (404 — forged, unknown and other-tenant look the same),
 * the sender is the person we wrote to (403), something new after stripping the quote (422).
 * A provider's retry of the same Message-Id is answered 200 without a second message.
 */
import { createHash, createHmac } from "node:crypto";
import type { Conversation, Store } from "@prisma/client";
import { getDb, type Db } from "../db.server";
import { mailerFromEnv, type Mailer } from "../chat/notify.server";
import { appendLiveMessage, mailShopperIfAway, MAX_REPLY_LENGTH } from "../dashboard/live.server";
import { conversationAdminUrl } from "../dashboard/links.server";
import { hitRateLimit } from "../security/rate-limit.server";
import { rememberNonce } from "../security/nonces.server";
import { jsonError } from "../storefront/errors.server";
import { timingSafeEqualHex } from "../utils/crypto.server";
import { readBodyWithin } from "../utils/read-body.server";
import { stripQuotedReply } from "./quoted";
import {
  inboundConfig,
  parseReplyAddress,
  replyAddress,
  replyTagValid,
  type InboundConfig,
} from "./reply-address.server";

// the server caps /api/* bodies at 64 KiB (server.mjs); the text of a reply is far smaller
export const MAX_INBOUND_BYTES = 64 * 1024;
export const INBOUND_CLOCK_SKEW_SECONDS = 300;
const MESSAGE_ID_TTL_SECONDS = 7 * 24 * 3600;

export interface InboundDeps {
  db?: Db;
  config?: InboundConfig | null;
  mailer?: Mailer | null;
  now?: Date;
}

/** The signature a provider sends: hex HMAC-SHA256(secret, timestamp + token). */
export function inboundSignature(secret: string, timestamp: string, token: string): string {
  return createHmac("sha256", secret)
    .update(timestamp + token)
    .digest("hex");
}

async function parseForm(request: Request, body: Buffer): Promise<Map<string, string> | null> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) return null;
  try {
    const form = await new Request("http://inbound.invalid/", {
      method: "POST",
      headers: { "content-type": type },
      body: new Uint8Array(body),
    }).formData();
    const out = new Map<string, string>();
    for (const [k, v] of form.entries()) if (typeof v === "string" && !out.has(k)) out.set(k, v);
    return out;
  } catch {
    return null;
  }
}

function signatureValid(f: Map<string, string>, config: InboundConfig, now: Date): string | null {
  const timestamp = f.get("timestamp") ?? "";
  const token = f.get("token") ?? "";
  const signature = (f.get("signature") ?? "").toLowerCase();
  if (!/^\d{1,12}$/.test(timestamp) || token.length < 16 || token.length > 200) return "unsigned";
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > INBOUND_CLOCK_SKEW_SECONDS) return "stale";
  return timingSafeEqualHex(inboundSignature(config.secret, timestamp, token), signature)
    ? null
    : "bad_signature";
}

const emailOf = (s: string) => (s.match(/<([^>]*)>/)?.[1] ?? s).trim().toLowerCase();

/** The address we wrote to: the shopper's handoff e-mail, or the merchant's handoff address. */
async function expectedSenders(db: Db, conv: Conversation & { store: Store }, role: "s" | "m") {
  if (role === "m") {
    const settings = await db.botSettings.findUnique({ where: { storeId: conv.storeId } });
    return [settings?.handoffEmail, conv.store.supportEmail].filter((e): e is string => !!e);
  }
  const handoffs = await db.handoffRequest.findMany({
    where: { conversationId: conv.id, email: { not: "" } },
    select: { email: true },
  });
  return handoffs.map((h) => h.email);
}

const ok = (body: Record<string, unknown>) =>
  new Response(JSON.stringify({ ok: true, ...body }), {
    status: 200,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });

/** The shopper answered by e-mail: tell the merchant, with a reply address that threads back too. */
async function tellMerchant(
  db: Db,
  conv: Conversation & { store: Store },
  text: string,
  mailer: Mailer | null,
) {
  if (!mailer) return;
  const [to] = await expectedSenders(db, conv, "m");
  if (!to) return;
  const replyTo = replyAddress("m", conv.storeId, conv.id);
  await mailer
    .send({
      to,
      ...(replyTo ? { replyTo } : {}),
      subject: `[${conv.store.name}] The shopper answered by e-mail`,
      text: [
        `The shopper answered in your ${conv.store.name} chat by e-mail:`,
        "",
        ...text.split("\n").map((l) => `  ${l}`),
        "",
        `Answer in the chat: ${conversationAdminUrl(conv.store, conv.id)}`,
        ...(replyTo ? ["(or reply to this e-mail)"] : []),
      ].join("\n"),
    })
    .catch((e) => console.error("[trulybot] inbound notice to the merchant failed", (e as Error)?.message));
}

/** The signed, first-time delivery: find the conversation, check the sender, write the message. */
async function deliver(
  db: Db,
  f: Map<string, string>,
  config: InboundConfig,
  deps: InboundDeps,
  now: Date,
): Promise<Response> {
  const addr = parseReplyAddress(f.get("recipient") ?? "", config.domain);
  const conv = addr
    ? await db.conversation.findUnique({ where: { id: addr.conversationId }, include: { store: true } })
    : null;
  if (!addr || !conv || !replyTagValid(addr, conv.storeId, config))
    return jsonError(404, "unknown_recipient", "No conversation has this reply address.");

  const sender = emailOf(f.get("sender") || f.get("from") || "");
  const allowed = (await expectedSenders(db, conv, addr.role)).map(emailOf);
  if (!sender || !allowed.includes(sender))
    return jsonError(403, "sender_mismatch", "The sender is not who this address was given to.");

  let text = stripQuotedReply(f.get("body-plain") ?? "");
  if (!text) return jsonError(422, "empty_reply", "Nothing new above the quoted message.");
  if (text.length > MAX_REPLY_LENGTH) text = `${text.slice(0, MAX_REPLY_LENGTH - 1)}…`;

  const messageId = (f.get("Message-Id") ?? f.get("message-id") ?? "").trim();
  const mailKey = messageId ? `mail:${createHash("sha256").update(messageId).digest("hex")}` : null;
  if (mailKey && !(await rememberNonce(db, conv.storeId, mailKey, MESSAGE_ID_TTL_SECONDS, now)))
    return ok({ duplicate: true, conversationId: conv.id });
  const mailer = deps.mailer === undefined ? mailerFromEnv() : deps.mailer;
  const role = addr.role === "m" ? "agent" : "shopper";
  let id: string;
  try {
    id = await appendLiveMessage({ db }, conv, text, now, role);
  } catch (e) {
    // not written: the provider's retry of this mail must not be taken for a duplicate
    if (mailKey)
      await db.nonce.deleteMany({ where: { storeId: conv.storeId, nonce: mailKey } }).catch(() => undefined);
    throw e;
  }
  if (role === "agent") await mailShopperIfAway({ db }, conv, text, { mailer }, now);
  else await tellMerchant(db, conv, text, mailer);
  return ok({ conversationId: conv.id, messageId: id, role });
}

export async function handleInboundEmail(request: Request, deps: InboundDeps = {}): Promise<Response> {
  const config = deps.config === undefined ? inboundConfig() : deps.config;
  if (!config) return jsonError(404, "not_configured", "Inbound e-mail is not configured.");
  const now = deps.now ?? new Date();
  const body = await readBodyWithin(request, MAX_INBOUND_BYTES);
  if (body === null) return jsonError(413, "too_large", `Over ${MAX_INBOUND_BYTES} bytes.`);
  const f = await parseForm(request, body);
  if (!f) return jsonError(400, "bad_form", "Expected multipart/form-data or a urlencoded form.");
  const bad = signatureValid(f, config, now);
  if (bad) return jsonError(401, bad, "Signature missing, wrong or too old.");

  const db = deps.db ?? (await getDb());
  const tokenKey = `inbound:${createHash("sha256").update(f.get("token")!).digest("hex")}`;
  const once = await hitRateLimit(db, tokenKey, 1, INBOUND_CLOCK_SKEW_SECONDS * 3, now);
  if (!once.allowed) return jsonError(409, "replayed", "This delivery was already received.");

  try {
    return await deliver(db, f, config, deps, now);
  } catch (e) {
    // a failure on our side (database briefly away) must not turn the provider's retry into a "replay"
    await db.rateLimit.deleteMany({ where: { key: tokenKey } }).catch(() => undefined);
    throw e;
  }
}

/**
 * One-time codes (step-up verification, and the proof self-service actions require).
 *
 * - 6 digits from a CSPRNG, valid 10 minutes, single use, at most 5 tries per code.
 * - Only an HMAC of the code is stored (keyed with the app key, bound to the conversation and the
 *   order), and the order number only as an HMAC too.
 * - Sending is rate limited per order and network, and per shopper (shared counters in the database).
 * - The code goes to the email ON THE ORDER, never to an address the shopper typed; whether the
 *   order exists or not, the caller answers the same ("If that order exists, a code is on its way").
 */
import crypto from "node:crypto";
import type { Db } from "../db.server";
import { hitRateLimits } from "../security/rate-limits.server";
import { keyedHash } from "../utils/crypto.server";
import { encryptionKeys } from "../stores/secrets.server";

export const CODE_TTL_MS = 10 * 60 * 1000;
export const CODE_MAX_TRIES = 5;
/** A code-verified conversation may act on the order for this long after the code was accepted. */
export const CODE_FRESH_MS = 30 * 60 * 1000;
/**
 * Code mails (docs/decisions/0026-…): per order AND network (the shopper's network prefix, or the
 * shopper when it is unknown) and per shopper. There is deliberately no store-wide total per order:
 * an attacker could use it up and the real owner would get no code (the lockout step-up replaces).
 * The nuisance to the owner is bounded instead: at most `orderNetwork.limit` mails per attacker
 * network per hour, and each one costs that network a lookup (lookup-guard: 20 / 15 min).
 */
export const SEND_LIMITS = {
  orderNetwork: { limit: 3, windowSeconds: 3600 },
  shopper: { limit: 5, windowSeconds: 3600 },
};

export interface CodeMail {
  to: string;
  storeName: string;
  orderNumber: string;
  code: string;
  lang: string;
}

export interface CodeMailer {
  sendCode(mail: CodeMail): Promise<void>;
  /** a plain message to the merchant (action notices) */
  sendText(mail: { to: string; subject: string; text: string }): Promise<void>;
}

export interface OtpDeps {
  db: Db;
  /** HMAC key material; defaults to the app's encryption key ring */
  key?: string | null;
  now?: () => Date;
}

function hmac(deps: OtpDeps, value: string, label: string): string {
  if (deps.key) return crypto.createHmac("sha256", deps.key).update(`${label}|${value}`).digest("hex");
  return keyedHash(value, encryptionKeys(), label);
}

export function orderHash(deps: OtpDeps, storeId: string, orderNumber: string): string {
  return hmac(deps, `${storeId}|${orderNumber}`, "otp-order");
}

function codeHash(deps: OtpDeps, conversationId: string, oh: string, code: string): string {
  return hmac(deps, `${conversationId}|${oh}|${code}`, "otp-code");
}

export type SendAllowance = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one send against the order-per-network and the shopper's limits (before any lookup: one
 * atomic statement for both counters).
 */
export async function reserveSend(
  deps: OtpDeps,
  storeId: string,
  orderNumber: string,
  shopperKey: string,
  networkKey?: string | null,
): Promise<SendAllowance> {
  const now = deps.now?.() ?? new Date();
  const oh = orderHash(deps, storeId, orderNumber);
  const from = networkKey ? `net:${networkKey}` : `shopper:${shopperKey}`;
  const [byOrder, byShopper] = await hitRateLimits(
    deps.db,
    [
      { key: `otp:order:${oh}:${from}`, ...SEND_LIMITS.orderNetwork },
      { key: `otp:shopper:${storeId}:${shopperKey}`, ...SEND_LIMITS.shopper },
    ],
    now,
  );
  if (byOrder!.allowed && byShopper!.allowed) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(byOrder!.retryAfterSeconds, byShopper!.retryAfterSeconds),
  };
}

export function generateCode(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
}

/** Creates a code for (conversation, order), replacing any earlier unused one. Returns the plain code. */
export async function createCode(
  deps: OtpDeps,
  input: { storeId: string; conversationId: string; orderNumber: string },
): Promise<string> {
  const now = deps.now?.() ?? new Date();
  const oh = orderHash(deps, input.storeId, input.orderNumber);
  const code = generateCode();
  await deps.db.oneTimeCode.updateMany({
    where: { conversationId: input.conversationId, orderNumberHash: oh, usedAt: null },
    data: { expiresAt: now },
  });
  await deps.db.oneTimeCode.create({
    data: {
      storeId: input.storeId,
      conversationId: input.conversationId,
      orderNumberHash: oh,
      codeHash: codeHash(deps, input.conversationId, oh, code),
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      createdAt: now,
    },
  });
  return code;
}

export type CheckResult =
  | { ok: true }
  | { ok: false; reason: "wrong"; triesLeft: number }
  | { ok: false; reason: "expired" | "no_code" | "locked" };

/**
 * Checks a code typed in the conversation. Each try is counted atomically (a conditional UPDATE), so
 * concurrent guesses cannot exceed CODE_MAX_TRIES; an accepted code is used up at once.
 */
export async function checkCode(
  deps: OtpDeps,
  input: { storeId: string; conversationId: string; orderNumber: string; code: string },
): Promise<CheckResult> {
  const now = deps.now?.() ?? new Date();
  const oh = orderHash(deps, input.storeId, input.orderNumber);
  const row = await deps.db.oneTimeCode.findFirst({
    where: { conversationId: input.conversationId, orderNumberHash: oh, usedAt: null },
    orderBy: { createdAt: "desc" },
  });
  if (!row) return { ok: false, reason: "no_code" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  const counted = await deps.db.oneTimeCode.updateMany({
    where: { id: row.id, usedAt: null, attempts: { lt: CODE_MAX_TRIES } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count === 0) return { ok: false, reason: "locked" };
  const typed = /^\d{6}$/.test(input.code) ? input.code : "";
  const expected = Buffer.from(row.codeHash, "hex");
  const actual = Buffer.from(codeHash(deps, input.conversationId, oh, typed), "hex");
  if (typed && crypto.timingSafeEqual(expected, actual)) {
    const used = await deps.db.oneTimeCode.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: now },
    });
    if (used.count === 1) return { ok: true };
    return { ok: false, reason: "expired" };
  }
  const fresh = await deps.db.oneTimeCode.findUnique({ where: { id: row.id } });
  const triesLeft = Math.max(0, CODE_MAX_TRIES - (fresh?.attempts ?? CODE_MAX_TRIES));
  return triesLeft > 0 ? { ok: false, reason: "wrong", triesLeft } : { ok: false, reason: "locked" };
}

/** When the conversation last proved the order with a code (within CODE_FRESH_MS), else null. */
export async function codeVerifiedAt(
  deps: OtpDeps,
  input: { storeId: string; conversationId: string; orderNumber: string },
): Promise<Date | null> {
  const now = deps.now?.() ?? new Date();
  const row = await deps.db.oneTimeCode.findFirst({
    where: {
      conversationId: input.conversationId,
      orderNumberHash: orderHash(deps, input.storeId, input.orderNumber),
      usedAt: { gte: new Date(now.getTime() - CODE_FRESH_MS) },
    },
    orderBy: { usedAt: "desc" },
  });
  return row?.usedAt ?? null;
}

/**
 * One-time codes (step-up verification, and the proof self-service actions require).
 *
 * - 6 digits from a CSPRNG, valid 10 minutes, single use, at most 5 tries per code.
 * - Only an HMAC of the code is stored (keyed with the app key, bound to the conversation and the
 *   order), and the order number only as an HMAC too.
 * - Sending is rate limited per order and per shopper (shared counters in the database).
 * - The code goes to the email ON THE ORDER, never to an address the shopper typed; whether the
 *   order exists or not, the caller answers the same ("If that order exists, a code is on its way").
 */
import crypto from "node:crypto";
import type { Db } from "../db.server";
import { hitRateLimit } from "../security/rate-limit.server";
import { keyedHash } from "../utils/crypto.server";
import { encryptionKeys } from "../stores/secrets.server";

export const CODE_TTL_MS = 10 * 60 * 1000;
export const CODE_MAX_TRIES = 5;
/** A code-verified conversation may act on the order for this long after the code was accepted. */
export const CODE_FRESH_MS = 30 * 60 * 1000;
export const SEND_LIMITS = {
  order: { limit: 3, windowSeconds: 3600 },
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

/** Counts one send against the order's and the shopper's limits (before any lookup: atomic). */
export async function reserveSend(
  deps: OtpDeps,
  storeId: string,
  orderNumber: string,
  shopperKey: string,
): Promise<SendAllowance> {
  const now = deps.now?.() ?? new Date();
  const oh = orderHash(deps, storeId, orderNumber);
  const byOrder = await hitRateLimit(
    deps.db,
    `otp:order:${oh}`,
    SEND_LIMITS.order.limit,
    SEND_LIMITS.order.windowSeconds,
    now,
  );
  const byShopper = await hitRateLimit(
    deps.db,
    `otp:shopper:${storeId}:${shopperKey}`,
    SEND_LIMITS.shopper.limit,
    SEND_LIMITS.shopper.windowSeconds,
    now,
  );
  if (byOrder.allowed && byShopper.allowed) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(byOrder.retryAfterSeconds, byShopper.retryAfterSeconds),
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

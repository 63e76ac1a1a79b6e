/**
 * The resume link in the "the store replied to your chat" e-mail (ADR 0033, issue 18): the storefront
 * with `?trulybot=resume.<token>`, where token = `<conversationId>.<expiry, unix seconds in base 36>.<mac>`
 * and mac = HMAC-SHA256 over store, conversation, expiry and the conversation's CURRENT token hash
 * (128 bits, hex). Nothing is stored: binding the mac to the token hash makes the link single-use,
 * because exchanging it gives the conversation a new token (the old browser's and every older link stop
 * working). The key is derived from the oldest ENCRYPTION_KEYS entry (stable across key rotation).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { encryptionKeys } from "../stores/secrets.server";
import { keyedHash } from "../utils/crypto.server";

/** How long a link works: a shopper may read the e-mail days later. */
export const RESUME_LINK_TTL_MS = 7 * 24 * 60 * 60_000;
/** The longest token accepted (a conversation id is at most 100 characters). */
export const MAX_RESUME_TOKEN = 160;
const TOKEN_RE = /^([A-Za-z0-9_-]{1,100})\.([0-9a-z]{1,10})\.([0-9a-f]{32})$/;

export interface ResumeClaim {
  conversationId: string;
  expiresAt: number;
  mac: string;
}

function macOf(storeId: string, conversationId: string, exp: string, tokenHash: string): string {
  const key = keyedHash("resume link", encryptionKeys(), "trulybot resume link v1");
  return createHmac("sha256", key)
    .update(`${storeId}\n${conversationId}\n${exp}\n${tokenHash}`)
    .digest("hex")
    .slice(0, 32);
}

/** The token for the conversation as it is now, or null when it has no browser token to bind to. */
export function resumeToken(
  conv: { id: string; storeId: string; tokenHash: string | null },
  now: Date,
): string | null {
  if (!conv.tokenHash || !/^[A-Za-z0-9_-]{1,100}$/.test(conv.id)) return null;
  const exp = Math.floor((now.getTime() + RESUME_LINK_TTL_MS) / 1000).toString(36);
  return `${conv.id}.${exp}.${macOf(conv.storeId, conv.id, exp, conv.tokenHash)}`;
}

/** The token's parts, or null when it is not shaped like one (or too long). */
export function parseResumeToken(token: string): ResumeClaim | null {
  if (token.length > MAX_RESUME_TOKEN) return null;
  const m = TOKEN_RE.exec(token);
  if (!m) return null;
  const expiresAt = parseInt(m[2], 36) * 1000;
  if (!Number.isSafeInteger(expiresAt)) return null;
  return { conversationId: m[1], expiresAt, mac: m[3] };
}

/**
 * True when the claim was minted for this store's conversation in its current token state and has
 * not expired. Constant-time comparison of the mac.
 */
export function resumeClaimValid(
  claim: ResumeClaim,
  conv: { id: string; storeId: string; tokenHash: string | null },
  storeId: string,
  now: Date,
): boolean {
  if (conv.storeId !== storeId || conv.id !== claim.conversationId || !conv.tokenHash) return false;
  if (now.getTime() >= claim.expiresAt) return false;
  const exp = Math.floor(claim.expiresAt / 1000).toString(36);
  const want = Buffer.from(macOf(storeId, conv.id, exp, conv.tokenHash), "hex");
  const got = Buffer.from(claim.mac, "hex");
  return want.length === got.length && timingSafeEqual(want, got);
}

/**
 * A conversation belongs to the browser that started it: the first response carries a random
 * conversationToken (32 bytes, base64url); only its hex SHA-256 is stored (Conversation.tokenHash).
 * A conversationId without its token never resumes the conversation (the widget protocol's rule).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function newConversationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashConversationToken(token) };
}

export function hashConversationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time check of a presented token against the stored hash; false when either is missing. */
export function conversationTokenMatches(
  tokenHash: string | null | undefined,
  token: string | null | undefined,
): boolean {
  if (!tokenHash || !token) return false;
  const a = Buffer.from(hashConversationToken(token), "hex");
  const b = Buffer.from(tokenHash, "hex");
  return a.length === b.length && a.length === 32 && timingSafeEqual(a, b);
}

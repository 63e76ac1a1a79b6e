/**
 * Per-conversation reply addresses (ADR 0031): `reply+<role><conversationId>.<tag>@INBOUND_EMAIL_DOMAIN`.
 * role `s` = the shopper (the "store replied to your chat" e-mail), `m` = the merchant (the handoff
 * notice). The tag is HMAC-SHA256 over role, store and conversation, so an address cannot be made up,
 * moved to another conversation or to another store. Lower-case hex only: mail systems may change the
 * case of a local part.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { loadEnv } from "../env.server";

export type ReplyRole = "s" | "m";
const TAG_HEX = 20; // 80 bits
const LOCAL_RE = /^reply\+([sm])([a-z0-9_-]{1,36})\.([0-9a-f]{20})$/;

export interface InboundConfig {
  domain: string;
  secret: string;
}

/** The inbound route's configuration, or null when e-mail replies are not threaded back. */
export function inboundConfig(): InboundConfig | null {
  const { INBOUND_EMAIL_DOMAIN, INBOUND_EMAIL_SECRET } = loadEnv();
  if (!INBOUND_EMAIL_DOMAIN || !INBOUND_EMAIL_SECRET) return null;
  return { domain: INBOUND_EMAIL_DOMAIN.toLowerCase(), secret: INBOUND_EMAIL_SECRET };
}

function tagOf(secret: string, role: ReplyRole, storeId: string, conversationId: string): string {
  // a key of its own, derived from the provider's signing key (domain-separated)
  const key = createHmac("sha256", secret).update("trulybot reply address v1").digest();
  return createHmac("sha256", key)
    .update(`${role}\n${storeId}\n${conversationId}`)
    .digest("hex")
    .slice(0, TAG_HEX);
}

/** The reply-to address for this conversation, or null when no inbound route is configured. */
export function replyAddress(
  role: ReplyRole,
  storeId: string,
  conversationId: string,
  config: InboundConfig | null = inboundConfig(),
): string | null {
  if (!config || !/^[a-z0-9_-]{1,36}$/.test(conversationId)) return null;
  return `reply+${role}${conversationId}.${tagOf(config.secret, role, storeId, conversationId)}@${config.domain}`;
}

export interface ParsedReplyAddress {
  role: ReplyRole;
  conversationId: string;
  tag: string;
}

/** The first address of `recipients` (comma separated) that is a reply address of our domain. */
export function parseReplyAddress(recipients: string, domain: string): ParsedReplyAddress | null {
  for (const raw of recipients.split(",")) {
    const addr = (raw.match(/<([^>]*)>/)?.[1] ?? raw).trim().toLowerCase();
    const at = addr.lastIndexOf("@");
    if (at < 0 || addr.slice(at + 1) !== domain.toLowerCase()) continue;
    const m = LOCAL_RE.exec(addr.slice(0, at));
    if (m) return { role: m[1] as ReplyRole, conversationId: m[2], tag: m[3] };
  }
  return null;
}

/** Constant-time check that the tag was made by us for this role, store and conversation. */
export function replyTagValid(p: ParsedReplyAddress, storeId: string, config: InboundConfig): boolean {
  const want = Buffer.from(tagOf(config.secret, p.role, storeId, p.conversationId), "utf8");
  const got = Buffer.from(p.tag, "utf8");
  return want.length === got.length && timingSafeEqual(want, got);
}

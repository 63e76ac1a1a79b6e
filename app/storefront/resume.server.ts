/**
 * GET {base}/messages?resume=<token> (CONTRACTS §1, ADR 0033): the widget on any device exchanges the
 * e-mail's resume link for the conversation's history and a NEW conversationToken bound to this
 * browser. The request is verified by the route (app proxy or plugin signature) like the poll.
 *
 * - The token must be this store's, unexpired and minted for the conversation's current token
 *   (app/storefront/resume-link.server.ts); forged, expired, another store's, an unknown conversation
 *   and a link already used are one answer: 404 `link_invalid`. Malformed or oversized: 400 `bad_resume`.
 * - The exchange is a compare-and-set on the token hash: of two browsers racing, one wins.
 * - The conversation moves to this browser: the old browser's token stops working, its customer binding
 *   becomes this request's (a logged-in customer elsewhere is not carried over); a pending flow,
 *   proposal or handoff form goes. The last verified order (already shown in the history) stays for
 *   follow-up questions, but its contact becomes the address the link was e-mailed to: a handoff goes
 *   to that inbox, and an action or another lookup is checked against the store with it (so a link
 *   mailed to another address than the order's verifies nothing). Another order asks for the contact.
 */
import type { Store } from "@prisma/client";
import { getDb } from "../db.server";
import type { WidgetMessage } from "../protocol";
import { hitRateLimit } from "../security/rate-limit.server";
import { newConversationToken } from "../chat/conversation-token";
import { loadState } from "../chat/dialogue/state";
import { toWidgetMessage } from "../dashboard/shopper-poll.server";
import { jsonError } from "./errors.server";
import { parseResumeToken, resumeClaimValid } from "./resume-link.server";

export const RESUME_LIMIT = { limit: 10, windowSeconds: 600 };
export const MAX_RESUME_MESSAGES = 200;

const invalid = () =>
  jsonError(404, "link_invalid", "This link has expired or was already used. Start a new chat.");

/** The dialogue state for the new browser (ADR 0033): no open form or flow; see the file's comment. */
function stateForNewBrowser(raw: string, mailedTo: string | null): string {
  const s = loadState(safeJson(raw));
  return JSON.stringify({
    ...s,
    awaiting: null,
    flow: null,
    handoff: null,
    offer: null,
    lastVerified: s.lastVerified ? { ...s.lastVerified, email: mailedTo } : null,
    proposal: null,
    clarify: null,
  });
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** The latest messages of the conversation, oldest first. */
async function history(db: Awaited<ReturnType<typeof getDb>>, conversationId: string) {
  const rows = await db.message.findMany({
    where: { conversationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_RESUME_MESSAGES,
    select: { id: true, role: true, type: true, text: true, payload: true },
  });
  return rows
    .reverse()
    .map(toWidgetMessage)
    .filter((m): m is WidgetMessage => m !== null);
}

export async function exchangeResumeLink(
  store: Store,
  url: URL,
  shopper: { key: string; customerId: string | null },
  now: Date = new Date(),
): Promise<Response> {
  const raw = url.searchParams.get("resume") ?? "";
  const claim = parseResumeToken(raw);
  if (!claim) return jsonError(400, "bad_resume", "resume must be a link's token.");

  const db = await getDb();
  const rl = await hitRateLimit(
    db,
    `resume:${store.id}:${shopper.key}`,
    RESUME_LIMIT.limit,
    RESUME_LIMIT.windowSeconds,
    now,
  );
  if (!rl.allowed)
    return jsonError(429, "rate_limited", "Too many attempts. Please wait a moment.", {
      "Retry-After": String(rl.retryAfterSeconds),
    });

  const conv = await db.conversation.findUnique({ where: { id: claim.conversationId } });
  if (!conv || !resumeClaimValid(claim, conv, store.id, now)) return invalid();

  // the address the reply e-mail (and so this link) went to: mailShopperIfAway's choice
  const mailedTo = await db.handoffRequest.findFirst({
    where: { conversationId: conv.id, email: { not: "" } },
    orderBy: { createdAt: "desc" },
    select: { email: true },
  });
  const { token, tokenHash } = newConversationToken();
  const moved = await db.conversation.updateMany({
    where: { id: conv.id, storeId: store.id, tokenHash: conv.tokenHash },
    data: {
      tokenHash,
      customerId: shopper.customerId,
      shopperKey: shopper.key,
      shopperSeenAt: now,
      state: stateForNewBrowser(conv.state, mailedTo?.email ?? null),
      revision: { increment: 1 },
    },
  });
  if (moved.count !== 1) return invalid();

  const body = {
    conversationId: conv.id,
    conversationToken: token,
    messages: await history(db, conv.id),
    awaiting: null,
    language: conv.language,
    takenOver: conv.takenOverAt !== null,
  };
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    },
  });
}

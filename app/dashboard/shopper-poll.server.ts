/**
 * GET {base}/messages?conversationId=…&conversationToken=…&after=… (CONTRACTS §1) for both platforms:
 * the messages of a conversation newer than message id `after`, so the widget receives what a person
 * from the store wrote (role "agent"). The request is verified by the route (app proxy signature or
 * plugin signature); here the conversation must belong to that store AND the token must match the
 * stored hash — otherwise 404, the same answer as for a conversation that does not exist.
 * Every poll records `shopperSeenAt`: a shopper who stops polling has left the chat.
 */
import type { Store } from "@prisma/client";
import { getDb } from "../db.server";
import type { Awaiting, WidgetMessage } from "../protocol";
import { hitRateLimit } from "../security/rate-limit.server";
import { jsonError } from "../storefront/errors.server";
import { conversationTokenMatches } from "../chat/conversation-token";

export const POLL_LIMIT = { limit: 120, windowSeconds: 60 };
export const MAX_POLL_MESSAGES = 200;
const ID_RE = /^[A-Za-z0-9_-]{1,100}$/;
const TOKEN_RE = /^[A-Za-z0-9_-]{16,200}$/;

const notFound = () => jsonError(404, "not_found", "No such conversation.");

type Row = { id: string; role: string; type: string; text: string | null; payload: string | null };

/** The widget shape stored with the message; a plain text message when there is none. */
export function toWidgetMessage(m: Row): WidgetMessage | null {
  if (m.payload) {
    try {
      const p = JSON.parse(m.payload) as WidgetMessage;
      if (p && typeof p === "object" && typeof p.type === "string")
        return { ...p, id: m.id } as WidgetMessage;
    } catch {
      // fall through to the text
    }
  }
  if (!m.text) return null;
  const role = m.role === "agent" || m.role === "shopper" ? m.role : "bot";
  return { id: m.id, role, type: "text", text: m.text };
}

function awaitingOf(state: string): Awaiting {
  try {
    const a = (JSON.parse(state) as { awaiting?: unknown }).awaiting;
    return a === "order_number" || a === "email_or_phone" || a === "handoff_details" ? a : null;
  } catch {
    return null;
  }
}

export async function pollMessages(
  store: Store,
  url: URL,
  shopperKey: string,
  now: Date = new Date(),
): Promise<Response> {
  const p = url.searchParams;
  const conversationId = p.get("conversationId") ?? "";
  const token = p.get("conversationToken") ?? "";
  const after = p.get("after");
  if (!ID_RE.test(conversationId) || !TOKEN_RE.test(token)) return notFound();
  if (after !== null && after !== "" && !ID_RE.test(after))
    return jsonError(400, "bad_after", "after must be a message id.");

  const db = await getDb();
  const rl = await hitRateLimit(
    db,
    `poll:${store.id}:${shopperKey}`,
    POLL_LIMIT.limit,
    POLL_LIMIT.windowSeconds,
    now,
  );
  if (!rl.allowed)
    return jsonError(429, "rate_limited", "Checking for new messages too often.", {
      "Retry-After": String(rl.retryAfterSeconds),
    });

  const conv = await db.conversation.findUnique({ where: { id: conversationId } });
  if (!conv || conv.storeId !== store.id || !conversationTokenMatches(conv.tokenHash, token))
    return notFound();
  await db.conversation.updateMany({ where: { id: conv.id }, data: { shopperSeenAt: now } });

  const anchor = after
    ? await db.message.findFirst({
        where: { id: after, conversationId: conv.id },
        select: { id: true, createdAt: true },
      })
    : null;
  const rows = await db.message.findMany({
    where: {
      conversationId: conv.id,
      ...(anchor
        ? {
            OR: [
              { createdAt: { gt: anchor.createdAt } },
              { createdAt: anchor.createdAt, id: { gt: anchor.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_POLL_MESSAGES,
    select: { id: true, role: true, type: true, text: true, payload: true },
  });
  const body = {
    conversationId: conv.id,
    messages: rows.map(toWidgetMessage).filter((m): m is WidgetMessage => m !== null),
    awaiting: awaitingOf(conv.state),
    takenOver: conv.takenOverAt !== null,
  };
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * Live handoff, the merchant's side: take a conversation over (the bot stays quiet while
 * `takenOverAt` is set), reply as a person (`role: "agent"` messages the widget fetches with
 * GET {base}/messages), hand it back to the bot. A shopper who has left (no poll for
 * SHOPPER_AWAY_MS) and gave an e-mail address gets one e-mail per absence with the reply and a
 * link back to the chat.
 */
import { randomUUID } from "node:crypto";
import type { Conversation, Store } from "@prisma/client";
import { mailerFromEnv, type Mailer } from "../chat/notify.server";
import type { WidgetMessage } from "../protocol";
import { formString, type DashboardCtx } from "./context.server";
import { storefrontChatUrl } from "./links.server";
import { replyAddress } from "../handoff/reply-address.server";
import { resumeToken } from "../storefront/resume-link.server";
import { shopperReplyMail } from "../handoff/shopper-mail";
import type { ActionResult } from "./types";

export const SHOPPER_AWAY_MS = 2 * 60_000;
export const MAX_REPLY_LENGTH = 2000;

export interface LiveDeps {
  mailer?: Mailer | null;
  now?: Date;
}

type LiveResult = ActionResult & { status: number };

async function findConversation(ctx: DashboardCtx, id: string) {
  return ctx.db.conversation.findFirst({
    where: { id, store: { workspaceId: ctx.workspaceId } },
    include: { store: true },
  });
}

/** The shopper has not polled for a while (or never did): they are not looking at the chat. */
export function shopperAway(c: Pick<Conversation, "shopperSeenAt">, now: Date): boolean {
  return !c.shopperSeenAt || now.getTime() - c.shopperSeenAt.getTime() > SHOPPER_AWAY_MS;
}

/**
 * The e-mail to a shopper who left, in the conversation's language (app/handoff/shopper-mail.ts); its
 * link resumes the conversation on any device when `resume` (a resume token, ADR 0033) is given.
 */
export function shopperReplyEmail(
  store: Pick<Store, "name" | "platform" | "domain" | "url">,
  reply: string,
  canReply = false,
  language = "en",
  resume: string | null = null,
) {
  return shopperReplyMail({
    language,
    storeName: store.name,
    chatUrl: storefrontChatUrl(store, resume),
    reply,
    canReply,
  });
}

export async function mailShopperIfAway(
  ctx: Pick<DashboardCtx, "db">,
  conv: Conversation & { store: Store },
  reply: string,
  deps: LiveDeps,
  now: Date,
): Promise<"sent" | "not_needed" | "failed"> {
  if (!shopperAway(conv, now)) return "not_needed";
  // one e-mail per absence: not again until the shopper has been back
  if (conv.shopperMailedAt && (!conv.shopperSeenAt || conv.shopperMailedAt > conv.shopperSeenAt))
    return "not_needed";
  const handoff = await ctx.db.handoffRequest.findFirst({
    where: { conversationId: conv.id, email: { not: "" } },
    orderBy: { createdAt: "desc" },
  });
  const mailer = deps.mailer === undefined ? mailerFromEnv() : deps.mailer;
  if (!handoff || !mailer) return "not_needed";
  try {
    const replyTo = replyAddress("s", conv.storeId, conv.id);
    await mailer.send({
      to: handoff.email,
      ...(replyTo ? { replyTo } : {}),
      ...shopperReplyEmail(conv.store, reply, !!replyTo, conv.language, resumeToken(conv, now)),
    });
  } catch (e) {
    console.error("[trulybot] reply e-mail to the shopper failed", (e as Error)?.message ?? e);
    return "failed";
  }
  await ctx.db.conversation.update({ where: { id: conv.id }, data: { shopperMailedAt: now } });
  return "sent";
}

/** A message from a person (`agent`, the dashboard or an e-mail reply) or from the shopper by e-mail. */
export async function appendLiveMessage(
  ctx: Pick<DashboardCtx, "db">,
  conv: Conversation,
  text: string,
  now: Date,
  role: "agent" | "shopper" = "agent",
): Promise<string> {
  const last = await ctx.db.message.findFirst({
    where: { conversationId: conv.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true },
  });
  // strictly after the last message, so (createdAt, id) ordering and `after=` polling see it as newer
  const at = last && last.createdAt >= now ? new Date(last.createdAt.getTime() + 1) : now;
  const id = randomUUID();
  const payload: WidgetMessage = { id, role, type: "text", text };
  await ctx.db.$transaction([
    ctx.db.message.create({
      data: {
        id,
        conversationId: conv.id,
        role,
        type: "text",
        text,
        payload: JSON.stringify(payload),
        createdAt: at,
      },
    }),
    ctx.db.conversation.update({
      where: { id: conv.id },
      data: {
        messageCount: { increment: 1 },
        lastMessageAt: at,
        // a person writing takes the conversation over; the shopper writing by e-mail does not
        ...(role === "agent" ? { takenOverAt: conv.takenOverAt ?? now } : {}),
      },
    }),
  ]);
  return id;
}

async function reply(
  ctx: DashboardCtx,
  conv: Conversation & { store: Store },
  form: FormData,
  deps: LiveDeps,
) {
  const text = formString(form, "text").replace(/\r\n/g, "\n").trim();
  if (!text) return { ok: false, status: 400, errors: { text: "Write a reply first" } };
  if (text.length > MAX_REPLY_LENGTH)
    return { ok: false, status: 400, errors: { text: `Keep it under ${MAX_REPLY_LENGTH} characters` } };
  const now = deps.now ?? new Date();
  await appendLiveMessage(ctx, conv, text, now);
  const mailed = await mailShopperIfAway(ctx, conv, text, deps, now);
  const message =
    mailed === "sent"
      ? "Reply sent. The shopper has left the chat, so we e-mailed it to them too."
      : mailed === "failed"
        ? "Reply sent, but the e-mail to the shopper failed. They see it when they open the chat."
        : "Reply sent";
  return { ok: mailed !== "failed", status: 200, message };
}

/** POST on the conversation page: intent = take_over | hand_back | reply (text). */
export async function liveAction(
  ctx: DashboardCtx,
  conversationId: string,
  form: FormData,
  deps: LiveDeps = {},
): Promise<LiveResult> {
  const intent = formString(form, "intent");
  const conv = await findConversation(ctx, conversationId);
  if (!conv) return { ok: false, status: 404, message: "That conversation no longer exists." };
  const now = deps.now ?? new Date();
  if (intent === "take_over") {
    await ctx.db.conversation.update({
      where: { id: conv.id },
      data: { takenOverAt: conv.takenOverAt ?? now },
    });
    return {
      ok: true,
      status: 200,
      message: "You're in the chat. The bot stays quiet until you hand it back.",
    };
  }
  if (intent === "hand_back") {
    await ctx.db.conversation.update({ where: { id: conv.id }, data: { takenOverAt: null } });
    return { ok: true, status: 200, message: "Handed back to the bot" };
  }
  if (intent === "reply") return reply(ctx, conv, form, deps);
  return { ok: false, status: 400, message: "Unknown action." };
}

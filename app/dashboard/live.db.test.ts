/**
 * Live handoff end to end on a real database: the merchant takes over and replies from the dashboard,
 * the shopper's widget receives the reply through the signed storefront GET (Shopify app proxy and
 * the WooCommerce plugin path), a shopper who has left gets one e-mail (real local SMTP server).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../db.server";
import { ctxFor, formOf, seedConversation, seedWorkspace } from "../../test/support/dashboard";
import { LIVE_SHOP, useLiveStorefront, type LiveWorld } from "../../test/support/live-storefront";
import { createSmtpMailer } from "../chat/notify.server";
import { listMailbox } from "../demo/mailbox.server";
import { sha256Hex } from "../utils/crypto.server";
import { liveAction, SHOPPER_AWAY_MS } from "./live.server";

let db: Db;
let shopStore: LiveWorld["shopStore"];
let woo: LiveWorld["woo"];
const live = useLiveStorefront("trulybot-mail-", (w) => ({ db, shopStore, woo } = w));

/** A conversation as the engine leaves it: a token hash, a handoff with the shopper's e-mail. */
async function liveConversation(storeId: string, email = "alice@example.com") {
  const conv = await seedConversation(db, storeId, { createdAt: new Date(Date.now() - 60_000) });
  const token = crypto.randomBytes(32).toString("base64url");
  await db.conversation.update({ where: { id: conv.id }, data: { tokenHash: sha256Hex(token) } });
  await db.handoffRequest.create({
    data: {
      storeId,
      conversationId: conv.id,
      email,
      message: "Can someone help?",
      reason: "shopper_request",
    },
  });
  const last = await db.message.findFirst({
    where: { conversationId: conv.id },
    orderBy: { createdAt: "desc" },
  });
  return { id: conv.id, token, lastMessageId: last!.id };
}

describe("take over, reply, hand back (merchant side)", () => {
  it("a reply is stored as an agent message, sets takenOverAt, and the shopper's Shopify widget receives it", async () => {
    const c = await liveConversation(shopStore.id);
    const ctx = ctxFor(db, shopStore);
    const took = await liveAction(ctx, c.id, formOf({ intent: "take_over" }), { mailer: null });
    expect(took).toMatchObject({ ok: true, status: 200 });
    expect((await db.conversation.findUnique({ where: { id: c.id } }))!.takenOverAt).not.toBeNull();

    const sent = await liveAction(
      ctx,
      c.id,
      formOf({ intent: "reply", text: "Hi Alice, it ships Friday." }),
      {
        mailer: null,
      },
    );
    expect(sent).toMatchObject({ ok: true, message: "Reply sent" });

    const poll = await live.shopifyGet({
      conversationId: c.id,
      conversationToken: c.token,
      after: c.lastMessageId,
    });
    expect(poll.status).toBe(200);
    expect(poll.body.conversationId).toBe(c.id);
    expect(poll.body.takenOver).toBe(true);
    expect(poll.body.messages).toEqual([
      expect.objectContaining({ role: "agent", type: "text", text: "Hi Alice, it ships Friday." }),
    ]);
    // nothing newer than the agent's message
    const again = await live.shopifyGet({
      conversationId: c.id,
      conversationToken: c.token,
      after: poll.body.messages![0].id,
    });
    expect(again.body.messages).toEqual([]);
    // without `after`: the whole conversation, in order
    const all = await live.shopifyGet({ conversationId: c.id, conversationToken: c.token });
    expect(all.body.messages!.map((m) => m.role)).toEqual(["shopper", "bot", "agent"]);

    const back = await liveAction(ctx, c.id, formOf({ intent: "hand_back" }), { mailer: null });
    expect(back.message).toBe("Handed back to the bot");
    expect((await db.conversation.findUnique({ where: { id: c.id } }))!.takenOverAt).toBeNull();
    const after = await live.shopifyGet({ conversationId: c.id, conversationToken: c.token });
    expect(after.body.takenOver).toBe(false);
  });

  it("refuses an empty or over-long reply, an unknown intent and another workspace's conversation", async () => {
    const c = await liveConversation(shopStore.id);
    const ctx = ctxFor(db, shopStore);
    expect(
      await liveAction(ctx, c.id, formOf({ intent: "reply", text: "   " }), { mailer: null }),
    ).toMatchObject({
      status: 400,
      errors: { text: "Write a reply first" },
    });
    const long = await liveAction(ctx, c.id, formOf({ intent: "reply", text: "x".repeat(2001) }), {
      mailer: null,
    });
    expect(long.errors?.text).toMatch(/under 2000 characters/);
    expect((await liveAction(ctx, c.id, formOf({ intent: "delete" }))).status).toBe(400);
    const { store: other } = await seedWorkspace(db, { name: "Someone else" });
    const foreign = await liveAction(ctxFor(db, other), c.id, formOf({ intent: "take_over" }));
    expect(foreign).toMatchObject({ ok: false, status: 404 });
    expect((await db.conversation.findUnique({ where: { id: c.id } }))!.takenOverAt).toBeNull();
    expect(await db.message.count({ where: { conversationId: c.id, role: "agent" } })).toBe(0);
  });
});

describe("GET {base}/messages is only for the browser that holds the token", () => {
  it("Shopify: wrong, missing or another conversation's token, and another store's conversation → 404", async () => {
    const c = await liveConversation(shopStore.id);
    const other = await liveConversation(shopStore.id);
    const wooConv = await liveConversation(woo.store.id);
    for (const q of [
      { conversationId: c.id, conversationToken: "x".repeat(43) },
      { conversationId: c.id },
      { conversationId: c.id, conversationToken: other.token },
      { conversationId: wooConv.id, conversationToken: wooConv.token },
      { conversationId: "does-not-exist", conversationToken: c.token },
      { conversationToken: c.token },
    ]) {
      const r = await live.shopifyGet(q as Record<string, string>);
      expect(r.status, JSON.stringify(q)).toBe(404);
      expect(r.body.error?.code).toBe("not_found");
    }
    // a conversation the engine made before tokens existed has no hash: never readable
    await db.conversation.update({ where: { id: other.id }, data: { tokenHash: null } });
    expect((await live.shopifyGet({ conversationId: other.id, conversationToken: other.token })).status).toBe(
      404,
    );
  });

  it("Shopify: a bad signature is 401, a malformed `after` is 400, an unknown `after` returns everything", async () => {
    const c = await liveConversation(shopStore.id);
    const bad = await live.shopifyGet({ conversationId: c.id, conversationToken: c.token }, { tamper: true });
    expect(bad.status).toBe(401);
    const malformed = await live.shopifyGet({
      conversationId: c.id,
      conversationToken: c.token,
      after: "<script>",
    });
    expect(malformed.status).toBe(400);
    const unknown = await live.shopifyGet({
      conversationId: c.id,
      conversationToken: c.token,
      after: "gone",
    });
    expect(unknown.body.messages).toHaveLength(2);
  });

  it("WooCommerce: the plugin-signed GET (path with query as sent) returns the agent's reply; a changed query or secret is 401", async () => {
    const c = await liveConversation(woo.store.id);
    await liveAction(
      ctxFor(db, woo.store),
      c.id,
      formOf({ intent: "reply", text: "Hallo! Wir schauen nach." }),
      {
        mailer: null,
      },
    );
    const q = { conversationId: c.id, conversationToken: c.token, after: c.lastMessageId };
    const ok = await live.wooGet(q);
    expect(ok.status).toBe(200);
    expect(ok.body.messages).toEqual([
      expect.objectContaining({ role: "agent", text: "Hallo! Wir schauen nach." }),
    ]);
    // the query sent differs from the one signed (another conversation id slipped in)
    const forged = await live.wooGet(q, {
      sentQuery: new URLSearchParams({ ...q, conversationId: "x" }).toString(),
    });
    expect(forged.status).toBe(401);
    expect((await live.wooGet(q, { secret: "f".repeat(64) })).status).toBe(401);
    // the Shopify store's conversation through the Woo path → 404
    const shopConv = await liveConversation(shopStore.id);
    expect(
      (await live.wooGet({ conversationId: shopConv.id, conversationToken: shopConv.token })).status,
    ).toBe(404);
  });
});

describe("a shopper who has left gets the reply by e-mail", () => {
  let sentBefore = 0;
  beforeEach(() => {
    sentBefore = fs.readdirSync(live.mailDir).length;
  });

  it("no poll for 2 minutes → one e-mail with the reply and a link back; not again until they were back", async () => {
    const c = await liveConversation(shopStore.id, "marcus@example.net");
    const ctx = ctxFor(db, shopStore);
    const t0 = new Date();
    await db.conversation.update({
      where: { id: c.id },
      data: { shopperSeenAt: new Date(t0.getTime() - SHOPPER_AWAY_MS - 1000) },
    });
    const r = await liveAction(ctx, c.id, formOf({ intent: "reply", text: "Your parcel left today." }), {
      mailer: live.smtpMailer(),
      now: t0,
    });
    expect(r.message).toMatch(/e-mailed it to them too/);
    const files = await live.catcher.waitFor(sentBefore + 1);
    expect(files.at(-1)).toContain("marcus@example.net");
    const mail = listMailbox(live.mailDir).find((m) => m.to.includes("marcus@example.net"))!;
    expect(mail.subject).toBe("Demo Outfitters replied to your chat");
    expect(mail.text).toContain("Your parcel left today.");
    // the link resumes this conversation on any device (ADR 0033)
    expect(mail.text).toMatch(
      new RegExp(`https://${LIVE_SHOP}/\\?trulybot=resume\\.${c.id}\\.[0-9a-z]+\\.[0-9a-f]{32}(\\s|$)`),
    );

    // a second reply while they are still away: no second e-mail
    const r2 = await liveAction(ctx, c.id, formOf({ intent: "reply", text: "And it is insured." }), {
      mailer: live.smtpMailer(),
      now: new Date(t0.getTime() + 1000),
    });
    expect(r2.message).toBe("Reply sent");
    expect(fs.readdirSync(live.mailDir).length).toBe(sentBefore + 1);
  });

  it("a shopper who is polling (the chat is open) gets no e-mail", async () => {
    const c = await liveConversation(shopStore.id, "present@example.net");
    await live.shopifyGet({ conversationId: c.id, conversationToken: c.token });
    const r = await liveAction(ctxFor(db, shopStore), c.id, formOf({ intent: "reply", text: "Hi!" }), {
      mailer: live.smtpMailer(),
    });
    expect(r.message).toBe("Reply sent");
    expect(fs.readdirSync(live.mailDir).some((f) => f.includes("present@example.net"))).toBe(false);
  });

  it("a failing mail server does not lose the reply", async () => {
    const c = await liveConversation(shopStore.id, "nomail@example.net");
    const broken = createSmtpMailer({ host: "127.0.0.1", port: 1, secure: false, from: "x@demo.test" });
    const r = await liveAction(
      ctxFor(db, shopStore),
      c.id,
      formOf({ intent: "reply", text: "Still here." }),
      {
        mailer: broken,
      },
    );
    expect(r).toMatchObject({ ok: false, status: 200 });
    expect(r.message).toMatch(/e-mail to the shopper failed/);
    expect(await db.message.count({ where: { conversationId: c.id, role: "agent" } })).toBe(1);
  });
});

/**
 * Live handoff end to end on a real database: the merchant takes over and replies from the dashboard,
 * the shopper's widget receives the reply through the signed storefront GET (Shopify app proxy and
 * the WooCommerce plugin path), a shopper who has left gets one e-mail (real local SMTP server).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDb, type Db } from "../db.server";
import { createTestDb } from "../../test/helpers/db";
import { appProxyRequest, seedShopifyShop, seedWooStore } from "../../test/helpers/seed";
import { ctxFor, formOf, seedConversation, seedWorkspace } from "../../test/support/dashboard";
import { signedHeaders } from "../platforms/woocommerce/signature.server";
import { createSmtpMailer } from "../chat/notify.server";
import { startMailCatcher, type MailCatcher } from "../demo/mail-catcher.server";
import { listMailbox } from "../demo/mailbox.server";
import { sha256Hex } from "../utils/crypto.server";
import { liveAction, SHOPPER_AWAY_MS } from "./live.server";
import type { WidgetMessage } from "../protocol";

const SHOP = "demo-outfitters.myshopify.com";
const SECRET = process.env.SHOPIFY_API_SECRET!;
let db: Db;
let cleanup: () => Promise<void>;
let catcher: MailCatcher;
let mailDir: string;
let shopStore: Awaited<ReturnType<typeof seedShopifyShop>>;
let woo: Awaited<ReturnType<typeof seedWooStore>>;
let proxyMessages: typeof import("../routes/proxy.messages");
let wooMessages: typeof import("../routes/api.v1.woo.storefront.messages");

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  setDb(db);
  shopStore = await seedShopifyShop(db, SHOP, "shpat_test");
  woo = await seedWooStore(db, { url: "http://woo.test", consumerKey: "ck_x", consumerSecret: "cs_x" });
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-mail-"));
  catcher = await startMailCatcher({ dir: mailDir });
  proxyMessages = await import("../routes/proxy.messages");
  wooMessages = await import("../routes/api.v1.woo.storefront.messages");
});
afterAll(async () => {
  await catcher?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
  await cleanup?.();
});

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

const shopifyPoll = async (query: Record<string, string>, opts: { tamper?: boolean; shop?: string } = {}) => {
  const req = appProxyRequest("messages", { shop: opts.shop ?? SHOP, secret: SECRET, tamper: opts.tamper });
  const url = new URL(req.url);
  // the widget's query goes next to Shopify's signed parameters (Shopify signs all of them)
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const { signAppProxy } = await import("../platforms/shopify/proxy-signature");
  url.searchParams.delete("signature");
  url.searchParams.set("signature", signAppProxy(url.searchParams, SECRET));
  if (opts.tamper) url.searchParams.set("conversationId", "tampered");
  const res = (await proxyMessages.loader({
    request: new Request(url, { headers: req.headers }),
    params: {},
    context: {},
  })) as Response;
  return { status: res.status, body: await res.json() };
};

const wooPoll = async (query: Record<string, string>, opts: { secret?: string; sentQuery?: string } = {}) => {
  const qs = new URLSearchParams(query).toString();
  const signedPath = `/api/v1/woo/storefront/messages?${qs}`;
  const headers = signedHeaders(woo.store.id, opts.secret ?? woo.secret, {
    method: "GET",
    pathWithQuery: signedPath,
    shopper: "a".repeat(64),
  });
  const sent = opts.sentQuery ?? qs;
  const res = (await wooMessages.loader({
    request: new Request(`https://trulybot.test/api/v1/woo/storefront/messages?${sent}`, { headers }),
    params: {},
    context: {},
  })) as Response;
  return { status: res.status, body: await res.json() };
};

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

    const poll = await shopifyPoll({
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
    const again = await shopifyPoll({
      conversationId: c.id,
      conversationToken: c.token,
      after: poll.body.messages[0].id,
    });
    expect(again.body.messages).toEqual([]);
    // without `after`: the whole conversation, in order
    const all = await shopifyPoll({ conversationId: c.id, conversationToken: c.token });
    expect(all.body.messages.map((m: WidgetMessage) => m.role)).toEqual(["shopper", "bot", "agent"]);

    const back = await liveAction(ctx, c.id, formOf({ intent: "hand_back" }), { mailer: null });
    expect(back.message).toBe("Handed back to the bot");
    expect((await db.conversation.findUnique({ where: { id: c.id } }))!.takenOverAt).toBeNull();
    const after = await shopifyPoll({ conversationId: c.id, conversationToken: c.token });
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
      const r = await shopifyPoll(q as Record<string, string>);
      expect(r.status, JSON.stringify(q)).toBe(404);
      expect(r.body.error.code).toBe("not_found");
    }
    // a conversation the engine made before tokens existed has no hash: never readable
    await db.conversation.update({ where: { id: other.id }, data: { tokenHash: null } });
    expect((await shopifyPoll({ conversationId: other.id, conversationToken: other.token })).status).toBe(
      404,
    );
  });

  it("Shopify: a bad signature is 401, a malformed `after` is 400, an unknown `after` returns everything", async () => {
    const c = await liveConversation(shopStore.id);
    const bad = await shopifyPoll({ conversationId: c.id, conversationToken: c.token }, { tamper: true });
    expect(bad.status).toBe(401);
    const malformed = await shopifyPoll({
      conversationId: c.id,
      conversationToken: c.token,
      after: "<script>",
    });
    expect(malformed.status).toBe(400);
    const unknown = await shopifyPoll({ conversationId: c.id, conversationToken: c.token, after: "gone" });
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
    const ok = await wooPoll(q);
    expect(ok.status).toBe(200);
    expect(ok.body.messages).toEqual([
      expect.objectContaining({ role: "agent", text: "Hallo! Wir schauen nach." }),
    ]);
    // the query sent differs from the one signed (another conversation id slipped in)
    const forged = await wooPoll(q, {
      sentQuery: new URLSearchParams({ ...q, conversationId: "x" }).toString(),
    });
    expect(forged.status).toBe(401);
    expect((await wooPoll(q, { secret: "f".repeat(64) })).status).toBe(401);
    // the Shopify store's conversation through the Woo path → 404
    const shopConv = await liveConversation(shopStore.id);
    expect((await wooPoll({ conversationId: shopConv.id, conversationToken: shopConv.token })).status).toBe(
      404,
    );
  });
});

describe("a shopper who has left gets the reply by e-mail", () => {
  let sentBefore = 0;
  beforeEach(() => {
    sentBefore = fs.readdirSync(mailDir).length;
  });
  const mailer = () =>
    createSmtpMailer({ host: "127.0.0.1", port: catcher.port, secure: false, from: "Demo <bot@demo.test>" });

  it("no poll for 2 minutes → one e-mail with the reply and a link back; not again until they were back", async () => {
    const c = await liveConversation(shopStore.id, "marcus@example.net");
    const ctx = ctxFor(db, shopStore);
    const t0 = new Date();
    await db.conversation.update({
      where: { id: c.id },
      data: { shopperSeenAt: new Date(t0.getTime() - SHOPPER_AWAY_MS - 1000) },
    });
    const r = await liveAction(ctx, c.id, formOf({ intent: "reply", text: "Your parcel left today." }), {
      mailer: mailer(),
      now: t0,
    });
    expect(r.message).toMatch(/e-mailed it to them too/);
    const files = await catcher.waitFor(sentBefore + 1);
    expect(files.at(-1)).toContain("marcus@example.net");
    const mail = listMailbox(mailDir).find((m) => m.to.includes("marcus@example.net"))!;
    expect(mail.subject).toBe("Demo Outfitters replied to your chat");
    expect(mail.text).toContain("Your parcel left today.");
    // the link resumes this conversation on any device (ADR 0033)
    expect(mail.text).toMatch(
      new RegExp(`https://${SHOP}/\\?trulybot=resume\\.${c.id}\\.[0-9a-z]+\\.[0-9a-f]{32}(\\s|$)`),
    );

    // a second reply while they are still away: no second e-mail
    const r2 = await liveAction(ctx, c.id, formOf({ intent: "reply", text: "And it is insured." }), {
      mailer: mailer(),
      now: new Date(t0.getTime() + 1000),
    });
    expect(r2.message).toBe("Reply sent");
    expect(fs.readdirSync(mailDir).length).toBe(sentBefore + 1);
  });

  it("a shopper who is polling (the chat is open) gets no e-mail", async () => {
    const c = await liveConversation(shopStore.id, "present@example.net");
    await shopifyPoll({ conversationId: c.id, conversationToken: c.token });
    const r = await liveAction(ctxFor(db, shopStore), c.id, formOf({ intent: "reply", text: "Hi!" }), {
      mailer: mailer(),
    });
    expect(r.message).toBe("Reply sent");
    expect(fs.readdirSync(mailDir).some((f) => f.includes("present@example.net"))).toBe(false);
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

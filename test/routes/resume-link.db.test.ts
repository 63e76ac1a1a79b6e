/**
 * The e-mail's resume link (ADR 0033) through the real storefront routes on a real database: the link
 * comes out of a real e-mail (local SMTP server), is exchanged through the signed Shopify app proxy and
 * the plugin-signed WooCommerce path for the history and a new token; the old browser's token, a second
 * use, a forged, expired, another store's, malformed or oversized link are refused; the exchange
 * drops the first browser's verification, and a turn with the new token continues the conversation.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../app/db.server";
import { appProxyRequest } from "../helpers/seed";
import { ctxFor, formOf, seedConversation } from "../support/dashboard";
import { LIVE_SHOP, useLiveStorefront, type LiveWorld, type MessagesBody } from "../support/live-storefront";
import { listMailbox } from "../../app/demo/mailbox.server";
import { sha256Hex } from "../../app/utils/crypto.server";
import { liveAction, SHOPPER_AWAY_MS } from "../../app/dashboard/live.server";
import { RESUME_LIMIT } from "../../app/storefront/resume.server";
import { RESUME_LINK_TTL_MS, resumeToken } from "../../app/storefront/resume-link.server";

const SHOP = LIVE_SHOP;
const SECRET = process.env.SHOPIFY_API_SECRET!;
let db: Db;
let shopStore: LiveWorld["shopStore"];
let woo: LiveWorld["woo"];
const live = useLiveStorefront("trulybot-resume-mail-", (w) => ({ db, shopStore, woo } = w));
/** each test is a different shopper (the Shopify shopper key comes from the client address) */
let ip = "198.51.100.1";
beforeEach(() => {
  ip = `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
});

/** A conversation the engine left: a browser token, a handoff with the shopper's address, a verified order. */
async function awayConversation(storeId: string, email: string, verifiedWith: string | null = email) {
  const conv = await seedConversation(db, storeId, { createdAt: new Date(Date.now() - 10 * 60_000) });
  const token = crypto.randomBytes(32).toString("base64url");
  const state = {
    v: 1,
    language: "en",
    awaiting: null,
    flow: null,
    handoff: null,
    offer: null,
    lastVerified: { number: "1003", order: { number: "1003" }, email: verifiedWith },
  };
  await db.conversation.update({
    where: { id: conv.id },
    data: {
      tokenHash: sha256Hex(token),
      customerId: "first-browser-customer",
      state: JSON.stringify(state),
      shopperSeenAt: new Date(Date.now() - SHOPPER_AWAY_MS - 60_000),
    },
  });
  await db.handoffRequest.create({
    data: { storeId, conversationId: conv.id, email, message: "Call me", reason: "shopper_request" },
  });
  return { id: conv.id, token };
}

/** The merchant replies from the dashboard; the shopper is away: the link out of the real e-mail. */
async function replyAndReadLink(store: typeof shopStore | typeof woo.store, convId: string, email: string) {
  const before = fs.readdirSync(live.mailDir).length;
  const r = await liveAction(
    ctxFor(db, store),
    convId,
    formOf({ intent: "reply", text: "We tried to call" }),
    { mailer: live.smtpMailer() },
  );
  expect(r.message).toMatch(/e-mailed it to them too/);
  await live.catcher.waitFor(before + 1);
  const mail = listMailbox(live.mailDir).find((m) => m.to.includes(email))!;
  const m = mail.text.match(/\?trulybot=resume\.([A-Za-z0-9._-]+)/);
  expect(m, mail.text).not.toBeNull();
  return m![1];
}

/** The Shopify storefront's GET as this test's shopper (its own client address) sends it. */
function shopifyGet(query: Record<string, string>, customerId = "") {
  return live.shopifyGet(query, { customerId, headers: { "x-forwarded-for": ip, "user-agent": "phone" } });
}

async function shopifyPost(body: object): Promise<{ status: number; body: MessagesBody }> {
  const req = appProxyRequest("messages", {
    shop: SHOP,
    secret: SECRET,
    method: "POST",
    body: JSON.stringify(body),
    headers: { "x-forwarded-for": ip, "user-agent": "phone" },
  });
  const res = (await live.proxyMessages.action({ request: req, params: {}, context: {} })) as Response;
  return { status: res.status, body: (await res.json()) as MessagesBody };
}

function wooGet(query: Record<string, string>, shopper = "b".repeat(64)) {
  return live.wooGet(query, { shopper });
}

describe("Shopify: the e-mail's link brings the shopper back on another device", () => {
  it("exchanges once for the history and a new token; the old token and a second use are refused", async () => {
    const c = await awayConversation(shopStore.id, "phone@example.net");
    const link = await replyAndReadLink(shopStore, c.id, "phone@example.net");

    const got = await shopifyGet({ resume: link });
    expect(got.status).toBe(200);
    expect(got.body.conversationId).toBe(c.id);
    expect(got.body.conversationToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(got.body.conversationToken).not.toBe(c.token);
    expect(got.body.awaiting).toBeNull();
    // the earlier messages (with the order card the conversation already showed) and the reply
    const texts = got.body.messages!.map((m) => `${m.role}:${m.type}:${m.text ?? ""}`);
    expect(texts[0]).toMatch(/^shopper:text:where is order 1003/);
    expect(texts).toContain("bot:order:Order #1003 is on its way.");
    expect(texts.at(-1)).toBe("agent:text:We tried to call");

    // the new browser polls with its own token; the old browser's token no longer opens it
    const newToken = got.body.conversationToken!;
    expect((await shopifyGet({ conversationId: c.id, conversationToken: newToken })).status).toBe(200);
    expect((await shopifyGet({ conversationId: c.id, conversationToken: c.token })).status).toBe(404);

    // the same link again (a forwarded e-mail, a second device): refused, nothing revealed
    const again = await shopifyGet({ resume: link });
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ error: { code: "link_invalid", message: expect.any(String) } });
    expect(JSON.stringify(again.body)).not.toMatch(/1003|We tried/);

    // the order verified with the address the link went to stays; the customer binding is this request's
    const conv = await db.conversation.findUnique({ where: { id: c.id } });
    expect(JSON.parse(conv!.state).lastVerified).toMatchObject({
      number: "1003",
      email: "phone@example.net",
    });
    expect(conv!.customerId).toBeNull();

    // a turn with the new token continues the SAME conversation
    const turn = await shopifyPost({ conversationId: c.id, conversationToken: newToken, text: "thanks!" });
    expect(turn.status).toBe(200);
    expect(turn.body.conversationId).toBe(c.id);
    expect(turn.body.conversationToken).toBeUndefined();
  });

  it("verified with another address than the link went to: the order's contact becomes the inbox's", async () => {
    const c = await awayConversation(shopStore.id, "typed-later@example.net", null);
    await db.conversation.update({
      where: { id: c.id },
      data: {
        state: JSON.stringify({
          ...JSON.parse((await db.conversation.findUnique({ where: { id: c.id } }))!.state),
          flow: {
            intent: "order_status",
            orderNumber: "1001",
            email: null,
            phone: "+15551234567",
            request: null,
            reminded: false,
          },
          awaiting: "email_or_phone",
        }),
      },
    });
    const link = await replyAndReadLink(shopStore, c.id, "typed-later@example.net");
    expect((await shopifyGet({ resume: link })).status).toBe(200);
    const conv = await db.conversation.findUnique({ where: { id: c.id } });
    expect(JSON.parse(conv!.state)).toMatchObject({
      lastVerified: { number: "1003", email: "typed-later@example.net" },
      flow: null,
      handoff: null,
      awaiting: null,
    });
  });

  it("another order's question after resuming asks for the contact again (nothing beyond what was shown)", async () => {
    const c = await awayConversation(shopStore.id, "reask@example.net");
    const link = await replyAndReadLink(shopStore, c.id, "reask@example.net");
    const got = await shopifyGet({ resume: link });
    // the merchant hands the conversation back to the bot, which answers again
    await liveAction(ctxFor(db, shopStore), c.id, formOf({ intent: "hand_back" }), { mailer: null });
    const turn = await shopifyPost({
      conversationId: c.id,
      conversationToken: got.body.conversationToken,
      text: "where is my order #1001?",
    });
    expect(turn.body.conversationId).toBe(c.id);
    expect(turn.body.messages!.some((m) => m.type === "order")).toBe(false);
    expect(turn.body.awaiting).toBe("email_or_phone");
  });

  it("two devices racing with one link: exactly one gets the conversation", async () => {
    const c = await awayConversation(shopStore.id, "race@example.net");
    const link = await replyAndReadLink(shopStore, c.id, "race@example.net");
    const [a, b] = await Promise.all([shopifyGet({ resume: link }), shopifyGet({ resume: link }, "77")]);
    expect([a.status, b.status].sort()).toEqual([200, 404]);
  });
});

describe("hostile links", () => {
  it("forged, expired, another store's, an unknown conversation: one 404 answer", async () => {
    const c = await awayConversation(shopStore.id, "hostile@example.net");
    const conv = (await db.conversation.findUnique({ where: { id: c.id } }))!;
    const good = resumeToken(conv, new Date())!;
    const [id, exp, mac] = good.split(".");
    const flip = (mac[0] === "0" ? "1" : "0") + mac.slice(1);
    const later = (parseInt(exp, 36) + 3600).toString(36);
    const expired = resumeToken(conv, new Date(Date.now() - RESUME_LINK_TTL_MS - 1000))!;
    const cases = {
      forgedMac: `${id}.${exp}.${flip}`,
      extendedExpiry: `${id}.${later}.${mac}`,
      expired,
      otherConversation: `${"x".repeat(10)}.${exp}.${mac}`,
      // minted for this conversation under the Woo store: not this store's
      otherStore: resumeToken({ ...conv, storeId: woo.store.id }, new Date())!,
    };
    for (const [name, token] of Object.entries(cases)) {
      const r = await shopifyGet({ resume: token });
      expect({ name, status: r.status, code: r.body.error?.code }).toEqual({
        name,
        status: 404,
        code: "link_invalid",
      });
    }
    // the Shopify link presented on the WooCommerce store
    const onWoo = await wooGet({ resume: good });
    expect(onWoo).toMatchObject({ status: 404, body: { error: { code: "link_invalid" } } });
    // none of them moved the conversation: the original link and the old token still work
    expect((await shopifyGet({ conversationId: c.id, conversationToken: c.token })).status).toBe(200);
    expect((await shopifyGet({ resume: good })).status).toBe(200);
  });

  it("malformed and oversized tokens: 400 in the protocol's error shape", async () => {
    const bad = [
      "",
      "abc",
      "a.b.c",
      "<script>.1.0123456789abcdef0123456789abcdef",
      `id.${"z".repeat(11)}.0123456789abcdef0123456789abcdef`,
      `${"a".repeat(100)}.zzzzzzzzzz.0123456789abcdef0123456789abcdef${"0".repeat(200)}`,
      `${"a".repeat(5000)}`,
      "id.1.0123456789ABCDEF0123456789ABCDEF",
    ];
    for (const token of bad) {
      const r = await shopifyGet({ resume: token });
      expect({ token: token.slice(0, 40), status: r.status, code: r.body.error?.code }).toEqual({
        token: token.slice(0, 40),
        status: 400,
        code: "bad_resume",
      });
    }
  });

  it("guessing is rate limited per shopper (429 with Retry-After)", async () => {
    const shopper = "c".repeat(64);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof wooGet>> | null = null;
    for (let i = 0; i <= RESUME_LIMIT.limit; i++) {
      last = await wooGet({ resume: `guess${i}.1.${"0".repeat(32)}` }, shopper);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array(RESUME_LIMIT.limit).fill(404), 429]);
    expect(Number(last!.retryAfter)).toBeGreaterThan(0);
    expect(last!.body.error?.code).toBe("rate_limited");
  });

  it("an unsigned request is refused before the link is looked at", async () => {
    const url = new URL("https://trulybot.test/proxy/messages");
    url.searchParams.set("shop", SHOP);
    url.searchParams.set("resume", "x.1.0123456789abcdef0123456789abcdef");
    const res = (await live.proxyMessages.loader({
      request: new Request(url),
      params: {},
      context: {},
    })) as Response;
    expect(res.status).toBe(401);
  });
});

describe("WooCommerce: the plugin-signed path", () => {
  it("exchanges a Woo conversation's link once; the same link again is refused", async () => {
    const c = await awayConversation(woo.store.id, "woo-phone@example.net");
    const link = await replyAndReadLink(woo.store, c.id, "woo-phone@example.net");
    const got = await wooGet({ resume: link });
    expect(got.status).toBe(200);
    expect(got.body.conversationId).toBe(c.id);
    expect(got.body.messages!.at(-1)).toMatchObject({ role: "agent", text: "We tried to call" });
    expect(
      (await wooGet({ conversationId: c.id, conversationToken: got.body.conversationToken! })).status,
    ).toBe(200);
    expect((await wooGet({ resume: link })).status).toBe(404);
    // a Woo link on the Shopify store
    const c2 = await awayConversation(woo.store.id, "woo-two@example.net");
    const conv2 = (await db.conversation.findUnique({ where: { id: c2.id } }))!;
    expect((await shopifyGet({ resume: resumeToken(conv2, new Date())! })).status).toBe(404);
  });
});

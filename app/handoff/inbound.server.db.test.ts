/**
 * E-mail replies threaded back into the conversation (ADR 0031), on a real database with a real local
 * SMTP server: the app mails the shopper a reply with a per-conversation Reply-To; the shopper's answer
 * (as a mail provider posts it) lands in the chat, quote stripped; the merchant's answer to the handoff
 * notice lands as a person's message. Hostile: unsigned, forged, stale, replayed, another tenant's
 * conversation, someone else's mailbox, oversized, only a quote.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../db.server";
import { resetEnvForTests } from "../env.server";
import { createTestDb } from "../../test/helpers/db";
import { ctxFor, formOf, seedConversation, seedWorkspace } from "../../test/support/dashboard";
import { createSmtpMailer, type Mailer } from "../chat/notify.server";
import { startMailCatcher, type MailCatcher } from "../demo/mail-catcher.server";
import { listMailbox } from "../demo/mailbox.server";
import { liveAction } from "../dashboard/live.server";
import { handleInboundEmail, inboundSignature, MAX_INBOUND_BYTES } from "./inbound.server";
import { replyAddress } from "./reply-address.server";

const DOMAIN = "reply.trulybot.test";
const SECRET = "inbound-signing-key-for-tests-0123456789";
let db: Db;
let cleanup: () => Promise<void>;
let catcher: MailCatcher;
let mailDir: string;
let mailer: Mailer;
let a: Awaited<ReturnType<typeof seedWorkspace>>;
let b: Awaited<ReturnType<typeof seedWorkspace>>;

beforeAll(async () => {
  process.env.INBOUND_EMAIL_DOMAIN = DOMAIN;
  process.env.INBOUND_EMAIL_SECRET = SECRET;
  resetEnvForTests();
  ({ db, cleanup } = await createTestDb());
  setDb(db);
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-inbound-"));
  catcher = await startMailCatcher({ dir: mailDir });
  mailer = createSmtpMailer({ host: "127.0.0.1", port: catcher.port, secure: false, from: "shop@x.test" });
  a = await seedWorkspace(db, { platform: "woocommerce", name: "Garden A" });
  b = await seedWorkspace(db, { platform: "woocommerce", name: "Garden B" });
  await db.botSettings.update({ where: { storeId: a.store.id }, data: { handoffEmail: "owner@a.test" } });
  await db.botSettings.update({ where: { storeId: b.store.id }, data: { handoffEmail: "owner@b.test" } });
});
afterAll(async () => {
  delete process.env.INBOUND_EMAIL_DOMAIN;
  delete process.env.INBOUND_EMAIL_SECRET;
  resetEnvForTests();
  await catcher?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
  await cleanup?.();
});

async function handedOff(storeId: string, email = "shopper@example.com", language = "en") {
  const conv = await seedConversation(db, storeId, { createdAt: new Date(Date.now() - 600_000), language });
  await db.handoffRequest.create({
    data: { storeId, conversationId: conv.id, email, message: "Where is it?", reason: "shopper_request" },
  });
  return conv;
}

/** A delivery as an inbound-mail provider posts it (multipart form, signed). */
function delivery(
  fields: Record<string, string>,
  opts: { timestamp?: number; token?: string; secret?: string; sign?: boolean } = {},
) {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const token = opts.token ?? crypto.randomBytes(25).toString("hex");
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (opts.sign !== false) {
    form.append("timestamp", timestamp);
    form.append("token", token);
    form.append("signature", inboundSignature(opts.secret ?? SECRET, timestamp, token));
  }
  return wire(form);
}

/** The form as bytes on the wire (multipart with its boundary), as the server receives it. */
async function wire(form: FormData): Promise<Request> {
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  return new Request("https://trulybot.test/api/v1/inbound/email", {
    method: "POST",
    headers: { "content-type": encoded.headers.get("content-type")! },
    body,
  });
}

const post = async (req: Request | Promise<Request>) => {
  const res = await handleInboundEmail(await req, { mailer });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { error?: { code: string } },
  };
};

const messages = (conversationId: string) =>
  db.message.findMany({ where: { conversationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

const mailTo = (address: string) => listMailbox(mailDir).filter((m) => m.to.includes(address));

describe("a shopper answers the store's e-mail", () => {
  it("the reply-to address of the e-mail threads the answer into the chat, quote stripped, merchant told", async () => {
    const conv = await handedOff(a.store.id, "ana@example.com");
    const before = (await catcher.waitFor(0)).length;
    const r = await liveAction(
      ctxFor(db, a.store),
      conv.id,
      formOf({ intent: "reply", text: "It left today." }),
      {
        mailer,
      },
    );
    expect(r.message).toMatch(/e-mailed it to them/);
    await catcher.waitFor(before + 1);
    const [mail] = mailTo("ana@example.com");
    expect(mail.replyTo).toBe(replyAddress("s", a.store.id, conv.id));
    expect(mail.replyTo).toMatch(new RegExp(`^reply\\+s${conv.id}\\.[0-9a-f]{20}@${DOMAIN}$`));
    expect(mail.text).toMatch(/Answer by replying to this e-mail/);

    const sent = catcher.waitFor(before + 2);
    const body = [
      "Great, thank you! Can you leave it at the back door?",
      "",
      "Sent from my iPhone",
      "",
      `On Thu, Dec 3, 2026 at 10:00 AM Garden A <shop@x.test> wrote:`,
      "> Garden A answered your question in the chat:",
      ">   It left today.",
    ].join("\r\n");
    const res = await post(
      delivery({
        recipient: mail.replyTo,
        sender: "Ana@Example.com",
        from: "Ana <ana@example.com>",
        subject: `Re: ${mail.subject}`,
        "body-plain": body,
        "Message-Id": "<m1@example.com>",
      }),
    );
    expect(res).toMatchObject({ status: 200, body: { ok: true, conversationId: conv.id, role: "shopper" } });
    const last = (await messages(conv.id)).at(-1)!;
    expect(last).toMatchObject({
      role: "shopper",
      text: "Great, thank you! Can you leave it at the back door?",
    });
    expect(JSON.parse(last.payload!)).toMatchObject({ role: "shopper", type: "text" });
    await sent;
    const [notice] = mailTo("owner@a.test");
    expect(notice.subject).toBe("[Garden A] The shopper answered by e-mail");
    expect(notice.text).toContain("Can you leave it at the back door?");
    expect(notice.replyTo).toBe(replyAddress("m", a.store.id, conv.id));
  });

  it("a Spanish conversation's shopper gets the e-mail in Spanish, with the reply address", async () => {
    const conv = await handedOff(a.store.id, "lucia@example.com", "es");
    const before = (await catcher.waitFor(0)).length;
    await liveAction(ctxFor(db, a.store), conv.id, formOf({ intent: "reply", text: "¡Hola! Sale hoy." }), {
      mailer,
    });
    await catcher.waitFor(before + 1);
    const [mail] = mailTo("lucia@example.com");
    expect(mail.subject).toBe("Garden A ha respondido a tu chat");
    expect(mail.text).toContain("Responde a este correo o continúa la conversación:");
    expect(mail.text).not.toMatch(/answered your question|Continue the conversation/);
    expect(mail.replyTo).toBe(replyAddress("s", a.store.id, conv.id));
  });

  it("the merchant answering the notice by e-mail writes as a person in the chat and the shopper is mailed", async () => {
    const conv = await handedOff(a.store.id, "ben@example.com");
    const before = (await catcher.waitFor(0)).length;
    const res = await post(
      delivery({
        recipient: `"Chat" <${replyAddress("m", a.store.id, conv.id)}>`,
        sender: "owner@a.test",
        "body-plain": "Hi Ben, your parcel is at the depot.\n\n-- \nGarden A team\nwww.garden-a.test",
      }),
    );
    expect(res).toMatchObject({ status: 200, body: { role: "agent" } });
    const c = await db.conversation.findUniqueOrThrow({ where: { id: conv.id } });
    expect(c.takenOverAt).not.toBeNull();
    expect((await messages(conv.id)).at(-1)).toMatchObject({
      role: "agent",
      text: "Hi Ben, your parcel is at the depot.",
    });
    await catcher.waitFor(before + 1);
    expect(mailTo("ben@example.com")[0].text).toContain("your parcel is at the depot");
  });

  it("a long answer is cut at the reply limit, and markup stays text", async () => {
    const conv = await handedOff(a.store.id, "dee@example.com");
    const res = await post(
      delivery({
        recipient: replyAddress("s", a.store.id, conv.id)!,
        sender: "dee@example.com",
        "body-plain": `<script>alert(1)</script> ${"a".repeat(5000)}`,
      }),
    );
    expect(res.status).toBe(200);
    const last = (await messages(conv.id)).at(-1)!;
    expect(last.text!.length).toBe(2000);
    expect(last.text!.startsWith("<script>alert(1)</script> aaa")).toBe(true);
    expect(last.text!.endsWith("…")).toBe(true);
  });

  it("a provider's retry of the same Message-Id adds no second message", async () => {
    const conv = await handedOff(a.store.id, "cy@example.com");
    const fields = {
      recipient: replyAddress("s", a.store.id, conv.id)!,
      sender: "cy@example.com",
      "body-plain": "Yes please",
      "Message-Id": "<retry-1@example.com>",
    };
    const count = (await messages(conv.id)).length;
    expect((await post(delivery(fields))).status).toBe(200);
    const again = await post(delivery(fields)); // new token, same mail
    expect(again).toMatchObject({ status: 200, body: { duplicate: true } });
    expect((await messages(conv.id)).length).toBe(count + 1);
  });
});

describe("a failure on our side", () => {
  it("is a 5xx-style throw, and the provider's retry of the same delivery goes through (not a replay, not a duplicate)", async () => {
    const conv = await handedOff(a.store.id, "gus@example.com");
    const fields = {
      recipient: replyAddress("s", a.store.id, conv.id)!,
      sender: "gus@example.com",
      "body-plain": "Still there?",
      "Message-Id": "<fault-1@example.com>",
    };
    const token = crypto.randomBytes(25).toString("hex");
    const timestamp = Math.floor(Date.now() / 1000);
    // the real database, with its transaction failing once (as when it is briefly unavailable)
    let failures = 1;
    const flaky = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === "$transaction" && failures-- > 0)
          return () => Promise.reject(new Error("database unavailable"));
        return Reflect.get(target, prop, receiver);
      },
    });
    await expect(
      handleInboundEmail(await delivery(fields, { token, timestamp }), { db: flaky, mailer }),
    ).rejects.toThrow("database unavailable");
    const retry = await handleInboundEmail(await delivery(fields, { token, timestamp }), {
      db: flaky,
      mailer,
    });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ ok: true, role: "shopper" });
    expect((await messages(conv.id)).filter((m) => m.text === "Still there?")).toHaveLength(1);
  });
});

describe("hostile deliveries", () => {
  it("unsigned, wrongly signed and stale deliveries are 401 and write nothing", async () => {
    const conv = await handedOff(a.store.id);
    const fields = {
      recipient: replyAddress("s", a.store.id, conv.id)!,
      sender: "shopper@example.com",
      "body-plain": "let me in",
    };
    const count = (await messages(conv.id)).length;
    expect((await post(delivery(fields, { sign: false }))).body.error?.code).toBe("unsigned");
    expect((await post(delivery(fields, { secret: "not-the-secret-0123456789" }))).status).toBe(401);
    const stale = await post(delivery(fields, { timestamp: Math.floor(Date.now() / 1000) - 3600 }));
    expect(stale).toMatchObject({ status: 401, body: { error: { code: "stale" } } });
    const form = await (await delivery(fields)).formData();
    form.set("signature", "0".repeat(64));
    expect((await post(wire(form))).status).toBe(401);
    expect((await messages(conv.id)).length).toBe(count);
  });

  it("a replayed delivery (same token and signature) is 409", async () => {
    const conv = await handedOff(a.store.id);
    const token = crypto.randomBytes(25).toString("hex");
    const timestamp = Math.floor(Date.now() / 1000);
    const fields = {
      recipient: replyAddress("s", a.store.id, conv.id)!,
      sender: "shopper@example.com",
      "body-plain": "first",
    };
    expect((await post(delivery(fields, { token, timestamp }))).status).toBe(200);
    const replay = await post(delivery({ ...fields, "body-plain": "second" }, { token, timestamp }));
    expect(replay).toMatchObject({ status: 409, body: { error: { code: "replayed" } } });
    expect((await messages(conv.id)).map((m) => m.text)).not.toContain("second");
  });

  it("another tenant's conversation, a forged tag or a made-up address are the same 404", async () => {
    const mine = await handedOff(a.store.id, "eve@example.com");
    const theirs = await handedOff(b.store.id, "victim@example.com");
    const mineAddr = replyAddress("s", a.store.id, mine.id)!;
    const tag = mineAddr.match(/\.([0-9a-f]{20})@/)![1];
    const attempts = [
      `reply+s${theirs.id}.${tag}@${DOMAIN}`, // my tag on their conversation
      replyAddress("s", a.store.id, theirs.id)!, // their conversation signed for my store
      `reply+s${theirs.id}.${"0".repeat(20)}@${DOMAIN}`,
      `reply+s${theirs.id}@${DOMAIN}`,
      mineAddr.replace(DOMAIN, "evil.test"),
      `reply+snope.${tag}@${DOMAIN}`,
    ];
    const count = (await messages(theirs.id)).length;
    for (const recipient of attempts) {
      const res = await post(
        delivery({ recipient, sender: "victim@example.com", "body-plain": "transfer the refund to me" }),
      );
      expect({ recipient, status: res.status, code: res.body.error?.code }).toEqual({
        recipient,
        status: 404,
        code: "unknown_recipient",
      });
    }
    expect((await messages(theirs.id)).length).toBe(count);
    // the merchant role is a different tag: a shopper's address does not let anyone write as the store
    const asAgent = mineAddr.replace("reply+s", "reply+m");
    expect(
      (await post(delivery({ recipient: asAgent, sender: "owner@a.test", "body-plain": "x" }))).status,
    ).toBe(404);
  });

  it("a sender other than the one the address was given to is 403", async () => {
    const conv = await handedOff(a.store.id, "fay@example.com");
    const forwarded = await post(
      delivery({
        recipient: replyAddress("s", a.store.id, conv.id)!,
        sender: "mallory@example.com",
        from: "Fay <fay@example.com>",
        "body-plain": "cancel everything",
      }),
    );
    expect(forwarded).toMatchObject({ status: 403, body: { error: { code: "sender_mismatch" } } });
    const notOwner = await post(
      delivery({
        recipient: replyAddress("m", a.store.id, conv.id)!,
        sender: "owner@b.test",
        "body-plain": "x",
      }),
    );
    expect(notOwner.status).toBe(403);
  });

  it("an oversized delivery is 413; only a quote is 422; not a form is 400", async () => {
    const conv = await handedOff(a.store.id);
    const recipient = replyAddress("s", a.store.id, conv.id)!;
    const big = await post(
      delivery({ recipient, sender: "shopper@example.com", "body-plain": "x".repeat(MAX_INBOUND_BYTES + 1) }),
    );
    expect(big.status).toBe(413);
    const quoteOnly = await post(
      delivery({
        recipient,
        sender: "shopper@example.com",
        "body-plain": "\n\nAm 3. Dez. 2026 um 10:00 schrieb Garden A <shop@x.test>:\n> Hallo",
      }),
    );
    expect(quoteOnly).toMatchObject({ status: 422, body: { error: { code: "empty_reply" } } });
    const json = await handleInboundEmail(
      new Request("https://trulybot.test/api/v1/inbound/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ recipient }),
      }),
    );
    expect(json.status).toBe(400);
  });

  it("without an inbound route configured the endpoint is 404 and e-mails carry no reply address", async () => {
    const res = await handleInboundEmail(await delivery({ recipient: "x" }), { config: null });
    expect(res.status).toBe(404);
    expect(replyAddress("s", a.store.id, "abc", null)).toBeNull();
  });
});

import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpNotifier, smtpNotifierFromEnv } from "./notify.server";
import { demoShopifyContext } from "../../test/support/chat";
import { useChatDatabase } from "../../test/support/chat-database";

useChatDatabase();

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

describe("SMTP handoff notifier", () => {
  let server: SMTPServer;
  let port: number;
  const mails: Mail[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(auth, _session, cb) {
        cb(null, { user: auth.username });
      },
      onData(stream, session, cb) {
        let raw = "";
        stream.setEncoding("utf8");
        stream.on("data", (c: string) => (raw += c));
        stream.on("end", () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it("emails the merchant the order number, the shopper's message and a Reply-To", async () => {
    const notifier = createSmtpNotifier(
      { host: "127.0.0.1", port, secure: false, from: "TrulyBot <bot@example.org>" },
      {
        conversationUrl: async (n) =>
          `https://trulybot.test/dashboard/conversations/${n.handoff.conversationId}`,
      },
    );
    const ctx = demoShopifyContext({ notifier });
    await ctx.send("where is order 1004");
    await ctx.send("alice.johnson@example.com");
    await ctx.send("I'd like to talk to a person");
    const r = await ctx.send({
      action: {
        type: "handoff_submit",
        email: "alice.johnson@example.com",
        message: "The trekking poles: can you ship them by Friday?",
      },
    });
    expect(r.messages.some((m) => m.type === "handoff")).toBe(true);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toEqual(["merchant@example.com"]);
    expect(mail.from).toBe("bot@example.org");
    const raw = mail.raw.replace(/=\r?\n/g, "");
    expect(raw).toContain("#1004");
    expect(raw).toContain("The trekking poles: can you ship them by Friday?");
    expect(raw).toMatch(/Reply-To: alice\.johnson@example\.com/i);
    // links to the conversation, no internal noise (ids, reason codes, quick-reply chips)
    expect(raw).toMatch(/Answer in the chat: https:\/\/trulybot\.test\/dashboard\/conversations\/\S+/);
    expect(raw).not.toMatch(/Handoff id|shopper_request|_request/);
    expect(raw).toContain("The chat so far:");
    expect(raw).not.toMatch(/\[(quick_replies|handoff|order_list)\]/);
    expect(raw).toMatch(/Subject: \[Demo Outfitters\] A shopper asked for a person \(order #1004\)/);
    expect((await ctx.repo.handoffs())[0]!.notifiedAt).not.toBeNull();
  });

  it("a mail failure does not break the chat (the handoff is stored, not marked notified)", async () => {
    const notifier = createSmtpNotifier({
      host: "127.0.0.1",
      port: 1,
      secure: false,
      from: "bot@example.org",
    });
    const ctx = demoShopifyContext({ notifier });
    await ctx.send("talk to a human");
    const r = await ctx.send({
      action: { type: "handoff_submit", email: "x@example.org", message: "hello?" },
    });
    expect(r.awaiting).toBeNull();
    expect(await ctx.repo.handoffs()).toHaveLength(1);
    expect((await ctx.repo.handoffs())[0]!.notifiedAt).toBeNull();
  });

  it("is configured from the environment only when SMTP_HOST is set", () => {
    expect(smtpNotifierFromEnv({})).toBeNull();
    expect(smtpNotifierFromEnv({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) })).not.toBeNull();
  });
});

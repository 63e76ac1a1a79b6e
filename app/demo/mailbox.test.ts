/**
 * The demo mailbox: a real local SMTP server (the one `npm run demo` starts) receives what the app
 * sends through its normal SMTP path, writes one .eml per recipient named after the address, and
 * /demo/mailbox lists them — only in demo mode.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../env.server";
import { createSmtpMailer, smtpConfigFromUrl } from "../chat/notify.server";
import { startMailCatcher, type MailCatcher } from "./mail-catcher.server";
import { listMailbox, mailFileName } from "./mailbox.server";
import * as route from "../routes/demo.mailbox";

let catcher: MailCatcher;
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-mailbox-"));
  catcher = await startMailCatcher({ dir });
});
afterAll(async () => {
  await catcher.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.env = saved;
  resetEnvForTests();
});

describe("demo mailbox", () => {
  it("writes one .eml per recipient, named after the address, and reads back subject and body (UTF-8)", async () => {
    const mailer = createSmtpMailer(smtpConfigFromUrl(catcher.url, "TrulyBot <no-reply@demo.test>"));
    await mailer.send({
      to: "merchant@example.com, Jürgen <juergen@example.de>",
      subject: "Grüße aus dem Chat — order #1003",
      text: "Ein Käufer möchte mit jemandem sprechen.\nZeile zwei.",
    });
    const files = await catcher.waitFor(2);
    expect(files.some((f) => f.endsWith("-merchant@example.com.eml"))).toBe(true);
    expect(files.some((f) => f.endsWith("-juergen@example.de.eml"))).toBe(true);
    const mails = listMailbox(dir);
    expect(mails).toHaveLength(2);
    expect(mails[0]).toMatchObject({
      subject: "Grüße aus dem Chat — order #1003",
      from: "TrulyBot <no-reply@demo.test>",
    });
    expect(mails[0]!.text).toBe("Ein Käufer möchte mit jemandem sprechen.\nZeile zwei.");
  });

  it("file names keep only safe characters", () => {
    expect(mailFileName(new Date("2026-12-03T09:30:00.123Z"), 7, "../../Evil Name@x.com")).toBe(
      "20261203T093000Z-0007-.._.._evil_name@x.com.eml",
    );
  });

  it("/demo/mailbox lists the mail in demo mode and is 404 otherwise", async () => {
    process.env.TRULYBOT_DEMO_MAIL_DIR = dir;
    process.env.TRULYBOT_DEMO = "1";
    resetEnvForTests();
    const d = await route.loader({
      request: new Request("http://localhost/demo/mailbox"),
      params: {},
      context: {},
    });
    expect(d.mails).toHaveLength(2);
    expect(d.mails.every((m) => m.subject === "Grüße aus dem Chat — order #1003")).toBe(true);
    process.env.TRULYBOT_DEMO = "0";
    resetEnvForTests();
    let status = 0;
    try {
      await route.loader({ request: new Request("http://localhost/demo/mailbox"), params: {}, context: {} });
    } catch (e) {
      status = (e as Response).status;
    }
    expect(status).toBe(404);
  });
});

/**
 * The attack run's mailbox: a real local SMTP server (smtp-server) the bench app sends its one-time
 * codes to (SMTP_URL). It keeps every message in memory, in arrival order.
 *
 * Only the REAL shoppers of bench/attack.ts read it, and each only the mail addressed to the email on
 * their own order — as a real shopper reads their own inbox. The attacker never gets this object:
 * the codes it triggers go to addresses it does not control (the real owners').
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** arrival order, from 1 */
  seq: number;
  to: string[];
  raw: string;
}

export interface BenchMailbox {
  /** smtp://127.0.0.1:PORT, what the app's SMTP_URL is set to */
  url: string;
  /** the number of mails received so far (a shopper notes it before asking for a code) */
  count(): number;
  /**
   * The codes in mails to `to` about order `orderNumber` that arrived after mail number `after`,
   * newest first; waits (up to `waitMs`) until at least `atLeast` of them are there.
   */
  codesFor(
    to: string,
    orderNumber: string,
    after: number,
    opts?: { atLeast?: number; waitMs?: number },
  ): Promise<string[]>;
  close(): Promise<void>;
}

/** The order number and the code of a code mail (app/verification/mailer.server.ts), else null. */
export function parseCodeMail(raw: string): { orderNumber: string; code: string } | null {
  const text = raw.replace(/=\r?\n/g, "");
  const body = text.slice(text.search(/\r?\n\r?\n/));
  const order = /#([A-Za-z0-9-]+)/.exec(body);
  const code = /\b(\d{6})\b/.exec(body.replace(/#[A-Za-z0-9-]+/g, ""));
  return order && code ? { orderNumber: order[1]!, code: code[1]! } : null;
}

export async function startBenchMailbox(): Promise<BenchMailbox> {
  const mails: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 1024 * 1024,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          seq: mails.length + 1,
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        for (const w of waiters) w();
        cb();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const matching = (to: string, orderNumber: string, after: number) =>
    mails
      .filter((m) => m.seq > after && m.to.includes(to.toLowerCase()))
      .map((m) => parseCodeMail(m.raw))
      .filter((p): p is { orderNumber: string; code: string } => p?.orderNumber === orderNumber)
      .map((p) => p.code)
      .reverse();
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () => mails.length,
    codesFor(to, orderNumber, after, opts = {}) {
      const atLeast = opts.atLeast ?? 1;
      const found = matching(to, orderNumber, after);
      if (found.length >= atLeast) return Promise.resolve(found);
      return new Promise((resolve) => {
        const done = () => {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(matching(to, orderNumber, after));
        };
        const check = () => {
          if (matching(to, orderNumber, after).length >= atLeast) done();
        };
        const timer = setTimeout(done, opts.waitMs ?? 20_000);
        waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

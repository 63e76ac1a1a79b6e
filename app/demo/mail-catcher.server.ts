/**
 * A real local SMTP server for the demo and tests (smtp-server): accepts every message without
 * authentication and writes it to `dir` as one `.eml` per recipient (file name from mailFileName).
 * Only `npm run demo` and tests start it; the app itself just sends to SMTP_URL.
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { mailFileName } from "./mailbox.server";

export interface MailCatcher {
  port: number;
  /** smtp://127.0.0.1:PORT — what SMTP_URL is set to */
  url: string;
  dir: string;
  /** resolves once `n` messages in total were written */
  waitFor(n: number): Promise<string[]>;
  close(): Promise<void>;
}

export async function startMailCatcher(opts: {
  dir: string;
  port?: number;
  host?: string;
  /** called once per message after it was written (the demo's inbound route forwards replies) */
  onMessage?: (raw: Buffer, envelope: { from: string; to: string[] }) => void;
}): Promise<MailCatcher> {
  fs.mkdirSync(opts.dir, { recursive: true });
  const written: string[] = [];
  const waiters: { n: number; resolve: (f: string[]) => void }[] = [];
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 5 * 1024 * 1024,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const at = new Date();
        for (const rcpt of session.envelope.rcptTo) {
          const file = mailFileName(at, ++seq, rcpt.address);
          fs.writeFileSync(path.join(opts.dir, file), raw);
          written.push(file);
        }
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        opts.onMessage?.(raw, { from, to: session.envelope.rcptTo.map((r) => r.address) });
        for (const w of waiters.splice(0))
          if (written.length >= w.n) w.resolve([...written]);
          else waiters.push(w);
        cb();
      });
    },
  });
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://${host}:${port}`,
    dir: opts.dir,
    waitFor: (n) =>
      written.length >= n
        ? Promise.resolve([...written])
        : new Promise((resolve) => waiters.push({ n, resolve })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

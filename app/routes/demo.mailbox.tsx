/** /demo/mailbox — every e-mail the demo sent (handoff notices, replies to shopper, codes, digests). */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireDemoMode } from "../demo/demo.server";
import { demoMailDir, listMailbox } from "../demo/mailbox.server";

export const meta: MetaFunction = () => [{ title: "Demo mailbox · TrulyBot" }];

export const loader = async (_args: LoaderFunctionArgs) => {
  requireDemoMode();
  return { dir: demoMailDir(), mails: listMailbox() };
};

export default function DemoMailbox() {
  const { mails } = useLoaderData<typeof loader>();
  return (
    <main
      style={{ fontFamily: "system-ui, sans-serif", maxWidth: 860, margin: "2rem auto", padding: "0 1rem" }}
    >
      <p>
        <a href="/demo">← Demo index</a>
      </p>
      <h1>Demo mailbox</h1>
      <p>
        Mail the demo sent. Nothing leaves this machine: a local SMTP server receives it and writes each
        message to <code>.demo/mail/</code> as an <code>.eml</code> file named after the recipient.
      </p>
      {mails.length === 0 ? (
        <p>No mail yet. Ask for a person in a demo storefront&apos;s chat to get a handoff notice.</p>
      ) : (
        <ul style={{ listStyle: "none", padding: 0 }}>
          {mails.map((m) => (
            <li key={m.file} style={{ borderTop: "1px solid #ccc", padding: "0.75rem 0" }}>
              <details>
                <summary>
                  <strong>{m.subject || "(no subject)"}</strong> — to {m.to} · {m.date}
                </summary>
                <p style={{ color: "#555" }}>
                  From {m.from} · <code>{m.file}</code>
                </p>
                <pre style={{ whiteSpace: "pre-wrap", background: "#f6f6f7", padding: "0.75rem" }}>
                  {m.text}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

/** /demo/mailbox — every e-mail the demo sent; answer one to see the reply threaded into the chat. */
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireDemoMode } from "../demo/demo.server";
import { readInboundLog } from "../demo/inbound-forwarder.server";
import { replyFromMailbox } from "../demo/mailbox-reply.server";
import { demoMailDir, listMailbox, type MailboxEntry } from "../demo/mailbox.server";

export const meta: MetaFunction = () => [{ title: "Demo mailbox · TrulyBot" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  requireDemoMode();
  const replied = new URL(request.url).searchParams.get("replied") === "1";
  return { dir: demoMailDir(), mails: listMailbox(), inbound: readInboundLog(demoMailDir()), replied };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  requireDemoMode();
  const form = await request.formData();
  const error = await replyFromMailbox(String(form.get("file") ?? ""), String(form.get("text") ?? ""));
  if (error) return { error };
  return redirect("/demo/mailbox?replied=1");
};

function ReplyForm({ mail }: { mail: MailboxEntry }) {
  const id = `reply-${mail.file}`;
  return (
    <form method="post" style={{ marginTop: "0.5rem" }}>
      <input type="hidden" name="file" value={mail.file} />
      <label htmlFor={id} style={{ display: "block", fontWeight: 600 }}>
        Reply as {mail.to}
      </label>
      <textarea id={id} name="text" rows={3} required style={{ width: "100%", boxSizing: "border-box" }} />
      <button type="submit">Send reply</button>
    </form>
  );
}

export default function DemoMailbox() {
  const { mails, inbound, replied } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
        message to <code>.demo/mail/</code> as an <code>.eml</code> file named after the recipient. Mail with
        a reply address can be answered here: the reply goes back into the chat, as a mail provider&apos;s
        inbound route would post it.
      </p>
      {replied ? (
        <p role="status">Reply sent. It shows in the chat and on the dashboard in a moment.</p>
      ) : null}
      {actionData && "error" in actionData ? <p role="alert">{actionData.error}</p> : null}
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
                  From {m.from}
                  {m.replyTo ? ` · replies to ${m.replyTo}` : ""} · <code>{m.file}</code>
                </p>
                <pre style={{ whiteSpace: "pre-wrap", background: "#f6f6f7", padding: "0.75rem" }}>
                  {m.text}
                </pre>
                {m.replyTo.includes("@inbound.") ? <ReplyForm mail={m} /> : null}
              </details>
            </li>
          ))}
        </ul>
      )}
      {inbound.length ? (
        <section>
          <h2>Replies received by the app</h2>
          <ul>
            {inbound.map((e) => (
              <li key={`${e.at}-${e.to}`}>
                {e.at} · {e.subject} → {e.status} {e.result}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

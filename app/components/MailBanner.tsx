/** Shown on Home and Settings while the server cannot send e-mail: handoffs then reach nobody by mail. */
import { Banner, Text } from "@shopify/polaris";
import { useHref } from "./shell";

export function MailBanner({ mailConfigured }: { mailConfigured: boolean }) {
  const href = useHref();
  if (mailConfigured) return null;
  return (
    <Banner
      tone="warning"
      title="Handoff e-mails are off"
      action={{ content: "Open handoffs", url: href("handoffs") }}
    >
      <Text as="p">
        When a shopper asks for a person, the request is saved under Handoffs, but nobody gets an e-mail about
        it, and shoppers who leave the chat don&apos;t get your replies by e-mail. Check Handoffs and answer
        in the chat. To turn e-mail on, set <code>SMTP_URL</code> on the TrulyBot server (for example{" "}
        <code>smtp://user:password@smtp.example.com:587</code>) and restart it.
      </Text>
    </Banner>
  );
}

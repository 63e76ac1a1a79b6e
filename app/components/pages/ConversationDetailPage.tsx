import { Badge, BlockStack, Box, Card, InlineStack, Layout, Link, Page, Text } from "@shopify/polaris";
import type { ActionResult, ConversationDetailData, TranscriptMessage } from "../../dashboard/types";
import { LiveReply } from "../LiveReply";
import { OrderCard } from "../OrderCard";
import { PLATFORM_LABEL, useHref, useResultToast, useShell, useDates } from "../shell";
import { OutcomeBadge } from "./ConversationsPage";
import type { ActionAuditRow } from "../../actions/execute.server";
import { ActionAuditList } from "./ActionsPage";
import { TitledCard } from "./parts";

const WHO = { shopper: "Shopper", bot: "Bot", agent: "You (store)" } as const;
const BUBBLE = {
  shopper: "bg-fill-info-secondary",
  bot: "bg-surface-secondary",
  agent: "bg-fill-success-secondary",
} as const;

function MessageBubble({ m }: { m: TranscriptMessage }) {
  const dates = useDates();
  return (
    <InlineStack align={m.role === "shopper" ? "end" : "start"}>
      <div style={{ maxWidth: "85%" }}>
        <BlockStack gap="100">
          <Text as="span" variant="bodyXs" tone="subdued" alignment={m.role === "shopper" ? "end" : "start"}>
            {WHO[m.role]} · {dates.dateTime(m.createdAt)}
          </Text>
          {m.text ? (
            <Box padding="300" borderRadius="300" background={BUBBLE[m.role]}>
              <Text as="p">{m.text}</Text>
            </Box>
          ) : null}
          {m.order ? <OrderCard order={m.order} /> : null}
          {m.orders.map((o) => (
            <OrderCard key={o.number} order={o} />
          ))}
          {m.quickReplies.length ? (
            <InlineStack gap="100">
              {m.quickReplies.map((q) => (
                <Badge key={q}>{q}</Badge>
              ))}
            </InlineStack>
          ) : null}
        </BlockStack>
      </div>
    </InlineStack>
  );
}

export function ConversationDetailPage({
  data,
  result,
}: {
  data: ConversationDetailData & { actions?: ActionAuditRow[] };
  result?: ActionResult & { sent?: number };
}) {
  const { embedded } = useShell();
  const dates = useDates();
  useResultToast(result);
  const href = useHref();
  const c = data.conversation;
  return (
    <Page
      title={embedded ? undefined : "Conversation"}
      subtitle={`${dates.dateTime(c.createdAt)} · ${c.storeName} (${PLATFORM_LABEL[c.platform]}) · ${c.language.toUpperCase()}`}
      backAction={{ content: "Conversations", url: href("conversations") }}
      titleMetadata={<OutcomeBadge outcome={c.outcome} />}
    >
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300" as="ol">
              {data.messages.length === 0 ? (
                <Text as="p" tone="subdued">
                  No messages.
                </Text>
              ) : null}
              {data.messages.map((m) => (
                <Box as="li" key={m.id}>
                  <MessageBubble m={m} />
                </Box>
              ))}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <LiveReply live={data.live} errors={result?.errors} sentCount={result?.sent ?? 0} />
            <TitledCard title="Details" gap="200">
              <Text as="p">Messages: {c.messageCount}</Text>
              <Text as="p">
                Order question:{" "}
                {c.orderQuestion ? (c.verified ? "yes, verified" : "yes, not verified") : "no"}
              </Text>
              <Text as="p">Signed-in customer: {c.customerId ? "yes" : "no"}</Text>
              {data.handoff ? (
                <Text as="p">
                  Handoff:{" "}
                  <Badge tone={data.handoff.status === "open" ? "attention" : "success"}>
                    {data.handoff.status === "open" ? "Open" : "Resolved"}
                  </Badge>{" "}
                  <Link url={href("handoffs")}>Open inbox</Link>
                </Text>
              ) : null}
            </TitledCard>
            {data.actions?.length ? (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingSm">
                    Self-service actions
                  </Text>
                  <ActionAuditList rows={data.actions} />
                </BlockStack>
              </Card>
            ) : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

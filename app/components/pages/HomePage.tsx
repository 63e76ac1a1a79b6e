import {
  Badge,
  BlockStack,
  Box,
  Button,
  ButtonGroup,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Link,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import type { HomeData, KeyNumbers } from "../../dashboard/types";
import { BarChart } from "../BarChart";
import { MailBanner } from "../MailBanner";
import { PLATFORM_LABEL, useHref, useShell } from "../shell";

type Metric = { key: keyof KeyNumbers; label: string; help: string; outcome?: string };
const NUMBERS: Metric[] = [
  { key: "conversations", label: "Conversations", help: "Chats shoppers started" },
  {
    key: "shoppersHelped",
    label: "Shoppers helped",
    help: "Answered by the bot, no person needed",
    outcome: "resolved",
  },
  { key: "resolutionRate", label: "Resolution rate", help: "Helped, of the chats that ended" },
  { key: "handoffs", label: "Handoffs", help: "Sent to your team", outcome: "handoff" },
  {
    key: "unanswered",
    label: "Unanswered questions",
    help: "The bot couldn't help: add an FAQ",
    outcome: "unresolved",
  },
  { key: "inProgress", label: "Still open", help: "No outcome yet", outcome: "in_progress" },
];

function metricValue(n: KeyNumbers, key: keyof KeyNumbers): string {
  if (key === "resolutionRate")
    return n.resolutionRate === null ? "—" : `${Math.round(n.resolutionRate * 100)}%`;
  return String(n[key]);
}

/** "Nov 20" for a YYYY-MM-DD calendar day (no time zone shift: it already is a store day). */
function formatDay(ymd: string): string {
  return new Date(`${ymd}T12:00:00Z`).toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
}

function SetupCard({ checklist }: { checklist: HomeData["checklist"] }) {
  const href = useHref();
  const done = checklist.filter((c) => c.done).length;
  const total = checklist.length;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Setup
          </Text>
          <Text as="span" tone="subdued">
            {done} of {total} done
          </Text>
        </InlineStack>
        <ProgressBar progress={Math.round((done / total) * 100)} size="small" tone="primary" />
        <BlockStack gap="200" as="ul">
          {checklist.map((item) => (
            <Box
              as="li"
              key={item.id}
              padding="200"
              borderRadius="200"
              background={item.done ? undefined : "bg-surface-secondary"}
            >
              <InlineStack align="space-between" blockAlign="center" gap="300" wrap={false}>
                <BlockStack gap="050" inlineAlign="start">
                  <InlineStack gap="200" blockAlign="center" align="start">
                    <Badge
                      tone={item.done ? "success" : "attention"}
                      progress={item.done ? "complete" : "incomplete"}
                    >
                      {item.done ? "Done" : "To do"}
                    </Badge>
                    <Text as="span" variant="bodyMd" fontWeight="semibold">
                      {item.label}
                    </Text>
                  </InlineStack>
                  <Text as="p" variant="bodySm" tone="subdued">
                    {item.help}
                  </Text>
                </BlockStack>
                {item.action && !item.done ? (
                  item.action.external ? (
                    <Button url={item.action.url} target="_top" external={false} variant="primary">
                      {item.action.label}
                    </Button>
                  ) : (
                    <Button url={href(item.action.url)}>{item.action.label}</Button>
                  )
                ) : null}
              </InlineStack>
            </Box>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}

function NumbersCard({ data }: { data: HomeData }) {
  const href = useHref();
  const listUrl = (outcome?: string) => {
    const q = new URLSearchParams({ from: data.window.from, to: data.window.to });
    if (outcome) q.set("outcome", outcome);
    return `${href("conversations")}?${q}`;
  };
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Last {data.range} days
          </Text>
          <ButtonGroup variant="segmented">
            <Button url={`${href()}?range=7`} pressed={data.range === 7}>
              7 days
            </Button>
            <Button url={`${href()}?range=30`} pressed={data.range === 30}>
              30 days
            </Button>
          </ButtonGroup>
        </InlineStack>
        <Text as="p" variant="bodySm" tone="subdued">
          {data.store.name}, conversations started {formatDay(data.window.from)} – {formatDay(data.window.to)}{" "}
          (days in {data.timeZone.replace(/_/g, " ")})
        </Text>
        <InlineGrid columns={{ xs: 2, md: 3 }} gap="300">
          {NUMBERS.map((n) => (
            <Box key={n.key} padding="300" borderRadius="200" background="bg-surface-secondary">
              <BlockStack gap="100">
                <Text as="h3" variant="bodySm" tone="subdued">
                  {n.label}
                </Text>
                <Text as="p" variant="headingLg" numeric>
                  {metricValue(data.numbers, n.key)}
                </Text>
                <Text as="p" variant="bodyXs" tone="subdued">
                  {n.help}
                </Text>
                {n.key === "resolutionRate" ? null : (
                  <Link url={listUrl(n.outcome)} removeUnderline>
                    <Text as="span" variant="bodyXs">
                      View {n.label.toLowerCase()}
                    </Text>
                  </Link>
                )}
              </BlockStack>
            </Box>
          ))}
        </InlineGrid>
        <BarChart title={`Conversations per day, last ${data.range} days`} data={data.daily} />
      </BlockStack>
    </Card>
  );
}

export function HomePage({ data }: { data: HomeData }) {
  const { embedded } = useShell();
  return (
    <Page
      title={embedded ? undefined : "Home"}
      subtitle={`${data.store.name} · ${PLATFORM_LABEL[data.store.platform]}`}
    >
      <Layout>
        {data.mailConfigured ? null : (
          <Layout.Section>
            <MailBanner mailConfigured={data.mailConfigured} />
          </Layout.Section>
        )}
        <Layout.Section>
          <SetupCard checklist={data.checklist} />
        </Layout.Section>
        <Layout.Section>
          <NumbersCard data={data} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

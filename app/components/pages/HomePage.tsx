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
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import type { HomeData, KeyNumbers } from "../../dashboard/types";
import { BarChart } from "../BarChart";
import { PLATFORM_LABEL, useHref, useShell } from "../shell";

function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const NUMBERS: { key: keyof KeyNumbers; label: string; help: string }[] = [
  { key: "conversations", label: "Conversations", help: "Chats shoppers started" },
  { key: "orderQuestions", label: "Order questions", help: "Chats asking about an order" },
  { key: "verifiedLookups", label: "Verified lookups", help: "Orders shown after checking the shopper" },
  {
    key: "resolvedWithoutHuman",
    label: "Resolved without a human",
    help: "No handoff, no repeat question within 72 h",
  },
  { key: "handoffs", label: "Handoffs", help: "Sent to your team" },
  { key: "medianReplyMs", label: "Median reply time", help: "How fast the bot answered" },
];

export function HomePage({ data }: { data: HomeData }) {
  const href = useHref();
  const { embedded } = useShell();
  const done = data.checklist.filter((c) => c.done).length;
  const total = data.checklist.length;
  return (
    <Page
      title={embedded ? undefined : "Home"}
      subtitle={`${data.store.name} · ${PLATFORM_LABEL[data.store.platform]}`}
    >
      <Layout>
        <Layout.Section>
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
                {data.checklist.map((item) => (
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
        </Layout.Section>
        <Layout.Section>
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
              <InlineGrid columns={{ xs: 2, md: 3 }} gap="300">
                {NUMBERS.map((n) => (
                  <Box key={n.key} padding="300" borderRadius="200" background="bg-surface-secondary">
                    <BlockStack gap="100">
                      <Text as="h3" variant="bodySm" tone="subdued">
                        {n.label}
                      </Text>
                      <Text as="p" variant="headingLg" numeric>
                        {n.key === "medianReplyMs"
                          ? formatMs(data.numbers.medianReplyMs)
                          : data.numbers[n.key]}
                      </Text>
                      <Text as="p" variant="bodyXs" tone="subdued">
                        {n.help}
                      </Text>
                    </BlockStack>
                  </Box>
                ))}
              </InlineGrid>
              <BarChart title={`Conversations per day, last ${data.range} days`} data={data.daily} />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

import { Form, useNavigate } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  IndexTable,
  InlineGrid,
  InlineStack,
  Link,
  Page,
  Pagination,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import type { ConversationsData } from "../../dashboard/types";
import { LANGUAGE_LABELS } from "../../dashboard/settings-schema";
import { PLATFORM_LABEL, useHref, useShell, useDates } from "../shell";

export const OUTCOME_LABEL: Record<string, string> = {
  resolved: "Resolved",
  handoff: "Handed off",
  unresolved: "Unresolved",
  in_progress: "In progress",
};

/** a filter's choices: "Any", then one a label */
const anyOf = (labels: Record<string, string>) => [
  { label: "Any", value: "" },
  ...Object.entries(labels).map(([value, label]) => ({ value, label })),
];

export function OutcomeBadge({ outcome }: { outcome: string | null }) {
  if (outcome === "resolved") return <Badge tone="success">Resolved</Badge>;
  if (outcome === "handoff") return <Badge tone="attention">Handed off</Badge>;
  if (outcome === "unresolved") return <Badge tone="warning">Unresolved</Badge>;
  return <Badge>In progress</Badge>;
}

export function ConversationsPage({ data }: { data: ConversationsData }) {
  const dates = useDates();
  const { embedded } = useShell();
  const href = useHref();
  const navigate = useNavigate();
  const [f, setF] = useState(data.filters);
  const set = (k: keyof typeof f) => (v: string) => setF((p) => ({ ...p, [k]: v }));
  /** what every filter field shares: its name, value, change handler and error */
  const filter = (k: keyof typeof f) => ({ name: k, value: f[k], onChange: set(k), error: data.errors[k] });
  const pageUrl = (page: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(data.filters)) if (v) q.set(k, v);
    if (page > 1) q.set("page", String(page));
    const s = q.toString();
    return href("conversations") + (s ? `?${s}` : "");
  };
  const filtered = Object.entries(data.filters).some(([k, v]) => k !== "store" && v);
  const from = (data.page - 1) * data.pageSize + 1;
  const to = from + data.rows.length - 1;

  return (
    <Page
      title={embedded ? undefined : "Conversations"}
      subtitle={`${data.scope.label} · times in ${data.scope.timeZone.replace(/_/g, " ")} · personal data is masked`}
    >
      <BlockStack gap="400">
        <Card>
          <Form method="get" action={href("conversations")}>
            <BlockStack gap="300">
              <InlineGrid columns={{ xs: 1, sm: 2, md: data.scope.stores.length > 1 ? 6 : 5 }} gap="300">
                <TextField label="From" type="date" {...filter("from")} autoComplete="off" />
                <TextField label="To" type="date" {...filter("to")} autoComplete="off" />
                <Select label="Outcome" {...filter("outcome")} options={anyOf(OUTCOME_LABEL)} />
                <Select label="Language" {...filter("language")} options={anyOf(LANGUAGE_LABELS)} />
                {data.scope.stores.length > 1 ? (
                  <Select
                    label="Store"
                    name="store"
                    value={f.store || data.scope.store}
                    onChange={set("store")}
                    options={[
                      ...data.scope.stores.map((s) => ({ label: s.name, value: s.id })),
                      { label: "All stores", value: "all" },
                    ]}
                  />
                ) : null}
                <Select label="Platform" {...filter("platform")} options={anyOf(PLATFORM_LABEL)} />
              </InlineGrid>
              <InlineStack gap="200">
                <Button submit>Apply filters</Button>
                <Button url={href("conversations")} variant="tertiary">
                  Clear
                </Button>
              </InlineStack>
            </BlockStack>
          </Form>
        </Card>
        <Card padding="0">
          <IndexTable
            resourceName={{ singular: "conversation", plural: "conversations" }}
            itemCount={data.rows.length}
            selectable={false}
            emptyState={
              <BlockStack gap="100" inlineAlign="center">
                <Text as="p" variant="headingSm">
                  {filtered ? "No conversations match these filters" : "No conversations yet"}
                </Text>
                <Text as="p" tone="subdued">
                  {filtered
                    ? "Try other dates or clear the filters."
                    : "When shoppers chat with your bot, their conversations appear here."}
                </Text>
              </BlockStack>
            }
            headings={[
              { title: "Started" },
              { title: "First message" },
              { title: "Outcome" },
              { title: "Language" },
              { title: "Store" },
              { title: "Messages", alignment: "end" },
            ]}
          >
            {data.rows.map((r, i) => (
              <IndexTable.Row id={r.id} key={r.id} position={i}>
                <IndexTable.Cell>
                  <Link url={href(`conversations/${r.id}`)} removeUnderline>
                    {dates.dateTime(r.createdAt)}
                  </Link>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" truncate>
                    {r.preview || "—"}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <InlineStack gap="100">
                    <OutcomeBadge outcome={r.outcome} />
                    {r.orderQuestion ? (
                      <Badge tone={r.verified ? "success" : undefined}>
                        {r.verified ? "Order verified" : "Order question"}
                      </Badge>
                    ) : null}
                  </InlineStack>
                </IndexTable.Cell>
                <IndexTable.Cell>{r.language.toUpperCase()}</IndexTable.Cell>
                <IndexTable.Cell>
                  {r.storeName} ({PLATFORM_LABEL[r.platform]})
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {r.messageCount}
                  </Text>
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
        <InlineStack align="center" blockAlign="center" gap="300">
          <Pagination
            hasPrevious={data.hasPrevious}
            hasNext={data.hasNext}
            onPrevious={() => navigate(pageUrl(data.page - 1))}
            onNext={() => navigate(pageUrl(data.page + 1))}
            label={data.total ? `${from}–${to} of ${data.total}` : "0 conversations"}
          />
        </InlineStack>
      </BlockStack>
    </Page>
  );
}

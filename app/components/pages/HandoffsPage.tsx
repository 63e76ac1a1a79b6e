import { useFetcher } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  ButtonGroup,
  Card,
  InlineStack,
  Link,
  Page,
  Text,
} from "@shopify/polaris";
import type { HandoffRow, HandoffsData } from "../../dashboard/types";
import { OrderCard } from "../OrderCard";
import { CsrfInput, PLATFORM_LABEL, useHref, useResultToast, useShell, useDates } from "../shell";

const REASON: Record<string, string> = {
  shopper_request: "Asked for a person",
  cancel_order: "Wants to cancel an order",
  return_refund: "Return or refund",
  change_address: "Change the address",
  rate_limited: "Couldn't verify (too many tries)",
  outage: "Store was unreachable",
  out_of_range: "Order too old for the bot",
};

function HandoffCard({ h }: { h: HandoffRow }) {
  const dates = useDates();
  const href = useHref();
  const fetcher = useFetcher<{ ok: boolean; message?: string }>({ key: `handoff-${h.id}` });
  useResultToast(fetcher.data);
  const open = h.status === "open";
  return (
    <article aria-label={`Handoff from ${h.email}`}>
      <Card>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <InlineStack gap="200" blockAlign="center">
              <Badge tone={open ? "attention" : "success"}>{open ? "Open" : "Resolved"}</Badge>
              <Text as="h2" variant="headingSm">
                {REASON[h.reason] ?? h.reason}
                {h.orderNumber ? ` · order #${h.orderNumber.replace(/^#/, "")}` : ""}
              </Text>
            </InlineStack>
            <Text as="span" variant="bodySm" tone="subdued">
              {dates.dateTime(h.createdAt)} · {h.storeName} ({PLATFORM_LABEL[h.platform]})
            </Text>
          </InlineStack>
          <Text as="p">
            From <Link url={`mailto:${h.email}`}>{h.email}</Link>
          </Text>
          <Box padding="300" background="bg-surface-secondary" borderRadius="200">
            <Text as="p">{h.message}</Text>
          </Box>
          {h.order ? <OrderCard order={h.order} /> : null}
          <InlineStack gap="200" blockAlign="center">
            <fetcher.Form method="post">
              <CsrfInput />
              <input type="hidden" name="id" value={h.id} />
              <input type="hidden" name="intent" value={open ? "resolve" : "reopen"} />
              <Button submit variant={open ? "primary" : "secondary"} loading={fetcher.state !== "idle"}>
                {open ? "Mark resolved" : "Reopen"}
              </Button>
            </fetcher.Form>
            {h.conversationId ? (
              <Button url={href(`conversations/${h.conversationId}`)} variant={open ? "secondary" : "plain"}>
                {open ? "Reply in the chat" : "View conversation"}
              </Button>
            ) : null}
            {!open && h.resolvedAt ? (
              <Text as="span" variant="bodySm" tone="subdued">
                Resolved {dates.dateTime(h.resolvedAt)}
              </Text>
            ) : null}
          </InlineStack>
        </BlockStack>
      </Card>
    </article>
  );
}

export function HandoffsPage({ data, status }: { data: HandoffsData; status?: string | null }) {
  const { embedded } = useShell();
  const href = useHref();
  return (
    <Page
      title={embedded ? undefined : "Handoffs"}
      subtitle={`${data.scope.label} · ${
        data.openCount ? `${data.openCount} open, waiting for a reply` : "all caught up"
      } · times in ${data.scope.timeZone.replace(/_/g, " ")}`}
      secondaryActions={
        <ButtonGroup variant="segmented">
          {data.scope.stores.length > 1 ? (
            <Button url={`${href("handoffs")}?store=${data.scope.store === "all" ? "" : "all"}`}>
              {data.scope.store === "all" ? "This store only" : "All stores"}
            </Button>
          ) : null}
          <Button url={href("handoffs")} pressed={!status}>
            All
          </Button>
          <Button url={`${href("handoffs")}?status=open`} pressed={status === "open"}>
            Open
          </Button>
          <Button url={`${href("handoffs")}?status=resolved`} pressed={status === "resolved"}>
            Resolved
          </Button>
        </ButtonGroup>
      }
    >
      <BlockStack gap="400">
        {data.handoffs.length === 0 ? (
          <Card>
            <Text as="p" tone="subdued">
              No handoffs here. When the bot can't help, shoppers leave their email and question, and they
              show up in this inbox.
            </Text>
          </Card>
        ) : (
          data.handoffs.map((h) => <HandoffCard key={h.id} h={h} />)
        )}
      </BlockStack>
    </Page>
  );
}

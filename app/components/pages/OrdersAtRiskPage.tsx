import { Badge, BlockStack, Button, Card, DataTable, EmptyState, Page, Text } from "@shopify/polaris";
import type { AtRiskData, AtRiskRow } from "../../orders/health/at-risk";
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { CsrfInput, PLATFORM_LABEL, useDates, useHref, useResultToast } from "../shell";

const REASON: Record<AtRiskRow["reason"], string> = {
  past_eta: "Past the estimated delivery",
  no_scan: "No carrier scan for days",
  carrier_exception: "Carrier exception",
  failed_delivery: "Delivery attempt failed",
  partial_long: "Partly shipped for a long time",
  on_hold: "On hold",
};

const NEXT: Record<AtRiskRow["next"], string> = {
  wait: "Shopper told to wait",
  contact_carrier: "Shopper pointed to the carrier",
  talk_to_person: "Needs a person",
};

export function ageLabel(hours: number): string {
  if (hours < 1) return "just now";
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

function SyncButton({ sync }: { sync: AtRiskData["sync"] }) {
  const fetcher = useFetcher<{ ok: boolean; message?: string }>({ key: "mirror-sync" });
  useResultToast(fetcher.data);
  const label = !sync ? "Mirror recent orders" : sync.status === "running" ? "Syncing…" : "Sync orders again";
  return (
    <fetcher.Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value="sync" />
      <Button submit disabled={sync?.status === "running"} loading={fetcher.state !== "idle"}>
        {label}
      </Button>
    </fetcher.Form>
  );
}

export function OrdersAtRiskPage({ data }: { data: AtRiskData }) {
  const dates = useDates();
  const href = useHref();
  const syncText = !data.sync
    ? "Orders are not mirrored yet: the bot reads the store live."
    : data.sync.status === "done"
      ? `${data.sync.synced} recent orders mirrored${data.sync.finishedAt ? ` (${dates.dateTime(data.sync.finishedAt)})` : ""}.`
      : data.sync.status === "running"
        ? `Mirroring recent orders: ${data.sync.synced} so far.`
        : "The last order sync failed; try again.";
  const rows = data.rows.map((r) => [
    `#${r.orderNumber}`,
    <Badge key="b" tone={r.next === "talk_to_person" ? "critical" : "warning"}>
      {REASON[r.reason] ?? r.reason}
    </Badge>,
    r.carrier ?? "—",
    NEXT[r.next] ?? r.next,
    `${ageLabel(r.ageHours)} (since ${dates.dateTime(r.since)})`,
    data.scope.store === "all" ? `${r.storeName} (${PLATFORM_LABEL[r.platform]})` : r.storeName,
  ]);
  return (
    <Page
      title="Orders at risk"
      subtitle={`${data.scope.label} · ${data.rows.length} at risk · times in ${data.scope.timeZone.replace(/_/g, " ")}`}
      secondaryActions={
        data.scope.stores.length > 1 ? (
          <Button url={`${href("at-risk")}?store=${data.scope.store === "all" ? "" : "all"}`}>
            {data.scope.store === "all" ? "This store only" : "All stores"}
          </Button>
        ) : undefined
      }
    >
      <BlockStack gap="400">
        <Card>
          <BlockStack gap="200">
            <Text as="p">{syncText}</Text>
            <SyncButton sync={data.sync} />
          </BlockStack>
        </Card>
        <Card>
          {rows.length ? (
            <KeyboardScrollable label="Orders at risk">
              <DataTable
                columnContentTypes={["text", "text", "text", "text", "text", "text"]}
                headings={["Order", "Reason", "Carrier", "Next step", "Age", "Store"]}
                rows={rows}
              />
            </KeyboardScrollable>
          ) : (
            <EmptyState heading={data.mirrored ? "No order at risk" : "Order mirror not synced yet"} image="">
              <BlockStack gap="200">
                <Text as="p">
                  {data.mirrored
                    ? "Late, silent or stuck orders appear here, with the reason and how long they have been at risk."
                    : "Orders are checked once the store's recent orders have been mirrored."}
                </Text>
              </BlockStack>
            </EmptyState>
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}

/**
 * Polaris' DataTable scrolls sideways on narrow screens in a container that a keyboard cannot reach
 * (axe: scrollable-region-focusable); this makes that container a named, focusable region.
 */
function KeyboardScrollable({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelectorAll<HTMLElement>(".Polaris-DataTable__ScrollContainer").forEach((el) => {
      el.tabIndex = 0;
      el.setAttribute("role", "region");
      el.setAttribute("aria-label", label);
    });
  });
  return <div ref={ref}>{children}</div>;
}

import { Badge, BlockStack, Button, Card, DataTable, EmptyState, Page, Text } from "@shopify/polaris";
import type { AtRiskData, AtRiskRow } from "../../orders/health/at-risk";
import { PLATFORM_LABEL, useDates, useHref } from "../shell";

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

export function OrdersAtRiskPage({ data }: { data: AtRiskData }) {
  const dates = useDates();
  const href = useHref();
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
      <Card>
        {rows.length ? (
          <DataTable
            columnContentTypes={["text", "text", "text", "text", "text", "text"]}
            headings={["Order", "Reason", "Carrier", "Next step", "Age", "Store"]}
            rows={rows}
          />
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
    </Page>
  );
}

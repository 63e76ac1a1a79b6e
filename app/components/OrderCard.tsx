/** An order as the shopper saw it in the widget (WidgetOrder), drawn with Polaris. */
import { Badge, BlockStack, Box, Card, InlineStack, Link, Text } from "@shopify/polaris";
import type { WidgetOrder } from "../protocol";
import { useDates } from "./shell";

const TONE: Record<string, "success" | "info" | "attention" | "warning" | "critical" | undefined> = {
  delivered: "success",
  shipped: "info",
  out_for_delivery: "info",
  partially_shipped: "attention",
  processing: "attention",
  ready_for_pickup: "info",
  on_hold: "warning",
  pending_payment: "warning",
  cancelled: "critical",
  failed: "critical",
  refunded: undefined,
  partially_refunded: undefined,
};

const human = (s: string) => s.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

export function OrderCard({ order }: { order: WidgetOrder }) {
  const dates = useDates();
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="h3" variant="headingSm">
            {`Order #${order.number.replace(/^#/, "")}`}
          </Text>
          <Badge tone={TONE[order.status]}>{order.statusLabel || human(order.status)}</Badge>
        </InlineStack>
        <Text as="p" tone="subdued" variant="bodySm">
          Placed {dates.date(order.placedAt)} ·{" "}
          {order.totalFormatted || `${order.total.amount} ${order.total.currency}`}
        </Text>
        {order.steps && order.steps.length ? (
          <InlineStack gap="100">
            {order.steps.map((s) => (
              <Badge
                key={s.key}
                tone={s.current ? "info" : s.done ? "success" : undefined}
                progress={s.done ? "complete" : s.current ? "partiallyComplete" : "incomplete"}
              >
                {s.label}
              </Badge>
            ))}
          </InlineStack>
        ) : null}
        {order.items.length ? (
          <BlockStack gap="050">
            {order.items.map((it, i) => (
              <Text as="p" key={i} variant="bodySm">
                {it.quantity} × {it.title}
                {it.variantTitle ? ` (${it.variantTitle})` : ""}
              </Text>
            ))}
          </BlockStack>
        ) : null}
        {order.shipments.map((s, i) => (
          <Box key={i} padding="200" background="bg-surface-secondary" borderRadius="200">
            <BlockStack gap="050">
              <Text as="p" variant="bodySm" fontWeight="semibold">
                {order.shipments.length > 1 ? `Shipment ${i + 1}: ` : "Shipment: "}
                {s.carrier ?? "Carrier unknown"} · {human(s.status)}
              </Text>
              {s.summary ? (
                <Text as="p" variant="bodySm">
                  {s.summary}
                </Text>
              ) : null}
              {s.trackingNumber ? (
                <Text as="p" variant="bodySm">
                  Tracking:{" "}
                  {s.trackingUrl ? (
                    <Link url={s.trackingUrl} target="_blank">
                      {s.trackingNumber}
                    </Link>
                  ) : (
                    s.trackingNumber
                  )}
                </Text>
              ) : null}
              {!s.summary && (s.estimatedDeliveryAt || s.deliveredAt) ? (
                <Text as="p" variant="bodySm" tone="subdued">
                  {s.deliveredAt
                    ? `Delivered ${dates.date(s.deliveredAt)}`
                    : `Expected ${dates.date(s.estimatedDeliveryAt)}`}
                </Text>
              ) : null}
            </BlockStack>
          </Box>
        ))}
        {order.statusPageUrl ? (
          <Link url={order.statusPageUrl} target="_blank">
            Order status page
          </Link>
        ) : null}
      </BlockStack>
    </Card>
  );
}

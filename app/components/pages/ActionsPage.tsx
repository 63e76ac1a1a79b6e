import { useState } from "react";
import { useFetcher } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import type { ActionsPageData, ActionsSaveResult } from "../../actions/dashboard.server";
import type { ActionAuditRow } from "../../actions/execute.server";
import type { ActionKind, ActionRule } from "../../actions/types";
import { CsrfInput, useResultToast } from "../shell";
import { TitledCard } from "./parts";

const TITLE: Record<ActionKind, string> = {
  cancel: "Cancel an unfulfilled order",
  address: "Change the shipping address before fulfilment",
  return: "Request a return of a delivered order",
};
const SHOPPER_SEES: Record<ActionKind, string> = {
  cancel:
    "“Cancel order #1001 (3 items, $300.89)? This can't be undone.” — Yes, do it / No, keep it as it is",
  address: "“What's the new shipping address for #1001?” then a summary of the new address to confirm",
  return:
    "“Which items of #1003 are you sending back?” (a box per item), “Why are you sending #1003 back?” (reasons to pick), then a summary to confirm",
};
const WINDOW_LABEL: Record<ActionKind, string> = {
  cancel: "Within this many hours of the order",
  address: "Within this many hours of the order",
  return: "Within this many hours of delivery",
};
const STATUS_LABEL: Record<string, string> = {
  pending_payment: "Pending payment",
  on_hold: "On hold",
  processing: "Processing (paid, not sent)",
  delivered: "Delivered",
};

function RuleCard({
  rule,
  statuses,
  errors,
}: {
  rule: ActionRule;
  statuses: string[];
  errors: Record<string, string | undefined>;
}) {
  const a = rule.action;
  const [enabled, setEnabled] = useState(rule.enabled);
  const [askPerson, setAskPerson] = useState(rule.askPerson);
  const [hours, setHours] = useState(rule.windowHours === null ? "" : String(rule.windowHours));
  const [max, setMax] = useState(rule.maxTotal ?? "");
  const [chosen, setChosen] = useState<string[]>(rule.statuses);
  const [flags, setFlags] = useState({
    restock: rule.restock,
    refund: rule.refund,
    notifyCustomer: rule.notifyCustomer,
    notifyMerchant: rule.notifyMerchant,
    allowCountryChange: rule.allowCountryChange,
  });
  const flag = (k: keyof typeof flags, label: string) => (
    <>
      <Checkbox label={label} checked={flags[k]} onChange={(v) => setFlags({ ...flags, [k]: v })} />
      {flags[k] && <input type="hidden" name={`${a}.${k}`} value="on" />}
    </>
  );
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {TITLE[a]}
          </Text>
          <Badge tone={enabled ? "success" : undefined}>
            {enabled ? (askPerson ? "A person handles it" : "On") : "Off"}
          </Badge>
        </InlineStack>
        <Checkbox
          label="Let shoppers do this in the chat (after a one-time code)"
          checked={enabled}
          onChange={setEnabled}
        />
        {enabled && <input type="hidden" name={`${a}.enabled`} value="on" />}
        <Checkbox
          label="Ask a person instead (the chat hands the request to your team)"
          checked={askPerson}
          onChange={setAskPerson}
        />
        {askPerson && <input type="hidden" name={`${a}.askPerson`} value="on" />}
        <TextField
          label={WINDOW_LABEL[a]}
          name={`${a}.windowHours`}
          value={hours}
          onChange={setHours}
          autoComplete="off"
          helpText="Empty: no time limit"
          error={errors[`${a}.windowHours`]}
        />
        <TextField
          label="Maximum order value (store currency)"
          name={`${a}.maxTotal`}
          value={max}
          onChange={setMax}
          autoComplete="off"
          helpText="Orders above it go to a person. Empty: no limit"
          error={errors[`${a}.maxTotal`]}
        />
        <BlockStack gap="100">
          <Text as="p" variant="bodyMd">
            Allowed order statuses
          </Text>
          {statuses.map((s) => (
            <Checkbox
              key={s}
              label={STATUS_LABEL[s] ?? s}
              checked={chosen.includes(s)}
              onChange={(v) => setChosen(v ? [...chosen, s] : chosen.filter((x) => x !== s))}
            />
          ))}
          {chosen.map((s) => (
            <input key={s} type="hidden" name={`${a}.statuses`} value={s} />
          ))}
          {errors[`${a}.statuses`] && (
            <Text as="p" tone="critical">
              {errors[`${a}.statuses`]}
            </Text>
          )}
        </BlockStack>
        {a === "cancel" && (
          <>
            {flag("refund", "Refund to the original payment method")}
            {flag("restock", "Restock the items")}
            {flag("notifyCustomer", "Send the platform's cancellation email to the customer")}
          </>
        )}
        {a === "address" && flag("allowCountryChange", "Allow a new address in another country")}
        {flag("notifyMerchant", "Email me after each action (to the handoff email)")}
        <Text as="p" tone="subdued">
          What shoppers see: {SHOPPER_SEES[a]}
        </Text>
      </BlockStack>
    </Card>
  );
}

function AuditList({ rows }: { rows: ActionAuditRow[] }) {
  if (!rows.length)
    return (
      <Text as="p" tone="subdued">
        No actions yet.
      </Text>
    );
  return (
    <BlockStack gap="200">
      {rows.map((r) => (
        <InlineStack key={r.id} gap="200" blockAlign="center">
          <Badge tone={r.status === "done" ? "success" : r.status === "running" ? "attention" : "critical"}>
            {r.status}
          </Badge>
          <Text as="span">
            {TITLE[r.action]} · #{r.orderNumber} · verified by{" "}
            {r.verification === "code" ? "one-time code" : "signed-in customer"} ·{" "}
            {new Date(r.createdAt).toUTCString()}
            {r.adminNote ? " · note added in the store admin" : ""}
            {r.error ? ` · ${r.error}` : ""}
          </Text>
        </InlineStack>
      ))}
    </BlockStack>
  );
}

export function ActionsPage({ data }: { data: ActionsPageData }) {
  const fetcher = useFetcher<Omit<ActionsSaveResult, "status">>();
  useResultToast(fetcher.data);
  const errors = (fetcher.data && !fetcher.data.ok ? fetcher.data.errors : undefined) ?? {};
  return (
    <Page
      title="Self-service"
      subtitle="Let shoppers cancel, change the address or start a return in the chat — inside your rules."
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Banner tone="info">
              Every action needs a fresh one-time code sent to the email on the order (or a signed-in
              customer), a summary and an explicit confirm. Each one is recorded here, on the conversation,
              and as a note on the order.
            </Banner>
            {data.missingScopes.length > 0 && (
              <Banner tone="warning">
                Shopify must grant {data.missingScopes.join(" and ")} for the actions you turned on. Saving
                asks Shopify for them; until then the chat tells shoppers it could not make the change.
              </Banner>
            )}
            {data.wooNeedsReadWrite && (
              <Banner
                tone="warning"
                {...(data.wooReconnectUrl
                  ? {
                      action: {
                        content: "Open the plugin settings",
                        url: data.wooReconnectUrl,
                        external: true,
                      },
                    }
                  : {})}
              >
                WooCommerce: actions need read/write API keys. In the TrulyBot plugin settings click
                “Reconnect with read/write access” and approve “Read/Write”; with read-only keys the store
                refuses every change.
              </Banner>
            )}
            <fetcher.Form method="post">
              <CsrfInput />
              <BlockStack gap="400">
                {(["cancel", "address", "return"] as const).map((k) => (
                  <RuleCard
                    key={k}
                    rule={data.rules[k]}
                    statuses={data.possibleStatuses[k]}
                    errors={errors}
                  />
                ))}
                <InlineStack>
                  <Button submit variant="primary" loading={fetcher.state !== "idle"}>
                    Save rules
                  </Button>
                </InlineStack>
              </BlockStack>
            </fetcher.Form>
            <TitledCard title="Recent actions" gap="200">
              <AuditList rows={data.recent} />
            </TitledCard>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export { AuditList as ActionAuditList };

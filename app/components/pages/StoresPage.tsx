import { useState } from "react";
import { useFetcher } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import type { StoreRow, StoresActionResult, StoresData } from "../../dashboard/types";
import { CsrfInput, PLATFORM_LABEL, useResultToast, useShell, useDates } from "../shell";
import { TitledCard, fieldErrors } from "./parts";

function statusBadge(s: StoreRow) {
  if (s.status === "active") return <Badge tone="success">Connected</Badge>;
  if (s.status === "pending") return <Badge tone="attention">Connecting</Badge>;
  if (s.status === "uninstalled") return <Badge tone="critical">Uninstalled</Badge>;
  return <Badge tone="critical">Disconnected</Badge>;
}

function StoreCard({ s }: { s: StoreRow }) {
  const dates = useDates();
  const fetcher = useFetcher<StoresActionResult>({ key: `store-${s.id}` });
  useResultToast(fetcher.data);
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingSm">
              {s.name}
            </Text>
            <Badge>{PLATFORM_LABEL[s.platform]}</Badge>
            {statusBadge(s)}
            {s.current ? <Badge tone="info">This store</Badge> : null}
          </InlineStack>
        </InlineStack>
        <Text as="p" variant="bodySm" tone="subdued">
          {s.domain} · store id <code>{s.id}</code> · since {dates.date(s.installedAt ?? s.connectedAt)}
        </Text>
        <Text as="p" variant="bodySm">
          {s.platform === "shopify"
            ? `Chat in live theme: ${s.embedEnabled === true ? "on" : s.embedEnabled === false ? "off" : "not checked yet"}`
            : `Widget: ${s.widgetEnabled ? "on" : "off"}`}
        </Text>
        {s.platform === "woocommerce" && s.status !== "disconnected" ? (
          <fetcher.Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="disconnect" />
            <input type="hidden" name="storeId" value={s.id} />
            <InlineStack>
              <Button
                submit
                tone="critical"
                loading={fetcher.state !== "idle"}
                accessibilityLabel={`Disconnect ${s.name}`}
              >
                Disconnect
              </Button>
            </InlineStack>
          </fetcher.Form>
        ) : null}
        {s.platform === "shopify" ? (
          <Text as="p" variant="bodySm" tone="subdued">
            To disconnect a Shopify store, uninstall TrulyBot in its Shopify admin (Settings → Apps and sales
            channels).
          </Text>
        ) : null}
        {fetcher.data && !fetcher.data.ok && fetcher.data.message ? (
          <Banner tone="critical">
            <p>{fetcher.data.message}</p>
          </Banner>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function LinkCodeCard({ store }: { store: StoreRow }) {
  const fetcher = useFetcher<StoresActionResult>({ key: "link-code" });
  const code = fetcher.data?.linkCode;
  return (
    <TitledCard title="Manage this store with another one">
      <Text as="p">
        To see {store.name} in the same dashboard as your other store (for example your Shopify store), create
        a link code here and enter it, with this store's id, on the other store's Stores page. Codes work
        once, for 10 minutes.
      </Text>
      <fetcher.Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="link_code" />
        <Button submit loading={fetcher.state !== "idle"}>
          Create link code
        </Button>
      </fetcher.Form>
      {code ? (
        <Box padding="300" background="bg-surface-secondary" borderRadius="200">
          <BlockStack gap="100">
            <Text as="p">
              Store id: <code data-testid="link-store-id">{code.storeId}</code>
            </Text>
            <Text as="p">
              Link code:{" "}
              <Text as="span" variant="headingMd">
                <code data-testid="link-code">{code.code}</code>
              </Text>
            </Text>
            <Text as="p" variant="bodySm" tone="subdued">
              Valid until{" "}
              {new Date(code.expiresAt).toLocaleTimeString("en-US", {
                timeStyle: "short",
                timeZone: "UTC",
              })}{" "}
              UTC.
            </Text>
          </BlockStack>
        </Box>
      ) : null}
    </TitledCard>
  );
}

function LinkStoreCard() {
  const fetcher = useFetcher<StoresActionResult>({ key: "link-store" });
  const [storeId, setStoreId] = useState("");
  const [code, setCode] = useState("");
  useResultToast(fetcher.data && fetcher.data.ok ? fetcher.data : null);
  const errors = fieldErrors(fetcher.data);
  return (
    <TitledCard title="Link another store">
      <Text as="p">
        Manage a WooCommerce store from here: in its TrulyBot dashboard (WordPress → WooCommerce → TrulyBot →
        Open dashboard → Stores), create a link code, then enter its store id and the code below.
      </Text>
      <fetcher.Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="link" />
        <FormLayout>
          <FormLayout.Group>
            <TextField
              label="Store id"
              name="storeId"
              value={storeId}
              onChange={setStoreId}
              autoComplete="off"
              error={errors.storeId}
            />
            <TextField
              label="Link code"
              name="code"
              value={code}
              onChange={setCode}
              autoComplete="off"
              placeholder="ABCDE-FGH23"
              error={errors.code}
            />
          </FormLayout.Group>
          <Button submit variant="primary" loading={fetcher.state !== "idle"}>
            Link store
          </Button>
        </FormLayout>
      </fetcher.Form>
    </TitledCard>
  );
}

export function StoresPage({ data }: { data: StoresData }) {
  const { embedded } = useShell();
  const current = data.stores.find((s) => s.current);
  return (
    <Page
      title={embedded ? undefined : "Stores"}
      subtitle="Every store this dashboard manages, on Shopify and WooCommerce"
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {data.stores.map((s) => (
              <StoreCard key={s.id} s={s} />
            ))}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <LinkStoreCard />
            {current ? <LinkCodeCard store={current} /> : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

import { useState } from "react";
import {
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  FormLayout,
  InlineGrid,
  Layout,
  Page,
  Select,
  Text,
  TextField,
  Banner,
} from "@shopify/polaris";
import { useNavigation } from "@remix-run/react";
import type { ActionResult, BotSettingsData } from "../../dashboard/types";
import { LANGUAGE_LABELS } from "../../dashboard/settings-schema";
import { PLATFORM_LABEL, ShellForm, useResultToast, useShell } from "../shell";
import { WidgetPreview } from "../WidgetPreview";
import { MailBanner } from "../MailBanner";
import { TitledCard, fieldErrors } from "./parts";

/** the settings edited in a text field */
type TextSetting =
  "name" | "greeting" | "accentColor" | "launcherLabel" | "handoffEmail" | "businessHours" | "proactiveNote";

const LANG_CHOICES = Object.entries(LANGUAGE_LABELS).map(([value, label]) => ({ value, label }));

export function BotSettingsPage({
  data,
  result,
}: {
  data: BotSettingsData;
  result?: (ActionResult & { values?: Partial<BotSettingsData["values"]> }) | null;
}) {
  const { embedded } = useShell();
  const nav = useNavigation();
  const saving = nav.state === "submitting" && nav.formMethod?.toLowerCase() === "post";
  const [v, setV] = useState(data.values);
  const set =
    <K extends keyof typeof v>(k: K) =>
    (value: (typeof v)[K]) =>
      setV((prev) => ({ ...prev, [k]: value }));
  const errors = fieldErrors(result);
  /** what every text field of the form shares: its name, value, change handler and error */
  const field = (k: TextSetting) => ({
    name: k,
    value: v[k] ?? "",
    onChange: set(k),
    autoComplete: "off",
    error: errors[k],
  });
  useResultToast(result);
  const swatch = /^#[0-9a-f]{6}$/i.test(v.accentColor) ? v.accentColor : "#1a73e8";

  return (
    <Page
      title={embedded ? undefined : "Bot settings"}
      subtitle={`${data.store.name} (${PLATFORM_LABEL[data.store.platform]}): how the chat looks and behaves on this storefront`}
    >
      <ShellForm>
        <input type="hidden" name="orderTracking" value={v.orderTracking ? "true" : "false"} />
        <input type="hidden" name="proactive" value={v.proactive ? "true" : "false"} />
        <input type="hidden" name="riskDigest" value={v.riskDigest ? "true" : "false"} />
        {v.languages.map((l) => (
          <input key={l} type="hidden" name="languages" value={l} />
        ))}
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <MailBanner mailConfigured={data.mailConfigured} />
              {result && !result.ok && result.message ? (
                <Banner tone="critical" title="Settings were not saved">
                  <p>{result.message}</p>
                </Banner>
              ) : null}
              <Card>
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    Look and greeting
                  </Text>
                  <TextField label="Bot name" {...field("name")} maxLength={40} />
                  <TextField
                    label="Greeting"
                    {...field("greeting")}
                    multiline={3}
                    maxLength={300}
                    showCharacterCount
                  />
                  <FormLayout.Group>
                    <TextField
                      label="Accent colour"
                      {...field("accentColor")}
                      helpText="Hex, e.g. #1a73e8. Text on it is adjusted for contrast."
                      connectedRight={
                        <input
                          type="color"
                          aria-label="Pick accent colour"
                          value={swatch}
                          onChange={(e) => set("accentColor")(e.currentTarget.value)}
                          style={{
                            width: 44,
                            height: 36,
                            padding: 2,
                            border: "1px solid #8a8a8a",
                            borderRadius: 8,
                            background: "#fff",
                            cursor: "pointer",
                          }}
                        />
                      }
                    />
                    <Select
                      label="Position"
                      name="position"
                      options={[
                        { label: "Bottom right", value: "right" },
                        { label: "Bottom left", value: "left" },
                      ]}
                      value={v.position}
                      onChange={(val) => set("position")(val === "left" ? "left" : "right")}
                      error={errors.position}
                    />
                  </FormLayout.Group>
                  <TextField
                    label="Launcher label"
                    {...field("launcherLabel")}
                    maxLength={40}
                    helpText="What screen readers announce for the chat button."
                  />
                </FormLayout>
              </Card>
              <Card>
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    Behaviour
                  </Text>
                  <ChoiceList
                    title="Languages the bot speaks"
                    allowMultiple
                    choices={LANG_CHOICES}
                    selected={v.languages}
                    onChange={(sel) => set("languages")(sel)}
                    error={errors.languages}
                  />
                  <Checkbox
                    label="Answer order status and tracking questions"
                    helpText="Shoppers verify with their order number and email before they see anything."
                    checked={v.orderTracking}
                    onChange={(c) => set("orderTracking")(c)}
                  />
                  <TextField
                    label="Handoff email"
                    type="email"
                    {...field("handoffEmail")}
                    autoComplete="email"
                    helpText="Where requests for a person go. Leave empty to use your store's contact email."
                  />
                  <TextField
                    label="Business hours"
                    {...field("businessHours")}
                    placeholder="Mon–Fri 9:00–17:00 CET"
                    helpText="Told to shoppers when they ask for a person."
                    maxLength={200}
                  />
                  <Checkbox
                    label="Tell shoppers when their order is late or stuck"
                    helpText="Only a shopper who verified the order in this browser, or is logged in, sees the note."
                    checked={v.proactive ?? false}
                    onChange={(c) => set("proactive")(c)}
                  />
                  <TextField
                    label="Note wording"
                    {...field("proactiveNote")}
                    placeholder="News about your order #{n}"
                    helpText="Leave empty for the default note in the shopper's language. {n} is the order number."
                    maxLength={140}
                    disabled={!v.proactive}
                  />
                  <Checkbox
                    label="E-mail me the orders at risk every day"
                    helpText="Sent to the handoff email, or your store's contact email."
                    checked={v.riskDigest ?? false}
                    onChange={(c) => set("riskDigest")(c)}
                  />
                </FormLayout>
              </Card>
              <InlineGrid columns="1fr auto">
                <Text as="p" tone="subdued" variant="bodySm">
                  Saved changes reach your storefront the next time the widget loads (version {data.version}).
                </Text>
                <Button submit variant="primary" loading={saving}>
                  Save
                </Button>
              </InlineGrid>
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <TitledCard title="Preview">
              <Box>
                <WidgetPreview
                  name={v.name}
                  greeting={v.greeting}
                  accentColor={v.accentColor}
                  position={v.position}
                  launcherLabel={v.launcherLabel}
                />
              </Box>
            </TitledCard>
          </Layout.Section>
        </Layout>
      </ShellForm>
    </Page>
  );
}

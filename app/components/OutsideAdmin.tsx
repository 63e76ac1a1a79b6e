/** What /app shows when opened outside Shopify admin (instead of a blank 410 / redirect). */
import { AppProvider, BlockStack, Box, Card, List, Page, Text } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json" with { type: "json" };

/** Body of the response /app's loaders throw outside the admin (app/dashboard/embedded.server.ts). */
export const OUTSIDE_ADMIN = "trulybot:outside-admin";

export function OutsideAdmin() {
  return (
    <AppProvider i18n={en}>
      <Page narrowWidth>
        <Box paddingBlockStart="1600">
          <Card>
            <BlockStack gap="300">
              <Text as="h1" variant="headingLg">
                Open TrulyBot from your Shopify admin
              </Text>
              <Text as="p">
                This page is part of the TrulyBot app inside Shopify admin, so it only works there. To open
                it:
              </Text>
              <List type="number">
                <List.Item>Log in to your Shopify admin.</List.Item>
                <List.Item>
                  Go to <strong>Apps</strong> in the left menu and choose <strong>TrulyBot</strong>.
                </List.Item>
              </List>
              <Text as="p" tone="subdued">
                Not installed yet? Install TrulyBot from the Shopify App Store, then open it from Apps. Using
                WooCommerce? Open the dashboard from WordPress: WooCommerce → TrulyBot → Open dashboard.
              </Text>
            </BlockStack>
          </Card>
        </Box>
      </Page>
    </AppProvider>
  );
}

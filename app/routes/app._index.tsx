import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { shop: session.shop };
};

export default function Home() {
  const { shop } = useLoaderData<typeof loader>();
  return (
    <Page>
      <TitleBar title="TrulyBot" />
      <BlockStack gap="400">
        <Card>
          <Text as="h2" variant="headingMd">
            TrulyBot is installed on {shop}
          </Text>
        </Card>
      </BlockStack>
    </Page>
  );
}

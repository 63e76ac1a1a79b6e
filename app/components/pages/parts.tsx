/** Small pieces the dashboard pages share: a card with a heading, and an action result's field errors. */
import type { ReactNode } from "react";
import { BlockStack, Card, Text } from "@shopify/polaris";
import type { FieldErrors } from "../../dashboard/types";

/** A card whose content starts with a section heading (h2). */
export function TitledCard({
  title,
  gap = "300",
  children,
}: {
  title: ReactNode;
  gap?: "200" | "300";
  children: ReactNode;
}) {
  return (
    <Card>
      <BlockStack gap={gap}>
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}

/** The field errors of a failed action result (none while there is no result or it succeeded). */
export function fieldErrors(result: { ok: boolean; errors?: FieldErrors } | null | undefined): FieldErrors {
  return result && !result.ok ? (result.errors ?? {}) : {};
}

/**
 * Live handoff controls on the conversation page: take over, reply as a person, hand back to the bot.
 * While taken over the page re-fetches every few seconds so the shopper's new messages appear.
 */
import { useEffect, useState } from "react";
import { useNavigation, useRevalidator } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import type { ConversationDetailData, FieldErrors } from "../dashboard/types";
import { ShellForm } from "./shell";

const REFRESH_MS = 5000;

function useLiveRefresh(active: boolean) {
  const { revalidate, state } = useRevalidator();
  const navigation = useNavigation();
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => {
      if (state === "idle" && navigation.state === "idle" && document.visibilityState === "visible")
        revalidate();
    }, REFRESH_MS);
    return () => clearInterval(t);
  }, [active, revalidate, state, navigation.state]);
}

function IntentButton({ intent, label, primary }: { intent: string; label: string; primary?: boolean }) {
  return (
    <ShellForm>
      <input type="hidden" name="intent" value={intent} />
      <Button submit variant={primary ? "primary" : undefined}>
        {label}
      </Button>
    </ShellForm>
  );
}

export function LiveReply({
  live,
  errors,
  sentCount,
}: {
  live: ConversationDetailData["live"];
  errors?: FieldErrors;
  /** changes after each successful reply: clears the text field */
  sentCount: number;
}) {
  const [text, setText] = useState("");
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === "reply";
  useEffect(() => setText(""), [sentCount]);
  const takenOver = live.takenOverAt !== null;
  useLiveRefresh(takenOver);
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Reply as a person
          </Text>
          <Badge tone={live.shopperHere ? "success" : undefined}>
            {live.shopperHere ? "Shopper is in the chat" : "Shopper has left the chat"}
          </Badge>
        </InlineStack>
        {takenOver ? (
          <Text as="p" tone="subdued">
            You&apos;re in this chat: the bot stays quiet until you hand it back.
          </Text>
        ) : (
          <Text as="p" tone="subdued">
            Take over to answer the shopper yourself. They see your replies in the chat window.
          </Text>
        )}
        {!live.shopperHere ? (
          live.shopperEmail && live.mailConfigured ? (
            <Text as="p" tone="subdued">
              They left the chat, so your reply is also e-mailed to {live.shopperEmail} with a link back.
            </Text>
          ) : (
            <Banner tone="warning">
              {live.shopperEmail
                ? "They left the chat and e-mail is not set up (SMTP_URL), so they see your reply only when they open the chat again."
                : "They left the chat without an e-mail address: they see your reply when they open the chat again."}
            </Banner>
          )
        ) : null}
        <ShellForm>
          <input type="hidden" name="intent" value="reply" />
          <BlockStack gap="200">
            <TextField
              label="Your reply"
              name="text"
              value={text}
              onChange={setText}
              multiline={3}
              maxLength={2000}
              autoComplete="off"
              error={errors?.text}
            />
            <InlineStack gap="200">
              <Button submit variant="primary" loading={sending}>
                {takenOver ? "Send" : "Take over and send"}
              </Button>
            </InlineStack>
          </BlockStack>
        </ShellForm>
        <InlineStack gap="200">
          {takenOver ? (
            <IntentButton intent="hand_back" label="Hand back to the bot" />
          ) : (
            <IntentButton intent="take_over" label="Take over" />
          )}
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

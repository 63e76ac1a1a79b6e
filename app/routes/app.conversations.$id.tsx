import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { embeddedContext } from "../dashboard/embedded.server";
import { conversationDetail } from "../dashboard/conversations.server";
import { liveAction } from "../dashboard/live.server";
import { listConversationActions } from "../actions/execute.server";
import { ConversationDetailPage } from "../components/pages/ConversationDetailPage";

export const meta: MetaFunction = () => [{ title: "Conversation · TrulyBot" }];

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { ctx } = await embeddedContext(request);
  const detail = await conversationDetail(ctx, params.id ?? "");
  return { ...detail, actions: await listConversationActions(ctx.db, detail.conversation.id) };
};

/** Live handoff: take over, reply, hand back. */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { ctx } = await embeddedContext(request);
  const { status, ...result } = await liveAction(ctx, params.id ?? "", await request.formData());
  return data({ ...result, sent: result.ok ? Date.now() : 0 }, { status });
};

export default function AppConversation() {
  return (
    <>
      <TitleBar title="Conversation" />
      <ConversationDetailPage data={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />
    </>
  );
}

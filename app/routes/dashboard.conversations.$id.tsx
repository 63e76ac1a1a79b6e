import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStandalone } from "../dashboard/context.server";
import { conversationDetail } from "../dashboard/conversations.server";
import { listConversationActions } from "../actions/execute.server";
import { ConversationDetailPage } from "../components/pages/ConversationDetailPage";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { ctx } = await requireStandalone(request);
  const detail = await conversationDetail(ctx, params.id ?? "");
  return { ...detail, actions: await listConversationActions(ctx.db, detail.conversation.id) };
};

export default function DashboardConversation() {
  return <ConversationDetailPage data={useLoaderData<typeof loader>()} />;
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStandalone } from "../dashboard/context.server";
import { conversationDetail } from "../dashboard/conversations.server";
import { ConversationDetailPage } from "../components/pages/ConversationDetailPage";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { ctx } = await requireStandalone(request);
  return conversationDetail(ctx, params.id ?? "");
};

export default function DashboardConversation() {
  return <ConversationDetailPage data={useLoaderData<typeof loader>()} />;
}

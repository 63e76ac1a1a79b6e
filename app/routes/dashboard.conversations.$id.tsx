import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireStandalone, requireStandaloneForm } from "../dashboard/context.server";
import { conversationDetail } from "../dashboard/conversations.server";
import { liveAction } from "../dashboard/live.server";
import { listConversationActions } from "../actions/execute.server";
import { ConversationDetailPage } from "../components/pages/ConversationDetailPage";

export const meta: MetaFunction = () => [
  { title: "Conversation · TrulyBot dashboard" },
  { name: "robots", content: "noindex" },
];

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { ctx } = await requireStandalone(request);
  const detail = await conversationDetail(ctx, params.id ?? "");
  return { ...detail, actions: await listConversationActions(ctx.db, detail.conversation.id) };
};

/** Live handoff: take over, reply, hand back (CSRF-checked). */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { ctx, form } = await requireStandaloneForm(request);
  const { status, ...result } = await liveAction(ctx, params.id ?? "", form);
  return data(
    { ...result, sent: result.ok ? Date.now() : 0 },
    { status, headers: { "Cache-Control": "no-store" } },
  );
};

export default function DashboardConversation() {
  return (
    <ConversationDetailPage data={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />
  );
}

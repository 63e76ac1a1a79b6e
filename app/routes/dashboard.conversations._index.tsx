import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStandalone } from "../dashboard/context.server";
import { listConversations } from "../dashboard/conversations.server";
import { ConversationsPage } from "../components/pages/ConversationsPage";

export const meta: MetaFunction = () => [
  { title: "Conversations · TrulyBot dashboard" },
  { name: "robots", content: "noindex" },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await requireStandalone(request);
  return listConversations(ctx);
};

export default function DashboardConversations() {
  const d = useLoaderData<typeof loader>();
  return <ConversationsPage key={JSON.stringify(d.filters)} data={d} />;
}

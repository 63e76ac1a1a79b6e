import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { embeddedContext } from "../dashboard/embedded.server";
import { listConversations } from "../dashboard/conversations.server";
import { ConversationsPage } from "../components/pages/ConversationsPage";

export const meta: MetaFunction = () => [{ title: "Conversations · TrulyBot" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await embeddedContext(request);
  return listConversations(ctx);
};

export default function AppConversations() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <TitleBar title="Conversations" />
      <ConversationsPage key={JSON.stringify(d.filters)} data={d} />
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { requireStandalone, requireStandaloneForm } from "../dashboard/context.server";
import { handoffAction, loadHandoffs } from "../dashboard/handoffs.server";
import { HandoffsPage } from "../components/pages/HandoffsPage";

export const meta: MetaFunction = () => [
  { title: "Handoffs · TrulyBot dashboard" },
  { name: "robots", content: "noindex" },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await requireStandalone(request);
  return loadHandoffs(ctx);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { ctx, form } = await requireStandaloneForm(request);
  const { status, ...result } = await handoffAction(ctx, form);
  return data(result, { status });
};

export default function DashboardHandoffs() {
  const [params] = useSearchParams();
  return <HandoffsPage data={useLoaderData<typeof loader>()} status={params.get("status")} />;
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStandalone, requireStandaloneForm } from "../dashboard/context.server";
import { loadStores, storesAction } from "../dashboard/stores.server";
import { StoresPage } from "../components/pages/StoresPage";

export const meta: MetaFunction = () => [
  { title: "Stores · TrulyBot dashboard" },
  { name: "robots", content: "noindex" },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await requireStandalone(request);
  return loadStores(ctx);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { ctx, form } = await requireStandaloneForm(request);
  const { status, ...result } = await storesAction(ctx, form);
  return data(result, { status });
};

export default function DashboardStores() {
  return <StoresPage data={useLoaderData<typeof loader>()} />;
}

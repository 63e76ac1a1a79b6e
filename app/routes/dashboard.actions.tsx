import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStandalone, requireStandaloneForm } from "../dashboard/context.server";
import { loadActionsPage, saveActionsPage } from "../actions/dashboard.server";
import { ActionsPage } from "../components/pages/ActionsPage";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await requireStandalone(request);
  return loadActionsPage(ctx);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { ctx, form } = await requireStandaloneForm(request);
  // Shopify scopes can only be granted in the Shopify admin: the page says so when they are missing
  const { status, requestScopes: _scopes, ...result } = await saveActionsPage(ctx, form);
  return data(result, { status });
};

export default function DashboardActions() {
  return <ActionsPage data={useLoaderData<typeof loader>()} />;
}

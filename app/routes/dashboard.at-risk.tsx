import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStandalone, requireStandaloneForm } from "../dashboard/context.server";
import { atRiskAction, loadOrdersAtRisk } from "../orders/health/at-risk.server";
import { OrdersAtRiskPage } from "../components/pages/OrdersAtRiskPage";

export const meta: MetaFunction = () => [
  { title: "Orders at risk · TrulyBot dashboard" },
  { name: "robots", content: "noindex" },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await requireStandalone(request);
  return loadOrdersAtRisk(ctx);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { ctx, form } = await requireStandaloneForm(request);
  const { status, ...result } = await atRiskAction(ctx, form);
  return data(result, { status });
};

export default function DashboardOrdersAtRisk() {
  return <OrdersAtRiskPage data={useLoaderData<typeof loader>()} />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStandalone } from "../dashboard/context.server";
import { loadOrdersAtRisk } from "../orders/health/at-risk.server";
import { OrdersAtRiskPage } from "../components/pages/OrdersAtRiskPage";

export const meta: MetaFunction = () => [
  { title: "Orders at risk · TrulyBot dashboard" },
  { name: "robots", content: "noindex" },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await requireStandalone(request);
  return loadOrdersAtRisk(ctx);
};

export default function DashboardOrdersAtRisk() {
  return <OrdersAtRiskPage data={useLoaderData<typeof loader>()} />;
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { embeddedContext } from "../dashboard/embedded.server";
import { atRiskAction, loadOrdersAtRisk } from "../orders/health/at-risk.server";
import { OrdersAtRiskPage } from "../components/pages/OrdersAtRiskPage";

export const meta: MetaFunction = () => [{ title: "Orders at risk · TrulyBot" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await embeddedContext(request);
  return loadOrdersAtRisk(ctx);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { ctx } = await embeddedContext(request);
  const { status, ...result } = await atRiskAction(ctx, await request.formData());
  return data(result, { status });
};

export default function AppOrdersAtRisk() {
  return (
    <>
      <TitleBar title="Orders at risk" />
      <OrdersAtRiskPage data={useLoaderData<typeof loader>()} />
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { embeddedContext } from "../dashboard/embedded.server";
import { handoffAction, loadHandoffs } from "../dashboard/handoffs.server";
import { HandoffsPage } from "../components/pages/HandoffsPage";

export const meta: MetaFunction = () => [{ title: "Handoffs · TrulyBot" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await embeddedContext(request);
  return loadHandoffs(ctx);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { ctx } = await embeddedContext(request);
  const { status, ...result } = await handoffAction(ctx, await request.formData());
  return data(result, { status });
};

export default function AppHandoffs() {
  const [params] = useSearchParams();
  return (
    <>
      <TitleBar title="Handoffs" />
      <HandoffsPage data={useLoaderData<typeof loader>()} status={params.get("status")} />
    </>
  );
}

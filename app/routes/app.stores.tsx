import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { embeddedContext } from "../dashboard/embedded.server";
import { loadStores, storesAction } from "../dashboard/stores.server";
import { StoresPage } from "../components/pages/StoresPage";

export const meta: MetaFunction = () => [{ title: "Stores · TrulyBot" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await embeddedContext(request);
  return loadStores(ctx);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { ctx } = await embeddedContext(request);
  const { status, ...result } = await storesAction(ctx, await request.formData());
  return data(result, { status });
};

export default function AppStores() {
  return (
    <>
      <TitleBar title="Stores" />
      <StoresPage data={useLoaderData<typeof loader>()} />
    </>
  );
}

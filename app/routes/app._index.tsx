import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { embeddedContext, refreshEmbedStatus } from "../dashboard/embedded.server";
import { loadHome } from "../dashboard/home.server";
import { HomePage } from "../components/pages/HomePage";

export const meta: MetaFunction = () => [{ title: "Home · TrulyBot" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx, admin, shop } = await embeddedContext(request);
  const embedEnabled = await refreshEmbedStatus(ctx, admin);
  return loadHome(ctx, { shop, embedEnabled });
};

export default function AppHome() {
  return (
    <>
      <TitleBar title="TrulyBot" />
      <HomePage data={useLoaderData<typeof loader>()} />
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { embeddedContext } from "../dashboard/embedded.server";
import { faqAction, loadFaq } from "../dashboard/faq.server";
import { FaqPage } from "../components/pages/FaqPage";

export const meta: MetaFunction = () => [{ title: "FAQ · TrulyBot" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await embeddedContext(request);
  return loadFaq(ctx);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { ctx } = await embeddedContext(request);
  const { status, ...result } = await faqAction(ctx, await request.formData());
  return data(result, { status });
};

export default function AppFaq() {
  return (
    <>
      <TitleBar title="FAQ" />
      <FaqPage data={useLoaderData<typeof loader>()} />
    </>
  );
}

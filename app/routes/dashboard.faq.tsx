import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStandalone, requireStandaloneForm } from "../dashboard/context.server";
import { faqAction, loadFaq } from "../dashboard/faq.server";
import { FaqPage } from "../components/pages/FaqPage";

export const meta: MetaFunction = () => [
  { title: "FAQ · TrulyBot dashboard" },
  { name: "robots", content: "noindex" },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await requireStandalone(request);
  return loadFaq(ctx);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { ctx, form } = await requireStandaloneForm(request);
  const { status, ...result } = await faqAction(ctx, form);
  return data(result, { status });
};

export default function DashboardFaq() {
  return <FaqPage data={useLoaderData<typeof loader>()} />;
}

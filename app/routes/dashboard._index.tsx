import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStandalone } from "../dashboard/context.server";
import { loadHome } from "../dashboard/home.server";
import { HomePage } from "../components/pages/HomePage";

export const meta: MetaFunction = () => [
  { title: "Home · TrulyBot dashboard" },
  { name: "robots", content: "noindex" },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await requireStandalone(request);
  return loadHome(ctx);
};

export default function DashboardHome() {
  return <HomePage data={useLoaderData<typeof loader>()} />;
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireStandalone, requireStandaloneForm } from "../dashboard/context.server";
import { loadBotSettings, saveBotSettings } from "../dashboard/settings.server";
import { BotSettingsPage } from "../components/pages/BotSettingsPage";

export const meta: MetaFunction = () => [
  { title: "Bot settings · TrulyBot dashboard" },
  { name: "robots", content: "noindex" },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await requireStandalone(request);
  return loadBotSettings(ctx);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { ctx, form } = await requireStandaloneForm(request);
  const { status, ...result } = await saveBotSettings(ctx, form);
  return data(result, { status });
};

export default function DashboardSettings() {
  return <BotSettingsPage data={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}

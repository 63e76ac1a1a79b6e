import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { embeddedContext } from "../dashboard/embedded.server";
import { loadBotSettings, saveBotSettings } from "../dashboard/settings.server";
import { BotSettingsPage } from "../components/pages/BotSettingsPage";

export const meta: MetaFunction = () => [{ title: "Bot settings · TrulyBot" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await embeddedContext(request);
  return loadBotSettings(ctx);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { ctx } = await embeddedContext(request);
  const { status, ...result } = await saveBotSettings(ctx, await request.formData());
  return data(result, { status });
};

export default function AppSettings() {
  return (
    <>
      <TitleBar title="Bot settings" />
      <BotSettingsPage data={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />
    </>
  );
}

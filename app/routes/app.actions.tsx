import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { embeddedContext } from "../dashboard/embedded.server";
import { authenticate } from "../platforms/shopify/app.server";
import { loadActionsPage, saveActionsPage } from "../actions/dashboard.server";
import { ActionsPage } from "../components/pages/ActionsPage";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { ctx } = await embeddedContext(request);
  return loadActionsPage(ctx);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { ctx } = await embeddedContext(request);
  const { status, requestScopes, ...result } = await saveActionsPage(ctx, await request.formData());
  if (result.ok && requestScopes?.length) {
    // the library's optional-scope flow: Shopify shows the merchant the grant screen (throws a redirect)
    const { scopes } = await authenticate.admin(request);
    await scopes.request(requestScopes);
  }
  return data(result, { status });
};

export default function AppActions() {
  return (
    <>
      <TitleBar title="Self-service" />
      <ActionsPage data={useLoaderData<typeof loader>()} />
    </>
  );
}

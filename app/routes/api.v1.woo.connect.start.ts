import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { startConnect } from "../platforms/woocommerce/connect.server";
import { withConnectErrors } from "../platforms/woocommerce/http.server";

/** WP admin "Connect" lands here; we send the merchant to their store's /wc-auth/v1/authorize. */
export const loader = async ({ request }: LoaderFunctionArgs) =>
  withConnectErrors(async () => redirect(await startConnect(new URL(request.url).searchParams)));

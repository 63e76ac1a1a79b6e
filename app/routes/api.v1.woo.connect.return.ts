import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { connectReturn } from "../platforms/woocommerce/connect.server";
import { withConnectErrors } from "../platforms/woocommerce/http.server";

/** The merchant's browser, back from WooCommerce's approval screen → WP admin. */
export const loader = async ({ request }: LoaderFunctionArgs) =>
  withConnectErrors(async () => redirect(await connectReturn(new URL(request.url).searchParams)));

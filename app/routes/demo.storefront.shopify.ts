import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { demoStorefrontLogin, demoStorefrontPage } from "../demo/storefront.server";

export const loader = ({ request }: LoaderFunctionArgs) => demoStorefrontPage(request, "shopify");
export const action = ({ request }: ActionFunctionArgs) => demoStorefrontLogin(request, "shopify");

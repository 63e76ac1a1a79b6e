import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { shopifyDemoProxy } from "../demo/signers.server";

/** Demo storefront → signed like Shopify's app proxy → the real /proxy routes. */
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  shopifyDemoProxy(request, params["*"] ?? "");
export const action = ({ request, params }: ActionFunctionArgs) =>
  shopifyDemoProxy(request, params["*"] ?? "");

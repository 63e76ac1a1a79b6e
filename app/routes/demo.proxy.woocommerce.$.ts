import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { wooDemoProxy } from "../demo/signers.server";

/** Demo storefront → signed like the WordPress plugin → the real /api/v1/woo/storefront routes. */
export const loader = ({ request, params }: LoaderFunctionArgs) => wooDemoProxy(request, params["*"] ?? "");
export const action = ({ request, params }: ActionFunctionArgs) => wooDemoProxy(request, params["*"] ?? "");

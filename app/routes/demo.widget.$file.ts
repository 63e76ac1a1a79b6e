import type { LoaderFunctionArgs } from "@remix-run/node";
import { demoWidgetFile } from "../demo/storefront.server";

/** The built widget for the demo storefronts (Shopify serves it from its CDN, WordPress from the plugin). */
export const loader = ({ params }: LoaderFunctionArgs) => demoWidgetFile(params.file ?? "");

/**
 * Shared fixtures of the dashboard page tests (app/components/pages/pages-*.test.tsx): a page rendered
 * server-side in a shell, the scope of a merchant with two stores, and the page's text without tags.
 */
import type { ReactElement } from "react";
import { renderPage, type Shell } from "./render-page";

export const render = (element: ReactElement, shell: Shell = "standalone", path = "/dashboard") =>
  renderPage(element, shell, path);

export const store = {
  id: "s1",
  name: "Woo Outfitters",
  platform: "woocommerce" as const,
  domain: "woo.test",
  status: "active",
};
export const scope = {
  store: "s1",
  label: "Woo Outfitters (WooCommerce)",
  stores: [store, { ...store, id: "s2", name: "Demo Outfitters", platform: "shopify" as const }],
  timeZone: "Europe/Berlin",
};
export const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

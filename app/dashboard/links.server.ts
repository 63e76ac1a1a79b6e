/**
 * Links the app puts into e-mails: the conversation in the merchant's dashboard (Shopify admin for a
 * Shopify store, the standalone dashboard otherwise) and the storefront the shopper chatted on.
 */
import type { Store } from "@prisma/client";
import { loadEnv } from "../env.server";

type LinkStore = Pick<Store, "platform" | "domain" | "url">;

/** Where the merchant opens this conversation. Shopify: the app inside the shop's admin. */
export function conversationAdminUrl(store: LinkStore, conversationId: string): string {
  const env = loadEnv();
  const id = encodeURIComponent(conversationId);
  if (store.platform === "shopify")
    return `https://${store.domain}/admin/apps/${env.SHOPIFY_API_KEY}/app/conversations/${id}`;
  return `${env.SHOPIFY_APP_URL.replace(/\/+$/, "")}/dashboard/conversations/${id}`;
}

/**
 * The storefront, with `trulybot=open` so the widget opens the chat (the browser keeps the
 * conversation and its token), or with `trulybot=resume.<token>` (ADR 0033): the widget on any device
 * exchanges the token for the conversation (app/storefront/resume-link.server.ts).
 */
export function storefrontChatUrl(store: LinkStore, resumeToken?: string | null): string {
  const base = store.platform === "woocommerce" && store.url ? store.url : `https://${store.domain}/`;
  const u = new URL(base);
  u.searchParams.set("trulybot", resumeToken ? `resume.${resumeToken}` : "open");
  return u.toString();
}

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
 * conversation and its token, so the shopper is back in the same conversation).
 */
export function storefrontChatUrl(store: LinkStore): string {
  const base = store.platform === "woocommerce" && store.url ? store.url : `https://${store.domain}/`;
  const u = new URL(base);
  u.searchParams.set("trulybot", "open");
  return u.toString();
}

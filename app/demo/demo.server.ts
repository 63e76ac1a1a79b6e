import { loadEnv } from "../env.server";

export const DEMO_SHOPIFY_SHOP = "demo-outfitters.myshopify.com";

/** Demo routes exist only when TRULYBOT_DEMO=1 (npm run demo); otherwise they are 404. */
export function requireDemoMode() {
  if (!loadEnv().TRULYBOT_DEMO) throw new Response("Not Found", { status: 404 });
  return { shopifyShop: DEMO_SHOPIFY_SHOP };
}

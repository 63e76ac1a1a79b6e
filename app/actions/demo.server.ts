/**
 * The demo's self-service setup: the Shopify demo shop cancels unfulfilled orders, the WooCommerce demo
 * store changes addresses and cancels, both without a time window (the demo orders have fixed dates).
 * The demo installation is treated as having granted write_orders / read_write keys.
 */
import type { Db } from "../db.server";
import { saveActionRule } from "./rules.server";
import { defaultRule } from "./types";

export async function seedDemoActions(db: Db, ids: { shopify: string; woocommerce: string }): Promise<void> {
  if ((await db.actionRule.count({ where: { storeId: { in: [ids.shopify, ids.woocommerce] } } })) > 0) return;
  const on = (a: "cancel" | "address" | "return") => ({
    ...defaultRule(a),
    enabled: true,
    windowHours: null,
  });
  await saveActionRule(db, ids.shopify, on("cancel"));
  await saveActionRule(db, ids.shopify, on("address"));
  await saveActionRule(db, ids.shopify, on("return"));
  await saveActionRule(db, ids.woocommerce, on("address"));
  await saveActionRule(db, ids.woocommerce, on("cancel"));
}

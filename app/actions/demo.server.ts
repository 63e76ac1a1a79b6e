/**
 * The demo's self-service setup, as a merchant would have turned it on: the Shopify demo shop cancels
 * unfulfilled orders, changes addresses and takes return requests; the WooCommerce demo store changes
 * addresses, cancels and takes return requests (an order note plus a handoff: WooCommerce has no returns
 * core). No time windows: the demo orders have fixed dates, so any window would close as the calendar
 * moves on. The demo installation is treated as having granted write_orders / read_write keys.
 * Only rules the demo database does not have yet are written: a merchant's own change in a kept `.demo`
 * is not undone on the next start, and a rule added here later still reaches an older `.demo`.
 */
import type { Db } from "../db.server";
import { saveActionRule } from "./rules.server";
import { defaultRule, type ActionKind } from "./types";

const DEMO_RULES: { store: "shopify" | "woocommerce"; action: ActionKind }[] = [
  { store: "shopify", action: "cancel" },
  { store: "shopify", action: "address" },
  { store: "shopify", action: "return" },
  { store: "woocommerce", action: "address" },
  { store: "woocommerce", action: "cancel" },
  { store: "woocommerce", action: "return" },
];

export async function seedDemoActions(db: Db, ids: { shopify: string; woocommerce: string }): Promise<void> {
  const have = await db.actionRule.findMany({
    where: { storeId: { in: [ids.shopify, ids.woocommerce] } },
    select: { storeId: true, action: true },
  });
  for (const r of DEMO_RULES) {
    const storeId = ids[r.store];
    if (have.some((h) => h.storeId === storeId && h.action === r.action)) continue;
    await saveActionRule(db, storeId, { ...defaultRule(r.action), enabled: true, windowHours: null });
  }
}

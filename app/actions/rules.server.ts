/** The merchant's action rules, stored per store and action (ActionRule rows; defaults: all off). */
import type { Db } from "../db.server";
import { CANONICAL_ORDER_STATUSES, type CanonicalOrderStatus } from "../orders/types";
import {
  ACTION_KINDS,
  POSSIBLE_STATUSES,
  defaultRule,
  type ActionKind,
  type ActionRule,
  type ActionRules,
} from "./types";

function parseStatuses(raw: string, action: ActionKind): CanonicalOrderStatus[] {
  try {
    const list = JSON.parse(raw) as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (s): s is CanonicalOrderStatus =>
        typeof s === "string" &&
        (CANONICAL_ORDER_STATUSES as readonly string[]).includes(s) &&
        POSSIBLE_STATUSES[action].includes(s as CanonicalOrderStatus),
    );
  } catch {
    return [];
  }
}

export async function loadActionRules(db: Db, storeId: string): Promise<ActionRules> {
  const rows = await db.actionRule.findMany({ where: { storeId } });
  const rules = Object.fromEntries(ACTION_KINDS.map((k) => [k, defaultRule(k)])) as ActionRules;
  for (const r of rows) {
    if (!(ACTION_KINDS as readonly string[]).includes(r.action)) continue;
    const action = r.action as ActionKind;
    rules[action] = {
      action,
      enabled: r.enabled,
      windowHours: r.windowHours,
      statuses: parseStatuses(r.statuses, action),
      maxTotal: r.maxTotal,
      askPerson: r.askPerson,
      allowCountryChange: r.allowCountryChange,
      restock: r.restock,
      refund: r.refund,
      notifyCustomer: r.notifyCustomer,
      notifyMerchant: r.notifyMerchant,
    };
  }
  return rules;
}

export async function saveActionRule(db: Db, storeId: string, rule: ActionRule): Promise<void> {
  const data = {
    enabled: rule.enabled,
    windowHours: rule.windowHours,
    statuses: JSON.stringify(rule.statuses.filter((s) => POSSIBLE_STATUSES[rule.action].includes(s))),
    maxTotal: rule.maxTotal,
    askPerson: rule.askPerson,
    allowCountryChange: rule.allowCountryChange,
    restock: rule.restock,
    refund: rule.refund,
    notifyCustomer: rule.notifyCustomer,
    notifyMerchant: rule.notifyMerchant,
  };
  await db.actionRule.upsert({
    where: { storeId_action: { storeId, action: rule.action } },
    create: { storeId, action: rule.action, ...data },
    update: data,
  });
}

/** The platform permissions the enabled actions need (Shopify scopes; Woo: read_write keys). */
export function requiredShopifyScopes(rules: ActionRules): string[] {
  const on = ACTION_KINDS.filter((k) => rules[k].enabled && !rules[k].askPerson);
  const scopes = new Set<string>();
  if (on.length) scopes.add("write_orders");
  if (on.includes("return")) scopes.add("write_returns");
  return [...scopes];
}

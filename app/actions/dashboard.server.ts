/**
 * The dashboard's "Self-service" page (both shells): the merchant's rules per action, what shoppers
 * will see, the permissions the platform must grant, and the recent actions with their audit.
 */
import { currentStore, formString, storeBrief, type DashboardCtx } from "../dashboard/context.server";
import type { FieldErrors, StoreBrief } from "../dashboard/types";
import type { CanonicalOrderStatus } from "../orders/types";
import { readWooCredentials } from "../platforms/adapters.server";
import { listStoreActions, type ActionAuditRow } from "./execute.server";
import { loadActionRules, requiredShopifyScopes, saveActionRule } from "./rules.server";
import { ACTION_KINDS, POSSIBLE_STATUSES, type ActionKind, type ActionRule, type ActionRules } from "./types";

export interface ActionsPageData {
  store: StoreBrief;
  rules: ActionRules;
  possibleStatuses: Record<ActionKind, CanonicalOrderStatus[]>;
  /** Shopify scopes the enabled actions need that the installation has not granted yet */
  missingScopes: string[];
  /** WooCommerce: an action is on and the store's keys are not read_write: the plugin must reconnect */
  wooNeedsReadWrite: boolean;
  /** WooCommerce: the plugin's settings page, where "Reconnect with read/write access" is */
  wooReconnectUrl: string | null;
  recent: ActionAuditRow[];
}

export interface ActionsSaveResult {
  ok: boolean;
  status: number;
  message?: string;
  errors?: FieldErrors;
  /** Shopify scopes to request through the library's optional-scope flow */
  requestScopes?: string[];
}

function missingScopes(granted: string | null, rules: ActionRules): string[] {
  const have = new Set((granted ?? "").split(",").map((s) => s.trim()));
  return requiredShopifyScopes(rules).filter((s) => !have.has(s));
}

/** The permission of a WooCommerce store's keys ("" when unknown, e.g. entered by hand). */
function wooKeyAccess(store: { credentials: string | null }): string {
  try {
    return readWooCredentials(store)?.permissions ?? "";
  } catch {
    return "";
  }
}

export async function loadActionsPage(ctx: DashboardCtx): Promise<ActionsPageData> {
  const store = await currentStore(ctx);
  const rules = await loadActionRules(ctx.db, store.id);
  const anyOn = ACTION_KINDS.some((k) => rules[k].enabled && !rules[k].askPerson);
  return {
    store: storeBrief(store),
    rules,
    possibleStatuses: POSSIBLE_STATUSES,
    missingScopes: store.platform === "shopify" ? missingScopes(store.scopes, rules) : [],
    wooNeedsReadWrite: store.platform === "woocommerce" && anyOn && wooKeyAccess(store) !== "read_write",
    wooReconnectUrl:
      store.platform === "woocommerce" && store.url
        ? `${store.url.replace(/\/+$/, "")}/wp-admin/admin.php?page=trulybot&trulybot_access=read_write`
        : null,
    recent: await listStoreActions(ctx.db, store.id, 20),
  };
}

/** Reads one action's fields of the form; errors are keyed `${action}.${field}`. */
export function ruleFromForm(form: FormData, action: ActionKind, errors: FieldErrors): ActionRule {
  const f = (k: string) => formString(form, `${action}.${k}`).trim();
  const on = (k: string) => f(k) === "on" || f(k) === "true";
  const hours = f("windowHours");
  let windowHours: number | null = null;
  if (hours) {
    const n = Number(hours);
    if (!Number.isInteger(n) || n < 1 || n > 24 * 365)
      errors[`${action}.windowHours`] = "Whole hours from 1 to 8760, or empty for no limit";
    else windowHours = n;
  }
  const max = f("maxTotal");
  if (max && !/^\d{1,9}(\.\d{1,2})?$/.test(max))
    errors[`${action}.maxTotal`] = "An amount like 250 or 250.00, or empty for no limit";
  const statuses = form
    .getAll(`${action}.statuses`)
    .map(String)
    .filter((s): s is CanonicalOrderStatus => POSSIBLE_STATUSES[action].includes(s as CanonicalOrderStatus));
  if (on("enabled") && statuses.length === 0) errors[`${action}.statuses`] = "Choose at least one status";
  return {
    action,
    enabled: on("enabled"),
    windowHours,
    statuses,
    maxTotal: max || null,
    askPerson: on("askPerson"),
    allowCountryChange: on("allowCountryChange"),
    restock: on("restock"),
    refund: on("refund"),
    notifyCustomer: on("notifyCustomer"),
    notifyMerchant: on("notifyMerchant"),
  };
}

export async function saveActionsPage(ctx: DashboardCtx, form: FormData): Promise<ActionsSaveResult> {
  const store = await currentStore(ctx);
  const errors: FieldErrors = {};
  const rules = Object.fromEntries(
    ACTION_KINDS.map((k) => [k, ruleFromForm(form, k, errors)]),
  ) as ActionRules;
  if (Object.keys(errors).length)
    return { ok: false, status: 400, errors, message: "Please fix the highlighted fields" };
  for (const k of ACTION_KINDS) await saveActionRule(ctx.db, store.id, rules[k]);
  await ctx.db.activityLog.create({
    data: {
      workspaceId: store.workspaceId,
      storeId: store.id,
      actor: "merchant",
      action: "actions.rules_saved",
      details: JSON.stringify(Object.fromEntries(ACTION_KINDS.map((k) => [k, rules[k].enabled]))),
    },
  });
  const requestScopes = store.platform === "shopify" ? missingScopes(store.scopes, rules) : [];
  return { ok: true, status: 200, message: "Self-service rules saved", requestScopes };
}

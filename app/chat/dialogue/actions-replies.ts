/** The shopper-facing texts of self-service actions: summaries with a confirm step, refusals, results. */
import { formatAddress, type AddressProblem } from "../../actions/address";
import type { Eligibility } from "../../actions/rules";
import type { ActionOutcome } from "../../actions/execute.server";
import { itemsText, type ReturnItem } from "../../actions/types";
import type { MessageKey } from "../i18n";
import { ACT, REASONS, reasonLabel, type PendingAction, type ReturnReasonKey } from "./actions-state";
import { quickReplies, say, sayText } from "./replies";
import { tr, type Turn } from "./turn";

export { REASONS, reasonLabel, type ReturnReasonKey } from "./actions-state";
/** Shopify's ReturnReason values (the Woo note uses the same words). */
export const PLATFORM_REASON: Record<ReturnReasonKey, string> = {
  size: "SIZE_TOO_SMALL",
  defective: "DEFECTIVE",
  not_as_described: "NOT_AS_DESCRIBED",
  unwanted: "UNWANTED",
  other: "OTHER",
};

function chips(turn: Turn, list: { label: string; value: string }[], text?: string): void {
  turn.messages.push({
    id: turn.idGen(),
    role: "bot",
    type: "quick_replies",
    quickReplies: list,
    ...(text ? { text } : {}),
  });
}

/** "Cancel order #1001 (3 items, $300.89)?" + Yes / No. */
export function confirmStep(turn: Turn, p: PendingAction, refund: boolean): void {
  const n = p.orderNumber;
  const lv = turn.state.lastVerified?.number === n ? turn.state.lastVerified.order : null;
  let text: string;
  if (p.action === "cancel") {
    const items = lv ? lv.items.reduce((s, i) => s + i.quantity, 0) : 0;
    const total = lv ? (lv.totalFormatted ?? `${lv.total.amount} ${lv.total.currency}`) : "";
    text = tr(turn, "act_cancel_summary", { n, items, total });
    if (refund) text += " " + tr(turn, "act_refund_note");
  } else if (p.action === "address") {
    text = tr(turn, "act_address_summary", { n, address: formatAddress(p.address!) });
  } else {
    const reason = reasonLabel(turn, p.reason ?? "other");
    const items = chosenItems(turn, p);
    text = items
      ? tr(turn, "act_return_summary_items", { n, reason, items: itemsText(items) })
      : tr(turn, "act_return_summary", { n, reason });
  }
  sayText(turn, text);
  chips(turn, [
    { label: tr(turn, "qr_confirm"), value: ACT.yes },
    { label: tr(turn, "qr_keep"), value: ACT.no },
  ]);
}

/** The verified order's lines as the shopper sees them (what a return can choose from). */
export function orderLines(turn: Turn, n: string): ReturnItem[] {
  const lv = turn.state.lastVerified?.number === n ? turn.state.lastVerified.order : null;
  return (lv?.items ?? []).map((i) => ({
    title: i.title,
    variantTitle: i.variantTitle ?? null,
    quantity: i.quantity,
  }));
}

/** The lines chosen for a return; null: the whole order (no choice was offered). */
export function chosenItems(turn: Turn, p: PendingAction): ReturnItem[] | null {
  if (!p.items) return null;
  const lines = orderLines(turn, p.orderNumber);
  const chosen = p.items.map((i) => lines[i]).filter(Boolean);
  return chosen.length ? chosen : null;
}

/** "Which items are you sending back?" with a checkbox per line. */
export function askItems(turn: Turn, n: string, lines: ReturnItem[]): void {
  turn.messages.push({
    id: turn.idGen(),
    role: "bot",
    type: "item_picker",
    text: tr(turn, "act_return_ask_items", { n }),
    items: lines.map((l) => ({ label: itemsText([l]) })),
    prefix: ACT.items,
  });
}

/** "0,2" → [0, 2] when every index names a line once; null otherwise. */
export function parseItems(value: string, count: number): number[] | null {
  if (!/^\d{1,3}(,\d{1,3}){0,99}$/.test(value)) return null;
  const ids = value.split(",").map(Number);
  if (new Set(ids).size !== ids.length || ids.some((i) => i >= count)) return null;
  return ids.sort((a, b) => a - b);
}

export function askReason(turn: Turn, n: string): void {
  chips(
    turn,
    REASONS.map((r) => ({ label: reasonLabel(turn, r), value: `${ACT.reason}${r}` })),
    tr(turn, "act_return_ask_reason", { n }),
  );
}

const PROBLEM: Record<AddressProblem["kind"], MessageKey> = {
  missing_street: "act_addr_missing_street",
  missing_city: "act_addr_missing_city",
  bad_postcode: "act_addr_bad_postcode",
  missing_region: "act_addr_missing_region",
  country: "act_addr_country",
};

export function addressProblem(turn: Turn, problem: AddressProblem): void {
  const country = "country" in problem ? problem.country : "";
  sayText(turn, tr(turn, "act_address_invalid", { problem: tr(turn, PROBLEM[problem.kind], { country }) }));
}

/** The rules or the order's state do not allow it: say why, offer a person. */
export function refusal(turn: Turn, n: string, e: Exclude<Eligibility, { ok: true }>): void {
  const key: Record<typeof e.reason, MessageKey> = {
    disabled: "act_refused_status",
    ask_person: "act_refused_status",
    cancelled: "act_refused_cancelled",
    shipped: "act_refused_shipped",
    not_delivered: "act_refused_not_delivered",
    window: "act_refused_window",
    return_window: "act_refused_return_window",
    value: "act_refused_value",
    status: "act_refused_status",
  };
  say(turn, key[e.reason], { n, hours: e.hours ?? 0 });
  quickReplies(turn, ["human"]);
}

const DONE: Record<string, MessageKey> = {
  cancel: "act_cancel_done",
  address: "act_address_done",
  return: "act_return_done",
};

/** What the shopper sees after confirming. Returns true when the action is finished (done or refused). */
export function outcomeReply(turn: Turn, p: PendingAction, outcome: ActionOutcome): boolean {
  const n = p.orderNumber;
  if (outcome.status === "done" || (outcome.status === "duplicate" && outcome.previous === "done")) {
    const address = p.address ? formatAddress(p.address) : "";
    say(turn, DONE[p.action!], { n, address });
    return true;
  }
  if (outcome.status === "duplicate") {
    say(turn, "act_in_progress", { n });
    return true;
  }
  if (outcome.status === "refused") {
    const c = `${outcome.code} ${outcome.message}`.toLowerCase();
    const why: MessageKey = /fulfil|shipped|completed/.test(c)
      ? "act_why_fulfilled"
      : /cancel/.test(c)
        ? "act_why_cancelled"
        : "act_why_other";
    say(turn, "act_failed_platform", { n, why: tr(turn, why) });
    quickReplies(turn, ["human"]);
    return true;
  }
  say(turn, "act_failed_network", { n });
  return false;
}

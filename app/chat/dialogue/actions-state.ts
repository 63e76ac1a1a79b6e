/**
 * The self-service part of the dialogue state, kept under its own key of the stored state (the rest of
 * the state is untouched): which action waits for which step on which order.
 */
import { itemsText, type ActionKind, type ShippingAddress } from "../../actions/types";
import type { MessageKey } from "../i18n";
import type { DialogueState } from "./state";
import { tr, type Turn } from "./turn";

export type PendingStep = "code" | "address" | "items" | "reason" | "confirm";

export interface PendingAction {
  step: PendingStep;
  /** null: a step-up code only (the order is shown once the code is accepted) */
  action: ActionKind | null;
  orderNumber: string;
  orderId: string | null;
  verification: "code" | "customer" | null;
  current?: ShippingAddress | null;
  address?: ShippingAddress | null;
  reason?: string | null;
  /** return: the chosen lines (indices into the verified order's items); absent: all */
  items?: number[] | null;
  /** the proposal's id: with the conversation id, the action's idempotency key */
  nonce: string;
}

type WithPending = DialogueState & { selfService?: PendingAction | null };

export const ACT = {
  yes: "tb:act_yes",
  no: "tb:act_no",
  newCode: "tb:code_new",
  reason: "tb:act_reason:",
  items: "tb:act_items:",
} as const;

export function pendingAction(turn: Turn): PendingAction | null {
  const p = (turn.state as WithPending).selfService;
  return p && typeof p === "object" && typeof p.orderNumber === "string" ? p : null;
}

export function setPendingAction(turn: Turn, p: PendingAction | null): void {
  (turn.state as WithPending).selfService = p;
}

export const REASONS = ["size", "defective", "not_as_described", "unwanted", "other"] as const;
export type ReturnReasonKey = (typeof REASONS)[number];

const REASON_LABEL: Record<ReturnReasonKey, MessageKey> = {
  size: "act_reason_size",
  defective: "act_reason_defective",
  not_as_described: "act_reason_not_as_described",
  unwanted: "act_reason_unwanted",
  other: "act_reason_other",
};

export function reasonLabel(turn: Turn, r: string): string {
  return tr(
    turn,
    REASON_LABEL[(REASONS as readonly string[]).includes(r) ? (r as ReturnReasonKey) : "other"],
  );
}

const CHIP_LABEL: Record<string, MessageKey> = {
  [ACT.yes]: "qr_confirm",
  [ACT.no]: "qr_keep",
  [ACT.newCode]: "qr_new_code",
};

/**
 * The label of a self-service chip — what the shopper "said" by tapping it, as stored in the transcript
 * (the dashboard, the handoff e-mail) — else null. Ticked items read as the lines of the verified order.
 */
export function actionChipLabel(turn: Turn, command: string): string | null {
  if (Object.hasOwn(CHIP_LABEL, command)) return tr(turn, CHIP_LABEL[command]!);
  if (command.startsWith(ACT.reason)) return reasonLabel(turn, command.slice(ACT.reason.length));
  if (!command.startsWith(ACT.items)) return null;
  const items = turn.state.lastVerified?.order.items ?? [];
  const chosen = command
    .slice(ACT.items.length)
    .split(",")
    .map((i) => items[Number(i)])
    .filter((i) => !!i);
  return chosen.length
    ? itemsText(
        chosen.map((i) => ({ title: i.title, variantTitle: i.variantTitle ?? null, quantity: i.quantity })),
      )
    : null;
}

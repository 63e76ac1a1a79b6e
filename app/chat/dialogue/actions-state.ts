/**
 * The self-service part of the dialogue state, kept under its own key of the stored state (the rest of
 * the state is untouched): which action waits for which step on which order.
 */
import type { ActionKind, ShippingAddress } from "../../actions/types";
import type { DialogueState } from "./state";
import type { Turn } from "./turn";

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

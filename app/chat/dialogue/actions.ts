/**
 * Self-service actions in the dialogue: offered on a verified order only when the merchant's rules and
 * the order's state allow it; a fresh one-time code (or a signed logged-in customer) first; then the
 * details (new address, return reason), a summary and an explicit confirm; run once (idempotency key).
 * Never from number + email alone.
 */
import { parseAddress } from "../../actions/address";
import { eligibility } from "../../actions/rules";
import { itemsText, type ActionKind, type ActionRule, type ShippingAddress } from "../../actions/types";
import type { NormalizedOrder } from "../../orders/types";
import { customerOwnsOrder } from "../verification";
import { ACT, pendingAction, setPendingAction, type PendingAction } from "./actions-state";
import {
  PLATFORM_REASON,
  REASONS,
  addressProblem,
  askItems,
  askReason,
  chosenItems,
  orderLines,
  parseItems,
  confirmStep,
  outcomeReply,
  refusal,
} from "./actions-replies";
import { acceptCode, offerCode, typedCode } from "./code-step";
import { createHandoff } from "./handoff";
import { findOrder } from "./order-lookup";
import { showVerified } from "./order-show";
import { needsRegion } from "../../actions/address";
import { quickReplies, say } from "./replies";
import { newFlow, type OrderIntent } from "./state";
import type { Turn } from "./turn";

export { offerCode } from "./code-step";

const KIND: Record<Exclude<OrderIntent, "order_status">, ActionKind> = {
  cancel_order: "cancel",
  change_address: "address",
  return_refund: "return",
};

async function ruleFor(turn: Turn, kind: ActionKind): Promise<ActionRule | null> {
  const ss = turn.ctx.selfService;
  if (!ss || !turn.ctx.adapter.actions) return null;
  try {
    return (await ss.rules(turn.ctx.store.id))[kind];
  } catch {
    return null; // rules unreadable: the request goes to a person, as without self-service
  }
}

/**
 * On a verified order the shopper asked to change: true when self-service handles the turn (offered,
 * refused with a reason, or a code was sent); false: the merchant did not turn it on → a person.
 */
export async function offerAction(
  turn: Turn,
  intent: Exclude<OrderIntent, "order_status">,
  order: NormalizedOrder,
): Promise<boolean> {
  const kind = KIND[intent];
  const rule = await ruleFor(turn, kind);
  if (!rule || !rule.enabled || rule.askPerson) return false;
  const e = eligibility(kind, rule, order, turn.now(), {
    knowsDelivery: turn.ctx.adapter.capabilities.knowsDelivery,
  });
  if (!e.ok) {
    refusal(turn, order.number, e);
    turn.state.offer = intent;
    return true;
  }
  const p: PendingAction = {
    step: "code",
    action: kind,
    orderNumber: order.number,
    orderId: order.id,
    verification: null,
    nonce: turn.idGen(),
  };
  const customerId = turn.ctx.shopper.customerId;
  if (customerId && customerOwnsOrder(customerId, order)) p.verification = "customer";
  else if (await turn.ctx.selfService!.codeVerified(turn.ctx.store.id, turn.conv.id, order.number))
    p.verification = "code";
  if (!p.verification) {
    say(turn, "code_needed");
    setPendingAction(turn, p);
    await offerCode(turn, order.number);
    return true;
  }
  await detailsStep(turn, p, rule);
  return true;
}

/** After verification: ask what is missing (address, reason), else the summary with confirm. */
async function detailsStep(turn: Turn, p: PendingAction, rule: ActionRule): Promise<void> {
  if (p.action === "address" && !p.address) {
    let current = p.current ?? null;
    try {
      current ??= await turn.ctx.adapter.actions!.getShippingAddress(p.orderId!);
    } catch {
      current = null;
    }
    if (!current) {
      say(turn, "act_failed_network", { n: p.orderNumber });
      quickReplies(turn, ["human"]);
      setPendingAction(turn, null);
      return;
    }
    say(turn, needsRegion(current.country) ? "act_address_ask_region" : "act_address_ask", {
      n: p.orderNumber,
    });
    setPendingAction(turn, { ...p, step: "address", current });
    return;
  }
  if (p.action === "return" && p.items === undefined) {
    const lines = orderLines(turn, p.orderNumber);
    // one line: nothing to choose; none known: the whole order, as before item selection
    if (lines.length > 1) {
      askItems(turn, p.orderNumber, lines);
      setPendingAction(turn, { ...p, step: "items" });
      return;
    }
    p = { ...p, items: null };
  }
  if (p.action === "return" && !p.reason) {
    askReason(turn, p.orderNumber);
    setPendingAction(turn, { ...p, step: "reason" });
    return;
  }
  confirmStep(turn, p, rule.refund);
  setPendingAction(turn, { ...p, step: "confirm" });
}

/** The step-up code was accepted: the action continues, or (step-up only) the order is shown. */
async function afterCode(turn: Turn, p: PendingAction): Promise<void> {
  if (p.action) {
    const rule = await ruleFor(turn, p.action);
    if (!rule) return setPendingAction(turn, null);
    return detailsStep(turn, { ...p, verification: "code" }, rule);
  }
  setPendingAction(turn, null);
  // the code proved the order is theirs: the answer is not padded to the latency floor
  const r = await findOrder(turn, p.orderNumber, (res) => res.kind === "found" && !res.order.test);
  if (r.result?.kind === "found" && !r.result.order.test) {
    const flow = { ...newFlow("order_status"), orderNumber: p.orderNumber };
    return showVerified(turn, flow, r.result.order, r.result.order.contact.email);
  }
  say(turn, "act_failed_network", { n: p.orderNumber });
}

async function confirm(turn: Turn, p: PendingAction): Promise<void> {
  const ss = turn.ctx.selfService!;
  const rule = await ruleFor(turn, p.action!);
  const { store, shopper } = turn.ctx;
  // the code must still be fresh at the moment of the change (or the signed customer still signed in)
  const fresh =
    p.verification === "customer"
      ? !!shopper.customerId
      : p.verification === "code" && (await ss.codeVerified(store.id, turn.conv.id, p.orderNumber));
  if (!rule || !rule.enabled || rule.askPerson) {
    say(turn, "act_refused_status", { n: p.orderNumber });
    quickReplies(turn, ["human"]);
    return setPendingAction(turn, null);
  }
  if (!fresh || !p.orderId) {
    say(turn, "code_needed");
    return offerCode(turn, p.orderNumber);
  }
  const run = {
    storeId: store.id,
    conversationId: turn.conv.id,
    idempotencyKey: `${turn.conv.id}:${p.nonce}`,
    action: p.action!,
    orderNumber: p.orderNumber,
    orderId: p.orderId,
    verification: p.verification as "code" | "customer",
    rule,
    ...(p.address ? { address: p.address } : {}),
    ...(p.reason ? { reason: PLATFORM_REASON[p.reason as keyof typeof PLATFORM_REASON] ?? "OTHER" } : {}),
    ...(chosenItems(turn, p) ? { items: chosenItems(turn, p)! } : {}),
    now: turn.now(),
  };
  const outcome = await ss.run(run);
  if (!outcomeReply(turn, p, outcome)) {
    // nothing changed (network): the shopper may try again, under a new key
    const retry = { ...p, nonce: turn.idGen() };
    confirmStep(turn, retry, rule.refund);
    return setPendingAction(turn, retry);
  }
  if (outcome.status !== "done" && outcome.status !== "duplicate") turn.state.offer = "cancel_order";
  if (outcome.status === "done") {
    if (outcome.needsHandoff) returnHandoff(turn, p);
    // only the turn that made the change sees "done": the merchant hears of it once
    const to = store.settings.handoffEmail ?? store.supportEmail;
    if (rule.notifyMerchant && to)
      await ss.notifyMerchant({
        to,
        storeName: store.name,
        run,
        summary: turn.messages.map((m) => ("text" in m ? m.text : "")).join("\n"),
      });
  }
  setPendingAction(turn, null);
}

/** WooCommerce has no returns: the team gets a handoff with the items and the reason. */
function returnHandoff(turn: Turn, p: PendingAction): void {
  const lv = turn.state.lastVerified;
  const email = lv?.number === p.orderNumber ? lv.email : null;
  if (!email || !turn.ctx.store.settings.handoffEnabled) return;
  const items =
    itemsText(chosenItems(turn, p) ?? []) ||
    (lv?.order.items.map((i) => `${i.quantity} × ${i.title}`).join(", ") ?? "");
  createHandoff(
    turn,
    {
      reason: "return_refund",
      email,
      message: `Return request for #${p.orderNumber} (${(p.reason ?? "other").replace(/_/g, " ")}): ${items}`,
      orderNumber: p.orderNumber,
      order: lv?.order ?? null,
    },
    "act_return_done",
    { n: p.orderNumber },
  );
  turn.messages.splice(-2, 1); // the handoff confirmation replaces the plain "request is in"
}

/** Runs before the normal routing: true when the turn belonged to a pending code or action step. */
export async function selfServiceStep(turn: Turn): Promise<boolean> {
  const p = pendingAction(turn);
  const cmd = turn.command;
  if (!p) {
    if (cmd === ACT.yes || cmd === ACT.no || cmd === ACT.newCode || cmd?.startsWith(ACT.reason)) {
      await staleChip(turn);
      return true;
    }
    return false;
  }
  if (cmd === ACT.no) {
    say(turn, "act_kept", { n: p.orderNumber });
    setPendingAction(turn, null);
    return true;
  }
  if (cmd === ACT.newCode) {
    await offerCode(turn, p.orderNumber);
    return true;
  }
  if (p.step === "code") return codeTurn(turn, p);
  if (p.step === "items" && cmd?.startsWith(ACT.items)) {
    const items = parseItems(cmd.slice(ACT.items.length), orderLines(turn, p.orderNumber).length);
    const rule = await ruleFor(turn, "return");
    if (!rule || !items) return false;
    await detailsStep(turn, { ...p, items }, rule);
    return true;
  }
  if (p.step === "reason" && cmd?.startsWith(ACT.reason)) {
    const r = cmd.slice(ACT.reason.length);
    const rule = await ruleFor(turn, "return");
    if (!rule || !(REASONS as readonly string[]).includes(r)) return false;
    await detailsStep(turn, { ...p, reason: r }, rule);
    return true;
  }
  if (p.step === "address" && !cmd) return addressTurn(turn, p);
  if (p.step === "confirm" && cmd === ACT.yes) {
    await confirm(turn, p);
    return true;
  }
  return false;
}

/** A chip of a proposal that is over (a repeated or concurrent confirm): report what happened. */
async function staleChip(turn: Turn): Promise<void> {
  const last = await turn.ctx.selfService?.lastAction(turn.conv.id);
  if (!last) return say(turn, "act_kept", { n: turn.state.lastVerified?.number ?? "" });
  const p: PendingAction = {
    step: "confirm",
    action: last.action as ActionKind,
    orderNumber: last.orderNumber,
    orderId: null,
    verification: null,
    nonce: "",
    ...(last.action === "address" && last.after ? { address: last.after as ShippingAddress } : {}),
  };
  const previous = last.status;
  outcomeReply(turn, p, { status: "duplicate", previous });
}

async function codeTurn(turn: Turn, p: PendingAction): Promise<boolean> {
  const code = turn.command ? null : typedCode(turn.text);
  if (!code) return false;
  turn.intent = "code";
  if (await acceptCode(turn, p, code)) await afterCode(turn, p);
  return true;
}

async function addressTurn(turn: Turn, p: PendingAction): Promise<boolean> {
  if (!/\d/.test(turn.text)) return false; // another question: the normal routing answers it
  turn.intent = "address";
  const rule = await ruleFor(turn, "address");
  if (!rule || !p.current) return false;
  const parsed = parseAddress(turn.text, p.current, rule.allowCountryChange);
  if (!parsed.ok) {
    addressProblem(turn, parsed.problem);
    return true;
  }
  await detailsStep(turn, { ...p, address: parsed.address }, rule);
  return true;
}

/**
 * Order flow, part "ask": which order and which contact, then verification. A logged-in customer's own
 * order needs no contact; anything else needs the order's email or phone, and every failure gets one reply.
 */
import type { NormalizedOrder } from "../../orders/types";
import type { FindOrderResult } from "../../platforms/types";
import type { LookupMethod, LookupOutcome } from "../repository";
import { contactMatches, customerOwnsOrder, normalizeEmail, normalizeOrderNumber } from "../verification";
import {
  audit,
  countFailure,
  findOrder,
  giveBack,
  notFoundReply,
  outageReply,
  rateLimitedReply,
  reserveLookup,
  type Lookup,
} from "./order-lookup";
import { showCustomerOrders, showVerified } from "./order-show";
import { quickReplies, say, sayText } from "./replies";
import type { OrderFlow } from "./state";
import { offerStepUp } from "./step-up";
import { isEmail, tr, type Turn } from "./turn";

const MY_ORDERS_RE =
  /\b(my orders|all (of )?my orders|order history|mis pedidos|mes commandes|meine bestellungen|os meus pedidos|meus pedidos|i miei ordini|mijn bestellingen)\b/i;

const INTRO = {
  cancel_order: "action_cancel_intro",
  return_refund: "action_return_intro",
  change_address: "action_address_intro",
} as const;

async function listCustomerOrders(turn: Turn, flow: OrderFlow, customerId: string): Promise<void> {
  let orders: NormalizedOrder[];
  try {
    orders = (await turn.ctx.adapter.listCustomerOrders(customerId, 10))
      .filter((o) => !o.test && customerOwnsOrder(customerId, o))
      .slice(0, 5);
  } catch {
    outageReply(turn, null);
    turn.state.flow = null;
    return;
  }
  turn.state.flow = null;
  turn.state.awaiting = null;
  if (orders.length === 0) {
    say(turn, "list_empty");
    turn.state.flow = { ...flow };
    turn.state.awaiting = "order_number";
    return;
  }
  showCustomerOrders(turn, orders);
}

function askOrderNumber(turn: Turn, flow: OrderFlow): void {
  if (flow.intent !== "order_status")
    sayText(turn, `${tr(turn, INTRO[flow.intent])} ${tr(turn, "ask_order_number")}`);
  else if (!turn.ctx.shopper.customerId && MY_ORDERS_RE.test(turn.text)) say(turn, "list_guest");
  else say(turn, "ask_order_number");
  turn.state.awaiting = "order_number";
}

function lookupOutcome(r: Lookup): LookupOutcome {
  const kind = r.result?.kind;
  return kind === "found" ? "mismatch" : kind === "out_of_range" ? "out_of_range" : "not_found";
}

/**
 * A logged-in customer's own order is shown without a contact (never stepped up, but limited: the
 * lookup is reserved against their account); else the contact is asked (same reply either way).
 */
async function withoutContact(turn: Turn, flow: OrderFlow, n: string): Promise<void> {
  const customerId = turn.ctx.shopper.customerId;
  if (customerId) {
    const reservation = await reserveLookup(turn, n);
    if (!reservation.allowed) {
      audit(turn, n, "customer", "rate_limited", 0);
      return rateLimitedReply(turn);
    }
    const owns = (res: FindOrderResult) =>
      res.kind === "found" && !res.order.test && customerOwnsOrder(customerId, res.order);
    const r = await findOrder(turn, n, owns);
    if (r.error) {
      await giveBack(reservation);
      audit(turn, n, "customer", "error", r.latency);
      return outageReply(turn, flow);
    }
    const res = r.result;
    if (res && owns(res) && res.kind === "found") {
      await giveBack(reservation);
      audit(turn, n, "customer", "verified", r.latency);
      return showVerified(turn, flow, res.order, res.order.contact.email);
    }
    // not theirs: the reservation stays counted (a logged-in account cannot probe without limit)
    audit(turn, n, "customer", lookupOutcome(r), r.latency);
  }
  say(turn, "ask_contact", { n });
  turn.state.awaiting = "email_or_phone";
}

/**
 * Number + contact: the lookup is reserved first (no adapter call once a limit is reached); an order
 * with too many failed lookups needs step-up (offerStepUp), never a lock; then one lookup.
 */
async function withContact(turn: Turn, flow: OrderFlow, n: string): Promise<void> {
  const method: LookupMethod = flow.email ? "email" : "phone";
  const reservation = await reserveLookup(turn, n);
  if (!reservation.allowed) {
    audit(turn, n, method, "rate_limited", 0);
    return rateLimitedReply(turn);
  }
  if (await turn.ctx.lookups.needsStepUp(turn.ctx.store.id, n, turn.now())) {
    audit(turn, n, method, "step_up", 0);
    return offerStepUp(turn, n);
  }
  const contact = { email: flow.email, phone: flow.phone };
  const matches = (res: FindOrderResult) =>
    res.kind === "found" && !res.order.test && !!contactMatches(res.order, contact);
  const r = await findOrder(turn, n, matches);
  if (r.error || !r.result) {
    await giveBack(reservation);
    audit(turn, n, method, "error", r.latency);
    return outageReply(turn, flow);
  }
  const res = r.result;
  const verified = res.kind === "found" && matches(res) ? res.order : null;
  const outcome: LookupOutcome = verified
    ? "verified"
    : res.kind === "found" && !res.order.test
      ? "mismatch"
      : res.kind === "out_of_range"
        ? "out_of_range"
        : "not_found";
  audit(turn, n, method, outcome, r.latency);
  if (verified) {
    await giveBack(reservation);
    const onOrder = normalizeEmail(verified.contact.email) ? verified.contact.email!.trim() : null;
    return showVerified(turn, flow, verified, onOrder ?? (isEmail(flow.email) ? flow.email : null));
  }
  // Unknown, mismatched, test or out-of-range order: one code path.
  countFailure(turn, reservation);
  notFoundReply(turn, flow, res.kind === "out_of_range");
  turn.state.flow = { ...flow, reminded: false };
}

export async function runOrderFlow(turn: Turn, flow: OrderFlow): Promise<void> {
  if (!turn.ctx.store.settings.orderTracking) {
    say(turn, "tracking_disabled");
    quickReplies(turn, ["human"]);
    turn.state.flow = null;
    turn.state.awaiting = null;
    return;
  }
  turn.state.flow = flow;
  const customerId = turn.ctx.shopper.customerId;
  if (!flow.orderNumber && customerId && flow.intent === "order_status" && !flow.email && !flow.phone)
    return listCustomerOrders(turn, flow, customerId);
  if (!flow.orderNumber) return askOrderNumber(turn, flow);
  const n = normalizeOrderNumber(flow.orderNumber);
  if (!flow.email && !flow.phone) return withoutContact(turn, flow, n);
  return withContact(turn, flow, n);
}

/** Says again what the bot is waiting for (once, unless forced). */
export function remindPending(turn: Turn, force = false): void {
  const flow = turn.state.flow;
  if (!flow || (flow.reminded && !force)) return;
  if (turn.state.awaiting === "order_number") say(turn, "remind_order_number");
  else if (turn.state.awaiting === "email_or_phone" && flow.orderNumber)
    say(turn, "remind_contact", { n: normalizeOrderNumber(flow.orderNumber) });
  else return;
  flow.reminded = true;
}

/** Pipeline step: quick-reply commands (tb:…), the widget's chips. */
import { answerPolicy } from "./answers";
import { startHandoff } from "./handoff";
import { remindPending, runOrderFlow } from "./order-flow";
import { startOrderQuestion } from "./order-question";
import { QR, quickReplies, say } from "./replies";
import { newFlow } from "./state";
import type { Turn } from "./turn";

async function track(turn: Turn, command: string): Promise<void> {
  const { state } = turn;
  const keep =
    command === QR.retry && state.flow
      ? { ...state.flow, orderNumber: null, email: null, phone: null, reminded: false }
      : null;
  const flow = keep ?? startOrderQuestion(turn, newFlow("order_status"));
  if (command === QR.track && turn.ctx.shopper.customerId) return runOrderFlow(turn, flow);
  // "Track another order" / "Try again" ask for the number even for logged-in customers
  state.flow = flow;
  say(turn, "ask_order_number");
  state.awaiting = "order_number";
}

async function myOrders(turn: Turn): Promise<void> {
  const flow = startOrderQuestion(turn, newFlow("order_status"));
  if (turn.ctx.shopper.customerId) return runOrderFlow(turn, flow);
  turn.state.flow = flow;
  say(turn, "list_guest");
  turn.state.awaiting = "order_number";
}

export async function commandStep(turn: Turn, command: string): Promise<void> {
  turn.intent = command;
  switch (command) {
    case QR.track:
    case QR.trackAnother:
    case QR.retry:
      return track(turn, command);
    case QR.myOrders:
      return myOrders(turn);
    case QR.human:
      return startHandoff(turn, turn.state.offer ?? "shopper_request");
    case QR.returns:
    case QR.shipping:
      answerPolicy(turn, command === QR.returns ? "returns" : "shipping", "");
      remindPending(turn);
      if (!turn.state.flow) quickReplies(turn, ["track", "human"]);
      return;
    default:
      say(turn, "fallback");
      quickReplies(turn, ["track", "shipping", "returns", "human"]);
  }
}

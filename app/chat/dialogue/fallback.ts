/** Pipeline step: small talk, policy and FAQ answers, and the fallback — possibly while a slot is pending. */
import type { Intent } from "../../protocol";
import { answerFaq, answerPolicy } from "./answers";
import { keepFormOpen, startHandoff } from "./handoff";
import { remindPending } from "./order-flow";
import { quickReplies, say } from "./replies";
import type { Turn } from "./turn";
import { unansweredReply } from "./unanswered";

const MENU = ["track", "shipping", "returns", "human"] as const;

function faqOrFallback(turn: Turn, intent: Intent, awaitingSlot: boolean): void {
  if (answerFaq(turn)) {
    if (awaitingSlot) remindPending(turn);
  } else if (intent === "faq") {
    // a store question we have no answer for: say so, offer the team, and tell the merchant
    unansweredReply(turn);
    if (awaitingSlot) remindPending(turn);
  } else if (awaitingSlot) {
    // not an answer to what we asked: say it again (with a way out)
    remindPending(turn, true);
    quickReplies(turn, ["human"]);
  } else {
    say(turn, "fallback");
    quickReplies(turn, [...MENU]);
  }
}

export function answerStep(turn: Turn, intent: Intent): void {
  const { state } = turn;
  const awaitingSlot = state.awaiting === "order_number" || state.awaiting === "email_or_phone";
  switch (intent) {
    case "greeting":
      say(turn, "greeting");
      if (awaitingSlot) remindPending(turn, true);
      else quickReplies(turn, [...MENU]);
      break;
    case "thanks_bye":
      say(turn, "thanks");
      if (awaitingSlot) remindPending(turn);
      else if (turn.conv.status === "open" && turn.conv.verified) turn.patch.outcome = "resolved";
      break;
    case "human":
      startHandoff(turn, state.offer ?? "shopper_request");
      break;
    case "policy_shipping":
    case "policy_returns":
      answerPolicy(turn, intent === "policy_shipping" ? "shipping" : "returns", turn.text);
      if (awaitingSlot) remindPending(turn);
      else if (state.awaiting !== "handoff_details") quickReplies(turn, ["track", "human"]);
      break;
    default:
      faqOrFallback(turn, intent, awaitingSlot);
  }
  keepFormOpen(turn);
}

/** No text to understand (e.g. a quick reply with an empty value). */
export function fallbackStep(turn: Turn): void {
  say(turn, "fallback");
}

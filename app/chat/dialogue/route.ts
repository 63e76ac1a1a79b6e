/**
 * The pipeline over one Turn: understand → route → (taken over by a person | commands | handoff form |
 * order flow | answers) → fallback.
 * Each step is its own module; this file only decides which one handles the turn.
 */
import type { Intent, MessagesRequest } from "../../protocol";
import type { ConversationRecord } from "../repository";
import { selfServiceStep } from "./actions";
import { askToClarify, clarifyChoices, takeClarified } from "./clarify";
import { commandStep } from "./commands";
import { answerStep, fallbackStep } from "./fallback";
import { collectHandoffDetails, submitHandoffForm } from "./handoff";
import { effectiveIntent, isOrderTurn, orderQuestionStep } from "./order-question";
import { ORDER_INTENTS, type DialogueState } from "./state";
import {
  actionQuestion,
  actionQuestionIntent,
  answerProposal,
  isTrackingFollowUp,
  offerAnswersBoth,
  proposalAnswer,
  trackingFollowUp,
} from "./follow-up";
import { isTakenOver, takeoverStep } from "./takeover";
import { newTurn, type Turn } from "./turn";
import type { TurnContext } from "./types";
import { understandStep } from "./understand";

const CLEAR_TOPICS: Intent[] = ["policy_shipping", "policy_returns", "greeting"];

/** While the handoff form is open, free text fills it — unless it clearly is another question. */
function fillsHandoffForm(turn: Turn, intent: Intent): boolean {
  const { state } = turn;
  const u = turn.understanding!;
  const ent = u.entities;
  if (state.awaiting !== "handoff_details" || !state.handoff) return false;
  if (ORDER_INTENTS.has(intent) && ent.orderNumber && !ent.email && !ent.phone) {
    // "where is order 1002?" instead of the form: leave the form, run the order question
    state.handoff = null;
    state.awaiting = null;
    return false;
  }
  const clearTopic =
    !ent.email && !state.handoff.email && CLEAR_TOPICS.includes(intent) && u.confidence >= 0.7;
  return !clearTopic; // a clear question while the form is open is answered; the form stays open
}

async function routeText(turn: Turn): Promise<void> {
  const intent = effectiveIntent(turn);
  if (fillsHandoffForm(turn, intent)) return collectHandoffDetails(turn);
  turn.intent = intent;
  if (isTrackingFollowUp(turn)) return trackingFollowUp(turn);
  const choices = clarifyChoices(turn); // (a tapped choice has confidence 1)
  if (choices && !offerAnswersBoth(turn, choices)) return askToClarify(turn, choices);
  const action = actionQuestionIntent(turn, intent);
  if (action) return actionQuestion(turn, action);
  if (isOrderTurn(turn, intent)) return orderQuestionStep(turn, intent);
  answerStep(turn, intent);
}

/** Runs one turn's decision (no side effects yet: those are in turn.effects / turn.handoff). */
export async function decide(
  ctx: TurnContext,
  conv: ConversationRecord,
  state: DialogueState,
  req: MessagesRequest,
): Promise<Turn> {
  const turn = newTurn(ctx, conv, state, req);
  await understandStep(turn);
  const takenOver = isTakenOver(turn);
  // self-service (one-time code, action confirm) first: it owns its own pending questions
  if (!takenOver && (await selfServiceStep(turn))) return turn;
  const answer = takenOver ? null : proposalAnswer(turn);
  if (!answer) turn.state.proposal = null; // an offered action stands for the next message only
  if (!takenOver) takeClarified(turn); // "do you want X or Y?" answered: the turn continues as X
  if (takenOver) takeoverStep(turn);
  else if (answer) answerProposal(turn, answer);
  else if (turn.command) await commandStep(turn, turn.command);
  else if (req.action?.type === "handoff_submit") {
    turn.intent = "handoff_submit";
    submitHandoffForm(turn, req.action);
  } else if (!turn.understanding) fallbackStep(turn);
  else await routeText(turn);
  return turn;
}

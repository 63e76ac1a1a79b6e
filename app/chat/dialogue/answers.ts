/** Pipeline step: general answers from the store's policies and the merchant's FAQ. */
import { searchFaq } from "../faq";
import { pickPolicyExcerpt } from "../policy";
import { quickReplies, say, sayText } from "./replies";
import { recordEvent, tr, type Turn } from "./turn";

/** the FAQ score understand() treats as a match */
const FAQ_MIN_SCORE = 0.5;

export type PolicyKind = "shipping" | "returns";

/** An excerpt of the shipping or returns policy that fits the question; says so when there is none. */
export function answerPolicy(turn: Turn, which: PolicyKind, question: string, hints: string[] = []): boolean {
  const { store } = turn.ctx;
  const body = which === "shipping" ? store.policies.shipping : store.policies.returns;
  const excerpt = body ? pickPolicyExcerpt(body, question, { hints }) : "";
  if (!excerpt) {
    say(turn, which === "shipping" ? "policy_none_shipping" : "policy_none_returns");
    quickReplies(turn, ["human"]);
    return false;
  }
  let text = `${tr(turn, which === "shipping" ? "policy_intro_shipping" : "policy_intro_returns")}\n${excerpt}`;
  const url = store.policyUrls?.[which];
  if (url) text += `\n${tr(turn, "policy_more", { url })}`;
  sayText(turn, text);
  recordEvent(turn, "faq_answered");
  return true;
}

/** A short policy excerpt about one action on an order (cancel, return, address), when one matches. */
export function actionPolicyNote(turn: Turn, which: PolicyKind, request: string, hints: string[]): void {
  const { store } = turn.ctx;
  const body = which === "shipping" ? store.policies.shipping : store.policies.returns;
  if (!body) return;
  const excerpt = pickPolicyExcerpt(body, request, {
    hints,
    maxChars: 300,
    maxParagraphs: 1,
    requireMatch: true,
  });
  if (excerpt)
    sayText(
      turn,
      `${tr(turn, which === "shipping" ? "policy_intro_shipping" : "policy_intro_returns")}\n${excerpt}`,
    );
}

/** The best merchant FAQ entry for the text, in the conversation's language. */
export function answerFaq(turn: Turn): boolean {
  if (!turn.faqIndex || !turn.text) return false;
  const hit = searchFaq(turn.faqIndex, turn.text, turn.lang)[0];
  if (!hit || hit.score < FAQ_MIN_SCORE) return false;
  sayText(turn, hit.answer);
  recordEvent(turn, "faq_answered");
  return true;
}

/**
 * A store question the bot has no answer for (intent faq, no FAQ entry matched): an honest "I don't
 * have that information" with the way to reach the team, and the question recorded for the FAQ page
 * ("Questions the bot could not answer") — the text only, emails and phone numbers masked.
 */
import { quickReplies, say } from "./replies";
import type { Turn } from "./turn";

const EMAIL_RE = /[^\s@]+@[^\s@]+\.[^\s@]+/gu;
/** 6+ digits, possibly spaced or dashed (a phone or card number; order numbers are shorter) */
const LONG_NUMBER_RE = /\+?\d[\d\s().-]{4,}\d/gu;

/** The question as stored: no email addresses or long numbers, at most 300 characters. */
export function maskedQuestion(text: string): string {
  return text
    .replace(EMAIL_RE, "[email]")
    .replace(LONG_NUMBER_RE, (m) => (m.replace(/\D/gu, "").length >= 6 ? "[number]" : m))
    .replace(/\s+/gu, " ")
    .trim()
    .slice(0, 300);
}

export function unansweredReply(turn: Turn): void {
  const { store, repo } = turn.ctx;
  if (store.settings.handoffEnabled) {
    say(turn, "faq_unknown");
    quickReplies(turn, ["human"]);
    turn.state.offer = "shopper_request";
  } else if (store.supportEmail) say(turn, "faq_unknown_support", { support: store.supportEmail });
  else say(turn, "faq_unknown_none");
  const text = maskedQuestion(turn.text);
  if (!text) return;
  const at = turn.now();
  turn.effects.push(() =>
    repo.recordUnanswered({ storeId: store.id, text, language: turn.lang, createdAt: at }),
  );
}

/** Pipeline step 1: read the input, understand the text, settle the conversation's language. */
import { LANGUAGES, type Language } from "../../protocol";
import { pickLanguage } from "../../protocol/language";
import { buildFaqIndex, faqMatcherFor, type FaqEntry, type FaqIndex } from "../faq";
import { understand } from "../understand/index";
import { pendingAction } from "./actions-state";
import { clarifyLabel } from "./clarify";
import { storeNumbering } from "./numbering";
import { commandLabel } from "./replies";
import type { Turn } from "./turn";

const ENTITY_STRIP = /[\w.+-]+@[\w-]+(\.[\w-]+)+|[#+]?\d[\d\s().-]*/g;
function wordCount(text: string): number {
  return (text.replace(ENTITY_STRIP, " ").match(/\p{L}{2,}/gu) ?? []).length;
}

async function loadFaqIndex(turn: Turn): Promise<FaqIndex | null> {
  const { store, repo } = turn.ctx;
  if (!store.settings.faqEnabled) return null;
  const entries = (await repo.listFaqEntries(store.id)).filter((f) => f.enabled);
  if (entries.length === 0) return null;
  return buildFaqIndex(
    entries.map((e): FaqEntry => ({
      id: e.id,
      question: e.question,
      answer: e.answer,
      translations: Object.fromEntries(
        Object.entries(e.translations ?? {})
          .filter(([l, v]) => LANGUAGES.includes(l as Language) && v && v.question && v.answer)
          .map(([l, v]) => [l, { question: v.question!, answer: v.answer! }]),
      ),
    })),
  );
}

/** Text, quick-reply command and the shopper's message as stored. */
function readInput(turn: Turn): void {
  const { req } = turn;
  turn.text = (req.text ?? "").trim();
  turn.shopperText = turn.text || null;
  if (req.action?.type === "quick_reply") {
    const v = req.action.value.trim();
    if (v.startsWith("tb:")) turn.command = v;
    else turn.text = v;
  }
}

/** The stored shopper message for actions (a tapped chip's label, the handoff form's message). */
function shopperTextForAction(turn: Turn): void {
  const { req } = turn;
  if (turn.command && turn.shopperText === null)
    turn.shopperText = commandLabel(turn, turn.command) ?? clarifyLabel(turn, turn.command) ?? turn.command;
  if (req.action?.type === "handoff_submit") turn.shopperText = req.action.message.trim() || null;
  if (turn.shopperText === null && req.action?.type === "quick_reply") turn.shopperText = req.action.value;
}

/** The bot asked for data (a new address, a code): the answer's words are names, not a language. */
function answersADataQuestion(turn: Turn): boolean {
  const step = pendingAction(turn)?.step;
  return step === "address" || step === "code";
}

/**
 * The language: the conversation's once set; a first message with a word in it sets it; a later one
 * switches it only with 3+ words in another language (an email or "1002" says nothing about it), and
 * never with the answer to a data question ("Rue de Rivoli 1, 75001 Paris" is an address, not French).
 */
function settleLanguage(turn: Turn, prior: Language): void {
  const u = turn.understanding;
  const known = turn.state.language;
  let lang: Language = prior;
  if (u && LANGUAGES.includes(u.language)) {
    const words = wordCount(turn.text);
    const mayChange = !known ? words >= 1 : u.language !== known && words >= 3 && !answersADataQuestion(turn);
    if (mayChange) lang = u.language;
    else lang = known ?? prior;
  }
  turn.state.language = lang;
  turn.lang = lang;
}

export async function understandStep(turn: Turn): Promise<void> {
  readInput(turn);
  turn.faqIndex = await loadFaqIndex(turn);
  const prior = pickLanguage([turn.state.language, turn.req.locale, turn.ctx.store.settings.languages[0]]);
  const orderNumbering = turn.text ? await storeNumbering(turn) : null;
  turn.understanding = turn.text
    ? understand(turn.text, {
        locale: prior,
        orderNumbering,
        awaitingOrderNumber: turn.state.awaiting === "order_number",
        ...(turn.faqIndex ? { faqMatcher: faqMatcherFor(turn.faqIndex) } : {}),
      })
    : null;
  settleLanguage(turn, prior);
  shopperTextForAction(turn);
}

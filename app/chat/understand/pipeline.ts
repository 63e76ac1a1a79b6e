/**
 * The deterministic front half of understanding, identical at run time and in training:
 * cap → strip emails/links → tokenize → lexicon tags → entities → rules' verdict → model features.
 */
import type { Language } from "../../protocol";
import { MAX_TEXT_LENGTH } from "../../protocol";
import { extractEntities, type Entities, type EntityOptions } from "./entities";
import type { FeatureInput } from "./features";
import { languageScores, pickLanguage, stripNonWords } from "./language";
import { tagTokens } from "./matcher";
import { ruleVerdict, type RuleVerdict } from "./rules";
import { tokenize } from "./text";

/** the widget caps messages at MAX_TEXT_LENGTH; never spend more than twice that on one call */
export const MAX_INPUT = MAX_TEXT_LENGTH * 2;

export interface Analysis extends FeatureInput {
  /** the text as received, capped */
  raw: string;
  /** the lexicon's language vote (tie-breaker for the language model) */
  lexiconLanguage: Language;
  lexiconScores: Record<Language, number>;
  verdict: RuleVerdict;
  entities: Entities;
}

export function analyse(text: unknown, hint: Language | null, entityOpts: EntityOptions = {}): Analysis {
  const raw = typeof text === "string" ? text.slice(0, MAX_INPUT) : "";
  const clean = stripNonWords(raw);
  const tokens = tokenize(clean);
  const allTags = tagTokens(tokens);
  const entities = extractEntities(raw, entityOpts);
  const lexiconScores = languageScores(clean, tokens, allTags);
  const lexiconLanguage = pickLanguage({ ...lexiconScores }, hint);
  const verdict = ruleVerdict(tokens, allTags, entities, lexiconLanguage);
  return { raw, text: clean, tokens, verdict, entities, lexiconLanguage, lexiconScores };
}

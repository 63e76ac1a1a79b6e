/**
 * Language detection for short shopper messages: votes from function words and lexicon words
 * (a word shared by n languages gives each 1/n), letters typical of a language (ñ ¿ ¡ ã õ ß ä ö ü …),
 * and the locale hint as a prior. With no or ambiguous evidence ("1003", "ok", "hallo") the hint wins;
 * with no hint the default is English.
 */
import type { Language } from "../../protocol";
import { LANGUAGES } from "../../protocol";
import { WORD_LANGS, tagTokens, type Tag } from "./matcher";
import { tokenize } from "./text";

export function normalizeLocale(locale?: string | null): Language | null {
  if (!locale) return null;
  const l = locale.trim().toLowerCase().slice(0, 2) as Language;
  return LANGUAGES.includes(l) ? l : null;
}

const CHAR_HINTS: [RegExp, Partial<Record<Language, number>>][] = [
  [/[ñ¿¡]/u, { es: 2 }],
  [/[ãõ]/u, { pt: 2 }],
  [/ç/u, { fr: 1, pt: 1 }],
  [/[ßäöü]/u, { de: 2 }],
  [/[ìò]/u, { it: 1.5 }],
  [/ù/u, { fr: 1.5, it: 0.5 }],
  [/è/u, { fr: 1, it: 1 }],
  [/[âîûœ]/u, { fr: 1.5 }],
  [/[êô]/u, { fr: 1, pt: 1 }],
  [/ë/u, { nl: 1, fr: 0.5 }],
  [/\bij|ij\b|ijk/u, { nl: 0.5 }],
];

/** Scores per language; exported for the understanding module which already has tags. */
export function languageScores(text: string, tokens: string[], tags: Tag[]): Record<Language, number> {
  const score: Record<Language, number> = { en: 0, es: 0, fr: 0, de: 0, pt: 0, it: 0, nl: 0 };
  const covered = new Set<number>();
  for (const t of tags) {
    const langs = t.langs.filter((l) => l !== "any") as Language[];
    if (!langs.length) continue;
    // a fuzzy (typo) match is weaker evidence
    const tok = tokens[t.pos] ?? "";
    const w = ((t.fuzzy ? 0.6 : 1) * (t.len === 1 && tok.length === 1 ? 0.3 : 1)) / langs.length;
    for (const l of langs) score[l] += w;
    for (let k = 0; k < t.len; k++) covered.add(t.pos + k);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (covered.has(i)) continue;
    const set = WORD_LANGS.get(tokens[i]);
    if (!set) continue;
    const w = (tokens[i].length === 1 ? 0.3 : 1) / set.size;
    for (const l of set) score[l] += w;
  }
  const lower = text.toLowerCase();
  for (const [re, add] of CHAR_HINTS) {
    if (re.test(lower)) for (const [l, v] of Object.entries(add) as [Language, number][]) score[l] += v;
  }
  return score;
}

export function pickLanguage(score: Record<Language, number>, hint: Language | null): Language {
  if (hint) score = { ...score, [hint]: score[hint] + 0.75 };
  let best: Language = hint ?? "en";
  let bestScore = hint ? score[hint] : 0;
  for (const l of LANGUAGES) {
    if (score[l] > bestScore + 1e-9) {
      best = l;
      bestScore = score[l];
    }
  }
  if (bestScore <= 0) return hint ?? "en";
  return best;
}

/** Emails and links say nothing about the language (and would be read as words). */
export function stripNonWords(text: string): string {
  let s = text.slice(0, 2000);
  if (s.includes("@")) s = s.replace(/[^\s@]+@\S+/gu, " ");
  if (s.includes("http") || s.includes("www.")) s = s.replace(/\b(?:https?:\/\/|www\.)\S+/giu, " ");
  return s;
}

export function detectLanguage(text: string, localeHint?: string | null): Language {
  const clean = stripNonWords(text ?? "");
  const tokens = tokenize(clean);
  return pickLanguage(languageScores(clean, tokens, tagTokens(tokens)), normalizeLocale(localeHint));
}

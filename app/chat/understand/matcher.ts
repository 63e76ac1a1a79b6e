/**
 * Compiles LEXICON once at module load into lookup tables and tags token sequences with concepts.
 * Typo tolerance uses symmetric-delete candidates (SymSpell style) verified with Damerau distance,
 * so a lookup costs a few hash probes instead of scanning the lexicon.
 */
import type { Language } from "../../protocol";
import { LANGUAGES } from "../../protocol";
import { FUNCTION_WORDS, LEXICON, type Concept, type LexLang } from "./lexicon";
import { deletes1, editDistance } from "./text";

interface Sense {
  concept: Concept;
  lang: LexLang;
}

export interface Tag {
  concept: Concept;
  /** first token index */
  pos: number;
  /** number of tokens covered */
  len: number;
  langs: LexLang[];
  fuzzy: boolean;
}

const exact = new Map<string, Sense[]>();
const prefix = new Map<string, Sense[]>();
const infix: { stem: string; senses: Sense[] }[] = [];
const phrases = new Map<string, { tokens: string[]; senses: Sense[] }[]>();
/** delete-variant → keys (exact words or prefix stems) */
const fuzzyExact = new Map<string, string[]>();
const fuzzyPrefix = new Map<string, string[]>();
const prefixLens: number[] = [];
/** stem lengths (≥ 6) by first and by second letter: a typo rarely hits both */
const lensByFirst = new Map<string, Set<number>>();
const lensBySecond = new Map<string, Set<number>>();
/** words that must never be fuzzily matched (frequent words in any language) */
export const COMMON_WORDS = new Set<string>();
/** folded word → languages it is typical of (function words + lexicon words) */
export const WORD_LANGS = new Map<string, Set<Language>>();

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) {
    if (!a.includes(v)) a.push(v);
  } else m.set(k, [v]);
}

function maxDist(len: number): number {
  return len >= 9 ? 2 : len >= 5 ? 1 : 0;
}

function variants(s: string, depth: number): Set<string> {
  const out = new Set<string>([s]);
  let frontier = [s];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const f of frontier) {
      for (const v of deletes1(f)) {
        if (out.has(v)) continue;
        out.add(v);
        next.push(v);
      }
    }
    frontier = next;
  }
  return out;
}

function addLang(word: string, lang: LexLang): void {
  if (lang === "any") return;
  let set = WORD_LANGS.get(word);
  if (!set) WORD_LANGS.set(word, (set = new Set()));
  set.add(lang);
}

(function compile() {
  for (const lang of LANGUAGES) {
    for (const w of FUNCTION_WORDS[lang].split(/\s+/)) {
      if (!w) continue;
      COMMON_WORDS.add(w);
      addLang(w, lang);
    }
  }
  for (const [concept, byLang] of Object.entries(LEXICON) as [Concept, Partial<Record<LexLang, string>>][]) {
    for (const [lang, list] of Object.entries(byLang) as [LexLang, string][]) {
      for (const raw of list.split(/\s+/)) {
        if (!raw) continue;
        const sense: Sense = { concept, lang };
        if (raw.includes("_")) {
          const tokens = raw.split("_");
          const arr = phrases.get(tokens[0]) ?? [];
          let p = arr.find((x) => x.tokens.join(" ") === tokens.join(" "));
          if (!p) arr.push((p = { tokens, senses: [] }));
          p.senses.push(sense);
          phrases.set(tokens[0], arr);
        } else if (raw.startsWith("*") && raw.endsWith("*")) {
          const stem = raw.slice(1, -1);
          let e = infix.find((x) => x.stem === stem);
          if (!e) infix.push((e = { stem, senses: [] }));
          e.senses.push(sense);
        } else if (raw.endsWith("*")) {
          const stem = raw.slice(0, -1);
          push(prefix, stem, sense);
          if (!prefixLens.includes(stem.length)) prefixLens.push(stem.length);
          if (stem.length >= 6) {
            for (const [m, ch] of [
              [lensByFirst, stem[0]],
              [lensBySecond, stem[1]],
            ] as const) {
              let set = m.get(ch);
              if (!set) m.set(ch, (set = new Set()));
              set.add(stem.length);
            }
          }
          addLang(stem, lang);
          const d = Math.min(1, maxDist(stem.length));
          if (d > 0) for (const v of variants(stem, d)) push(fuzzyPrefix, v, stem);
        } else {
          push(exact, raw, sense);
          addLang(raw, lang);
          const d = maxDist(raw.length);
          if (d > 0) for (const v of variants(raw, d)) push(fuzzyExact, v, raw);
        }
      }
    }
  }
  prefixLens.sort((a, b) => b - a);
})();

function lookupPrefix(tok: string, out: Sense[]): void {
  for (const L of prefixLens) {
    if (L > tok.length) continue;
    const s = prefix.get(tok.slice(0, L));
    if (s) out.push(...s);
  }
}

function fuzzyLookup(tok: string): { senses: Sense[]; key: string } | null {
  let best: { senses: Sense[]; key: string; d: number } | null = null;
  const consider = (key: string, d: number, senses: Sense[] | undefined) => {
    if (!senses) return;
    if (!best || d < best.d) best = { senses: [...senses], key, d };
    else if (d === best.d && best.key !== key) best.senses.push(...senses);
  };
  const depth = tok.length >= 9 ? 2 : 1;
  const seen = new Set<string>();
  for (const v of variants(tok, depth)) {
    const keys = fuzzyExact.get(v);
    if (!keys) continue;
    for (const key of keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      const max = maxDist(key.length);
      if (max === 0) continue;
      const d = editDistance(tok, key, max);
      if (d <= max) consider(key, d, exact.get(key));
    }
  }
  // typo inside a stem: compare same-length-ish prefixes of the token with stems
  if (tok.length >= 5) {
    const lens = new Set<number>([...(lensByFirst.get(tok[0]) ?? []), ...(lensBySecond.get(tok[1]) ?? [])]);
    for (const L of lens) {
      if (L > tok.length + 1) continue;
      for (const cut of [L - 1, L, L + 1]) {
        if (cut > tok.length || cut < 4) continue;
        const p = tok.slice(0, cut);
        for (let i = -1; i < p.length; i++) {
          const v = i < 0 ? p : p.slice(0, i) + p.slice(i + 1);
          const keys = fuzzyPrefix.get(v);
          if (!keys) continue;
          for (const key of keys) {
            if (seen.has("*" + key)) continue;
            const d = editDistance(p, key, 1);
            if (d <= 1) {
              seen.add("*" + key);
              consider(key, d, prefix.get(key));
            }
          }
        }
      }
    }
  }
  const b = best as { senses: Sense[]; key: string; d: number } | null;
  return b ? { senses: b.senses, key: b.key } : null;
}

function group(senses: Sense[], pos: number, len: number, fuzzy: boolean, out: Tag[]): void {
  const byConcept = new Map<Concept, LexLang[]>();
  for (const s of senses) {
    const l = byConcept.get(s.concept);
    if (l) {
      if (!l.includes(s.lang)) l.push(s.lang);
    } else byConcept.set(s.concept, [s.lang]);
  }
  for (const [concept, langs] of byConcept) out.push({ concept, pos, len, langs, fuzzy });
}

const SHORT_TYPO_OK = new Set<Concept>([
  "WHERE",
  "ORDER",
  "TRACK",
  "CANCEL",
  "REFUND",
  "RETURN",
  "STATUS",
  "PACKAGE",
]);

const fuzzyCache = new Map<string, { senses: Sense[]; key: string } | null>();

/** Tag every token (and phrase) with the concepts it expresses. "." tokens are clause boundaries. */
export function tagTokens(tokens: string[]): Tag[] {
  const tags: Tag[] = [];
  const inPhrase = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok === ".") continue;
    const ph = phrases.get(tok);
    if (ph) {
      for (const p of ph) {
        let ok = true;
        for (let k = 1; k < p.tokens.length; k++) {
          if (tokens[i + k] !== p.tokens[k]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          group(p.senses, i, p.tokens.length, false, tags);
          for (let k = 0; k < p.tokens.length; k++) inPhrase.add(i + k);
        }
      }
    }
    if (/^\d/.test(tok)) continue;
    const e = exact.get(tok);
    const partial: Sense[] = [];
    lookupPrefix(tok, partial);
    if (tok.length >= 7) for (const x of infix) if (tok.includes(x.stem)) partial.push(...x.senses);
    // an exact word decides the languages of its concept ("cancelar" is es/pt, not en via "cancel*")
    const senses: Sense[] = e
      ? [...e, ...partial.filter((p) => !e.some((x) => x.concept === p.concept))]
      : partial;
    if (senses.length) {
      group(senses, i, 1, false, tags);
      continue;
    }
    if (tok.length < 4 || tok.length > 24 || COMMON_WORDS.has(tok) || inPhrase.has(i)) continue;
    let f = fuzzyCache.get(tok);
    if (f === undefined) {
      f = fuzzyLookup(tok);
      if (fuzzyCache.size > 5000) fuzzyCache.clear();
      fuzzyCache.set(tok, f);
    }
    if (f) {
      // 4-letter typos are only trusted for the core order words ("ordr", "wher", "trak")
      const senses = tok.length === 4 ? f.senses.filter((x) => SHORT_TYPO_OK.has(x.concept)) : f.senses;
      if (senses.length) group(senses, i, 1, true, tags);
    }
  }
  // small-talk phrases own their words: "boa tarde" is a greeting, not "late"
  const owned = new Set<number>();
  for (const t of tags) {
    if (t.len > 1 && PHRASE_OWNS.has(t.concept)) for (let k = 0; k < t.len; k++) owned.add(t.pos + k);
  }
  if (!owned.size) return tags;
  return tags.filter((t) => t.len > 1 || !owned.has(t.pos) || PHRASE_OWNS.has(t.concept));
}

const PHRASE_OWNS = new Set<Concept>(["GREETING", "BYE", "THANKS", "ACK"]);

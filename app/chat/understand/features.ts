/**
 * Feature extraction for the intent and language model, shared by run time (model.ts) and the
 * training script (scripts/nlu/train.ts), so both see exactly the same vectors.
 *
 * Groups (each group L2-normalised on its own, so a long message does not drown the short ones):
 *   c  character n-grams 2–5 over the accent-folded, lower-cased text with word boundaries
 *      (" wo ist meine ") — typos, missing accents and compounds share most n-grams
 *   w  word unigrams and bigrams (digit runs become "<n>")
 *   k  concept tags of the lexicon (matcher.ts), the rules' verdict (rules.ts) and the entities
 *      found — each with weight 1: they carry meaning across the 7 languages
 * All features are hashed (FNV-1a) into `dim` buckets.
 */
import type { Entities } from "./entities";
import type { RuleVerdict } from "./rules";
import { fold } from "./text";
import { topicsOf } from "./topics";

export interface Features {
  idx: Int32Array;
  val: Float32Array;
}

export interface FeatureInput {
  text: string;
  tokens: string[];
  verdict: RuleVerdict | null;
  entities: Entities;
}

const MAX_CHARS = 400;

export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** " wo ist meine bestellung <n> " — the string the character n-grams are taken from. */
export function charString(text: string): string {
  const s = fold(text.slice(0, MAX_CHARS))
    .replace(/\p{Extended_Pictographic}/gu, " ☺ ")
    .replace(/[^\p{L}\d☺?]+/gu, " ")
    .replace(/\d+/gu, "0")
    .replace(/([a-z])\1{2,}/gu, "$1$1")
    .trim();
  return ` ${s.replace(/\s+/gu, " ")} `;
}

class Builder {
  private readonly groups: Map<number, number>[] = [];
  constructor(private readonly dim: number) {}
  group(keys: Iterable<string>, normalise: boolean): void {
    const m = new Map<number, number>();
    for (const k of keys) {
      const h = hash(k) % this.dim;
      m.set(h, (m.get(h) ?? 0) + 1);
    }
    if (normalise && m.size) {
      let n = 0;
      for (const v of m.values()) n += v * v;
      const inv = 1 / Math.sqrt(n);
      for (const [k, v] of m) m.set(k, v * inv);
    } else for (const [k, v] of m) m.set(k, Math.min(1, v));
    this.groups.push(m);
  }
  build(): Features {
    const all = new Map<number, number>();
    for (const g of this.groups) for (const [k, v] of g) all.set(k, (all.get(k) ?? 0) + v);
    const idx = new Int32Array(all.size);
    const val = new Float32Array(all.size);
    let i = 0;
    for (const [k, v] of all) {
      idx[i] = k;
      val[i++] = v;
    }
    return { idx, val };
  }
}

function* charGrams(s: string): Generator<string> {
  for (let n = 2; n <= 5; n++) for (let i = 0; i + n <= s.length; i++) yield "c" + s.slice(i, i + n);
}

function* wordGrams(tokens: string[]): Generator<string> {
  const w = tokens.filter((t) => t !== ".").map((t) => (/^\d/u.test(t) ? "<n>" : t));
  for (let i = 0; i < w.length; i++) {
    yield "w" + w[i];
    if (i + 1 < w.length) yield "b" + w[i] + " " + w[i + 1];
  }
}

function* knowledge(input: FeatureInput, words: number): Generator<string> {
  const { verdict, entities } = input;
  if (verdict) {
    for (const c of verdict.present) yield "k:" + c;
    yield "r:" + verdict.intent;
    if (verdict.negated) yield "k:negated";
  }
  for (const t of topicsOf(input.tokens)) yield "t:" + t;
  if (entities.orderNumber) yield "e:order";
  if (entities.email) yield "e:email";
  if (entities.phone) yield "e:phone";
  const any = entities.orderNumber || entities.email || entities.phone;
  yield "len:" + (words <= 1 ? 1 : words <= 3 ? 3 : words <= 6 ? 6 : words <= 12 ? 12 : 99);
  if (any && words <= 3) yield "e:only";
  if (input.text.includes("?")) yield "q";
}

/** Features for the intent model (all groups). */
export function intentFeatures(input: FeatureInput, dim: number): Features {
  const b = new Builder(dim);
  const cs = charString(input.text);
  b.group(charGrams(cs), true);
  b.group(wordGrams(input.tokens), true);
  const words = input.tokens.filter((t) => t !== ".").length;
  b.group(knowledge(input, words), false);
  return b.build();
}

/** Features for the language model: character n-grams and words only (numbers say nothing). */
export function languageFeatures(input: Pick<FeatureInput, "text" | "tokens">, dim: number): Features {
  const b = new Builder(dim);
  b.group(charGrams(charString(input.text.replace(/\d+/gu, " "))), true);
  b.group(wordGrams(input.tokens.filter((t) => !/^\d/u.test(t))), true);
  return b.build();
}

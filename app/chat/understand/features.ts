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
  let h = FNV;
  for (let i = 0; i < s.length; i++) h = step(h, s.charCodeAt(i));
  return h;
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

const FNV = 0x811c9dc5;

function step(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193) >>> 0;
}

/** Sparse accumulator: a group is a set of hashed keys, L2-normalised or capped at 1 per key. */
class Builder {
  private readonly acc = new Map<number, number>();
  private group = new Map<number, number>();
  constructor(private readonly dim: number) {}
  addHash(h: number): void {
    const k = h % this.dim;
    this.group.set(k, (this.group.get(k) ?? 0) + 1);
  }
  add(key: string): void {
    this.addHash(hash(key));
  }
  endGroup(normalise: boolean): void {
    const g = this.group;
    if (!g.size) return;
    let inv = 1;
    if (normalise) {
      let n = 0;
      for (const v of g.values()) n += v * v;
      inv = 1 / Math.sqrt(n);
    }
    for (const [k, v] of g) this.acc.set(k, (this.acc.get(k) ?? 0) + (normalise ? v * inv : Math.min(1, v)));
    this.group = new Map();
  }
  build(): Features {
    const idx = new Int32Array(this.acc.size);
    const val = new Float32Array(this.acc.size);
    let i = 0;
    for (const [k, v] of this.acc) {
      idx[i] = k;
      val[i++] = v;
    }
    return { idx, val };
  }
}

/** character n-grams 2–5, hashed as "c" + gram without building the substrings */
function charGrams(s: string, b: Builder): void {
  const seed = step(FNV, 99); // "c"
  for (let i = 0; i < s.length; i++) {
    let h = step(seed, s.charCodeAt(i));
    for (let n = 2; n <= 5 && i + n <= s.length; n++) {
      h = step(h, s.charCodeAt(i + n - 1));
      b.addHash(h);
    }
  }
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
  charGrams(charString(input.text), b);
  b.endGroup(true);
  for (const k of wordGrams(input.tokens)) b.add(k);
  b.endGroup(true);
  const words = input.tokens.filter((t) => t !== ".").length;
  for (const k of knowledge(input, words)) b.add(k);
  b.endGroup(false);
  return b.build();
}

/** Features for the language model: character n-grams and words only (numbers say nothing). */
export function languageFeatures(input: Pick<FeatureInput, "text" | "tokens">, dim: number): Features {
  const b = new Builder(dim);
  charGrams(charString(input.text.replace(/\d+/gu, " ")), b);
  b.endGroup(true);
  for (const k of wordGrams(input.tokens.filter((t) => !/^\d/u.test(t)))) b.add(k);
  b.endGroup(true);
  return b.build();
}

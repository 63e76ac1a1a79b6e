/**
 * Training-set loading, honest augmentation, multinomial logistic regression and k-fold
 * cross-validation for the understanding model. Deterministic: every random choice comes from a
 * seeded PRNG, so `npm run train:nlu` reproduces the committed weights bit for bit.
 */
import fs from "node:fs";
import path from "node:path";
import { LANGUAGES, type Intent, type Language } from "../../app/protocol";
import { hash, intentFeatures, languageFeatures, type Features } from "../../app/chat/understand/features";
import { Classifier, LinearHead, softmax } from "../../app/chat/understand/linear";
import { analyse } from "../../app/chat/understand/pipeline";

export const INTENTS: Intent[] = [
  "order_status",
  "tracking",
  "cancel_order",
  "return_refund",
  "change_address",
  "human",
  "greeting",
  "thanks_bye",
  "policy_shipping",
  "policy_returns",
  "faq",
  "other",
];

export interface Example {
  text: string;
  lang: Language;
  intent: Intent;
  orderNumber?: string;
  email?: string;
  phone?: string;
  /** the kind of store the message was written for (dev set): its order numbering */
  store?: "shopify" | "woo" | "woo_big" | "prefixed";
}

export interface Prepared {
  ex: Example;
  intentX: Features;
  langX: Features;
}

export interface TrainOptions {
  intentDim: number;
  langDim: number;
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
  /** NB-style feature scaling (nbScale) to this power; 0 = none */
  nb: number;
  /** 1: cross-validation folds from a hash of each message (stableFolds), not stratified shuffling */
  stableFolds?: number;
}

export const DEFAULTS: TrainOptions = {
  intentDim: 1 << 15,
  langDim: 1 << 13,
  epochs: 10,
  rate: 0.1,
  l2: 1e-6,
  seed: 20261203,
  nb: 0,
};

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function readJsonl(file: string): Example[] {
  const out: Example[] = [];
  const lines = fs.readFileSync(file, "utf8").split("\n");
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const r = JSON.parse(line) as Example;
    if (typeof r.text !== "string" || !INTENTS.includes(r.intent) || !LANGUAGES.includes(r.lang))
      throw new Error(`${file}:${i + 1}: needs text, a known intent and lang`);
    out.push(r);
  });
  return out;
}

/** hand-written messages: data/nlu/<set>/<lang>.jsonl (not the generated *.variants.jsonl) */
export function loadSet(dir: string): Example[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl") && !f.endsWith(".variants.jsonl"))
    .sort()
    .flatMap((f) => readJsonl(path.join(dir, f)));
}

export function prepare(ex: Example, o: TrainOptions): Prepared {
  const a = analyse(ex.text, null);
  return { ex, intentX: intentFeatures(a, o.intentDim), langX: languageFeatures(a, o.langDim) };
}

/** Multinomial logistic regression, AdaGrad SGD, L2 on the touched weights. */
function fitHead(
  data: { x: Features; y: number }[],
  labels: string[],
  dim: number,
  o: TrainOptions,
): LinearHead {
  const K = labels.length;
  const w = new Float32Array(dim * K);
  const g2 = new Float32Array(dim * K).fill(1e-8);
  const b = new Float32Array(K);
  const gb = new Float32Array(K).fill(1e-8);
  const rnd = mulberry32(o.seed);
  const order = data.map((_, i) => i);
  const head = new LinearHead(labels, dim, w, b);
  const sc = o.nb > 0 ? nbScale(data, K, dim, o.nb) : null;
  head.scale = sc;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const { x, y } = data[n];
      const p = softmax(head.logits(x));
      for (let k = 0; k < K; k++) {
        const gk = p[k] - (k === y ? 1 : 0);
        gb[k] += gk * gk;
        b[k] -= (o.rate * gk) / Math.sqrt(gb[k]);
        for (let i = 0; i < x.idx.length; i++) {
          const at = x.idx[i] * K + k;
          const g = gk * (sc ? x.val[i] * sc[x.idx[i]] : x.val[i]) + o.l2 * w[at];
          g2[at] += g * g;
          w[at] -= (o.rate * g) / Math.sqrt(g2[at]);
        }
      }
    }
  }
  return head;
}

/**
 * NB-style feature scaling (after NBSVM, one vector for all classes): a feature's weight is
 * (1 + max_k log p(f|k) − mean_k log p(f|k)) ^ power, with p(f|k) the smoothed naive-Bayes
 * likelihood of the hashed feature in class k — features that single out one intent count more.
 * Normalised to mean 1 over the training data; features never seen keep 1.
 */
function nbScale(data: { x: Features; y: number }[], K: number, dim: number, power: number): Float32Array {
  const c = new Float64Array(dim * K);
  const tot = new Float64Array(K);
  for (const { x, y } of data)
    for (let i = 0; i < x.idx.length; i++) {
      c[x.idx[i] * K + y] += x.val[i];
      tot[y] += x.val[i];
    }
  const sc = new Float32Array(dim).fill(1);
  let sum = 0;
  let n = 0;
  for (let f = 0; f < dim; f++) {
    let any = 0;
    for (let k = 0; k < K; k++) any += c[f * K + k];
    if (!any) continue;
    let max = -Infinity;
    let mean = 0;
    for (let k = 0; k < K; k++) {
      const lp = Math.log((c[f * K + k] + 0.1) / (tot[k] + 0.1 * dim));
      max = Math.max(max, lp);
      mean += lp / K;
    }
    sc[f] = (1 + max - mean) ** power;
    sum += sc[f] * any;
    n += any;
  }
  const m = sum / n;
  let max = 0;
  for (let f = 0; f < dim; f++) max = Math.max(max, (sc[f] /= m));
  // on the grid the model file stores (a byte per feature), so training and run time agree
  for (let f = 0; f < dim; f++) sc[f] = Math.round((sc[f] / max) * 255) * (max / 255);
  return sc;
}

export function trainClassifier(data: Prepared[], o: TrainOptions, temperature = 1): Classifier {
  const intent = fitHead(
    data.map((d) => ({ x: d.intentX, y: INTENTS.indexOf(d.ex.intent) })),
    INTENTS,
    o.intentDim,
    o,
  );
  const language = fitHead(
    data.map((d) => ({ x: d.langX, y: LANGUAGES.indexOf(d.ex.lang) })),
    [...LANGUAGES],
    o.langDim,
    o,
  );
  return new Classifier(intent, language, temperature);
}

/** Stratified fold of each example (by intent and language), seeded. */
/**
 * The fold of each example from a hash of its language and text (and the seed) alone: adding,
 * removing or relabelling other messages never moves it, so two data versions are compared on the
 * same folds (not stratified, so fold sizes per intent vary a little).
 */
export function stableFolds(examples: Example[], k: number, seed: number): number[] {
  return examples.map((e) => (hash(`${seed}\u0000${e.lang}\u0000${e.text}`) >>> 0) % k);
}

export function assignFolds(examples: Example[], k: number, seed: number): number[] {
  const rnd = mulberry32(seed);
  const idx = examples.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  idx.sort((a, b) =>
    (examples[a].intent + examples[a].lang).localeCompare(examples[b].intent + examples[b].lang),
  );
  const folds = new Array<number>(examples.length);
  idx.forEach((e, i) => (folds[e] = i % k));
  return folds;
}

/** The temperature that minimises the negative log-likelihood of out-of-fold predictions. */
export function fitTemperature(logits: Float64Array[], gold: number[]): number {
  let best = 1;
  let bestNll = Infinity;
  for (let t = 0.2; t <= 4.001; t += 0.05) {
    let nll = 0;
    logits.forEach((l, i) => (nll -= Math.log(Math.max(1e-12, softmax(l, t)[gold[i]]))));
    if (nll < bestNll) [best, bestNll] = [Math.round(t * 100) / 100, nll];
  }
  return best;
}

export interface OutOfFold {
  ex: Example;
  logits: Float64Array;
  intent: Intent;
  p: number;
  second: Intent;
  p2: number;
  language: Language;
}

/**
 * k-fold cross-validation: each fold's model is trained on the other folds' messages plus their
 * variations only (a message's variations never leak into its own fold).
 */
export function crossValidate(
  seeds: Example[],
  o: TrainOptions,
  makeVariants: (train: Example[]) => Example[],
  k = 5,
): OutOfFold[] {
  const folds = o.stableFolds ? stableFolds(seeds, k, o.seed) : assignFolds(seeds, k, o.seed);
  const prepared = seeds.map((s) => prepare(s, o));
  const out = new Array<OutOfFold>(seeds.length);
  for (let f = 0; f < k; f++) {
    const trainIdx = seeds.map((_, i) => i).filter((i) => folds[i] !== f);
    const variants = makeVariants(trainIdx.map((i) => seeds[i])).map((v) => prepare(v, o));
    const model = trainClassifier([...trainIdx.map((i) => prepared[i]), ...variants], o);
    seeds.forEach((ex, i) => {
      if (folds[i] !== f) return;
      const logits = model.intent.logits(prepared[i].intentX);
      const ranked = model.rankIntents(prepared[i].intentX);
      out[i] = {
        ex,
        logits,
        intent: ranked[0].label as Intent,
        p: ranked[0].p,
        second: ranked[1].label as Intent,
        p2: ranked[1].p,
        language: model.pickLanguage(prepared[i].langX, null) as Language,
      };
    });
  }
  return out;
}

/**
 * A linear classifier over hashed features (features.ts): the committed model file format, its
 * int8 quantisation, and softmax scoring. Used at run time (model.ts) and by the training script.
 */
import type { Features } from "./features";

export interface HeadFile {
  labels: string[];
  /** hashed feature buckets */
  dim: number;
  /** weight = int8 × scale */
  scale: number;
  bias: number[];
  /** base64 of Int8Array(dim × labels.length), feature-major: w[f × K + k] */
  weights: string;
  /** per-feature scaling learned in training (NB weights): base64 of Uint8Array(dim), value = byte × max / 255 */
  featureScale?: { max: number; values: string };
}

export interface ModelFile {
  format: "trulybot-linear-1";
  /** softmax temperature fitted by cross-validation */
  temperature: number;
  intent: HeadFile;
  language: HeadFile;
  meta: { messages: number; handWritten: number; seed: number; cvAccuracy: number };
}

export class LinearHead {
  readonly labels: string[];
  readonly dim: number;
  private readonly w: Float32Array;
  private readonly bias: Float32Array;

  /** per-feature scaling (NB weights), or null */
  scale: Float32Array | null;

  constructor(
    labels: string[],
    dim: number,
    w: Float32Array,
    bias: Float32Array,
    scale: Float32Array | null = null,
  ) {
    this.labels = labels;
    this.dim = dim;
    this.w = w;
    this.bias = bias;
    this.scale = scale;
  }

  static fromFile(f: HeadFile): LinearHead {
    const K = f.labels.length;
    const bytes = decodeBase64(f.weights);
    if (bytes.length !== f.dim * K) throw new Error("model weights have the wrong size");
    const w = new Float32Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) w[i] = ((bytes[i] << 24) >> 24) * f.scale;
    let scale: Float32Array | null = null;
    if (f.featureScale) {
      const q = decodeBase64(f.featureScale.values);
      if (q.length !== f.dim) throw new Error("model feature scale has the wrong size");
      const step = f.featureScale.max / 255;
      scale = Float32Array.from(q, (b) => b * step);
    }
    return new LinearHead(f.labels, f.dim, w, Float32Array.from(f.bias), scale);
  }

  toFile(): HeadFile {
    let max = 0;
    for (const v of this.w) max = Math.max(max, Math.abs(v));
    const scale = max / 127 || 1;
    const q = new Uint8Array(this.w.length);
    for (let i = 0; i < this.w.length; i++) q[i] = Math.round(this.w[i] / scale) & 0xff;
    return {
      labels: this.labels,
      dim: this.dim,
      scale,
      bias: Array.from(this.bias, (b) => Math.round(b * 1e4) / 1e4),
      weights: encodeBase64(q),
      ...(this.scale ? { featureScale: quantiseScale(this.scale) } : {}),
    };
  }

  logits(x: Features): Float64Array {
    const K = this.labels.length;
    const out = new Float64Array(K);
    for (let k = 0; k < K; k++) out[k] = this.bias[k];
    for (let i = 0; i < x.idx.length; i++) {
      const base = x.idx[i] * K;
      const v = this.scale ? x.val[i] * this.scale[x.idx[i]] : x.val[i];
      for (let k = 0; k < K; k++) out[k] += this.w[base + k] * v;
    }
    return out;
  }
}

function quantiseScale(scale: Float32Array): { max: number; values: string } {
  let max = 0;
  for (const v of scale) max = Math.max(max, v);
  const q = new Uint8Array(scale.length);
  for (let i = 0; i < scale.length; i++) q[i] = Math.round((scale[i] / max) * 255);
  return { max, values: encodeBase64(q) };
}

export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const t = temperature > 0 ? temperature : 1;
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] / t);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += out[i] = Math.exp(logits[i] / t - max);
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : "=";
    out += i + 2 < bytes.length ? B64[n & 63] : "=";
  }
  return out;
}

export function decodeBase64(s: string): Uint8Array {
  const clean = s.replace(/=+$/u, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  const rev = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) rev[B64.charCodeAt(i)] = i;
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const c = [0, 1, 2, 3].map((j) => (i + j < clean.length ? rev[clean.charCodeAt(i + j)] : 0));
    if (c.some((v) => v < 0)) throw new Error("model weights are not base64");
    const n = (c[0] << 18) | (c[1] << 12) | (c[2] << 6) | c[3];
    if (o < out.length) out[o++] = (n >> 16) & 0xff;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
}

/** Both heads plus the calibration: what understand() asks the model. */
export class Classifier {
  constructor(
    readonly intent: LinearHead,
    readonly language: LinearHead,
    readonly temperature: number,
  ) {}

  static fromFile(f: ModelFile): Classifier {
    if (f.format !== "trulybot-linear-1") throw new Error("unknown model format");
    return new Classifier(LinearHead.fromFile(f.intent), LinearHead.fromFile(f.language), f.temperature);
  }

  /** calibrated probabilities, best first */
  rankIntents(x: Features): { label: string; p: number }[] {
    const p = softmax(this.intent.logits(x), this.temperature);
    return this.intent.labels.map((label, i) => ({ label, p: p[i] })).sort((a, b) => b.p - a.p);
  }

  /**
   * The language: the head's probabilities with the shopper's locale as a prior (a short or
   * language-neutral message such as "ok" or "1003?" keeps the locale).
   */
  pickLanguage(x: Features, hint: string | null, hintWeight = 1.5): string {
    const logits = this.language.logits(x);
    if (hint) {
      const i = this.language.labels.indexOf(hint);
      if (i >= 0) logits[i] += hintWeight;
    }
    let best = 0;
    for (let i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
    return this.language.labels[best];
  }
}

/**
 * The committed model (model/intent-model.json, written by `npm run train:nlu`), decoded once on
 * first use and kept for the life of the process. No network, no file system at run time: the
 * JSON is part of the bundle.
 */
import modelFile from "./model/intent-model.json";
import { Classifier, type ModelFile } from "./linear";

let cached: Classifier | null = null;
let loadMs = 0;

export function getModel(): Classifier {
  if (!cached) {
    const t0 = performance.now();
    cached = Classifier.fromFile(modelFile as unknown as ModelFile);
    loadMs = performance.now() - t0;
  }
  return cached;
}

/** for `npm run bench` / eval: decode time and the size of the weights */
export function modelInfo(): { loadMs: number; bytes: number; meta: ModelFile["meta"] } {
  getModel();
  const f = modelFile as unknown as ModelFile;
  return { loadMs, bytes: f.intent.weights.length + f.language.weights.length, meta: f.meta };
}

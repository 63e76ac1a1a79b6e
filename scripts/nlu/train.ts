/**
 * npm run train:nlu — trains the intent + language model on data/nlu/train/*.jsonl (hand-written
 * messages) plus their generated variations (written next to them as <lang>.variants.jsonl),
 * fits the softmax temperature by 5-fold cross-validation, and writes the quantised weights to
 * app/chat/understand/model/intent-model.json. Deterministic (fixed seed).
 */
import fs from "node:fs";
import path from "node:path";
import { LANGUAGES } from "../../app/protocol";
import { augment } from "./augment";
import { crossValidate, DEFAULTS, fitTemperature, INTENTS, loadSet, prepare, trainClassifier } from "./lib";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TRAIN = path.join(ROOT, "data/nlu/train");
const OUT = path.join(ROOT, "app/chat/understand/model/intent-model.json");
export const VARIANTS_PER_SEED = 2;

function main(): void {
  const o = { ...DEFAULTS };
  const seeds = loadSet(TRAIN);
  const t0 = performance.now();
  const oof = crossValidate(seeds, o, (tr) => augment(tr, VARIANTS_PER_SEED, o.seed));
  const temperature = fitTemperature(
    oof.map((r) => r.logits),
    oof.map((r) => INTENTS.indexOf(r.ex.intent)),
  );
  const acc = oof.filter((r) => r.intent === r.ex.intent).length / oof.length;
  console.log(`5-fold CV intent accuracy ${acc.toFixed(4)} on ${seeds.length} messages; T=${temperature}`);

  const variants = augment(seeds, VARIANTS_PER_SEED, o.seed);
  for (const lang of LANGUAGES) {
    const mine = variants.filter((v) => v.lang === lang);
    fs.writeFileSync(
      path.join(TRAIN, `${lang}.variants.jsonl`),
      mine.map((v) => JSON.stringify(v)).join("\n") + "\n",
    );
  }
  const all = [...seeds, ...variants];
  const model = trainClassifier(
    all.map((e) => prepare(e, o)),
    o,
    temperature,
  );
  const file = {
    format: "trulybot-linear-1" as const,
    temperature,
    intent: model.intent.toFile(),
    language: model.language.toFile(),
    meta: {
      messages: all.length,
      handWritten: seeds.length,
      seed: o.seed,
      cvAccuracy: Math.round(acc * 1e4) / 1e4,
    },
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(file) + "\n");
  const kb = (fs.statSync(OUT).size / 1024).toFixed(0);
  console.log(
    `trained on ${all.length} messages in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${kb} KB`,
  );
}

main();

/**
 * npx tsx scripts/nlu/cv.ts [key=value …] — a tuning aid: 5-fold cross-validation on data/nlu/train
 * (as train.ts does it) with the given training options (epochs, rate, l2, intentDim, variants, seed,
 * nb=1 for NB feature scaling, stableFolds=1 for folds that do not move when the data changes),
 * plus a model trained on all of train scored on data/nlu/dev. Prints accuracy overall and per
 * language for both, and writes the misses of CV and dev to /tmp/nlu-cv-misses.txt. Never reads
 * data/nlu/test2 (the held-out set: `npm run eval:nlu -- --test2`).
 */
import fs from "node:fs";
import path from "node:path";
import { LANGUAGES } from "../../app/protocol";
import { augment } from "./augment";
import { crossValidate, DEFAULTS, loadSet, prepare, trainClassifier, type TrainOptions } from "./lib";

const ROOT = path.resolve(import.meta.dirname, "../..");

function main(): void {
  const o: TrainOptions = { ...DEFAULTS };
  let variants = 2;
  let skipCv = false;
  for (const arg of process.argv.slice(2)) {
    const [k, v] = arg.split("=");
    if (k === "variants") variants = Number(v);
    else if (k === "nocv") skipCv = true;
    else if (k in o || k === "stableFolds") (o as unknown as Record<string, number>)[k] = Number(v);
    else throw new Error(`unknown option ${k}`);
  }
  const train = loadSet(path.join(ROOT, "data/nlu/train"));
  const dev = loadSet(path.join(ROOT, "data/nlu/dev"));
  const lines: string[] = [];
  const report = (name: string, rows: { lang: string; ok: boolean; line: string }[]) => {
    const acc = (rs: typeof rows) => ((100 * rs.filter((r) => r.ok).length) / (rs.length || 1)).toFixed(1);
    const per = LANGUAGES.map((l) => `${l} ${acc(rows.filter((r) => r.lang === l))}`).join("  ");
    console.log(`${name}: ${acc(rows)} %, ${rows.filter((r) => !r.ok).length} misses  (${per})`);
    lines.push(`## ${name}`, ...rows.filter((r) => !r.ok).map((r) => r.line));
  };
  if (!skipCv) {
    const oof = crossValidate(train, o, (tr) => augment(tr, variants, o.seed));
    report(
      `CV ${train.length}`,
      oof.map((r) => ({
        lang: r.ex.lang,
        ok: r.intent === r.ex.intent,
        line: `${r.ex.lang}\t${r.ex.intent} → ${r.intent} (${r.p.toFixed(2)})\t${JSON.stringify(r.ex.text)}`,
      })),
    );
  }
  const all = [...train, ...augment(train, variants, o.seed)];
  const model = trainClassifier(
    all.map((e) => prepare(e, o)),
    o,
  );
  report(
    `dev ${dev.length}`,
    dev.map((ex) => {
      const ranked = model.rankIntents(prepare(ex, o).intentX);
      const got = ranked[0].label;
      return {
        lang: ex.lang,
        ok: got === ex.intent,
        line: `${ex.lang}\t${ex.intent} → ${got} (${ranked[0].p.toFixed(2)})\t${JSON.stringify(ex.text)}`,
      };
    }),
  );
  fs.writeFileSync(process.env.NLU_MISSES ?? "/tmp/nlu-cv-misses.txt", lines.join("\n") + "\n");
}

main();

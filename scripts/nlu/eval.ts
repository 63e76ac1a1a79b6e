/**
 * npm run eval:nlu — measures understanding and writes docs/understanding.md.
 *
 * Evaluates the committed model through the real understand() on data/nlu/dev (tuned against,
 * never trained on) and, when there is one, data/nlu/test (a held-out set: its individual misses are
 * not printed; the round-3 one was moved into training). Without either, the numbers are 5-fold
 * cross-validation on data/nlu/train
 * (each fold trained on the other folds + their variations, exactly as train.ts does). Entity
 * extraction (rules) is measured on the same sets, generic and with each message's store numbering.
 * `--heldout <set> "<label>"` also evaluates a held-out set (data/nlu/test2, data/nlu/test3), in
 * aggregate only and at most as often as heldout.ts allows; `--test2 "<label>"` is `--heldout test2`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LANGUAGES, type Intent, type Language } from "../../app/protocol";
import { extractEntities } from "../../app/chat/understand/entities";
import { learnNumbering, type NumberingProfile } from "../../app/chat/understand/numbering";
import { ASK_THRESHOLD, understand } from "../../app/chat/understand/index";
import { Classifier, type ModelFile } from "../../app/chat/understand/linear";
import { augment } from "./augment";
import { crossValidate, DEFAULTS, INTENTS, loadSet, type Example } from "./lib";
import { appendRun, HELD_OUT, heldOutSet, readRuns, renderHeldOut, summarise } from "./heldout";
import { renderReport, type Prediction, type Report, type SetReport } from "./report";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MODEL = path.join(ROOT, "app/chat/understand/model/intent-model.json");
const runsFile = (name: string) => path.join(ROOT, `data/nlu/${name}-runs.json`);
const VARIANTS_PER_SEED = 2;

function predict(set: Example[]): Prediction[] {
  return set.map((ex) => {
    const u = understand(ex.text);
    const alt = u.alternatives[1];
    return {
      ex,
      intent: u.intent,
      p: u.confidence,
      second: alt?.intent ?? u.intent,
      language: u.language,
    };
  });
}

function predictCv(train: Example[]): Prediction[] {
  return crossValidate(train, DEFAULTS, (tr) => augment(tr, VARIANTS_PER_SEED, DEFAULTS.seed)).map((r) => {
    return { ex: r.ex, intent: r.intent, p: r.p, second: r.second, language: r.language };
  });
}

/**
 * The recent order names each kind of store in the dev set has — what the engine learns a store's
 * numbering from: a Shopify store #1001–#1999, a new WooCommerce store 1–99, a big one 2001–48000,
 * and a store whose names carry a prefix and a suffix.
 */
const STORE_NAMES: Record<NonNullable<Example["store"]>, string[]> = {
  shopify: Array.from({ length: 50 }, (_, i) => `#${1950 - i * 19}`),
  woo: Array.from({ length: 50 }, (_, i) => String(99 - i * 2)),
  woo_big: Array.from({ length: 50 }, (_, i) => String(48000 - i * 900)),
  prefixed: Array.from({ length: 50 }, (_, i) => `#SO-${1900 - i * 17}-EU`),
};
const PROFILES = Object.fromEntries(
  Object.entries(STORE_NAMES).map(([k, names]) => [k, learnNumbering(names)]),
) as Record<NonNullable<Example["store"]>, NumberingProfile | null>;

/** Order-number accuracy with each message's store numbering (what the engine passes). */
function storeAwareOrderAccuracy(set: Example[]): { accuracy: number; misses: string[] } {
  const withStore = set.filter((ex) => ex.store);
  const misses: string[] = [];
  let ok = 0;
  for (const ex of withStore) {
    const e = extractEntities(ex.text, { numbering: PROFILES[ex.store!] });
    if ((e.orderNumber ?? null) === (ex.orderNumber ?? null)) ok++;
    else misses.push(`${JSON.stringify(ex.text)} (${ex.store}) → ${e.orderNumber}`);
  }
  return { accuracy: withStore.length ? ok / withStore.length : NaN, misses };
}

function entityAccuracy(set: Example[]): SetReport["entities"] {
  let order = 0;
  let email = 0;
  let phone = 0;
  const misses: string[] = [];
  for (const ex of set) {
    const e = extractEntities(ex.text);
    const o = (e.orderNumber ?? null) === (ex.orderNumber ?? null);
    const m = (e.email ?? null) === (ex.email?.toLowerCase() ?? null);
    const digits = (s: string | null | undefined) => (s ?? "").replace(/\D/gu, "");
    const p = digits(e.phone) === digits(ex.phone);
    order += +o;
    email += +m;
    phone += +p;
    if (!o || !m || !p) misses.push(`${JSON.stringify(ex.text)} → ${e.orderNumber} ${e.email} ${e.phone}`);
  }
  const n = set.length || 1;
  return { order: order / n, email: email / n, phone: phone / n, misses };
}

function costs(set: Example[]): Report["cost"] {
  const raw = fs.readFileSync(MODEL, "utf8");
  const t0 = performance.now();
  Classifier.fromFile(JSON.parse(raw) as ModelFile);
  const loadMs = performance.now() - t0;
  const texts = set.map((e) => e.text);
  for (const t of texts) understand(t); // warm up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const t of texts) {
      const c = process.cpuUsage();
      const s = performance.now();
      understand(t);
      wall.push((performance.now() - s) * 1000);
      const d = process.cpuUsage(c);
      cpu.push(d.user + d.system);
    }
  }
  const q = (xs: number[], f: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * f))];
  return {
    p50: q(wall, 0.5),
    p99: q(wall, 0.99),
    cpuP50: q(cpu, 0.5),
    cpuP99: q(cpu, 0.99),
    load: os.loadavg()[0],
    loadMs,
    bytes: Buffer.byteLength(raw),
  };
}

function evaluate(
  title: string,
  source: string,
  set: Example[],
  predictions: Prediction[],
  showMisses = true,
): SetReport {
  return {
    title,
    source,
    predictions,
    entities: entityAccuracy(set),
    storeAware: storeAwareOrderAccuracy(set),
    showMisses,
  };
}

/**
 * `--heldout <set> "<label>"`: evaluate a held-out set once more and log its aggregates
 * (heldout.ts). Nothing about its individual messages leaves this function. The number of looks is
 * checked before the set is read.
 */
function evaluateHeldOut(name: string, label: string): void {
  const { maxLooks } = heldOutSet(name);
  const done = readRuns(runsFile(name)).length;
  if (done >= maxLooks)
    throw new Error(`data/nlu/${name} was already evaluated ${done} times (at most ${maxLooks})`);
  const messages = loadSet(path.join(ROOT, "data/nlu", name));
  if (!messages.length) throw new Error(`data/nlu/${name} is empty`);
  const meta = (JSON.parse(fs.readFileSync(MODEL, "utf8")) as ModelFile & { meta?: Record<string, number> })
    .meta;
  const set = evaluate(name, `data/nlu/${name}`, messages, predict(messages), false);
  const run = summarise(
    set,
    {
      label,
      date: new Date().toISOString().slice(0, 10),
      handWritten: meta?.handWritten ?? 0,
      cvAccuracy: meta?.cvAccuracy ?? null,
    },
    INTENTS as Intent[],
    [...LANGUAGES] as Language[],
  );
  appendRun(runsFile(name), run, name);
}

/** `--heldout <set> "<label>"` or `--test2 "<label>"`: which set to look at, or null */
function heldOutArgs(argv: string[]): { name: string; label: string } | null {
  const at = argv.indexOf("--heldout");
  const old = argv.indexOf("--test2");
  if (at < 0 && old < 0) return null;
  const name = at >= 0 ? argv[at + 1] : "test2";
  const label = at >= 0 ? argv[at + 2] : argv[old + 1];
  if (!name || !label || label.startsWith("--"))
    throw new Error('usage: npm run eval:nlu -- --heldout <test2|test3> "<what changed>"');
  return { name, label };
}

function main(): void {
  const look = heldOutArgs(process.argv);
  if (look) evaluateHeldOut(look.name, look.label);
  const dev = loadSet(path.join(ROOT, "data/nlu/dev"));
  const test = loadSet(path.join(ROOT, "data/nlu/test"));
  const train = loadSet(path.join(ROOT, "data/nlu/train"));
  const sets: SetReport[] = [];
  if (dev.length)
    sets.push(
      evaluate(
        "dev set",
        `data/nlu/dev, ${dev.length} messages, never trained on (tuned against)`,
        dev,
        predict(dev),
      ),
    );
  if (test.length)
    sets.push(
      evaluate(
        "test set",
        `data/nlu/test, ${test.length} messages, held out: never trained or tuned on`,
        test,
        predict(test),
        false,
      ),
    );
  if (!sets.length)
    sets.push(
      evaluate(
        "cross-validation",
        `5-fold cross-validation on the training set (${train.length} hand-written messages)`,
        train,
        predictCv(train),
      ),
    );
  const report: Report = {
    sets,
    intents: INTENTS as Intent[],
    languages: [...LANGUAGES] as Language[],
    askThreshold: ASK_THRESHOLD,
    cost: costs(dev.length ? dev : train),
  };
  const heldOut = Object.keys(HELD_OUT)
    .map((name) => renderHeldOut(readRuns(runsFile(name)), report.intents, report.languages, name))
    .join("");
  const md = renderReport(report) + heldOut;
  fs.writeFileSync(path.join(ROOT, "docs/understanding.md"), md);
  console.log(md.slice(md.indexOf("## Results"), md.indexOf("\n## ", md.indexOf("## Results") + 5)));
  if (heldOut) console.log(heldOut);
}

main();

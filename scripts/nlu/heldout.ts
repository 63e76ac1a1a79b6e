/**
 * The honest held-out sets data/nlu/test2 and data/nlu/test3: evaluated only on request (`npm run
 * eval:nlu -- --heldout <set> "<what changed>"`), at most `maxLooks` times in all, and only in
 * aggregate — per language, per intent, and the order-number / email / phone extraction. Their
 * individual messages and misses are never printed or written anywhere (not even a confusion
 * table), so nobody tunes on them. Every evaluation is appended to data/nlu/<set>-runs.json, which
 * docs/understanding.md renders: the log is the count of how many times the set was looked at.
 */
import fs from "node:fs";
import type { Intent, Language } from "../../app/protocol";
import type { Prediction, SetReport } from "./report";

export interface HeldOutSet {
  /** how many evaluations the set allows in all, the first one included */
  maxLooks: number;
  /** who wrote it and when, for docs/understanding.md */
  about: string;
}

export const HELD_OUT: Record<string, HeldOutSet> = {
  test2: {
    maxLooks: 3,
    about:
      "Written before any model change of round 3 and never trained or tuned on; exhausted after round 3.",
  },
  test3: {
    maxLooks: 2,
    about:
      "Written by another engineer during round 4, never opened by the one who trained the model, never trained or tuned on.",
  },
};

/** test2: the baseline and at most two more (brief of issue 14) */
export const MAX_LOOKS = HELD_OUT.test2.maxLooks;

export function heldOutSet(name: string): HeldOutSet {
  const set = Object.hasOwn(HELD_OUT, name) ? HELD_OUT[name] : undefined;
  if (!set) throw new Error(`unknown held-out set ${name} (known: ${Object.keys(HELD_OUT).join(", ")})`);
  return set;
}

export interface HeldOutRun {
  /** what the model was when the set was evaluated */
  label: string;
  date: string;
  handWritten: number;
  cvAccuracy: number | null;
  messages: number;
  intent: number;
  nonEnglish: number;
  languageId: number;
  perLanguage: Record<string, { n: number; accuracy: number }>;
  perIntent: Record<string, { n: number; accuracy: number }>;
  orderStoreAware: number;
  orderGeneric: number;
  email: number;
  phone: number;
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

function accuracy(ps: Prediction[]): number {
  return r4(ps.filter((p) => p.intent === p.ex.intent).length / (ps.length || 1));
}

function by<K extends string>(ps: Prediction[], keys: K[], key: (p: Prediction) => K) {
  return Object.fromEntries(
    keys.map((k) => {
      const mine = ps.filter((p) => key(p) === k);
      return [k, { n: mine.length, accuracy: accuracy(mine) }];
    }),
  );
}

/** Aggregates only: nothing here can name a message. */
export function summarise(
  set: SetReport,
  meta: { label: string; date: string; handWritten: number; cvAccuracy: number | null },
  intents: Intent[],
  languages: Language[],
): HeldOutRun {
  const ps = set.predictions;
  return {
    ...meta,
    messages: ps.length,
    intent: accuracy(ps),
    nonEnglish: accuracy(ps.filter((p) => p.ex.lang !== "en")),
    languageId: r4(ps.filter((p) => p.language === p.ex.lang).length / (ps.length || 1)),
    perLanguage: by(ps, languages, (p) => p.ex.lang),
    perIntent: by(ps, intents, (p) => p.ex.intent),
    orderStoreAware: r4(set.storeAware?.accuracy ?? NaN),
    orderGeneric: r4(set.entities.order),
    email: r4(set.entities.email),
    phone: r4(set.entities.phone),
  };
}

export function readRuns(file: string): HeldOutRun[] {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as HeldOutRun[]) : [];
}

export function appendRun(file: string, run: HeldOutRun, name = "test2"): void {
  const runs = readRuns(file);
  const max = heldOutSet(name).maxLooks;
  if (runs.length >= max)
    throw new Error(`data/nlu/${name} was already evaluated ${runs.length} times (at most ${max})`);
  fs.writeFileSync(file, JSON.stringify([...runs, run], null, 2) + "\n");
}

const pct = (x: number) => (Number.isFinite(x) ? (x * 100).toFixed(1) + " %" : "–");

/** A held-out set's section of docs/understanding.md: one column per evaluation. */
export function renderHeldOut(
  runs: HeldOutRun[],
  intents: Intent[],
  languages: Language[],
  name = "test2",
): string {
  if (!runs.length) return "";
  const { maxLooks, about } = heldOutSet(name);
  const head = `| | ${runs.map((r, i) => `#${i + 1} ${r.label} (${r.date})`).join(" | ")} |`;
  const sep = `| --- | ${runs.map(() => "---:").join(" | ")} |`;
  const row = (title: string, f: (r: HeldOutRun) => string) => `| ${title} | ${runs.map(f).join(" | ")} |`;
  const rows = [
    row("hand-written training messages", (r) => String(r.handWritten)),
    row("5-fold CV intent (train)", (r) => (r.cvAccuracy == null ? "–" : pct(r.cvAccuracy))),
    row("**intent**", (r) => `**${pct(r.intent)}**`),
    row("non-English", (r) => pct(r.nonEnglish)),
    ...languages.map((l) =>
      row(`intent, ${l}`, (r) => `${pct(r.perLanguage[l]?.accuracy ?? NaN)} (${r.perLanguage[l]?.n ?? 0})`),
    ),
    ...intents.map((k) =>
      row(`recall, ${k}`, (r) => `${pct(r.perIntent[k]?.accuracy ?? NaN)} (${r.perIntent[k]?.n ?? 0})`),
    ),
    row("language ID (no locale)", (r) => pct(r.languageId)),
    row("**order number (store-aware)**", (r) => `**${pct(r.orderStoreAware)}**`),
    row("**order number (generic, no profile)**", (r) => `**${pct(r.orderGeneric)}**`),
    row("email", (r) => pct(r.email)),
    row("phone", (r) => pct(r.phone)),
  ];
  return `
## Held-out set ${name}: data/nlu/${name}, ${runs[runs.length - 1].messages} messages — aggregates only

${about} It is evaluated only on request (\`npm run eval:nlu -- --heldout ${name} "<label>"\`, at
most ${maxLooks} times in all, logged in data/nlu/${name}-runs.json) and only in aggregate: no
message, miss or confusion table of it is printed or written. **Looked at ${runs.length}
time${runs.length === 1 ? "" : "s"}** (of at most ${maxLooks}).

${[head, sep, ...rows].join("\n")}
`;
}

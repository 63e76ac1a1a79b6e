/**
 * The honest held-out set data/nlu/test2: evaluated only on request (`npm run eval:nlu -- --test2
 * "<what changed>"`), at most MAX_LOOKS times in all, and only in aggregate — per language, per
 * intent, and the order-number / email / phone extraction. Its individual messages and misses are
 * never printed or written anywhere (not even a confusion table), so nobody tunes on them. Every
 * evaluation is appended to data/nlu/test2-runs.json, which docs/understanding.md renders: the log
 * is the count of how many times the set was looked at.
 */
import fs from "node:fs";
import type { Intent, Language } from "../../app/protocol";
import type { Prediction, SetReport } from "./report";

/** the baseline and at most two more (brief of issue 14) */
export const MAX_LOOKS = 3;

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

export function appendRun(file: string, run: HeldOutRun): void {
  const runs = readRuns(file);
  if (runs.length >= MAX_LOOKS)
    throw new Error(`data/nlu/test2 was already evaluated ${runs.length} times (at most ${MAX_LOOKS})`);
  fs.writeFileSync(file, JSON.stringify([...runs, run], null, 2) + "\n");
}

const pct = (x: number) => (Number.isFinite(x) ? (x * 100).toFixed(1) + " %" : "–");

/** The test2 section of docs/understanding.md: one column per evaluation. */
export function renderHeldOut(runs: HeldOutRun[], intents: Intent[], languages: Language[]): string {
  if (!runs.length) return "";
  const head = `| | ${runs.map((r, i) => `#${i + 1} ${r.label} (${r.date})`).join(" | ")} |`;
  const sep = `| --- | ${runs.map(() => "---:").join(" | ")} |`;
  const row = (name: string, f: (r: HeldOutRun) => string) => `| ${name} | ${runs.map(f).join(" | ")} |`;
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
## Held-out set test2: data/nlu/test2, ${runs[runs.length - 1].messages} messages — aggregates only

Written before any model change of this round and never trained or tuned on. It is evaluated only
on request (\`npm run eval:nlu -- --test2 "<label>"\`, at most ${MAX_LOOKS} times in all, logged in
data/nlu/test2-runs.json) and only in aggregate: no message, miss or confusion table of it is
printed or written. **Looked at ${runs.length} time${runs.length === 1 ? "" : "s"}** (of at most ${MAX_LOOKS}).

${[head, sep, ...rows].join("\n")}
`;
}

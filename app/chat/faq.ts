/**
 * Merchant FAQ retrieval: BM25 over FAQ entries, per shopper language.
 *
 * - Each entry is indexed in every language view: its translation for that language when present,
 *   else its default text. So a Spanish shopper is matched against the Spanish text (and gets the
 *   Spanish answer) when the merchant translated it, and against the default text otherwise.
 * - Tokens: lower case, accents folded, stop words of the 7 languages dropped, light stemming
 *   (plural and common suffixes). The question counts twice (field boost), the answer once.
 * - Ranking is BM25 (k1 1.2, b 0.75). `score` (0..1) is an F0.5 of
 *     precision = BM25 normalised by the score of an ideal document holding exactly the query's words
 *                 (query words unknown to the FAQ lower it), and
 *     recall    = idf-weighted share of the entry's question words that the query mentions,
 *   so one shared common word ("order") does not make "where is my order" match "Can I pick up my
 *   order in store?". `score ≥ 0.5` is the threshold understand() uses.
 */
import type { Language } from "../protocol";
import { LANGUAGES } from "../protocol";
import { fold } from "./understand/text";

export interface FaqEntry {
  id: string;
  question: string;
  answer: string;
  translations?: Partial<Record<Language, { question: string; answer: string }>>;
  enabled?: boolean;
}

export interface FaqResult {
  entry: FaqEntry;
  /** 0..1, normalised BM25 */
  score: number;
  /** in the shopper's language if translated, else the default text */
  answer: string;
  question: string;
}

interface Doc {
  entry: FaqEntry;
  question: string;
  answer: string;
  tf: Map<string, number>;
  len: number;
  /** distinct question terms */
  qTerms: string[];
}

interface View {
  docs: Doc[];
  df: Map<string, number>;
  avgdl: number;
}

export interface FaqIndex {
  readonly entries: FaqEntry[];
  /** language views, built lazily */
  readonly views: Map<Language, View>;
}

const K1 = 1.2;
const B = 0.75;
const QUESTION_BOOST = 2;

const STOP_WORDS = new Set(
  [
    // en
    "a an the is are was were be been am i me my you your we our us it its they them this that these those to of in on at for with and or but do does did have has had can could will would should shall may might what which who whom how why when where there here please pls any some all so if than then not no yes just also about from by into up out as",
    // es
    "el la los las un una unos unas es son esta estan este esto eso mi mis tu tus su sus de del al que y o en con por para no si como cuando donde hay se me te le lo les nos puedo puede ustedes usted hacen tienen tiene ya muy mas",
    // fr
    "le la les un une des du de d l est sont mon ma mes ton ta tes votre vos notre nos je tu il elle nous vous ils elles que qui quoi et ou pas ne n en dans pour avec sur ce cette ces c j y a au aux se peut puis faites avez",
    // de
    "der die das den dem des ein eine einen einem einer ist sind war mein meine dein ihr ihre ich du er sie es wir und oder nicht mit fur von zu zum zur auf im in an bei bitte wo wann wie was kann konnen ihr euch habt gibt es auch",
    // it
    "il lo la i gli le un una uno e sono mio mia tuo suo di del della dei degli delle che non con per su da in al alla ai allo come dove quando posso potete avete si ci vi mi ti",
    // nl
    "de het een is zijn was mijn jouw uw ik jij je hij zij wij we niet en of met voor van op in aan bij te hoe wat waar wanneer kan kunnen jullie u er ook dat die dit",
    // pt
    "o a os as um uma e sao esta estao meu minha seu sua de do da dos das que nao com por para em no na nos nas como onde quando posso pode vocês voces voce tem ha se",
  ]
    .join(" ")
    .split(/\s+/u)
    .map((w) => fold(w)),
);

const SUFFIXES = [
  "ations",
  "ation",
  "ements",
  "ement",
  "ungen",
  "ung",
  "ing",
  "ies",
  "es",
  "en",
  "er",
  "ed",
  "s",
  "x",
];
const FINAL_VOWELS = ["e", "i", "o", "a"];

/**
 * Light, language-agnostic stemming: strips one plural/common suffix, then a final vowel
 * ("tarjetas" → "tarjeta" → "tarjet", "Gutscheine" → "gutschein"), keeping stems ≥ 4 letters.
 */
export function stem(word: string): string {
  if (/^\d/u.test(word) || word.length <= 4) return word;
  let w = word;
  for (const suf of SUFFIXES) {
    if (w.endsWith(suf) && w.length - suf.length >= 4) {
      w = w.slice(0, -suf.length);
      if (suf === "ies") w += "y";
      // "shipping" → "shipp" → "ship"
      if ((suf === "ing" || suf === "ed") && w.length >= 4 && w[w.length - 1] === w[w.length - 2])
        w = w.slice(0, -1);
      break;
    }
  }
  for (const v of FINAL_VOWELS) {
    if (w.endsWith(v) && w.length - 1 >= 4) {
      w = w.slice(0, -1);
      break;
    }
  }
  return w;
}

export function faqTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of fold(text ?? "").split(/[^a-z0-9]+/u)) {
    if (!raw || STOP_WORDS.has(raw)) continue;
    if (raw.length === 1 && !/\d/u.test(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

function makeDoc(entry: FaqEntry, question: string, answer: string): Doc {
  const tf = new Map<string, number>();
  const q = faqTokens(question);
  const a = faqTokens(answer);
  for (const t of q) tf.set(t, (tf.get(t) ?? 0) + QUESTION_BOOST);
  for (const t of a) tf.set(t, (tf.get(t) ?? 0) + 1);
  return { entry, question, answer, tf, len: q.length * QUESTION_BOOST + a.length, qTerms: [...new Set(q)] };
}

function buildView(entries: FaqEntry[], lang: Language): View {
  const docs: Doc[] = [];
  for (const e of entries) {
    const tr = e.translations?.[lang];
    const useTr = tr && tr.question?.trim() && tr.answer?.trim();
    docs.push(makeDoc(e, useTr ? tr.question : e.question, useTr ? tr.answer : e.answer));
  }
  const df = new Map<string, number>();
  let total = 0;
  for (const d of docs) {
    total += d.len;
    for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return { docs, df, avgdl: docs.length ? total / docs.length || 1 : 1 };
}

export function buildFaqIndex(entries: FaqEntry[]): FaqIndex {
  const enabled = entries.filter((e) => e.enabled !== false && (e.question ?? "").trim() !== "");
  const views = new Map<Language, View>();
  for (const l of LANGUAGES) views.set(l, buildView(enabled, l));
  return { entries: enabled, views };
}

function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export function searchFaq(index: FaqIndex, text: string, lang: Language): FaqResult[] {
  const view = index.views.get(lang) ?? index.views.get("en");
  if (!view || !view.docs.length) return [];
  const terms = [...new Set(faqTokens(text))];
  const termSet = new Set(terms);
  if (!terms.length) return [];
  const n = view.docs.length;
  const weights = terms.map((t) => idf(n, view.df.get(t) ?? 0));
  // ideal document: the query itself, each word once in the (boosted) question
  const idealLen = terms.length * QUESTION_BOOST;
  let ideal = 0;
  for (const w of weights) {
    const tf = QUESTION_BOOST;
    ideal += (w * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * idealLen) / view.avgdl));
  }
  if (ideal <= 0) return [];
  const results: (FaqResult & { raw: number })[] = [];
  for (const d of view.docs) {
    let raw = 0;
    for (let i = 0; i < terms.length; i++) {
      const tf = d.tf.get(terms[i]);
      if (!tf) continue;
      raw += (weights[i] * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * d.len) / view.avgdl));
    }
    if (raw <= 0) continue;
    // precision: how much of the query this entry explains (normalised BM25);
    // recall: how much of the entry's question the query mentions (idf-weighted)
    const p = Math.min(1, raw / ideal);
    let qAll = 0;
    let qHit = 0;
    for (const t of d.qTerms) {
      const w = idf(n, view.df.get(t) ?? 0);
      qAll += w;
      if (termSet.has(t)) qHit += w;
    }
    const r = qAll > 0 ? qHit / qAll : 0;
    const f = p > 0 && r > 0 ? (1.25 * p * r) / (0.25 * r + p) : p * 0.5;
    results.push({
      raw: f,
      entry: d.entry,
      score: Math.round(f * 1000) / 1000,
      question: d.question,
      answer: d.answer,
    });
  }
  results.sort((a, b) => b.raw - a.raw);
  return results.map(({ raw: _raw, ...r }) => r);
}

/** The `faqMatcher` for understand(): best normalised score for the text in that language. */
export function faqMatcherFor(index: FaqIndex): (text: string, lang: Language) => number {
  return (text, lang) => searchFaq(index, text, lang)[0]?.score ?? 0;
}

/**
 * Text normalisation shared by the understanding module and FAQ retrieval.
 * Pure functions, no dependencies.
 */

/** Lower-case and strip accents ("Dónde ESTÁ" → "donde esta", "Größe" → "grosse"). */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/æ/g, "ae")
    .replace(/œ/g, "oe")
    .replace(/ø/g, "o")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
}

const EMOJI_WORDS: [RegExp, string][] = [
  [/[👋🖐✋]/gu, " hi "],
  [/[🙏🙌]/gu, " thanks "],
  [/[📦]/gu, " package "],
  [/[👍👌]/gu, " ok "],
];

/**
 * Tokens for intent matching: folded words and digit runs, plus "." markers where a clause ends
 * (punctuation), so negation does not leak across clauses.
 * English contractions are expanded ("don't" → "do not", "where's" → "where is"); other
 * apostrophes (French/Italian elision) split words ("n'est" → "n est", "dov'è" → "dov e").
 */
export function tokenize(text: string): string[] {
  let s = text.toLowerCase();
  for (const [re, w] of EMOJI_WORDS) s = s.replace(re, w);
  s = s
    .replace(/[’`´]/g, "'")
    .replace(/\bcan't\b/g, "can not")
    .replace(/\bwon't\b/g, "will not")
    .replace(/n't\b/g, " not")
    .replace(/'s\b/g, " is")
    .replace(/'m\b/g, " am")
    .replace(/'re\b/g, " are")
    .replace(/'ll\b/g, " will")
    .replace(/'d\b/g, " would")
    .replace(/'ve\b/g, " have");
  s = fold(s);
  // collapse letters repeated 3+ times ("heyyy" → "hey", "pleaseee" → "please")
  s = s.replace(/([a-z])\1{2,}/g, "$1");
  const out: string[] = [];
  const re = /[a-z0-9]+|[.,;!?¿¡:]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const t = m[0];
    if (t.length === 1 && ".,;!?¿¡:".includes(t)) {
      if (t === ":") continue;
      if (out.length && out[out.length - 1] !== ".") out.push(".");
    } else out.push(t);
  }
  return out;
}

/** Optimal-string-alignment (Damerau) distance, with an early exit above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2: number[] = new Array(lb + 1).fill(0);
  let prev: number[] = new Array(lb + 1);
  let cur: number[] = new Array(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb];
}

/** All strings obtained by deleting exactly one character. */
export function deletes1(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

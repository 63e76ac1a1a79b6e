/**
 * Store policies are long (Shopify policy bodies are HTML). The bot quotes only the paragraph(s)
 * relevant to the question — never a wall of text.
 */

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  "#39": "'",
};

/** HTML (or plain text) → plain paragraphs. */
export function policyParagraphs(body: string): string[] {
  const withBreaks = body
    .replace(/<\s*(br)\s*\/?>/gi, "\n")
    .replace(/<\s*\/?\s*(p|div|li|ul|ol|h[1-6]|tr|table|section)\b[^>]*>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(
      /&(#?\w+);/g,
      (m, e: string) =>
        ENTITIES[e.toLowerCase()] ?? (e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : m),
    );
  return withBreaks
    .split(/\n\s*\n+/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p.length > 0);
}

const STOP = new Set(
  "policy policies what when where your with that this have does about will from they them there which would could should shipping ship ships return returns order orders please".split(
    " ",
  ),
);

function stems(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .match(/[a-z0-9]{3,}/g) ?? []
  ).filter((w) => !STOP.has(w));
}

/** same word stem: shared 5-letter prefix, or one word (4+ letters) starting the other ("pick" / "pickup") */
function sameStem(a: string, b: string): boolean {
  if (a.length >= 5 && b.length >= 5) return a.slice(0, 5) === b.slice(0, 5);
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return s.length >= 4 ? l.startsWith(s) : s === l;
}

/**
 * The 1-2 paragraphs that best match the question (word-stem overlap, plus topic hints),
 * the first paragraph when nothing matches; truncated at a sentence boundary to maxChars.
 */
/** question words → policy words they usually point at */
const EXPAND: [RegExp, string[]][] = [
  [
    /^(cost|costs|price|prices|fee|fees|much|charge|charges|expensive|cheap|pay|paid)$/,
    ["free", "standard", "costs"],
  ],
  [/^(long|fast|quick|quickly|take|takes|days|soon|when|time)$/, ["business", "days", "processing"]],
  [
    /^(abroad|international|internationally|overseas|country|countries|canada|europe|germany|france|world|worldwide)$/,
    ["international"],
  ],
  [/^(pick|pickup|collect|store|shop)$/, ["pickup"]],
  [/^(damaged|broken|defective|dented|wrong)$/, ["damaged", "defective"]],
];

export function pickPolicyExcerpt(
  body: string,
  question: string,
  opts: { hints?: string[]; maxChars?: number; maxParagraphs?: number; requireMatch?: boolean } = {},
): string {
  const paras = policyParagraphs(body);
  if (paras.length === 0) return "";
  const maxChars = opts.maxChars ?? 420;
  const qWords = stems(question);
  const expanded = qWords.flatMap((w) => EXPAND.filter(([re]) => re.test(w)).flatMap(([, add]) => add));
  const q = [...new Set([...qWords, ...expanded, ...(opts.hints ?? [])])];
  const hits = (w: string) => q.some((x) => sameStem(x, w));
  const scored = paras.map((p, i) => {
    const ws = stems(p);
    let score = 0;
    const seen = new Set<string>();
    for (const w of ws) {
      if (seen.has(w) || !hits(w)) continue;
      score += 1;
      seen.add(w);
    }
    // the lead-in label of a paragraph ("Cancellations:", "International:") weighs double
    const label = /^([^:]{2,40}):/.exec(p)?.[1];
    if (label) for (const w of stems(label)) if (hits(w)) score += 2;
    return { p, i, score };
  });
  const best = [...scored].sort((a, b) => b.score - a.score || a.i - b.i);
  let chosen: string[];
  if (best[0]!.score === 0) {
    if (opts.requireMatch) return "";
    chosen = [paras[0]!];
  } else {
    chosen = [best[0]!.p];
    const second = best[1];
    if (
      (opts.maxParagraphs ?? 2) > 1 &&
      second &&
      second.score > 0 &&
      second.score >= best[0]!.score - 1 &&
      best[0]!.p.length + second.p.length < maxChars
    )
      chosen = second.i < best[0]!.i ? [second.p, best[0]!.p] : [best[0]!.p, second.p];
  }
  return truncate(chosen.join("\n\n"), maxChars);
}

export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const sentenceEnd = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("! "), cut.lastIndexOf("? "));
  if (sentenceEnd > maxChars * 0.4) return cut.slice(0, sentenceEnd + 1);
  return cut.replace(/\s+\S*$/, "") + "…";
}

/**
 * Store policies are long (Shopify policy bodies are HTML). The bot quotes only the paragraph(s)
 * relevant to the question — never a wall of text.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

/** HTML (or plain text) → plain paragraphs. */
export function policyParagraphs(body: string): string[] {
  const withBreaks = body
    .replace(/<\s*(br)\s*\/?>/gi, "\n")
    .replace(/<\s*\/?\s*(p|div|li|ul|ol|h[1-6]|tr|table|section)\b[^>]*>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e.toLowerCase()] ?? (e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : m));
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
  return (text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").match(/[a-z0-9]{3,}/g) ?? [])
    .filter((w) => !STOP.has(w));
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
export function pickPolicyExcerpt(body: string, question: string, opts: { hints?: string[]; maxChars?: number } = {}): string {
  const paras = policyParagraphs(body);
  if (paras.length === 0) return "";
  const maxChars = opts.maxChars ?? 420;
  const q = [...new Set([...stems(question), ...(opts.hints ?? [])])];
  const hits = (w: string) => q.some((x) => sameStem(x, w));
  const scored = paras.map((p, i) => {
    const ws = stems(p);
    let score = 0;
    const seen = new Set<string>();
    for (const w of ws) if (!seen.has(w) && hits(w)) (score += 1), seen.add(w);
    // the lead-in label of a paragraph ("Cancellations:", "International:") weighs double
    const label = /^([^:]{2,40}):/.exec(p)?.[1];
    if (label) for (const w of stems(label)) if (hits(w)) score += 2;
    return { p, i, score };
  });
  const best = [...scored].sort((a, b) => b.score - a.score || a.i - b.i);
  let chosen: string[];
  if (best[0]!.score === 0) chosen = [paras[0]!];
  else {
    chosen = [best[0]!.p];
    const second = best[1];
    if (second && second.score > 0 && second.score >= best[0]!.score - 1 && best[0]!.p.length + second.p.length < maxChars)
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

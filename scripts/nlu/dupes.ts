/**
 * npx tsx scripts/nlu/dupes.ts <new set dir> <reference dir>... — lists the messages of the new set
 * that equal a reference message after folding (lower case, no accents, no punctuation) or are a
 * near match (word-set Jaccard ≥ 0.8, or `--jaccard=0.7`), so a fresh held-out set never copies
 * training data and new training lines never copy a held-out set (ADR 0027). A reference message of
 * the held-out set data/nlu/test2 is never printed (only that there is one). Exits 1 when any is found.
 */
import path from "node:path";
import { loadSet } from "./lib";

export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  const union = a.size + b.size - both;
  return union ? both / union : 1;
}

function main(): void {
  const args = process.argv.slice(2);
  const limit = Number(args.find((a) => a.startsWith("--jaccard="))?.slice(10) ?? 0.8);
  const [fresh, ...refs] = args.filter((a) => !a.startsWith("--")).map((d) => path.resolve(d));
  const reference = refs.flatMap((d) => loadSet(d).map((ex) => ({ ex, dir: path.basename(d) })));
  const folded = reference.map((r) => ({ ...r, f: fold(r.ex.text), w: new Set(fold(r.ex.text).split(" ")) }));
  let found = 0;
  for (const ex of loadSet(fresh)) {
    const f = fold(ex.text);
    const w = new Set(f.split(" "));
    const hit =
      folded.find((r) => r.f === f) ?? folded.find((r) => r.ex.lang === ex.lang && jaccard(w, r.w) >= limit);
    if (!hit) continue;
    found++;
    const kind = hit.f === f ? "exact" : "near";
    const ref = hit.dir === "test2" ? "(held-out message, not shown)" : JSON.stringify(hit.ex.text);
    console.log(`${kind}\t${ex.lang}\t${JSON.stringify(ex.text)}\t${hit.dir}: ${ref}`);
  }
  console.log(`${found} duplicates`);
  process.exitCode = found ? 1 : 0;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) main();

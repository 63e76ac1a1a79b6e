/**
 * Honest variations of hand-written messages, the way shoppers vary them: missing accents, no
 * capitals or punctuation, one typo, an emoji or "pls", and a different order number of another
 * store's numbering (Shopify #1001–#1999, new WooCommerce 1–99, big WooCommerce 2001–48000,
 * prefixed SO-1042-EU) or another email. The intent never changes; entity labels follow the swap.
 */
import { fold } from "../../app/chat/understand/text";
import type { Example } from "./lib";
import { mulberry32 } from "./lib";

const EXTRAS = [" pls", " please", " ?", " 🙏", " 😊", " !!", " …", " 😡", " asap", "?!"];
const NAMES = ["maria", "j.smith", "lea", "tom.b", "ana_87", "k.mueller", "sophie.m"];
const DOMAINS = ["gmail.com", "hotmail.com", "web.de", "outlook.fr", "yahoo.es", "libero.it", "ziggo.nl"];

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

function typo(word: string, rnd: () => number): string {
  const i = 1 + Math.floor(rnd() * (word.length - 2));
  const kind = Math.floor(rnd() * 3);
  if (kind === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swap
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1); // drop
  return word.slice(0, i) + word[i] + word.slice(i); // double
}

function surface(text: string, rnd: () => number): string {
  let t = text;
  const r = rnd();
  if (r < 0.35) t = fold(t);
  else if (r < 0.55)
    t = t
      .toLowerCase()
      .split(" ")
      .map((w) => (w.includes("@") ? w : w.replace(/[?!.¿¡,]/gu, "")))
      .join(" ");
  else if (r < 0.62) t = t.toUpperCase().includes("@") ? t : t.toUpperCase();
  const words = t.split(" ");
  const cands = words.map((w, i) => (/^\p{L}{5,}$/u.test(w) ? i : -1)).filter((i) => i >= 0);
  if (cands.length && rnd() < 0.7) {
    const i = pick(rnd, cands);
    words[i] = typo(words[i], rnd);
  }
  t = words.join(" ");
  if (rnd() < 0.3) t += pick(rnd, EXTRAS);
  return t === text ? fold(text) + pick(rnd, EXTRAS) : t;
}

function otherNumber(old: string, rnd: () => number): string {
  if (/[A-Za-z]/u.test(old)) return `SO-${1001 + Math.floor(rnd() * 999)}-EU`;
  const d = old.replace(/\D/gu, "").length;
  if (d <= 2) return String(1 + Math.floor(rnd() * 99));
  if (d === 4 && rnd() < 0.5) return String(1001 + Math.floor(rnd() * 999));
  return String(2001 + Math.floor(rnd() * 46000));
}

function swapEntities(ex: Example, rnd: () => number): Example | null {
  let text = ex.text;
  const out: Example = { ...ex };
  if (ex.orderNumber && text.includes(ex.orderNumber)) {
    const n = otherNumber(ex.orderNumber, rnd);
    text = text.replace(ex.orderNumber, n);
    out.orderNumber = n;
  }
  if (ex.email && text.includes(ex.email)) {
    const e = `${pick(rnd, NAMES)}@${pick(rnd, DOMAINS)}`;
    text = text.replace(ex.email, e);
    out.email = e;
  }
  if (text === ex.text) return null;
  out.text = text;
  return out;
}

/** `perSeed` variations of each example (deterministic for a seed). */
export function augment(seeds: Example[], perSeed: number, seed: number): Example[] {
  const rnd = mulberry32(seed);
  const out: Example[] = [];
  const seen = new Set(seeds.map((s) => s.lang + s.text));
  for (const ex of seeds) {
    for (let v = 0; v < perSeed; v++) {
      const swapped = v === 0 ? swapEntities(ex, rnd) : null;
      const base = swapped ?? ex;
      const text = swapped && rnd() < 0.5 ? swapped.text : surface(base.text, rnd);
      const key = ex.lang + text;
      if (seen.has(key)) continue;
      seen.add(key);
      // a typo never touches digits or emails; a case change is followed by the labels
      const variant: Example = { ...base, text };
      for (const k of ["orderNumber", "email"] as const) {
        const label = variant[k];
        const at = label ? text.toLowerCase().indexOf(label.toLowerCase()) : -1;
        if (label && at >= 0) variant[k] = text.slice(at, at + label.length);
      }
      out.push(variant);
    }
  }
  return out;
}

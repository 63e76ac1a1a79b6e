/**
 * A small renderer for catalogue messages precompiled at build time (the AST of
 * @formatjs/icu-messageformat-parser, as JSON). It is meant for the widget's panel bundle, where the full
 * intl-messageformat runtime would cost ~7 KB brotli: it handles the subset the catalogues use — text,
 * {arg}, {n, number}, select, plural (exact =N, offset, #) — and refuses the rest at build time.
 * Parity with intl-messageformat is tested over every catalogue message (render-ast.test.ts).
 * No imports at run time: it relies on Intl only.
 */

/** The parser's element types (TYPE enum of @formatjs/icu-messageformat-parser). */
const LITERAL = 0;
const ARGUMENT = 1;
const NUMBER = 2;
const SELECT = 5;
const PLURAL = 6;
const POUND = 7;

export interface AstElement {
  type: number;
  value?: string;
  options?: Record<string, { value: AstElement[] }>;
  offset?: number;
  pluralType?: "cardinal" | "ordinal";
  style?: unknown;
}

export type AstValues = Record<string, string | number>;

/** Throws when a message uses something this renderer does not support (dates, times, tags, number styles). */
export function assertRenderable(ast: AstElement[], where = "message"): void {
  for (const el of ast) {
    if (![LITERAL, ARGUMENT, NUMBER, SELECT, PLURAL, POUND].includes(el.type))
      throw new Error(`${where}: element type ${el.type} is not supported in precompiled messages`);
    if (el.type === NUMBER && el.style) throw new Error(`${where}: number styles are not supported`);
    for (const opt of Object.values(el.options ?? {})) assertRenderable(opt.value, where);
  }
}

const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

function pluralRules(locale: string, type: "cardinal" | "ordinal"): Intl.PluralRules {
  const key = `${locale}|${type}`;
  let r = plurals.get(key);
  if (!r) plurals.set(key, (r = new Intl.PluralRules(locale, { type })));
  return r;
}

function formatNumber(locale: string, n: number): string {
  let f = numbers.get(locale);
  if (!f) numbers.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(n);
}

function pick(el: AstElement, name: string): AstElement[] {
  const opts = el.options ?? {};
  return (Object.prototype.hasOwnProperty.call(opts, name) ? opts[name] : opts.other)?.value ?? [];
}

/** Render a precompiled message; a missing value renders as "" (text), `other` (select) or 0 (plural). */
export function renderAst(ast: AstElement[], locale: string, values: AstValues = {}, pound?: number): string {
  let out = "";
  for (const el of ast) {
    const raw = el.value === undefined ? undefined : values[el.value];
    switch (el.type) {
      case LITERAL:
        out += el.value ?? "";
        break;
      case ARGUMENT:
        out += raw === undefined ? "" : String(raw);
        break;
      case NUMBER:
        out += formatNumber(locale, Number(raw) || 0);
        break;
      case POUND:
        out += pound === undefined ? "#" : formatNumber(locale, pound);
        break;
      case SELECT:
        out += renderAst(pick(el, raw === undefined ? "other" : String(raw)), locale, values, pound);
        break;
      case PLURAL: {
        const n = Number(raw) || 0;
        const exact = el.options?.[`=${n}`];
        const rest = n - (el.offset ?? 0);
        const branch = exact
          ? exact.value
          : pick(el, pluralRules(locale, el.pluralType ?? "cardinal").select(rest));
        out += renderAst(branch, locale, values, rest);
        break;
      }
    }
  }
  return out;
}

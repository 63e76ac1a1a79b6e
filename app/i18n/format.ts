/**
 * Formats catalogue messages with intl-messageformat. Each message is parsed once per language and kept
 * (parsing is the expensive part); the Intl formatters behind plural rules and numbers are shared by all
 * messages of a locale. Missing values never throw: a missing simple argument renders as "", a missing
 * select as its `other` branch, a missing plural count as 0.
 */
import { IntlMessageFormat, type Formatters } from "intl-messageformat";
import { TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import type { Language } from "../protocol";
import { LOCALE_FOR } from "../orders/format";
import { messageSource, type MessageKeyOf, type Section } from "./catalog";

export type MessageValue = string | number | boolean | null | undefined;
export type MessageValues = Record<string, MessageValue>;

/** How an argument is used in a message: "text" ({name}), "select", "plural" or "number"/"date"/"time". */
export type ArgumentKind = "text" | "select" | "plural" | "number" | "date" | "time";

interface Compiled {
  format: IntlMessageFormat;
  args: Map<string, ArgumentKind>;
  /** the branch names of each select argument (a value outside them takes `other`) */
  branches: Map<string, Set<string>>;
}

/** One Intl formatter per (locales, options), shared by every message (the key avoids a JSON round per call when options are absent). */
function memo<A extends unknown[], R>(make: (...args: A) => R): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A) => {
    const key = args.length === 1 || args[1] === undefined ? String(args[0]) : JSON.stringify(args);
    let v = cache.get(key);
    if (v === undefined) {
      v = make(...args);
      cache.set(key, v);
    }
    return v;
  };
}

const FORMATTERS: Formatters = {
  getNumberFormat: memo((locales, opts) => new Intl.NumberFormat(locales, opts)),
  getDateTimeFormat: memo((locales, opts) => new Intl.DateTimeFormat(locales, opts)),
  getPluralRules: memo((locales, opts) => new Intl.PluralRules(locales, opts)),
};

const KIND: Partial<Record<TYPE, ArgumentKind>> = {
  [TYPE.argument]: "text",
  [TYPE.number]: "number",
  [TYPE.date]: "date",
  [TYPE.time]: "time",
  [TYPE.select]: "select",
  [TYPE.plural]: "plural",
};

/** Every argument a message uses, with how it is used (nested plural/select branches included). */
export function argumentsOf(ast: MessageFormatElement[], into = new Map<string, ArgumentKind>()) {
  for (const el of ast) {
    const kind = KIND[el.type];
    if (kind && "value" in el && !into.has(el.value)) into.set(el.value, kind);
    if (el.type === TYPE.select || el.type === TYPE.plural)
      for (const opt of Object.values(el.options)) argumentsOf(opt.value, into);
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

function selectBranches(ast: MessageFormatElement[], into = new Map<string, Set<string>>()) {
  for (const el of ast) {
    if (el.type === TYPE.select) {
      const set = into.get(el.value) ?? new Set<string>();
      for (const k of Object.keys(el.options)) set.add(k);
      into.set(el.value, set);
    }
    if (el.type === TYPE.select || el.type === TYPE.plural)
      for (const opt of Object.values(el.options)) selectBranches(opt.value, into);
  }
  return into;
}

/** Parse one ICU message for a language (throws on a syntax error). */
export function compileMessage(source: string, lang: Language): Compiled {
  const format = new IntlMessageFormat(source, LOCALE_FOR[lang] ?? "en-US", undefined, {
    formatters: FORMATTERS,
    ignoreTag: true,
  });
  const ast = format.getAst();
  return { format, args: argumentsOf(ast), branches: selectBranches(ast) };
}

const compiled = new Map<string, Compiled>();

function compiledFor(lang: Language, section: Section, key: string): Compiled {
  const id = `${lang}\u0000${section}\u0000${key}`;
  let c = compiled.get(id);
  if (!c) {
    c = compileMessage(messageSource(lang, section, key as MessageKeyOf<Section>), lang);
    compiled.set(id, c);
  }
  return c;
}

function valueFor(kind: ArgumentKind, v: MessageValue, branches: Set<string> | undefined): string | number {
  if (kind === "plural" || kind === "number") {
    const n = typeof v === "number" ? v : Number(v);
    return Number.isFinite(n) ? n : 0;
  }
  if (kind === "select") {
    const name = v === true ? "yes" : v === false || v === null || v === undefined ? "other" : String(v);
    return branches?.has(name) ? name : "other";
  }
  return v === null || v === undefined || typeof v === "boolean" ? "" : v;
}

/** Format an already compiled message (the catalogue lookups go through `formatMessage`). */
export function formatCompiled(c: Compiled, vars: MessageValues = {}): string {
  const values: Record<string, string | number> = {};
  for (const [name, kind] of c.args) values[name] = valueFor(kind, vars[name], c.branches.get(name));
  return String(c.format.format(values));
}

/** The message `section.key` in `lang`, with its arguments filled. */
export function formatMessage<S extends Section>(
  lang: Language,
  section: S,
  key: MessageKeyOf<S>,
  vars: MessageValues = {},
): string {
  return formatCompiled(compiledFor(lang, section, key), vars);
}

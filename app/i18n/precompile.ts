/**
 * Build-time step for bundles that must not carry a message parser (the widget's panel): parse one
 * catalogue section of every language into the JSON AST that render-ast.ts renders. Throws when a message
 * uses something the renderer does not support, so a bad message fails the build, not the shopper.
 */
import { parse } from "@formatjs/icu-messageformat-parser";
import type { Language } from "../protocol";
import { CATALOGUES, type Section } from "./catalog";
import { assertRenderable, type AstElement } from "./render-ast";

export type PrecompiledSection = Record<Language, Record<string, AstElement[]>>;

export function precompileSection(section: Section, keys?: readonly string[]): PrecompiledSection {
  const out = {} as PrecompiledSection;
  for (const lang of Object.keys(CATALOGUES) as Language[]) {
    const table = CATALOGUES[lang][section] as Record<string, string>;
    const english = CATALOGUES.en[section] as Record<string, string>;
    out[lang] = {};
    for (const key of keys ?? Object.keys(english)) {
      const source = table[key] ?? english[key];
      if (source === undefined) throw new Error(`${section}.${key}: no such message`);
      const ast = parse(source, { ignoreTag: true }) as AstElement[];
      assertRenderable(ast, `${lang}.${section}.${key}`);
      out[lang][key] = ast;
    }
  }
  return out;
}

/** A precompiled message, or its text when it is text only (smaller in a bundle, nothing to render). */
export type CompactMessage = AstElement[] | string;
export type CompactSection = Record<Language, Record<string, CompactMessage>>;

/** The same section with every text-only message (no argument, select or plural) as a plain string. */
export function compactSection(pre: PrecompiledSection): CompactSection {
  const out = {} as CompactSection;
  for (const [lang, table] of Object.entries(pre) as [Language, Record<string, AstElement[]>][]) {
    out[lang] = {};
    for (const [key, ast] of Object.entries(table))
      out[lang][key] = ast.every((el) => el.type === 0) ? ast.map((el) => el.value ?? "").join("") : ast;
  }
  return out;
}

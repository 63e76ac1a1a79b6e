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

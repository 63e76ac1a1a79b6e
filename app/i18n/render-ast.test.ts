import { describe, expect, it } from "vitest";
import { parse } from "@formatjs/icu-messageformat-parser";
import { CATALOGUES, type Section } from "./catalog";
import { compileMessage, formatCompiled, formatMessage } from "./format";
import { compactSection, precompileSection } from "./precompile";
import { assertRenderable, renderAst, type AstElement } from "./render-ast";
import { LOCALE_FOR } from "../orders/format";
import { LANGUAGES } from "../protocol";

/** Compiled at "build time": the AST goes through JSON, as it would into a bundle. */
const precompile = (source: string) =>
  JSON.parse(JSON.stringify(parse(source, { ignoreTag: true }))) as AstElement[];

describe("precompiled-message renderer (for the widget bundle)", () => {
  it("renders every catalogue message exactly like intl-messageformat, for several value sets", () => {
    let checked = 0;
    for (const lang of LANGUAGES)
      for (const section of Object.keys(CATALOGUES.en) as Section[])
        for (const [key, source] of Object.entries(CATALOGUES[lang][section] as Record<string, string>)) {
          const ast = precompile(source);
          assertRenderable(ast, `${lang}.${section}.${key}`);
          const c = compileMessage(source, lang);
          for (const [count, choice] of [
            [0, "yes"],
            [1, "other"],
            [2, "place"],
            [1234, "today"],
          ] as const) {
            const values: Record<string, string | number> = {};
            for (const [name, kind] of c.args)
              values[name] =
                kind === "plural" || kind === "number" ? count : kind === "select" ? choice : `<${name}>`;
            expect(renderAst(ast, LOCALE_FOR[lang], values), `${lang}.${section}.${key}`).toBe(
              formatCompiled(c, values),
            );
            checked++;
          }
        }
    expect(checked).toBeGreaterThan(4000);
  });

  it("refuses what it cannot render (dates, tags, styled numbers) at build time", () => {
    expect(() => assertRenderable(precompile("On {d, date, short}"))).toThrow(/not supported/);
    expect(() => assertRenderable(parse("<b>hi</b>") as AstElement[])).toThrow(/not supported/);
    expect(() => assertRenderable(precompile("{n, number, percent}"))).toThrow(/number styles/);
  });

  it("hostile values: braces and # in values are text; __proto__ as a select value takes `other`", () => {
    const ast = precompile("{k, select, a {A {v}} other {O {v}}}");
    expect(renderAst(ast, "en", { k: "__proto__", v: "{#}" })).toBe("O {#}");
    expect(renderAst(ast, "en", { k: "a", v: "'x'" })).toBe("A 'x'");
    expect(
      renderAst(precompile("{n, plural, offset:1 =0 {none} one {# more} other {# more}}"), "en", { n: 3 }),
    ).toBe("2 more");
  });
});

describe("precompileSection (the build step)", () => {
  it("gives every language the requested keys as JSON-safe ASTs that render like the server", () => {
    const pre = precompileSection("chat", ["qr_track", "not_found_recent_human"]);
    expect(Object.keys(pre).sort()).toEqual([...LANGUAGES].sort());
    const shipped = JSON.parse(JSON.stringify(pre)) as typeof pre;
    for (const lang of LANGUAGES) {
      expect(Object.keys(shipped[lang]).sort()).toEqual(["not_found_recent_human", "qr_track"]);
      expect(renderAst(shipped[lang].not_found_recent_human!, LOCALE_FOR[lang], { n: "7", days: 1 })).toBe(
        formatMessage(lang, "chat", "not_found_recent_human", { n: "7", days: 1 }),
      );
    }
  });

  it("a key that is not in the catalogue fails the build", () => {
    expect(() => precompileSection("chat", ["no_such_key"])).toThrow(/no such message/);
  });
});

describe("compactSection (what the widget bundle inlines)", () => {
  it("keeps text-only messages as their text and every other message as its AST, rendering the same", () => {
    const pre = precompileSection("widget");
    const compact = compactSection(pre);
    for (const lang of LANGUAGES) {
      expect(compact[lang].send).toBe(CATALOGUES[lang].widget.send);
      expect(typeof compact[lang].rateLimited).not.toBe("string");
      for (const [key, m] of Object.entries(compact[lang])) {
        const full = renderAst(pre[lang][key]!, lang, { s: 3, n: "7", i: 1, name: "Ava", date: "Mon" });
        const got =
          typeof m === "string" ? m : renderAst(m, lang, { s: 3, n: "7", i: 1, name: "Ava", date: "Mon" });
        expect(got, `${lang}.${key}`).toBe(full);
      }
    }
  });

  it("a text-only message keeps quotes and a lone # as text", () => {
    const compact = compactSection({ en: { a: precompile("It's #1 '{'x'}'") } } as never);
    expect((compact as Record<string, Record<string, unknown>>).en.a).toBe("It's #1 {x}");
  });
});

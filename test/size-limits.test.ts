/**
 * Issue 13's size limits, enforced by the ESLint config (eslint.config.js, ADR 0032) and checked here so that
 * `npm test` fails too: no file in app/ (tests included) over 400 lines but the data table (lexicon.ts,
 * the config's only exemption), no function over 80 lines of code in the engine (app/chat), the widget
 * (widget/src) or the mappers (app/platforms/<platform>/map).
 */
import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SIZE_RULES = new Set(["max-lines", "max-lines-per-function"]);
const eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => SIZE_RULES.has(ruleId) });

const rule = async (file: string, id: string) => (await eslint.calculateConfigForFile(file))?.rules?.[id];
const problems = (results: ESLint.LintResult[]) =>
  results.flatMap((r) =>
    r.messages.map((m) => `${r.filePath.slice(ROOT.length)}:${m.line} ${m.ruleId}: ${m.message}`),
  );

describe("size limits", () => {
  it("apply where issue 13 says: files in app/, functions in the engine, the widget and the mappers", async () => {
    for (const file of [
      "app/routes/proxy.messages.ts",
      "app/chat/engine.ts",
      "app/components/pages/FaqPage.tsx",
      "app/chat/engine.test.ts",
      "app/components/pages/pages-home.test.tsx",
    ])
      expect(await rule(file, "max-lines"), file).toEqual([
        2,
        { max: 400, skipBlankLines: false, skipComments: false },
      ]);
    for (const file of [
      "app/chat/dialogue/order-lookup.ts",
      "widget/src/view/order-card.ts",
      "app/platforms/shopify/map/fulfillments.ts",
      "app/platforms/woocommerce/map.ts",
    ])
      expect(await rule(file, "max-lines-per-function"), file).toEqual([
        2,
        { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true },
      ]);
    // tests are exempt from the function limit only
    expect(await rule("app/chat/engine.test.ts", "max-lines-per-function")).toBeUndefined();
  });

  it("exempt from the file limit in app/ only the data table (every test file is split)", async () => {
    const files = readdirSync(`${ROOT}app`, { recursive: true, encoding: "utf8" })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => `app/${f.split("\\").join("/")}`);
    expect(files.length).toBeGreaterThan(200);
    const exempt: string[] = [];
    for (const file of files) if ((await rule(file, "max-lines")) === undefined) exempt.push(file);
    expect(exempt.sort()).toEqual(["app/chat/understand/lexicon.ts"]);
  }, 180_000);

  it("report a 401-line file and an 81-line function (and not 400 and 80)", async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join("\n");
    const fn = (n: number) =>
      `export function f(): number {\n  let x = 0;\n${"  x += 1;\n".repeat(n - 4)}  return x;\n}\n`;
    const [big] = await eslint.lintText(lines(401) + "\n", { filePath: `${ROOT}app/chat/big.ts` });
    expect(problems([big!])).toEqual([
      expect.stringMatching(/:401 max-lines: File has too many lines \(401\)/),
    ]);
    const [ok] = await eslint.lintText(lines(400) + "\n", { filePath: `${ROOT}app/chat/ok.ts` });
    expect(problems([ok!])).toEqual([]);
    const [bigTest] = await eslint.lintText(lines(401) + "\n", { filePath: `${ROOT}app/chat/big.test.ts` });
    expect(problems([bigTest!])).toEqual([
      expect.stringMatching(/:401 max-lines: File has too many lines \(401\)/),
    ]);
    const [long] = await eslint.lintText(fn(81), { filePath: `${ROOT}widget/src/long.ts` });
    expect(problems([long!])).toEqual([
      expect.stringMatching(/max-lines-per-function: .*too many lines \(81\)/),
    ]);
    const [short] = await eslint.lintText(fn(80), { filePath: `${ROOT}app/platforms/shopify/map/short.ts` });
    expect(problems([short!])).toEqual([]);
  });

  it("hold for the whole tree today", async () => {
    const results = await eslint.lintFiles(["app", "widget/src"]);
    expect(results.length).toBeGreaterThan(200);
    expect(problems(results)).toEqual([]);
  }, 180_000);
});

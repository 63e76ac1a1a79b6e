/**
 * Builds the storefront widget: widget/src/launcher.ts → trulybot-launcher.js and
 * widget/src/panel.ts → trulybot-panel.js (esbuild, minified IIFE, es2018) into the theme app
 * extension's assets and the WooCommerce plugin's assets/widget/ (both git-ignored: built by
 * postinstall, `npm run build` and `npm run package:woo`), and measures them.
 * The committed budget is widget/dist-sizes.json (brotli bytes per file); it changes only on purpose
 * (`node scripts/build-widget.mjs --update-sizes`). Used by scripts/build-widget.mjs,
 * scripts/package-woo.mjs and widget/size.test.ts.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants as zc } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, "..");
export const LAUNCHER_BUDGET_BYTES = 10_000;
export const SIZES_FILE = join(here, "dist-sizes.json");
/** a build may be this much smaller than the recorded size before the record must be lowered */
export const BUDGET_SLACK = 0.1;
export const DEFAULT_OUT_DIRS = [
  join(ROOT, "extensions/trulybot-chat/assets"),
  join(ROOT, "woocommerce-plugin/assets/widget"),
];
/** the module whose result the build inlines (see widget/src/strings/messages.ts) */
const MESSAGES_MODULE = join(here, "src/strings/messages.ts");
const ENTRIES = {
  "trulybot-launcher": join(here, "src/launcher.ts"),
  "trulybot-panel": join(here, "src/panel.ts"),
};

/** { raw, gzip, brotli } byte sizes of a buffer (gzip -9, brotli quality 11). */
export function measure(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/** The recorded sizes (the budget), or null when the file is missing or unreadable. */
export async function readBudget(file = SIZES_FILE) {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch {
    return null;
  }
}

/**
 * Problems with `sizes` against the recorded `budget` (empty when within): over the launcher limit, over
 * the recorded brotli size, or so far under it that the record is stale.
 * @param {Record<string, {raw:number,gzip:number,brotli:number}>} sizes
 * @param {Record<string, {brotli:number}> | null} budget
 */
export function checkBudget(sizes, budget) {
  const problems = [];
  const l = sizes["trulybot-launcher.js"];
  if (!l || l.gzip > LAUNCHER_BUDGET_BYTES || l.brotli > LAUNCHER_BUDGET_BYTES)
    problems.push(`trulybot-launcher.js is over the ${LAUNCHER_BUDGET_BYTES}-byte compressed limit`);
  for (const [name, s] of Object.entries(sizes)) {
    const b = budget && budget[name];
    if (!b) problems.push(`${name} has no recorded budget in widget/dist-sizes.json`);
    else if (s.brotli > b.brotli)
      problems.push(`${name} is ${s.brotli} B brotli, over its budget of ${b.brotli} B`);
    else if (s.brotli < b.brotli * (1 - BUDGET_SLACK))
      problems.push(`${name} shrank to ${s.brotli} B brotli (budget ${b.brotli} B): record the new size`);
  }
  return problems;
}

/**
 * The widget's messages precompiled to ASTs: widget/src/strings/messages.ts (which calls app/i18n/precompile.ts)
 * run here at build time, bundled for Node with its catalogues and imported from memory.
 * Throws (fails the build) when a message uses ICU the panel's renderer cannot render.
 * @returns {Promise<Record<string, Record<string, unknown[] | string>>>}
 */
export async function precompileWidgetMessages() {
  const { build } = await import("esbuild");
  const out = await build({
    stdin: {
      contents: 'export { WIDGET_MESSAGES } from "./widget/src/strings/messages";',
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "node",
    write: false,
    logLevel: "silent",
  });
  const code = Buffer.from(out.outputFiles[0].contents).toString("base64");
  const { WIDGET_MESSAGES } = await import(`data:text/javascript;base64,${code}`);
  return WIDGET_MESSAGES;
}

/** esbuild plugin: widget/src/strings/messages.ts becomes its build-time result (no parser in the bundle). */
function precompiledMessages(messages) {
  return {
    name: "precompiled-widget-messages",
    setup(b) {
      b.onLoad({ filter: /[\\/]widget[\\/]src[\\/]strings[\\/]messages\.ts$/ }, (args) => {
        if (resolve(args.path) !== MESSAGES_MODULE) return undefined;
        return { contents: `export const WIDGET_MESSAGES = ${JSON.stringify(messages)};`, loader: "js" };
      });
    },
  };
}

/**
 * @param {{ outDirs?: string[], sizesFile?: string | null, write?: boolean }} [opts]
 *   sizesFile: where to record the sizes (default: nowhere; pass SIZES_FILE to update the budget)
 * @returns {Promise<{ files: Record<string, Buffer>, sizes: Record<string, {raw:number,gzip:number,brotli:number}>, launcherWithinBudget: boolean }>}
 */
export async function buildWidget(opts = {}) {
  const outDirs = opts.outDirs ?? DEFAULT_OUT_DIRS;
  const sizesFile = opts.sizesFile ?? null;
  const write = opts.write ?? true;
  // imported here so that a production install without dev dependencies can still load this module
  const { build } = await import("esbuild");
  const messages = await precompileWidgetMessages();
  const result = await build({
    entryPoints: ENTRIES,
    plugins: [precompiledMessages(messages)],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2018",
    platform: "browser",
    legalComments: "none",
    charset: "utf8",
    write: false,
    outdir: "out",
    logLevel: "silent",
  });
  /** @type {Record<string, Buffer>} */
  const files = {};
  for (const f of result.outputFiles) {
    const name = f.path.split(/[\\/]/).pop();
    files[name] = Buffer.from(f.contents);
  }
  /** @type {Record<string, {raw:number,gzip:number,brotli:number}>} */
  const sizes = {};
  for (const [name, buf] of Object.entries(files)) sizes[name] = measure(buf);
  if (write) {
    for (const dir of outDirs) {
      await mkdir(dir, { recursive: true });
      for (const [name, buf] of Object.entries(files)) await writeFile(join(dir, name), buf);
    }
    if (sizesFile) await writeFile(sizesFile, JSON.stringify(sizes, null, 2) + "\n");
  }
  const l = sizes["trulybot-launcher.js"];
  const launcherWithinBudget = !!l && l.gzip <= LAUNCHER_BUDGET_BYTES && l.brotli <= LAUNCHER_BUDGET_BYTES;
  return { files, sizes, launcherWithinBudget };
}

/**
 * Builds the storefront widget: widget/src/launcher.ts → trulybot-launcher.js and
 * widget/src/panel.ts → trulybot-panel.js (esbuild, minified IIFE, es2018) into the theme app
 * extension's assets and the WooCommerce plugin's assets/widget/, and measures them.
 * Used by scripts/build-widget.mjs and widget/size.test.ts.
 */
import { build } from "esbuild";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants as zc } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, "..");
export const LAUNCHER_BUDGET_BYTES = 10_000;
export const DEFAULT_OUT_DIRS = [
  join(ROOT, "extensions/trulybot-chat/assets"),
  join(ROOT, "woocommerce-plugin/assets/widget"),
];
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

/**
 * @param {{ outDirs?: string[], sizesFile?: string | null, write?: boolean }} [opts]
 * @returns {Promise<{ files: Record<string, Buffer>, sizes: Record<string, {raw:number,gzip:number,brotli:number}>, launcherWithinBudget: boolean }>}
 */
export async function buildWidget(opts = {}) {
  const outDirs = opts.outDirs ?? DEFAULT_OUT_DIRS;
  const sizesFile = opts.sizesFile === undefined ? join(here, "dist-sizes.json") : opts.sizesFile;
  const write = opts.write ?? true;
  const result = await build({
    entryPoints: ENTRIES,
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

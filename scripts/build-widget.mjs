#!/usr/bin/env node
// Builds the storefront widget into extensions/trulybot-chat/assets/ and woocommerce-plugin/assets/widget/
// (git-ignored), prints raw/gzip/brotli sizes and fails when a file is over its budget (widget/dist-sizes.json;
// the launcher also under theme-check's 10,000-byte AssetSizeAppBlockJavaScript limit).
//   --update-sizes   record the new sizes as the budget (commit widget/dist-sizes.json with the change)
//   --if-possible    (postinstall) skip quietly when esbuild is not installed, e.g. `npm ci --omit=dev`
import { buildWidget, checkBudget, readBudget, SIZES_FILE } from "../widget/build.mjs";

const args = process.argv.slice(2);
const update = args.includes("--update-sizes");
if (args.includes("--if-possible")) {
  try {
    await import("esbuild");
  } catch {
    console.log("build-widget: esbuild is not installed (production install?): widget not built");
    process.exit(0);
  }
}

const { sizes } = await buildWidget({ sizesFile: update ? SIZES_FILE : null });
const pad = (s, n) => String(s).padStart(n);
console.log("file                     raw    gzip  brotli");
for (const [name, s] of Object.entries(sizes)) {
  console.log(`${name.padEnd(22)} ${pad(s.raw, 6)}  ${pad(s.gzip, 6)}  ${pad(s.brotli, 6)}`);
}
if (update) console.log("build-widget: recorded the sizes in widget/dist-sizes.json");
const problems = checkBudget(sizes, await readBudget());
for (const p of problems) console.error(`build-widget: ${p}`);
if (problems.length) {
  console.error(
    "build-widget: if the change is intended, run `node scripts/build-widget.mjs --update-sizes`",
  );
  // over the launcher limit is fatal everywhere; a budget mismatch fails the size test, not an install
  if (problems.some((p) => p.includes("compressed limit"))) process.exit(1);
}

#!/usr/bin/env node
// Builds the storefront widget into extensions/trulybot-chat/assets/ and woocommerce-plugin/assets/widget/,
// prints raw/gzip/brotli sizes (also written to widget/dist-sizes.json) and fails when the launcher
// is over the 10,000-byte compressed budget (theme-check's AssetSizeAppBlockJavaScript limit).
import { buildWidget, LAUNCHER_BUDGET_BYTES } from "../widget/build.mjs";

const { sizes, launcherWithinBudget } = await buildWidget();
const pad = (s, n) => String(s).padStart(n);
console.log("file                     raw    gzip  brotli");
for (const [name, s] of Object.entries(sizes)) {
  console.log(`${name.padEnd(22)} ${pad(s.raw, 6)}  ${pad(s.gzip, 6)}  ${pad(s.brotli, 6)}`);
}
if (!launcherWithinBudget) {
  console.error(`trulybot-launcher.js is over the ${LAUNCHER_BUDGET_BYTES}-byte compressed budget`);
  process.exit(1);
}

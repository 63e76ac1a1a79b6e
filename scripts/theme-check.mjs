#!/usr/bin/env node
// Runs Shopify's theme-check (the theme-app-extension rule set, as `shopify app deploy` does) on
// extensions/trulybot-chat and fails on any offence. Build the widget first: MissingAsset and
// AssetSizeAppBlockJavaScript look at the built files in assets/.
//   node scripts/theme-check.mjs [extensionDir]
import { resolve, dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const EXTENSION_DIR = resolve(ROOT, "extensions/trulybot-chat");

/** @returns {Promise<{ offenses: Array<{ check: string, severity: number, message: string, uri: string, start?: { line: number, character: number } }> }>} */
export async function runThemeCheck(dir = EXTENSION_DIR) {
  const { themeCheckRun } = await import("@shopify/theme-check-node");
  const { offenses } = await themeCheckRun(dir, "theme-check:theme-app-extension", () => {});
  return {
    offenses: offenses.map((o) => ({
      check: o.check,
      severity: o.severity,
      message: o.message,
      uri: o.uri,
      start: o.start ? { line: o.start.line + 1, character: o.start.character + 1 } : undefined,
    })),
  };
}

export function formatOffense(o, dir = EXTENSION_DIR) {
  const file = o.uri ? relative(dir, fileURLToPath(o.uri)) : "?";
  const at = o.start ? `:${o.start.line}:${o.start.character}` : "";
  const sev = ["error", "warning", "info"][o.severity] ?? String(o.severity);
  return `${file}${at} ${sev} ${o.check}: ${o.message}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : EXTENSION_DIR;
  const { offenses } = await runThemeCheck(dir);
  for (const o of offenses) console.log(formatOffense(o, dir));
  if (offenses.length) {
    console.error(`theme-check: ${offenses.length} offence(s) in ${relative(ROOT, dir) || dir}`);
    process.exit(1);
  }
  console.log(`theme-check: no offences in ${relative(ROOT, dir) || dir}`);
}

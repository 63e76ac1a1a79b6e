#!/usr/bin/env node
/**
 * `npm run package:woo`: builds dist/trulybot-commerce-<version>.zip, the installable WordPress plugin.
 *
 * The zip holds one folder, `trulybot-commerce/`, with the plugin's runtime files only (no tests, no
 * PHPUnit/PHPCS configuration, no dotfiles) and the widget (assets/widget/*.js), built from widget/src
 * first (the built files are not in git). Uses the `zip` command when present, otherwise a small built-in zip
 * writer (deflate via node:zlib, CRC-32). No dependencies beyond Node's built-ins.
 *
 * Flags: --out=DIR (default: dist), --no-zip-command (always use the built-in writer).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { buildWidget } from "../widget/build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pluginDir = path.join(root, "woocommerce-plugin");
const slug = "trulybot-commerce";
const args = process.argv.slice(2);
const outArg = args.find((a) => a.startsWith("--out="));
const outDir = path.resolve(root, outArg ? outArg.slice(6) : "dist");
const forceBuiltin = args.includes("--no-zip-command");

/** Paths (relative, POSIX) that never ship. */
const EXCLUDE = [
  /^tests(\/|$)/,
  /^phpcs\.xml(\.dist)?$/,
  /^phpunit\.xml(\.dist)?$/,
  /(^|\/)\./,
  /(^|\/)node_modules(\/|$)/,
  /(^|\/)vendor(\/|$)/,
  /\.(log|orig|rej|swp)$/,
  /(^|\/)(composer\.(json|lock)|package(-lock)?\.json)$/,
];
const REQUIRED = ["trulybot-commerce.php", "uninstall.php", "readme.txt", "languages/trulybot-commerce.pot"];
const WIDGET = ["assets/widget/trulybot-launcher.js", "assets/widget/trulybot-panel.js"];

function fail(message) {
  console.error(`package-woo: ${message}`);
  process.exit(1);
}

function pluginVersion() {
  const header = fs.readFileSync(path.join(pluginDir, "trulybot-commerce.php"), "utf8").slice(0, 8192);
  const m = /^\s*\*\s*Version:\s*([0-9A-Za-z.+-]+)\s*$/m.exec(header);
  if (!m) fail("no Version: in the plugin header of woocommerce-plugin/trulybot-commerce.php");
  const constant = /define\('TRULYBOT_COMMERCE_VERSION',\s*'([^']+)'\)/.exec(
    fs.readFileSync(path.join(pluginDir, "trulybot-commerce.php"), "utf8"),
  );
  if (constant && constant[1] !== m[1])
    fail(`Version header (${m[1]}) and TRULYBOT_COMMERCE_VERSION (${constant[1]}) differ`);
  const readme = fs.readFileSync(path.join(pluginDir, "readme.txt"), "utf8");
  const stable = /^Stable tag:\s*(\S+)/m.exec(readme);
  if (!stable || stable[1] !== m[1])
    fail(
      `readme.txt "Stable tag" (${stable ? stable[1] : "missing"}) must equal the plugin Version (${m[1]})`,
    );
  return m[1];
}

function listFiles(dir, rel = "") {
  const out = [];
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (EXCLUDE.some((re) => re.test(relPath))) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, relPath));
    else if (entry.isFile()) out.push(relPath);
  }
  return out;
}

// CRC-32 (IEEE), table-driven.
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function dosDateTime(date) {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2);
  const day =
    ((Math.max(date.getFullYear(), 1980) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return { time, day };
}

/** Writes a zip (deflate, or store when deflate does not help) of entries [{ name, data, mtime }]. */
function writeZip(file, entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const deflated = zlib.deflateRawSync(e.data, { level: 9 });
    const useDeflate = deflated.length < e.data.length;
    const payload = useDeflate ? deflated : e.data;
    const method = useDeflate ? 8 : 0;
    const crc = crc32(e.data);
    const { time, day } = dosDateTime(e.mtime);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, payload);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(day, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(payload.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attrs
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + payload.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...locals, ...centrals, end]));
}

function hasZipCommand() {
  if (forceBuiltin) return false;
  const r = spawnSync("zip", ["-v"], { stdio: "ignore" });
  return r.status === 0;
}

async function main() {
  if (!fs.existsSync(path.join(pluginDir, "trulybot-commerce.php")))
    fail("woocommerce-plugin/trulybot-commerce.php not found");
  await buildWidget({ outDirs: [path.join(pluginDir, "assets", "widget")] });
  for (const rel of REQUIRED)
    if (!fs.existsSync(path.join(pluginDir, rel))) fail(`missing woocommerce-plugin/${rel}`);
  const missingWidget = WIDGET.filter(
    (rel) => !fs.existsSync(path.join(pluginDir, rel)) || fs.statSync(path.join(pluginDir, rel)).size === 0,
  );
  if (missingWidget.length) {
    fail(
      `the widget build wrote nothing (${missingWidget.map((r) => `woocommerce-plugin/${r}`).join(", ")} missing)`,
    );
  }
  const version = pluginVersion();
  const files = listFiles(pluginDir);
  for (const rel of [...REQUIRED, ...WIDGET]) if (!files.includes(rel)) fail(`${rel} would not be packaged`);

  fs.mkdirSync(outDir, { recursive: true });
  const zipFile = path.join(outDir, `${slug}-${version}.zip`);
  fs.rmSync(zipFile, { force: true });

  if (hasZipCommand()) {
    const stage = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-package-"));
    try {
      for (const rel of files) {
        const dest = path.join(stage, slug, rel);
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.copyFileSync(path.join(pluginDir, rel), dest);
        fs.chmodSync(dest, 0o644);
      }
      const r = spawnSync("zip", ["-r", "-X", "-q", "-9", zipFile, slug], { cwd: stage, stdio: "inherit" });
      if (r.status !== 0) fail(`zip exited with ${r.status}`);
    } finally {
      fs.rmSync(stage, { recursive: true, force: true });
    }
  } else {
    writeZip(
      zipFile,
      files.map((rel) => {
        const full = path.join(pluginDir, rel);
        return { name: `${slug}/${rel}`, data: fs.readFileSync(full), mtime: fs.statSync(full).mtime };
      }),
    );
  }
  const size = fs.statSync(zipFile).size;
  console.log(
    `package-woo: ${path.relative(root, zipFile)} (${files.length} files, ${(size / 1024).toFixed(1)} KiB)`,
  );
  for (const rel of files) console.log(`  ${slug}/${rel}`);
}

await main();

#!/usr/bin/env node
/**
 * `npm run bench`: builds the app if it is missing or older than its sources (like `npm run demo`),
 * then runs bench/run.ts (TypeScript, through tsx) — load on the storefront routes (SQLite and
 * PostgreSQL), the engine, the widget's size, Lighthouse, a bounded soak. Results in bench/results/.
 * Knobs: see bench/run.ts (BENCH_SOAK_SECONDS, BENCH_RUNS, BENCH_ONLY, …); BENCH_NO_BUILD=1 never builds.
 * Then the attack run (bench/attack.ts, BENCH_ATTACK_SECONDS …); `--only=attack` runs only that.
 * Then the live order events part (bench/events.ts); `--only=events` runs only that.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function newestMtime(dir) {
  let newest = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.test\.tsx?$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return newest;
}

const serverBuild = path.join(root, "build", "server", "index.js");
const builtAt = fs.existsSync(serverBuild) ? fs.statSync(serverBuild).mtimeMs : 0;
const stale =
  builtAt === 0 ||
  newestMtime(path.join(root, "app")) > builtAt ||
  newestMtime(path.join(root, "widget", "src")) > builtAt;
if (stale && (builtAt === 0 || process.env.BENCH_NO_BUILD !== "1")) {
  console.log("bench: building the app (missing, or sources changed since the last build)…");
  const b = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (b.status !== 0) {
    console.error("bench: the build failed");
    process.exit(1);
  }
}

// `--only=attack` (or BENCH_ONLY=attack): just the attack run (bench/attack.ts), after the build
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7) ?? process.env.BENCH_ONLY ?? "";
const tsx = (file) =>
  spawnSync(process.execPath, ["--import", "tsx", path.join(root, "bench", file)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, BENCH_ONLY: only },
  }).status ?? 1;
const parts = only.split(",").filter(Boolean);
// run.ts's own parts; `attack` and `events` are separate processes
const own = parts.filter((p) => p !== "attack" && p !== "events");
const r = parts.length > 0 && own.length === 0 ? 0 : tsx("run.ts");
const attack = !parts.length || parts.includes("attack") ? tsx("attack.ts") : 0;
// live order events (issue 17): webhook intake, mirror lookups, jobs on PostgreSQL (bench/events.ts)
const events = !parts.length || parts.includes("events") ? tsx("events.ts") : 0;
process.exit(r || attack || events);

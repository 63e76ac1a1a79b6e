#!/usr/bin/env node
/**
 * `npm test`: every suite, one summary line at the end.
 *   1. unit + integration tests (vitest) on SQLite
 *   2. the database-backed tests (*.db.test.ts) again on PostgreSQL (127.0.0.1:5432, or TEST_POSTGRES_URL)
 *   3. browser tests (Playwright + Debian Chromium) against the built demo (test/e2e)
 *   4. the WooCommerce plugin's PHPUnit suite inside a real WordPress on MariaDB
 * Flags: --only=unit|pg|e2e|php (comma-separated) to run a subset.
 * When PostgreSQL, Chromium or PHP is missing locally, the suite says so plainly and skips it;
 * under CI=true a missing dependency is a failure.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CI = process.env.CI === "true" || process.env.CI === "1";
const only = (process.argv.find((a) => a.startsWith("--only=")) ?? "").slice(7).split(",").filter(Boolean);
const want = (s) => only.length === 0 || only.includes(s);
const totals = { passed: 0, failed: 0, skipped: 0 };
const notes = [];
let hardFailure = false;

function portOpen(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    s.setTimeout(1500);
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
    s.once("timeout", () => (s.destroy(), resolve(false)));
  });
}

function runVitest(label, args, env = {}) {
  const out = path.join(os.tmpdir(), `trulybot-vitest-${process.pid}-${label}.json`);
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules", "vitest", "vitest.mjs"),
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${out}`,
      ...args,
    ],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, ...env },
    },
  );
  let counted = false;
  if (fs.existsSync(out)) {
    const j = JSON.parse(fs.readFileSync(out, "utf8"));
    totals.passed += j.numPassedTests ?? 0;
    totals.failed += j.numFailedTests ?? 0;
    totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
    counted = true;
    fs.rmSync(out, { force: true });
    if ((j.numTotalTests ?? 0) === 0) notes.push(`${label}: no tests ran`);
  }
  if (r.status !== 0) {
    hardFailure = true;
    if (!counted) totals.failed += 1;
    notes.push(`${label}: FAILED (exit ${r.status})`);
  }
}

/**
 * On a fresh machine, as root (or with passwordless sudo), install the Debian packages the browser and
 * plugin suites need, so `npm install && npm test` runs every suite; elsewhere say what is missing.
 */
function ensureSystemPackages() {
  if (process.env.TRULYBOT_NO_INSTALL === "1" || !(want("e2e") || want("php"))) return;
  const r = spawnSync("bash", [path.join(root, "scripts", "install-system-deps.sh")], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status === 2) notes.push("could not install the browser/plugin test packages (not root)");
  else if (r.status !== 0) notes.push("installing the browser/plugin test packages failed");
}

async function main() {
  ensureSystemPackages();
  if (want("unit")) runVitest("unit + integration (SQLite)", [], { TEST_DB: "sqlite" });

  if (want("pg")) {
    const pgUrl = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/test";
    const u = new URL(pgUrl);
    if (await portOpen(Number(u.port || 5432), u.hostname)) {
      runVitest("database tests (PostgreSQL)", ["--dir", ".", "db.test"], {
        TEST_DB: "postgres",
        TEST_POSTGRES_URL: pgUrl,
      });
    } else if (CI) {
      hardFailure = true;
      totals.failed += 1;
      notes.push(`PostgreSQL not reachable at ${u.host}: required under CI`);
    } else {
      notes.push(`PostgreSQL not reachable at ${u.host}: skipped the PostgreSQL pass`);
      console.log(
        `\nPostgreSQL not reachable at ${u.host}: skipping the PostgreSQL pass of the database tests.`,
      );
    }
  }

  if (want("e2e")) {
    const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
    if (!fs.existsSync(chromium)) {
      if (CI) {
        hardFailure = true;
        totals.failed += 1;
        notes.push("Chromium missing: browser tests required under CI");
      } else {
        notes.push("Chromium not found: skipped the browser tests (apt-get install chromium)");
        console.log(
          "\nChromium not found at /usr/bin/chromium: skipping the browser tests (apt-get install chromium).",
        );
      }
    } else if (fs.existsSync(path.join(root, "test", "e2e"))) {
      if (!fs.existsSync(path.join(root, "build", "server", "index.js"))) {
        console.log("\nBuilding the app for the browser tests…");
        const b = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
        if (b.status !== 0) {
          hardFailure = true;
          totals.failed += 1;
          notes.push("build failed");
        }
      }
      runVitest("browser tests (Chromium)", ["--config", "vitest.e2e.config.ts"], {
        CHROMIUM_PATH: chromium,
      });
    }
  }

  if (want("php")) {
    console.log("\n=== WooCommerce plugin (PHPUnit in WordPress) ===");
    const r = spawnSync("bash", [path.join(root, "scripts", "test-php.sh")], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    process.stdout.write(r.stdout ?? "");
    const text = r.stdout ?? "";
    const ok = /OK \((\d+) tests?, \d+ assertions?\)/.exec(text);
    const bad =
      /Tests: (\d+), Assertions: \d+(?:, Errors: (\d+))?(?:, Failures: (\d+))?(?:, Warnings: \d+)?(?:, Skipped: (\d+))?/.exec(
        text,
      );
    if (/skipping the WooCommerce plugin tests/i.test(text))
      notes.push("PHP not found: skipped the WooCommerce plugin tests");
    else if (ok) totals.passed += Number(ok[1]);
    else if (bad) {
      const failed = Number(bad[2] ?? 0) + Number(bad[3] ?? 0);
      totals.failed += failed;
      totals.passed += Number(bad[1]) - failed - Number(bad[4] ?? 0);
      totals.skipped += Number(bad[4] ?? 0);
    }
    if (r.status !== 0) {
      hardFailure = true;
      if (!bad) totals.failed += 1;
      notes.push(`PHP suite: FAILED (exit ${r.status})`);
    }
  }

  console.log("");
  for (const n of notes) console.log(`note: ${n}`);
  const line = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
  fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
  fs.writeFileSync(path.join(root, "test-results", "summary.txt"), `tests: ${line}\n`);
  console.log(`tests: ${line}`);
  process.exit(hardFailure || totals.failed > 0 ? 1 : 0);
}

main();

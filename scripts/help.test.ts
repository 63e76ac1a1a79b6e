/** `--help` on the demo and the operations CLI prints usage and exits 0, starting nothing. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const tsx = path.resolve("node_modules/.bin/tsx");

describe("--help", () => {
  it("npm run demo -- --help explains the options and does not start the demo", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-help-"));
    fs.rmSync(dataDir, { recursive: true });
    const r = spawnSync(tsx, ["scripts/demo.ts", "--help", "--data-dir", dataDir], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run demo -- \[options\]/);
    expect(r.stdout).toContain("--fresh");
    expect(r.stdout).not.toContain("TrulyBot demo is running");
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it("an unknown demo option is refused with the usage", () => {
    const r = spawnSync(tsx, ["scripts/demo.ts", "--prot", "3000"], { encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Unknown option --prot/);
  });

  it("npm run trulybot -- --help lists the commands", () => {
    for (const a of [["--help"], ["doctor", "--help"], ["help"]]) {
      const r = spawnSync(tsx, ["app/cli/trulybot.ts", ...a], { encoding: "utf8", timeout: 60_000 });
      expect(r.status, a.join(" ")).toBe(0);
      expect(r.stdout).toMatch(/^usage: npm run trulybot -- <doctor \| lookup/);
    }
  });
});

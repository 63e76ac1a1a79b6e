/**
 * Built sizes within budget, built here from source (never measured from files on disk, which could be stale).
 * The budget is widget/dist-sizes.json; change it on purpose with `node scripts/build-widget.mjs --update-sizes`.
 */
import { describe, it, expect } from "vitest";
import {
  buildWidget,
  checkBudget,
  measure,
  readBudget,
  BUDGET_SLACK,
  LAUNCHER_BUDGET_BYTES,
} from "./build.mjs";

describe("widget bundle size", () => {
  it("keeps the launcher under theme-check's 10,000-byte compressed limit (and our 2.5 KB gzip aim)", async () => {
    const { files, sizes, launcherWithinBudget } = await buildWidget({ write: false });
    const l = sizes["trulybot-launcher.js"];
    expect(l.raw).toBeGreaterThan(500); // really built something
    expect(l.gzip).toBeLessThanOrEqual(LAUNCHER_BUDGET_BYTES);
    expect(l.brotli).toBeLessThanOrEqual(LAUNCHER_BUDGET_BYTES);
    expect(l.gzip).toBeLessThan(2_500);
    expect(launcherWithinBudget).toBe(true);
    // the launcher must not pull in the panel's code (strings tables, renderers, styles)
    const launcher = files["trulybot-launcher.js"].toString("utf8");
    expect(launcher).not.toContain("Send to our team");
    expect(launcher).not.toContain("conversationToken");
    expect(launcher).toContain("aria-haspopup");
  }, 30_000);

  it("keeps launcher and panel within the recorded budget in widget/dist-sizes.json (and the record current)", async () => {
    const { sizes } = await buildWidget({ write: false });
    const budget = await readBudget();
    expect(budget).not.toBeNull();
    expect(checkBudget(sizes, budget)).toEqual([]);
    // the lazy panel stays reasonable for phones
    expect(sizes["trulybot-panel.js"].brotli).toBeLessThan(25_000);
  }, 30_000);

  it("checkBudget names a file over its budget, a stale record and a missing one", () => {
    const s = (brotli: number) => ({ raw: brotli * 3, gzip: brotli + 100, brotli });
    const budget = { "trulybot-launcher.js": { brotli: 2000 }, "trulybot-panel.js": { brotli: 16000 } };
    expect(checkBudget({ "trulybot-launcher.js": s(2000), "trulybot-panel.js": s(16000) }, budget)).toEqual(
      [],
    );
    expect(checkBudget({ "trulybot-launcher.js": s(2000), "trulybot-panel.js": s(16001) }, budget)).toEqual([
      "trulybot-panel.js is 16001 B brotli, over its budget of 16000 B",
    ]);
    const shrunk = Math.floor(16000 * (1 - BUDGET_SLACK)) - 1;
    expect(
      checkBudget({ "trulybot-launcher.js": s(2000), "trulybot-panel.js": s(shrunk) }, budget)[0],
    ).toMatch(/shrank .* record the new size/);
    expect(checkBudget({ "trulybot-launcher.js": s(12_000) }, null)).toEqual([
      "trulybot-launcher.js is over the 10000-byte compressed limit",
      "trulybot-launcher.js has no recorded budget in widget/dist-sizes.json",
    ]);
  });

  it("measure() reports raw, gzip and brotli bytes", () => {
    const s = measure(Buffer.from("a".repeat(10_000)));
    expect(s.raw).toBe(10_000);
    expect(s.gzip).toBeLessThan(200);
    expect(s.brotli).toBeLessThan(200);
  });
});

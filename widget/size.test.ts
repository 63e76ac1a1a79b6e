import { describe, it, expect } from "vitest";
import { buildWidget, measure, LAUNCHER_BUDGET_BYTES } from "./build.mjs";

describe("widget bundle size", () => {
  it("keeps the launcher under theme-check's 10,000-byte compressed limit (and our 2.5 KB gzip aim)", async () => {
    const { files, sizes, launcherWithinBudget } = await buildWidget({ write: false });
    const l = sizes["trulybot-launcher.js"];
    expect(l.raw).toBeGreaterThan(500); // really built something
    expect(l.gzip).toBeLessThanOrEqual(LAUNCHER_BUDGET_BYTES);
    expect(l.brotli).toBeLessThanOrEqual(LAUNCHER_BUDGET_BYTES);
    expect(l.gzip).toBeLessThan(2_500);
    expect(launcherWithinBudget).toBe(true);
    // the panel is lazy, but keep it reasonable for phones
    expect(sizes["trulybot-panel.js"].gzip).toBeLessThan(30_000);
    // the launcher must not pull in the panel's code (strings tables, renderers)
    const launcher = files["trulybot-launcher.js"].toString("utf8");
    expect(launcher).not.toContain("Send to our team");
    expect(launcher).toContain("aria-haspopup");
  }, 30_000);

  it("measure() reports raw, gzip and brotli bytes", () => {
    const s = measure(Buffer.from("a".repeat(10_000)));
    expect(s.raw).toBe(10_000);
    expect(s.gzip).toBeLessThan(200);
    expect(s.brotli).toBeLessThan(200);
  });
});

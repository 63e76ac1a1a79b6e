import { describe, it, expect } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { runThemeCheck, formatOffense, EXTENSION_DIR } from "../scripts/theme-check.mjs";
import { buildWidget } from "../widget/build.mjs";

describe("theme app extension", () => {
  it("passes Shopify theme-check (theme-app-extension rules) with no offences", async () => {
    const assets = join(EXTENSION_DIR, "assets");
    if (!existsSync(join(assets, "trulybot-launcher.js")) || !existsSync(join(assets, "trulybot-panel.js"))) {
      await buildWidget({ sizesFile: null });
    }
    const { offenses } = await runThemeCheck();
    expect(offenses.map((o) => formatOffense(o))).toEqual([]);
  }, 120_000);
});

/** `npm run package:woo` builds the widget itself: the built files are not in git, a fresh clone has none. */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildWidget } from "../widget/build.mjs";

const root = path.resolve(__dirname, "..");
const widgetDir = path.join(root, "woocommerce-plugin", "assets", "widget");

describe("package:woo", () => {
  it("builds the widget into the plugin zip when it was never built (fresh clone)", async () => {
    for (const f of ["trulybot-launcher.js", "trulybot-panel.js"])
      fs.rmSync(path.join(widgetDir, f), { force: true });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-pkg-"));
    try {
      const r = spawnSync(process.execPath, ["scripts/package-woo.mjs", `--out=${out}`, "--no-zip-command"], {
        cwd: root,
        encoding: "utf8",
      });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const zip = fs.readdirSync(out).find((f) => f.endsWith(".zip"))!;
      const bytes = fs.readFileSync(path.join(out, zip));
      for (const f of ["trulybot-launcher.js", "trulybot-panel.js"])
        expect(bytes.includes(Buffer.from(`trulybot-commerce/assets/widget/${f}`))).toBe(true);
      // what was packaged is what the current source builds to
      const { files } = await buildWidget({ write: false });
      expect(
        fs.readFileSync(path.join(widgetDir, "trulybot-panel.js")).equals(files["trulybot-panel.js"]),
      ).toBe(true);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});

/**
 * axe-core (node_modules/axe-core) run in a browser test's page, piercing the widget's open shadow root:
 * the serious and critical findings, after the page's entrance animations (messages fade and slide in)
 * have finished, so that nothing is measured half-way.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

const axeSource = fs.readFileSync(path.resolve("node_modules/axe-core/axe.min.js"), "utf8");

/** axe-core's serious and critical findings on the page as it is now, one a node ("rule: target — summary"). */
export async function seriousAxeFindings(page: Page): Promise<string[]> {
  await page.evaluate(async () => {
    const host = document.getElementById("trulybot-root");
    const all = [...document.getAnimations(), ...(host?.shadowRoot?.getAnimations() ?? [])];
    await Promise.all(
      all
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    );
  });
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: () => Promise<{
            violations: {
              id: string;
              impact: string;
              nodes: { target: unknown[]; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run();
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} — ${n.failureSummary ?? ""}`));
  });
}

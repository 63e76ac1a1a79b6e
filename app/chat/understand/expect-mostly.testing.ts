/**
 * Shared by the phrasebook tests (intents, phrasings, noisy): the phrasebooks were written for the
 * rule-based version; the statistical model must understand nearly all of them. A list passes when at
 * most `1 - min` of it is missed (the misses are printed), so retraining cannot silently lose a whole
 * kind of message.
 */
import { expect } from "vitest";
import type { Intent } from "../../protocol";
import { understand } from "./index";

export function expectMostly(cases: readonly (readonly [string, Intent, ...unknown[]])[], min = 0.95): void {
  const misses = cases
    .map(([text, intent]) => ({ text, want: intent, got: understand(text).intent }))
    .filter((m) => m.got !== m.want)
    .map((m) => `${JSON.stringify(m.text)} → ${m.got} (want ${m.want})`);
  expect(misses.length, misses.join("\n")).toBeLessThanOrEqual(Math.floor(cases.length * (1 - min)));
}

/** The training pipeline: honest variations, leak-free cross-validation, strict data loading. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { augment } from "./augment";
import { appendRun, heldOutSet, readRuns, type HeldOutRun } from "./heldout";
import { stableFolds, assignFolds, crossValidate, DEFAULTS, loadSet, readJsonl, type Example } from "./lib";

const TRAIN = path.join(import.meta.dirname, "../../data/nlu/train");
const seeds = loadSet(TRAIN);

describe("training data", () => {
  it("has ≥ 1,500 distinct hand-written messages and ≥ 300 per intent with the variations", () => {
    expect(new Set(seeds.map((s) => s.lang + s.text)).size).toBeGreaterThanOrEqual(1500);
    const all = [...seeds, ...augment(seeds, 2, DEFAULTS.seed)];
    const per = new Map<string, number>();
    for (const e of all) per.set(e.intent, (per.get(e.intent) ?? 0) + 1);
    expect(per.size).toBe(12);
    for (const n of per.values()) expect(n).toBeGreaterThanOrEqual(300);
  });

  it("labels every order number and email the way it is written in the message", () => {
    for (const s of seeds) {
      if (s.orderNumber) expect(s.text).toContain(s.orderNumber);
      if (s.email) expect(s.text.toLowerCase()).toContain(s.email.toLowerCase());
    }
  });

  it("rejects a line with an unknown intent, naming the file and line", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nlu-"));
    const f = path.join(dir, "en.jsonl");
    fs.writeFileSync(
      f,
      '{"text":"hi","lang":"en","intent":"greeting"}\n{"text":"x","lang":"en","intent":"nope"}\n',
    );
    expect(() => readJsonl(f)).toThrow(/en\.jsonl:2/);
    fs.rmSync(dir, { recursive: true });
  });
});

describe("augment", () => {
  const sample: Example[] = [
    { text: "Où est ma commande 1005 ?", lang: "fr", intent: "order_status", orderNumber: "1005" },
    {
      text: "order 18, email ann@x.com",
      lang: "en",
      intent: "order_status",
      orderNumber: "18",
      email: "ann@x.com",
    },
  ];

  it("is deterministic, keeps the intent and makes the labels follow the text", () => {
    const a = augment(sample, 3, 7);
    expect(augment(sample, 3, 7)).toEqual(a);
    expect(a.length).toBeGreaterThan(0);
    for (const v of a) {
      expect(v.intent).toBe("order_status");
      if (v.orderNumber) expect(v.text).toContain(v.orderNumber);
      if (v.email) expect(v.text.toLowerCase()).toContain(v.email.toLowerCase());
      expect(sample.map((s) => s.text)).not.toContain(v.text);
    }
  });
});

describe("stableFolds", () => {
  it("keeps every message in its fold when other messages are added or relabelled", () => {
    const some = seeds.slice(0, 200);
    const before = stableFolds(some, 5, 7);
    const changed = [{ ...some[0], intent: "other" as const }, ...some.slice(1), ...seeds.slice(200, 260)];
    expect(stableFolds(changed, 5, 7).slice(0, 200)).toEqual(before);
    expect(new Set(before).size).toBe(5);
  });
});

describe("crossValidate", () => {
  it("never builds a fold's variations from the messages it is tested on", () => {
    const small = seeds.filter((_, i) => i % 40 === 0);
    const folds = assignFolds(small, 5, DEFAULTS.seed);
    const seen: Example[][] = [];
    const oof = crossValidate(small, { ...DEFAULTS, intentDim: 1024, langDim: 512, epochs: 2 }, (tr) => {
      seen.push(tr);
      return [];
    });
    expect(oof).toHaveLength(small.length);
    seen.forEach((train, f) => {
      const heldOut = small.filter((_, i) => folds[i] === f);
      for (const h of heldOut) expect(train).not.toContain(h);
      expect(train.length + heldOut.length).toBe(small.length);
    });
  });
});

describe("held-out looks", () => {
  it("allows test3 two looks and refuses a third; an unknown set is refused", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nlu-"));
    const f = path.join(dir, "test3-runs.json");
    const run = { label: "x", date: "2026-12-04" } as HeldOutRun;
    appendRun(f, run, "test3");
    appendRun(f, run, "test3");
    expect(() => appendRun(f, run, "test3")).toThrow(/test3 was already evaluated 2 times/);
    expect(readRuns(f)).toHaveLength(2);
    expect(heldOutSet("test2").maxLooks).toBe(3);
    expect(() => heldOutSet("test4")).toThrow(/unknown held-out set/);
    fs.rmSync(dir, { recursive: true });
  });
});

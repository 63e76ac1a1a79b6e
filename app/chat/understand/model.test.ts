/**
 * The shipped model (issue 14): the typical misses of the rule-based version, each as a test;
 * the committed weights load, are small and calibrated; alternatives for "did you mean X or Y?".
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Intent } from "../../protocol";
import { ASK_THRESHOLD, understand } from "./index";
import { Classifier, encodeBase64, LinearHead, type ModelFile } from "./linear";
import { getModel, modelInfo } from "./model";

const MODEL_PATH = path.join(import.meta.dirname, "model/intent-model.json");

describe("issue 14: the typical misses are understood", () => {
  it.each<[string, Intent, string | null]>([
    ["did 1005 ship", "order_status", "1005"],
    ["Order 1007 - has it left the warehouse?", "order_status", "1007"],
    ["order 1004, email ann@x.com", "order_status", "1004"],
    ["1003?", "order_status", "1003"],
    ["ciao, l'ordine 2010 è già partito?", "order_status", "2010"],
    ["envoyer le numéro de suivi", "tracking", null],
    ["not refunded yet", "return_refund", null],
    ["how long does shipping take?", "policy_shipping", null],
    ["what is your return policy", "policy_returns", null],
    ["what payment methods do you take", "faq", null],
    ["do you sell gift cards", "faq", null],
    ["Muss ich Zoll zahlen?", "faq", null],
  ])("%j → %s", (text, intent, orderNumber) => {
    const u = understand(text);
    expect(u.intent).toBe(intent);
    expect(u.entities.orderNumber).toBe(orderNumber);
  });

  it.each<[string, Intent, string | null]>([
    ["which carrier is it?", "tracking", null],
    ["and the tracking link?", "tracking", null],
    ["e il 1012? stessa email", "order_status", "1012"],
  ])("follow-up %j about the order just shown → %s", (text, intent, orderNumber) => {
    const u = understand(text);
    expect(u.intent).toBe(intent);
    expect(u.entities.orderNumber).toBe(orderNumber);
  });

  it("reads the email next to the order number", () => {
    expect(understand("order 1004, email ann@x.com").entities.email).toBe("ann@x.com");
  });

  it.each([
    ["where is my order? I live in 1010 Wien", "de"],
    ["Bestellung kommt nicht, 8001 Zürich", "de"],
    ["ik woon op 1012 AB Amsterdam, waar is mijn bestelling", "nl"],
  ])("a postcode beside a city is not an order number: %j", (text) => {
    const u = understand(text);
    expect(u.entities.orderNumber).toBeNull();
    expect(u.intent).toBe("order_status");
  });

  it.each([
    ["its for 1009", "1009"],
    ["change address on 12345 to 5 Elm Road", "12345"],
  ])("finds the order in %j", (text, n) => {
    expect(understand(text).entities.orderNumber).toBe(n);
  });

  it("a new WooCommerce store's 2-digit orders are recognised, also the bare reply and the clicked #18", () => {
    const numbering = { prefix: "", suffix: "", minDigits: 1, maxDigits: 2 };
    expect(understand("18", { orderNumbering: numbering }).entities.orderNumber).toBe("18");
    expect(understand("#18", { orderNumbering: numbering }).entities.orderNumber).toBe("18");
    expect(understand("did 18 ship?", { orderNumbering: numbering }).entities.orderNumber).toBe("18");
    expect(understand("7", { awaitingOrderNumber: true }).entities.orderNumber).toBe("7");
  });
});

describe("the committed model", () => {
  it("is under 1 MB and loads from its own JSON", () => {
    const raw = fs.readFileSync(MODEL_PATH, "utf8");
    expect(Buffer.byteLength(raw)).toBeLessThan(1024 * 1024);
    const file = JSON.parse(raw) as ModelFile;
    const c = Classifier.fromFile(file);
    expect(c.intent.labels).toHaveLength(12);
    expect(c.language.labels).toEqual(["en", "es", "fr", "de", "pt", "it", "nl"]);
    expect(file.temperature).toBeGreaterThan(0);
  });

  it("is decoded once per process", () => {
    expect(getModel()).toBe(getModel());
    const info = modelInfo();
    expect(info.bytes).toBeGreaterThan(0);
    expect(info.meta.handWritten).toBeGreaterThanOrEqual(1500);
  });

  it("rejects a corrupt file instead of answering from garbage", () => {
    const file = JSON.parse(fs.readFileSync(MODEL_PATH, "utf8")) as ModelFile;
    expect(() => Classifier.fromFile({ ...file, format: "other" as never })).toThrow();
    expect(() =>
      Classifier.fromFile({ ...file, intent: { ...file.intent, weights: file.intent.weights.slice(8) } }),
    ).toThrow();
    expect(() =>
      Classifier.fromFile({
        ...file,
        intent: { ...file.intent, weights: "!" + file.intent.weights.slice(1) },
      }),
    ).toThrow();
    // a feature scale (NB weights, an option of scripts/nlu/lib.ts) of the wrong size is refused too
    const bytes = encodeBase64(new Uint8Array(file.intent.dim - 1));
    expect(() =>
      Classifier.fromFile({ ...file, intent: { ...file.intent, featureScale: { max: 1, values: bytes } } }),
    ).toThrow(/feature scale/);
  });
});

describe("a head with a feature scale (the NB option of scripts/nlu/lib.ts)", () => {
  it("gives the same scores after a round trip through the model file", () => {
    const w = Float32Array.from({ length: 8 * 2 }, (_, i) => ((i * 37) % 11) / 10 - 0.5);
    const scale = Float32Array.from({ length: 8 }, (_, i) => ((i + 1) * 2 * 0.9) / 255);
    const head = new LinearHead(["a", "b"], 8, w, Float32Array.from([0.1, -0.1]), scale);
    const back = LinearHead.fromFile(head.toFile());
    const x = { idx: Int32Array.from([1, 5, 7]), val: Float32Array.from([0.5, 1, 0.25]) };
    const [a, b] = [head.logits(x), back.logits(x)];
    expect(back.scale).not.toBeNull();
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 2));
    expect(head.logits(x)[0]).not.toBeCloseTo(
      new LinearHead(["a", "b"], 8, w, Float32Array.from([0.1, -0.1])).logits(x)[0],
      3,
    );
  });
});

describe("confidence and alternatives", () => {
  it("gives the top two intents, best first, with probabilities that fit together", () => {
    const u = understand("where is my order 1003");
    expect(u.alternatives).toHaveLength(2);
    expect(u.alternatives[0]).toEqual({ intent: u.intent, confidence: u.confidence });
    expect(u.alternatives[0].confidence).toBeGreaterThanOrEqual(u.alternatives[1].confidence);
    expect(u.alternatives[0].confidence + u.alternatives[1].confidence).toBeLessThanOrEqual(1.01);
    expect(u.confidence).toBeGreaterThan(ASK_THRESHOLD);
  });

  it("is unsure about a message that could be two things, and names both", () => {
    const u = understand("exchange");
    const two = u.alternatives.map((a) => a.intent);
    expect(two).toContain("return_refund");
    expect(u.alternatives[1].confidence).toBeGreaterThan(0);
  });

  it("is sure about clear messages in every language", () => {
    for (const t of [
      "where is my order",
      "dónde está mi pedido",
      "où est ma commande",
      "wo ist meine Bestellung",
      "onde está o meu pedido",
      "dov'è il mio ordine",
      "waar is mijn bestelling",
    ]) {
      const u = understand(t);
      expect(u.intent).toBe("order_status");
      expect(u.confidence).toBeGreaterThan(0.8);
    }
  });
});

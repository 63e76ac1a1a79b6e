/**
 * Entity extraction and understanding under hostile input: never throws, stays fast on adversarial
 * text (no catastrophic regex backtracking), keeps its output in range, finds a real order number and
 * email wherever they sit in noisy text, and never turns markup into an entity.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractEntities, learnNumbering, understand } from "../../app/chat/understand";
import { LANGUAGES } from "../../app/protocol";
import { HTML_PAYLOADS, hostileString, runs } from "./arbitraries";

const INTENTS = [
  "order_status",
  "tracking",
  "cancel_order",
  "return_refund",
  "change_address",
  "human",
  "greeting",
  "thanks_bye",
  "policy_shipping",
  "policy_returns",
  "faq",
  "other",
];

function expectSane(text: string) {
  const e = extractEntities(text);
  if (e.orderNumber !== null) expect(e.orderNumber).toMatch(/^[A-Za-z0-9-]{1,40}$/);
  if (e.email !== null) {
    expect(e.email).toMatch(/^[^\s<>"']+@[^\s<>"']+$/);
    expect(text.toLowerCase()).toContain(e.email.toLowerCase());
  }
  if (e.phone !== null) expect(e.phone).not.toMatch(/[<>"]/);
  const u = understand(text);
  expect(INTENTS).toContain(u.intent);
  expect(LANGUAGES).toContain(u.language);
  expect(u.confidence).toBeGreaterThanOrEqual(0);
  expect(u.confidence).toBeLessThanOrEqual(1);
}

describe("extractEntities / understand under hostile input", () => {
  it("never throw and stay in range on random unicode and markup", () => {
    fc.assert(
      fc.property(hostileString(1000), (t) => expectSane(t)),
      runs(300),
    );
  });

  it("never throw with any store numbering, locale and reply state, and keep alternatives in range", () => {
    fc.assert(
      fc.property(
        hostileString(1000),
        fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.integer()), { maxLength: 8 }),
        fc.option(fc.string({ maxLength: 12 })),
        fc.boolean(),
        (t, names, locale, awaiting) => {
          const numbering = learnNumbering(names);
          const e = extractEntities(t, { numbering, awaitingOrderNumber: awaiting });
          if (e.orderNumber !== null) expect(e.orderNumber).toMatch(/^[A-Za-z0-9_ -]{1,40}$/);
          const u = understand(t, { locale, orderNumbering: numbering, awaitingOrderNumber: awaiting });
          expect(INTENTS).toContain(u.intent);
          expect(LANGUAGES).toContain(u.language);
          for (const a of u.alternatives) {
            expect(INTENTS).toContain(a.intent);
            expect(a.confidence).toBeGreaterThanOrEqual(0);
            expect(a.confidence).toBeLessThanOrEqual(1);
          }
        },
      ),
      runs(200),
    );
  });

  it("understand oversized input (100,000 characters of mixed scripts) without throwing", () => {
    const big = "où est ma commande 1003 🙏 ÄÖÜ 漢字 ".repeat(3000).slice(0, 100_000);
    const u = understand(big);
    expect(INTENTS).toContain(u.intent);
    expect(u.confidence).toBeLessThanOrEqual(1);
  });

  it.each([
    ["digits", "1".repeat(2000)],
    ["hashes and digits", "#1".repeat(1000)],
    ["at signs", "a@".repeat(1000)],
    ["dots after an at", "a@" + "a.".repeat(999)],
    ["spaced digit groups", "1234 ".repeat(400)],
    ["plus signs and digits", "+1 ".repeat(700)],
    ["letters then digits", "GM" + "9".repeat(1998)],
    ["months and numbers", "nov 23 ".repeat(300)],
    ["urls", "https://x.test/".repeat(130)],
  ])("stay fast on adversarial %s (2,000 characters)", (_n, text) => {
    const t0 = performance.now();
    expectSane(text);
    expect(performance.now() - t0).toBeLessThan(250);
  });

  it("find the order number and email wherever they sit in noisy text", () => {
    // noise that cannot be part of an entity or turn the number into a price ("#1001 $" reads as money)
    const noise = fc
      .string({ unit: "grapheme-ascii", maxLength: 30 })
      .map((s) => s.replace(/[\w@#.+\-$%]/g, " "));
    fc.assert(
      fc.property(noise, noise, noise, fc.integer({ min: 1001, max: 99999 }), (a, b, c, n) => {
        const text = `${a} order #${n} ${b} marcus.reed@example.net ${c}`;
        const e = extractEntities(text);
        expect(e.orderNumber).toBe(String(n));
        expect(e.email).toBe("marcus.reed@example.net");
      }),
      runs(200),
    );
  });

  it("never extract markup as an entity", () => {
    fc.assert(
      fc.property(fc.constantFrom(...HTML_PAYLOADS), fc.constantFrom(...HTML_PAYLOADS), (x, y) => {
        const e = extractEntities(`${x} where is my order ${y}`);
        expect(JSON.stringify(e)).not.toMatch(/[<>]|script|onerror|javascript/i);
      }),
      runs(50),
    );
  });
});

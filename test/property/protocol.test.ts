/**
 * The widget protocol's request parser (parseMessagesBody / parseMessagesRequest) under hostile input:
 * random bytes, arbitrary JSON, huge and deeply nested bodies, unicode edge cases. It never throws,
 * every refusal is a {code, message} error, and whatever it accepts is well-formed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMessagesBody, parseMessagesRequest } from "../../app/chat/engine";
import { deepJson, hostileString, runs } from "./arbitraries";

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function expectWellFormed(r: ReturnType<typeof parseMessagesBody>) {
  if (!r.ok) {
    expect(r.error.code).toMatch(/^[a-z_]+$/);
    expect(typeof r.error.message).toBe("string");
    return;
  }
  const q = r.request;
  if (q.conversationId !== undefined) expect(q.conversationId).toMatch(/^[A-Za-z0-9_-]{1,100}$/);
  if (q.text !== undefined) {
    expect(typeof q.text).toBe("string");
    expect(q.text.length).toBeLessThanOrEqual(1000);
  }
  if (q.locale !== undefined) expect(q.locale).toMatch(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/);
  if (q.action) expect(["quick_reply", "handoff_submit"]).toContain(q.action.type);
  expect(q.action !== undefined || (q.text ?? "").trim() !== "").toBe(true);
}

describe("parseMessagesBody under hostile input", () => {
  it("never throws on random text or bytes, and answers ok or a coded error", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileString(2000),
          fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b).toString("latin1")),
        ),
        (raw) => {
          expectWellFormed(parseMessagesBody(raw));
        },
      ),
      runs(400),
    );
  });

  it("never throws on arbitrary JSON values, and accepts only well-formed requests", () => {
    const field = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileString(1200));
    const body = fc.record(
      {
        conversationId: field,
        text: field,
        locale: field,
        action: fc.oneof(
          field,
          fc.record({
            type: fc.constantFrom("quick_reply", "handoff_submit", "x"),
            value: field,
            email: field,
            message: field,
          }),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), body), (json) => {
        expectWellFormed(parseMessagesRequest(json));
        expectWellFormed(parseMessagesBody(JSON.stringify(json) ?? "null"));
      }),
      runs(400),
    );
  });

  it("accepts any non-blank text up to 1,000 characters unchanged (the shopper's words are not rewritten)", () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: "grapheme", minLength: 1, maxLength: 300 })
          .filter((t) => t.trim() !== "" && t.length <= 1000),
        (text) => {
          const r = parseMessagesBody(JSON.stringify({ text }));
          expect(r.ok).toBe(true);
          if (r.ok) expect(r.request.text).toBe(text);
        },
      ),
      runs(200),
    );
  });

  it.each([
    ["a 5 MB text", () => JSON.stringify({ text: "x".repeat(5_000_000) }), "text_too_long"],
    ["100,000 nested arrays", () => deepJson(100_000, "array"), null],
    ["100,000 nested objects", () => deepJson(100_000, "object"), null],
    ["a prototype-pollution attempt", () => '{"__proto__":{"polluted":1},"text":"hi"}', "ok"],
    ["a lone surrogate in an escape", () => '{"text":"\\ud800 where is my order"}', "well-formed"],
    ["NUL bytes", () => '{"text":"\\u0000\\u0000"}', "ok"],
    ["an empty body", () => "", "bad_json"],
  ])("handles %s without throwing", (_name, make, expected) => {
    const r = parseMessagesBody(make());
    expectWellFormed(r);
    if (expected === "well-formed") {
      // accepted only as well-formed text (the database refuses lone surrogates), or refused
      if (r.ok) expect(r.request.text).not.toMatch(LONE_SURROGATE);
    } else if (expected === "ok") expect(r.ok).toBe(true);
    else if (expected) expect(!r.ok && r.error.code).toBe(expected);
    else expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

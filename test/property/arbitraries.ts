/** Hostile-input generators shared by the property tests (fast-check, fixed seeds). */
import fc from "fast-check";

export const SEED = 20261123;
export const runs = (n: number) => ({ seed: SEED, numRuns: n });

/** Unicode edge cases: NUL, lone surrogates, BOM, bidi overrides, zero-width, combining marks, emoji ZWJ. */
export const UNICODE_EDGES = [
  "\u0000",
  "\uD800",
  "\uDFFF",
  "\uFEFF",
  "\u202E",
  "\u2066",
  "\u200B",
  "\u200D",
  "e\u0301",
  "\u0130",
  "ß",
  "👩‍👩‍👧‍👦",
  "\uFFFD",
  "\r\n",
  "\u2028",
  "%0d%0a",
  "\\u003cscript\\u003e",
];

export const HTML_PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "<svg/onload=alert(1)>",
  "javascript:alert(1)",
  "<iframe src=//evil.test>",
  "{{constructor.constructor('alert(1)')()}}",
  "</script><script>alert(1)</script>",
];

export const hostileString = (maxLength = 300) =>
  fc.oneof(
    fc.string({ unit: "binary", maxLength }),
    fc.string({ unit: "grapheme", maxLength }),
    fc
      .array(
        fc.constantFrom(...UNICODE_EDGES, ...HTML_PAYLOADS, "#1002", "marcus.reed@example.net", " ", "order"),
        {
          maxLength: 20,
        },
      )
      .map((parts) => parts.join("")),
  );

/** Deeply nested JSON text ([[[…]]] or {"a":{"a":…}}), beyond any sane parser's comfort. */
export const deepJson = (depth: number, kind: "array" | "object") =>
  kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);

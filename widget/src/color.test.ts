import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  contrast,
  luminance,
  palette,
  parseHex,
  textOn,
  toHex,
  adjustFor,
  WHITE,
  INK,
  DARK_SURFACE,
  LIGHT_SURFACE,
} from "./color";

describe("parseHex / toHex", () => {
  it("parses long, short and unprefixed forms", () => {
    expect(parseHex("#1a73e8")).toEqual([26, 115, 232]);
    expect(parseHex("#FFF")).toEqual([255, 255, 255]);
    expect(parseHex("000000")).toEqual([0, 0, 0]);
  });
  it("rejects anything that is not a hex colour", () => {
    for (const bad of ["", "red", "#12", "#12345g", "url(javascript:x)", null, undefined]) {
      expect(parseHex(bad as string)).toBeNull();
    }
  });
  it("round-trips", () => {
    expect(toHex(parseHex("#0a0B0c")!)).toBe("#0a0b0c");
  });
});

describe("WCAG luminance and contrast", () => {
  it("matches the reference values", () => {
    expect(luminance([0, 0, 0])).toBe(0);
    expect(luminance([255, 255, 255])).toBeCloseTo(1, 6);
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 6);
    // #767676 on white is the classic 4.54:1
    expect(contrast(parseHex("#767676")!, [255, 255, 255])).toBeCloseTo(4.54, 2);
  });
});

describe("textOn", () => {
  it("uses white on dark accents and near-black on light ones", () => {
    expect(textOn(parseHex("#1a73e8")!)).toBe(WHITE);
    expect(textOn(parseHex("#000080")!)).toBe(WHITE);
    expect(textOn(parseHex("#ffd60a")!)).toBe(INK);
    expect(textOn(parseHex("#ffffff")!)).toBe(INK);
  });
});

describe("palette", () => {
  it("keeps an accent that already works", () => {
    const p = palette("#1a73e8");
    expect(p.bg).toBe("#1a73e8");
    expect(p.fg).toBe(WHITE);
  });

  it("adjusts a mid-luminance accent where neither white nor near-black reaches 4.5:1", () => {
    // mid grey: 4.35:1 with white, 4.34:1 with #111
    const mid = "#797979";
    const raw = parseHex(mid)!;
    expect(Math.max(contrast(raw, [255, 255, 255]), contrast(raw, [17, 17, 17]))).toBeLessThan(4.5);
    const p = palette(mid);
    expect(p.bg).not.toBe(mid);
    expect(contrast(parseHex(p.bg)!, parseHex(p.fg)!)).toBeGreaterThanOrEqual(4.5);
  });

  it("darkens a mid-luminance orange and puts white text on it", () => {
    const p = palette("#cc5500"); // 4.31:1 with white, 4.38:1 with #111
    expect(p.fg).toBe(WHITE);
    expect(p.bg).not.toBe("#cc5500");
    expect(contrast(parseHex(p.bg)!, [255, 255, 255])).toBeGreaterThanOrEqual(4.5);
  });

  it("falls back to the default accent for garbage input", () => {
    expect(palette("not-a-colour").bg).toBe("#1a73e8");
  });

  it("always yields ≥ 4.5:1 pairs for any accent (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const hex = "#" + n.toString(16).padStart(6, "0");
        const p = palette(hex);
        expect(contrast(parseHex(p.bg)!, parseHex(p.fg)!)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(parseHex(p.onLight)!, [255, 255, 255])).toBeGreaterThanOrEqual(4.5);
        expect(contrast(parseHex(p.onLight)!, parseHex(LIGHT_SURFACE)!)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(parseHex(p.onDark)!, parseHex(DARK_SURFACE)!)).toBeGreaterThanOrEqual(4.5);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps the hue when darkening for text on white (yellow stays yellowish-brown, not grey)", () => {
    const c = parseHex(palette("#ffd60a").onLight)!;
    expect(c[0]).toBeGreaterThan(c[2]);
    expect(contrast(c, [255, 255, 255])).toBeGreaterThanOrEqual(4.5);
  });

  it("adjustFor returns the colour untouched when it already passes", () => {
    expect(adjustFor([0, 0, 0], [255, 255, 255])).toEqual([0, 0, 0]);
  });
});

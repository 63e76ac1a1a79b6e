/**
 * Colour math for the widget: WCAG 2.x relative luminance and contrast, and the accessible
 * pairs derived from a merchant's accent colour. Pure, DOM-free; shared by launcher and panel.
 */

export type RGB = [number, number, number];

export const WHITE = "#ffffff";
/** near-black used for text on light accents */
export const INK = "#111111";
export const MIN_CONTRAST = 4.5;

/** "#1a73e8" / "#1A73E8" / "#abc" / "1a73e8" → [r,g,b] 0..255, else null */
export function parseHex(input: string | null | undefined): RGB | null {
  if (!input) return null;
  let h = String(input).trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(h)) h = h.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(h)) return null;
  const n = parseInt(h, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function toHex(rgb: RGB): string {
  return (
    "#" +
    rgb
      .map((c) =>
        Math.max(0, Math.min(255, Math.round(c)))
          .toString(16)
          .padStart(2, "0"),
      )
      .join("")
  );
}

/** WCAG relative luminance, 0 (black) .. 1 (white) */
export function luminance(rgb: RGB): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours, 1..21 */
export function contrast(a: RGB, b: RGB): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** linear mix: t=0 → a, t=1 → b */
export function mix(a: RGB, b: RGB, t: number): RGB {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

const W: RGB = [255, 255, 255];
const K: RGB = [17, 17, 17];
const BLACK: RGB = [0, 0, 0];

/** White or near-black, whichever reads better on `bg` (white wins ties at ≥ 4.5:1). */
export function textOn(bg: RGB): string {
  const cw = contrast(bg, W);
  return cw >= MIN_CONTRAST || cw >= contrast(bg, K) ? WHITE : INK;
}

/**
 * Move `color` towards black (or white) in small steps until it reaches `min` contrast against
 * `against`. Returns the first colour that does; the hue is kept as far as possible.
 */
export function adjustFor(color: RGB, against: RGB, min = MIN_CONTRAST): RGB {
  if (contrast(color, against) >= min) return color;
  const target = luminance(against) > 0.18 ? BLACK : W;
  for (let i = 1; i <= 20; i++) {
    const c = mix(color, target, i / 20).map(Math.round) as RGB;
    if (contrast(c, against) >= min) return c;
  }
  return target;
}

export interface AccentPalette {
  /** background of accent surfaces (launcher, shopper bubbles, buttons) */
  bg: string;
  /** text/icon colour on `bg`, contrast ≥ 4.5:1 */
  fg: string;
  /** accent usable as text/links on the light surfaces (white and LIGHT_SURFACE), ≥ 4.5:1 */
  onLight: string;
  /** accent usable as text/links on the dark surface, ≥ 4.5:1 */
  onDark: string;
}

export const DEFAULT_ACCENT = "#1a73e8";
/** panel surfaces the accent appears on as text: the light bot bubble and the dark bot bubble */
export const LIGHT_SURFACE = "#f1f3f5";
export const DARK_SURFACE = "#2c2e33";

/**
 * Derive an accessible palette from any accent colour. When neither white nor near-black text
 * reaches 4.5:1 on the accent itself (mid-luminance colours), the accent background is darkened
 * until white text does — or lightened until near-black does, whichever needs the smaller change
 * (darkening preferred up to 1.5× the distance).
 */
/** Just the accent surface pair (bg + text colour ≥ 4.5:1); what the launcher needs. */
export function accentPair(accent: string | null | undefined): { bg: string; fg: string } {
  const a = parseHex(accent) || (parseHex(DEFAULT_ACCENT) as RGB);
  if (Math.max(contrast(a, W), contrast(a, K)) >= MIN_CONTRAST) return { bg: toHex(a), fg: textOn(a) };
  const darker = adjustFor(a, W);
  const lighter = adjustFor(a, K);
  // white text on a slightly deeper brand colour usually reads as "the brand"; prefer it unless much further away
  return dist(a, darker) <= dist(a, lighter) * 1.5
    ? { bg: toHex(darker), fg: WHITE }
    : { bg: toHex(lighter), fg: INK };
}

export function palette(
  accent: string | null | undefined,
  lightSurface: string = LIGHT_SURFACE,
  darkSurface: string = DARK_SURFACE,
): AccentPalette {
  const a = parseHex(accent) || (parseHex(DEFAULT_ACCENT) as RGB);
  const { bg, fg } = accentPair(accent);
  const dark = parseHex(darkSurface) as RGB;
  const light = parseHex(lightSurface) as RGB;
  return {
    bg,
    fg,
    onLight: toHex(adjustFor(a, light)),
    onDark: toHex(adjustFor(a, dark)),
  };
}

function dist(a: RGB, b: RGB): number {
  return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
}

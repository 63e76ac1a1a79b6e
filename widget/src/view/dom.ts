/**
 * The only way the panel builds DOM: createElement + setAttribute + textContent. Nothing from the
 * network or the shopper is ever inserted as HTML.
 */
import { linkify } from "../format";
import type { Strings } from "../i18n";

export const ICON_CLOSE =
  "M18.3 5.7a1 1 0 00-1.4 0L12 10.6 7.1 5.7a1 1 0 10-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 101.4 1.4l4.9-4.9 4.9 4.9a1 1 0 001.4-1.4L13.4 12l4.9-4.9a1 1 0 000-1.4z";
export const ICON_SEND =
  "M3.4 20.4l17.45-7.48a1 1 0 000-1.84L3.4 3.6a1 1 0 00-1.39 1.2L4.3 12l-2.29 7.2a1 1 0 001.39 1.2zM4.9 13h6.6a1 1 0 000-2H4.9";
export const ICON_NEW = "M12 5V2L7 6l5 4V7a5 5 0 11-5 5H5a7 7 0 107-7z";
const ICON_EXT =
  "M14 3h7v7h-2V6.4l-9.3 9.3-1.4-1.4L17.6 5H14V3zM5 5h6v2H5v12h12v-6h2v6a2 2 0 01-2 2H5a2 2 0 01-2-2V7a2 2 0 012-2z";
const SVG_NS = "http://www.w3.org/2000/svg";

type Attrs = Record<string, string | boolean | number | null | undefined>;
export type Child = Node | string | null | undefined | false;

export function h(tag: string, attrs?: Attrs | null, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  if (attrs) {
    for (const k in attrs) {
      const v = attrs[k];
      if (v === null || v === undefined || v === false) continue;
      el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return el;
}

export function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const p = document.createElementNS(SVG_NS, "path");
  p.setAttribute("d", path);
  svg.append(p);
  return svg;
}

/** A link that opens in a new tab without opener or referrer, announced as such. */
export function externalLink(
  href: string,
  text: string,
  t: Strings,
  cls: string | null,
  withIcon = false,
): HTMLElement {
  return h(
    "a",
    { href, target: "_blank", rel: "noopener noreferrer", class: cls },
    text,
    withIcon ? icon(ICON_EXT) : null,
    h("span", { class: "sr" }, " " + t.newTab),
  );
}

/** Text with http(s) URLs turned into safe links. */
export function richText(text: string, t: Strings): Node[] {
  return linkify(text).map((tok) =>
    tok.kind === "text" ? document.createTextNode(tok.text) : externalLink(tok.href, tok.text, t, null),
  );
}

/**
 * The one URL sanitiser: only absolute http(s) URLs (or, with `base`, relative ones that resolve to
 * http(s)) ever become links — in the Shopify and WooCommerce mappers, the dashboard and the widget.
 * `javascript:`, `data:`, `vbscript:` and anything unparsable give null.
 */
export function safeLinkUrl(raw: unknown, base?: string): string | null {
  if (typeof raw !== "string") return null;
  const s = raw.trim();
  if (!s) return null;
  try {
    const u = base ? new URL(s, base) : new URL(s);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch {
    return null;
  }
}

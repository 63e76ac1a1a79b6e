/**
 * The phone-size panel is a modal dialog: Tab and Shift+Tab cycle inside it (focus never escapes to
 * the page behind), Esc closes it and focus returns to the launcher (panel.ts).
 */
const FOCUSABLE =
  'a[href],button:not([disabled]),input:not([disabled]),textarea:not([disabled]),select:not([disabled]),[tabindex]:not([tabindex="-1"])';

/** The same media query as the full-screen panel in styles.ts. */
export const PHONE_QUERY = "(max-width:480px),(max-height:520px)";

export function focusables(container: ParentNode): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.getClientRects().length > 0,
  );
}

/** Keeps Tab inside `container`; `active` is the shadow root's activeElement. */
export function trapTab(e: KeyboardEvent, container: HTMLElement, active: Element | null): void {
  const list = focusables(container);
  if (!list.length) return;
  const first = list[0];
  const last = list[list.length - 1];
  const inside = !!active && container.contains(active);
  if (e.shiftKey && (!inside || active === first)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (!inside || active === last)) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * When the launcher may start: after the page's `load` event, in an idle period (a timeout where the
 * browser has no idle callback), so the widget never competes with the page's own largest paint.
 */
export interface IdleHost {
  requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
  addEventListener(type: "load", cb: () => void, o?: { once: boolean }): void;
}

export const IDLE_TIMEOUT_MS = 2000;
const NO_IDLE_DELAY_MS = 50;

export function afterLoadAndIdle(
  w: IdleHost,
  d: { readyState: string },
  fn: () => void,
  timer: (cb: () => void, ms: number) => unknown = setTimeout,
): void {
  const idle = () =>
    w.requestIdleCallback
      ? w.requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS })
      : timer(fn, NO_IDLE_DELAY_MS);
  if (d.readyState === "complete") idle();
  // after the load handlers of this turn have run (LCP is reported around then)
  else w.addEventListener("load", () => timer(idle, 0), { once: true });
}

/**
 * Polling for what a person from the store writes (GET {base}/messages?after=…): once when the panel
 * opens, then every 4 s, doubling up to 30 s while nothing new arrives, back to 4 s when something
 * does or the shopper writes; paused while the panel is closed or the tab hidden; stopped for good
 * (until a new conversation) when the server says the conversation is not this browser's.
 * Timers, visibility and the request are injected, so tests need no browser and no real time.
 */
export const POLL_FAST_MS = 4_000;
export const POLL_MAX_MS = 30_000;

/** "new": messages arrived · "empty": nothing new · "none": no conversation yet · "stop": 401/403/404 */
export type TickResult = "new" | "empty" | "none" | "stop" | { retryAfterMs: number };

export interface PollerDeps {
  tick(): Promise<TickResult>;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  isHidden(): boolean;
}

export interface Poller {
  /** the panel opened: poll now, then on schedule */
  resume(): void;
  /** the panel closed */
  pause(): void;
  /** the tab's visibility changed */
  visibilityChanged(): void;
  /** the shopper wrote (or a new conversation started): fast again, and polling allowed again */
  reset(): void;
  /** current delay and state, for tests */
  inspect(): { delayMs: number; stopped: boolean; scheduled: boolean };
}

export function createPoller(deps: PollerDeps): Poller {
  let active = false;
  let stopped = false;
  let inFlight = false;
  let delay = POLL_FAST_MS;
  let timer: unknown = null;

  const unschedule = () => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
  };
  const schedule = () => {
    unschedule();
    if (active && !stopped && !deps.isHidden()) timer = deps.setTimer(run, delay);
  };
  async function run() {
    timer = null;
    if (!active || stopped || inFlight || deps.isHidden()) return;
    inFlight = true;
    let r: TickResult;
    try {
      r = await deps.tick();
    } catch {
      r = "empty";
    }
    inFlight = false;
    if (r === "stop") {
      stopped = true;
      unschedule();
      return;
    }
    if (r === "none") return; // nothing to poll until the first answer; reset() restarts
    if (r === "new") delay = POLL_FAST_MS;
    else delay = Math.min(delay * 2, POLL_MAX_MS);
    if (typeof r === "object") delay = Math.min(Math.max(delay, r.retryAfterMs), 5 * POLL_MAX_MS);
    schedule();
  }

  return {
    resume() {
      if (active) return;
      active = true;
      void run();
    },
    pause() {
      active = false;
      unschedule();
    },
    visibilityChanged() {
      if (deps.isHidden()) unschedule();
      else if (active && timer === null) void run();
    },
    reset() {
      stopped = false;
      delay = POLL_FAST_MS;
      schedule();
    },
    inspect: () => ({ delayMs: delay, stopped, scheduled: timer !== null }),
  };
}

import { describe, it, expect } from "vitest";
import { createPoller, POLL_FAST_MS, POLL_MAX_MS, type TickResult } from "./poll";

/** A poller on a hand-driven clock: timers run only when the test fires them. */
function harness(results: TickResult[]) {
  const timers: { fn: () => void; ms: number; id: number }[] = [];
  let next = 1;
  let hidden = false;
  let ticks = 0;
  const poller = createPoller({
    tick: async () => {
      ticks++;
      return results.length ? results.shift()! : "empty";
    },
    setTimer: (fn, ms) => {
      const id = next++;
      timers.push({ fn, ms, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    isHidden: () => hidden,
  });
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return {
    poller,
    timers,
    ticks: () => ticks,
    setHidden: (h: boolean) => (hidden = h),
    /** fire the one pending timer and let its tick settle; returns its delay */
    async fire(): Promise<number> {
      expect(timers).toHaveLength(1);
      const t = timers.shift()!;
      t.fn();
      await flush();
      return t.ms;
    },
    flush,
  };
}

describe("poller", () => {
  it("polls once on open, then every 4 s while messages arrive", async () => {
    const h = harness(["new", "new", "new"]);
    h.poller.resume();
    await h.flush();
    expect(h.ticks()).toBe(1);
    expect(await h.fire()).toBe(POLL_FAST_MS);
    expect(await h.fire()).toBe(POLL_FAST_MS);
    expect(h.ticks()).toBe(3);
  });
  it("backs off 4 → 8 → 16 → 30 s while nothing new arrives, and is fast again after a message", async () => {
    const h = harness(["empty", "empty", "empty", "empty", "empty", "new"]);
    h.poller.resume();
    await h.flush();
    const delays = [];
    for (let i = 0; i < 5; i++) delays.push(await h.fire());
    expect(delays).toEqual([8_000, 16_000, POLL_MAX_MS, POLL_MAX_MS, POLL_MAX_MS]);
    expect(h.timers[0].ms).toBe(POLL_FAST_MS);
  });
  it("the shopper writing makes it fast again", async () => {
    const h = harness(["empty", "empty"]);
    h.poller.resume();
    await h.flush();
    await h.fire();
    expect(h.timers[0].ms).toBe(16_000);
    h.poller.reset();
    expect(h.timers).toHaveLength(1);
    expect(h.timers[0].ms).toBe(POLL_FAST_MS);
  });
  it("stops for good on 401/403/404 until a new conversation resets it", async () => {
    const h = harness(["stop"]);
    h.poller.resume();
    await h.flush();
    expect(h.timers).toHaveLength(0);
    expect(h.poller.inspect().stopped).toBe(true);
    h.poller.visibilityChanged();
    await h.flush();
    expect(h.ticks()).toBe(1);
    h.poller.reset();
    expect(h.poller.inspect()).toMatchObject({ stopped: false, scheduled: true });
  });
  it("pauses while the tab is hidden and polls at once when it is shown again", async () => {
    const h = harness(["empty", "new"]);
    h.poller.resume();
    await h.flush();
    h.setHidden(true);
    h.poller.visibilityChanged();
    expect(h.timers).toHaveLength(0);
    h.setHidden(false);
    h.poller.visibilityChanged();
    await h.flush();
    expect(h.ticks()).toBe(2);
    expect(h.timers[0].ms).toBe(POLL_FAST_MS);
  });
  it("does nothing while the panel is closed, and waits for a conversation", async () => {
    const h = harness(["none"]);
    h.poller.resume();
    await h.flush();
    expect(h.timers).toHaveLength(0); // "none": no conversation yet
    h.poller.pause();
    h.poller.reset();
    expect(h.timers).toHaveLength(0); // closed
    h.poller.resume();
    await h.flush();
    expect(h.ticks()).toBe(2);
  });
  it("waits at least Retry-After when rate limited", async () => {
    const h = harness([{ retryAfterMs: 60_000 }]);
    h.poller.resume();
    await h.flush();
    expect(h.timers[0].ms).toBe(60_000);
  });
});

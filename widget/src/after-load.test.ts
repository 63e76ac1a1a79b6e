import { describe, it, expect } from "vitest";
import { afterLoadAndIdle, IDLE_TIMEOUT_MS } from "./after-load";

function fakeWindow(withIdle: boolean) {
  const load: (() => void)[] = [];
  const idle: { cb: () => void; timeout?: number }[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const w = {
    addEventListener: (_t: "load", cb: () => void) => void load.push(cb),
    ...(withIdle
      ? {
          requestIdleCallback: (cb: () => void, o?: { timeout: number }) =>
            idle.push({ cb, timeout: o?.timeout }),
        }
      : {}),
  };
  const timer = (fn: () => void, ms: number) => timers.push({ fn, ms });
  return { w, load, idle, timers, timer };
}

describe("the launcher starts after the page's load", () => {
  it("does nothing before load, then waits for an idle period", () => {
    const f = fakeWindow(true);
    let ran = 0;
    afterLoadAndIdle(f.w, { readyState: "interactive" }, () => ran++, f.timer);
    expect(ran).toBe(0);
    expect(f.idle).toHaveLength(0);
    f.load.forEach((cb) => cb());
    expect(ran).toBe(0); // not inside the load handler either
    f.timers.shift()!.fn();
    expect(f.idle).toHaveLength(1);
    expect(f.idle[0].timeout).toBe(IDLE_TIMEOUT_MS);
    f.idle[0].cb();
    expect(ran).toBe(1);
  });
  it("falls back to a timeout where there is no idle callback (Safari)", () => {
    const f = fakeWindow(false);
    let ran = 0;
    afterLoadAndIdle(f.w, { readyState: "loading" }, () => ran++, f.timer);
    f.load.forEach((cb) => cb());
    f.timers.shift()!.fn();
    expect(ran).toBe(0);
    expect(f.timers[0].ms).toBeGreaterThan(0);
    f.timers.shift()!.fn();
    expect(ran).toBe(1);
  });
  it("a launcher injected after load (tag managers) starts at the next idle period", () => {
    const f = fakeWindow(true);
    let ran = 0;
    afterLoadAndIdle(f.w, { readyState: "complete" }, () => ran++, f.timer);
    expect(f.load).toHaveLength(0);
    f.idle[0].cb();
    expect(ran).toBe(1);
  });
});

/**
 * Equal timing for order lookups: "no such order" must not answer faster than "wrong email".
 *
 * A found order costs the adapter more work (the order plus its trackings, notes, refunds) than a
 * number that does not exist, so the response time told an attacker which numbers are real. The
 * wrapper pads every findOrder() to the same floor: the 90th percentile of this store's recent
 * found-order lookups (clamped to [minMs, maxMs]), so mismatched and unknown numbers take the same
 * time. An answer the caller's `verify` accepts (the shopper proved the order is theirs) is not
 * padded: its body already shows the order, so its timing tells nothing more. Outages (throws) are
 * not padded.
 */
import type { PlatformAdapter } from "../platforms/types";

export interface LatencyFloorOptions {
  minMs?: number;
  maxMs?: number;
  /** found-order durations remembered per store */
  window?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface LatencyFloor {
  /** the time every lookup of this store is padded to */
  target(): number;
  record(foundMs: number): void;
  /** count padding added (ms) */
  addPadding(ms: number): void;
  /** total padding added so far (ms), for tests and metrics */
  readonly paddedMs: number;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createLatencyFloor(opts: LatencyFloorOptions = {}): LatencyFloor {
  const minMs = opts.minMs ?? 250;
  const maxMs = opts.maxMs ?? 3000;
  const size = opts.window ?? 20;
  const recent: number[] = [];
  let padded = 0;
  return {
    target() {
      if (!recent.length) return minMs;
      const sorted = [...recent].sort((a, b) => a - b);
      const p90 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))];
      return Math.min(maxMs, Math.max(minMs, p90));
    },
    record(ms) {
      recent.push(ms);
      if (recent.length > size) recent.shift();
    },
    addPadding(ms) {
      padded += ms;
    },
    get paddedMs() {
      return padded;
    },
  };
}

/** The adapter with findOrder padded to the floor (other calls unchanged). */
export function withLatencyFloor(
  adapter: PlatformAdapter,
  floor: LatencyFloor,
  opts: Pick<LatencyFloorOptions, "now" | "sleep"> = {},
): PlatformAdapter {
  const now = opts.now ?? (() => performance.now());
  const sleep = opts.sleep ?? defaultSleep;
  return {
    ...adapter,
    capabilities: adapter.capabilities,
    findOrder: async (query) => {
      const t0 = now();
      const result = await adapter.findOrder(query);
      const elapsed = now() - t0;
      if (result.kind === "found") floor.record(elapsed);
      if (query.verify?.(result)) return result;
      const pad = floor.target() - elapsed;
      if (pad > 0) {
        floor.addPadding(pad);
        await sleep(pad);
      }
      return result;
    },
  };
}

const floors = new Map<string, LatencyFloor>();

/** The process-wide floor of one store (bounded map). */
export function storeLatencyFloor(storeId: string): LatencyFloor {
  let f = floors.get(storeId);
  if (!f) {
    if (floors.size > 10_000) floors.clear();
    f = createLatencyFloor();
    floors.set(storeId, f);
  }
  return f;
}

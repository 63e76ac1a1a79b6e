import type { Store } from "@prisma/client";
import { adapterForStore } from "../platforms/adapters.server";

/** Can we reach this store's platform with its stored credentials? (doctor) */
export async function checkStoreReachable(store: Store): Promise<{ ok: boolean; detail: unknown }> {
  const started = Date.now();
  try {
    const adapter = await adapterForStore(store);
    const info = await adapter.getStoreInfo();
    return {
      ok: true,
      detail: {
        name: info.name,
        currency: info.currency,
        timezone: info.timezone,
        latencyMs: Date.now() - started,
      },
    };
  } catch (e) {
    return { ok: false, detail: { error: (e as Error).message, latencyMs: Date.now() - started } };
  }
}

/**
 * Loads the demo WooCommerce data (for tests, the emulator and the demo). Looks in the repo's
 * `fixtures/demo/` (TRULYBOT_DEMO_FIXTURES overrides). Node-only (uses fs).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { WooOrder, WooOrderNote, WooShipmentTracking } from "../../../app/platforms/woocommerce/types";

export interface WooDemoData {
  store: {
    url: string;
    name: string;
    currency: string;
    timezone: string;
    woocommerce_version?: string;
    [k: string]: unknown;
  };
  orders: WooOrder[];
  trackings: Record<string, WooShipmentTracking[]>;
  notes: Record<string, WooOrderNote[]>;
}

export function findDemoFixturesDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const repoRoot = resolve(here, "../../..");
  const candidates = [
    process.env.TRULYBOT_DEMO_FIXTURES,
    join(repoRoot, "fixtures/demo"),
    join(process.cwd(), "fixtures/demo"),
  ].filter((x): x is string => !!x);
  for (const dir of candidates) if (existsSync(join(dir, "woocommerce-store.json"))) return dir;
  return null;
}

export function loadWooDemoData(dir = findDemoFixturesDir()): WooDemoData {
  if (!dir) throw new Error("WooCommerce demo fixtures not found (fixtures/demo/woocommerce-store.json)");
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), "utf8"));
  const storeFile = read("woocommerce-store.json");
  const trackings = existsSync(join(dir, "woocommerce-shipment-trackings.json"))
    ? read("woocommerce-shipment-trackings.json")
    : {};
  const notes = existsSync(join(dir, "woocommerce-order-notes.json"))
    ? read("woocommerce-order-notes.json")
    : {};
  return { store: storeFile.store, orders: storeFile.orders, trackings, notes };
}

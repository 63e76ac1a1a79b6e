/**
 * Shared fixtures of the WooCommerce mapper tests (app/platforms/woocommerce/map-*.test.ts): the demo store's
 * orders mapped as the adapter does, the live WooCommerce 10.0.2 captures and the wording context.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadWooDemoData } from "../emulators/woocommerce/demo-data";
import { mapWooOrder } from "../../app/platforms/woocommerce/map";

export const demo = loadWooDemoData();
export const store = {
  url: demo.store.url,
  timezone: demo.store.timezone,
  currency: demo.store.currency,
  name: demo.store.name,
};
export const byId = (id: number) => {
  const o = demo.orders.find((x) => x.id === id);
  if (!o) throw new Error(`no demo order ${id}`);
  return o;
};
/** maps like the adapter does: endpoint trackings + notes */
export const viaEndpoint = (id: number) =>
  mapWooOrder(byId(id), {
    trackings: demo.trackings[String(id)] ?? [],
    notes: demo.notes[String(id)] ?? [],
    store,
  });
/** maps like a store without the plugin endpoint: meta only */
export const viaMeta = (id: number) => mapWooOrder(byId(id), { notes: demo.notes[String(id)] ?? [], store });

const CAPTURES = resolve(__dirname, "../emulators/woocommerce/captures");
export const capture = (f: string) => JSON.parse(readFileSync(join(CAPTURES, f), "utf8"));
export const liveStore = { url: "http://127.0.0.1:8080", timezone: "UTC", currency: "USD" };

export const wooCtx = {
  lang: "en" as const,
  timezone: "Europe/Berlin",
  now: new Date("2026-11-23T15:00:00Z"),
  knowsDelivery: false,
};

export const day = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleDateString("en-CA", { timeZone: "Europe/Berlin" }) : null;

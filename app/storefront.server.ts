/**
 * The storefront entry of the server build (docs/decisions/0028-turn-work-and-boot.md, "Lazy
 * loading"): what server.mjs imports at boot. It is a second input of the SAME Rollup build as the
 * Remix server build (vite.config.ts), so the modules both use are shared chunks — one copy of every
 * per-process cache — and the dashboard's code (Polaris, React rendering, the Shopify library) is
 * only imported with the Remix build, on the first request that needs it.
 */
import * as healthz from "./routes/healthz";
import * as proxyConfig from "./routes/proxy.config";
import * as proxyMessages from "./routes/proxy.messages";
import * as wooConfig from "./routes/api.v1.woo.storefront.config";
import * as wooMessages from "./routes/api.v1.woo.storefront.messages";
import * as wooWebhooks from "./routes/api.v1.woo.webhooks";

/** The hot paths' route modules by Remix route id (server.mjs HOT_ROUTES): the same module objects
 * the Remix build's routes hold. */
export const routes = {
  "routes/healthz": healthz,
  "routes/proxy.config": proxyConfig,
  "routes/proxy.messages": proxyMessages,
  "routes/api.v1.woo.storefront.config": wooConfig,
  "routes/api.v1.woo.storefront.messages": wooMessages,
  // WooCommerce's webhook deliveries (issue 17): a hot path since server.mjs lists it, but without
  // the module here every delivery went through Remix (and the first one imported the dashboard)
  "routes/api.v1.woo.webhooks": wooWebhooks,
};

/** Called by server.mjs before it accepts traffic: fail fast on bad configuration. */
export { loadEnv as validateConfiguration } from "./env.server";
export { startMaintenance } from "./maintenance.server";
/** Background jobs run in every server process, whether or not a dashboard request ever comes. */
export { startJobWorkers } from "./jobs/queue.server";

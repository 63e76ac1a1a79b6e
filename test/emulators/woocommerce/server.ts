/**
 * CLI: start the WooCommerce REST emulator seeded with the demo store.
 *
 *   npx tsx test/emulators/woocommerce/server.ts [--port 8787] [--host 127.0.0.1]
 *        [--require-https-callback] [--no-tracking-endpoint] [--hide-tracking-meta] [--home-url URL]
 *
 * Prints one JSON line: { url, consumerKey, consumerSecret } (the demo read key).
 * Env: WOO_EMULATOR_PORT, WOO_EMULATOR_CK, WOO_EMULATOR_CS.
 */
import { DEMO_WOO_KEY, startWooEmulator } from "./emulator";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const key = {
  ...DEMO_WOO_KEY,
  consumerKey: process.env.WOO_EMULATOR_CK || DEMO_WOO_KEY.consumerKey,
  consumerSecret: process.env.WOO_EMULATOR_CS || DEMO_WOO_KEY.consumerSecret,
};

const emu = await startWooEmulator({
  port: Number(arg("port") ?? process.env.WOO_EMULATOR_PORT ?? 8787),
  host: arg("host") ?? "127.0.0.1",
  keys: [key],
  allowHttpCallback: !flag("require-https-callback"),
  trackingEndpoint: !flag("no-tracking-endpoint"),
  exposeTrackingMeta: !flag("hide-tracking-meta"),
  homeUrl: arg("home-url"),
});

console.log(
  JSON.stringify({ url: emu.url, consumerKey: key.consumerKey, consumerSecret: key.consumerSecret }),
);

const stop = () => {
  emu.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

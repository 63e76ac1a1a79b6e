/**
 * The built app's environment in the bench, shared by bench/server.ts (the app in a bench child
 * process) and bench/probe.ts (server.mjs in a plain node process): production mode, the demo's
 * keys from .env.example, a port known before boot (the demo storefront's signer relays to
 * 127.0.0.1:$PORT), the Shopify Admin API pointed at the emulator.
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { root } from "./children";

/** The KEY=value lines of .env.example (the demo's keys). */
export function envExample(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(path.join(root, ".env.example"), "utf8").split("\n")) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The variables the app reads, for a run on `port` with `dbUrl` and the emulator at `shopifyOrigin`. */
export function benchAppEnv(opts: {
  port: number;
  dbUrl: string;
  shopifyOrigin: string;
}): Record<string, string> {
  const ex = envExample();
  return {
    NODE_ENV: "production",
    PORT: String(opts.port),
    SHOPIFY_APP_URL: `http://localhost:${opts.port}`,
    DATABASE_URL: opts.dbUrl,
    ENCRYPTION_KEYS: ex.ENCRYPTION_KEYS!,
    SHOPIFY_API_KEY: ex.SHOPIFY_API_KEY!,
    SHOPIFY_API_SECRET: ex.SHOPIFY_API_SECRET!,
    SCOPES: "read_orders,read_themes",
    TRULYBOT_DEMO: "1",
    WOO_ALLOW_HTTP_STORES: "1",
    SHOPIFY_ADMIN_API_ORIGIN: opts.shopifyOrigin,
  };
}

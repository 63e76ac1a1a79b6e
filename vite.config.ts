import { vitePlugin as remix } from "@remix-run/dev";
import path from "node:path";
import { defineConfig, type Plugin, type UserConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { bootExternals, forbiddenAtBoot, type BundleChunk } from "./scripts/lib/boot-imports";

// Shopify's CLI sets HOST; the Remix template maps it to SHOPIFY_APP_URL.
if (process.env.HOST && (!process.env.SHOPIFY_APP_URL || process.env.SHOPIFY_APP_URL === process.env.HOST)) {
  process.env.SHOPIFY_APP_URL = process.env.HOST;
  delete process.env.HOST;
}

const host = new URL(process.env.SHOPIFY_APP_URL || "http://localhost").hostname;
const hmrConfig =
  host === "localhost"
    ? { protocol: "ws", host: "localhost", port: 64999, clientPort: 64999 }
    : { protocol: "wss", host, port: parseInt(process.env.FRONTEND_PORT!) || 8002, clientPort: 443 };

/**
 * The server build gets a second entry, build/server/storefront.js (app/storefront.server.ts), next to
 * Remix's index.js: ONE Rollup build, so the modules both import are shared chunks (a single copy of
 * every module's state). server.mjs loads only the storefront entry at boot and the Remix build on
 * the first other request (docs/decisions/0028-turn-work-and-boot.md).
 */
function storefrontEntry(): Plugin {
  return {
    name: "trulybot:storefront-entry",
    apply: "build",
    enforce: "post",
    config(config, env) {
      const rollup = config.build?.rollupOptions;
      if (!env.isSsrBuild || !rollup || typeof rollup.input !== "string") return;
      rollup.input = { index: rollup.input, storefront: path.resolve("app/storefront.server.ts") };
      const output = Array.isArray(rollup.output) ? rollup.output[0] : rollup.output;
      if (output) output.entryFileNames = "[name].js";
    },
  };
}

/**
 * What the boot imports (docs/decisions/0035-boot-imports-and-webhook-intake.md): in the server build,
 * Prisma's libSQL adapter is bundled with a stand-in for `@libsql/client` (its default client is never
 * created: app/utils/sqlite-adapter.server.ts runs on node:sqlite), and the build fails when the
 * storefront entry would statically import a package only PostgreSQL, the dashboard or the CLI need.
 */
/**
 * Packages the boot imports, bundled into the server build's chunks instead of loaded from
 * node_modules file by file: libphonenumber-js alone is 112 ES modules, 50 ms and 19 MiB when Node
 * loads it, 5 ms and 3.5 MiB as one bundled chunk (measured 2026-12-04, docs/performance.md).
 */
const BUNDLED_AT_BOOT = [
  "libphonenumber-js",
  "entities",
  "intl-messageformat",
  "@formatjs/icu-messageformat-parser",
  "zod",
  "@formatjs/fast-memoize",
  "@formatjs/icu-skeleton-parser",
  "tslib",
];

function bootWeight(): Plugin {
  return {
    name: "trulybot:boot-weight",
    apply: "build",
    config(_config, env) {
      if (!env.isSsrBuild) return;
      return {
        ssr: { noExternal: ["@prisma/adapter-libsql", ...BUNDLED_AT_BOOT] },
        resolve: {
          alias: [
            {
              find: /^@libsql\/client$/,
              replacement: path.resolve("app/utils/libsql-client.stub.server.ts"),
            },
          ],
        },
      };
    },
    generateBundle(_options, bundle) {
      // the client build has no storefront entry: nothing to check
      const externals = bootExternals(bundle as unknown as Record<string, BundleChunk>, "storefront");
      const banned = forbiddenAtBoot(externals);
      if (banned.length)
        this.error(
          `the storefront entry (server.mjs's boot) imports ${banned.join(", ")} statically: import it dynamically where it is needed`,
        );
    },
  };
}

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: {
    allowedHosts: [host],
    cors: { preflightContinue: true },
    port: Number(process.env.PORT || 3000),
    hmr: hmrConfig,
    fs: { allow: ["app", "node_modules", "widget/src"] },
  },
  plugins: [
    remix({
      ignoredRouteFiles: ["**/.*", "**/*.test.ts", "**/*.test.tsx"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
        v3_routeConfig: false,
      },
    }),
    tsconfigPaths(),
    storefrontEntry(),
    bootWeight(),
  ],
  build: { assetsInlineLimit: 0 },
  optimizeDeps: { include: ["@shopify/app-bridge-react", "@shopify/polaris"] },
}) satisfies UserConfig;

/**
 * What server.mjs's boot imports, as the server build reports it (scripts/lib/boot-imports.ts, run
 * by vite.config.ts on every build): the storefront entry, the chunks it imports statically and
 * their packages; a dynamic import() is not followed. pg-boss, imported statically by the job
 * queue, was loaded on every SQLite boot (~75 ms, ~20 MiB): the build now fails on that.
 */
import { describe, expect, it } from "vitest";
import { bootExternals, forbiddenAtBoot, packageOf, type BundleChunk } from "../../scripts/lib/boot-imports";

const chunk = (fileName: string, imports: string[], entry?: string): BundleChunk => ({
  type: "chunk",
  fileName,
  imports,
  ...(entry ? { isEntry: true, name: entry } : {}),
});
const bundleOf = (...chunks: BundleChunk[]) => Object.fromEntries(chunks.map((c) => [c.fileName, c]));

describe("the boot's imports, from the server bundle", () => {
  it("follows the storefront entry's static chunks to their packages, not the Remix entry's", () => {
    const bundle = bundleOf(
      chunk("storefront.js", ["assets/shared.js", "zod"], "storefront"),
      chunk("assets/shared.js", ["@prisma/client", "node:crypto", "assets/shared.js"]),
      chunk("index.js", ["assets/shared.js", "@shopify/polaris", "react"], "index"),
      // reached only through import() (the pg-boss queue): not in Rollup's static `imports`
      chunk("assets/pgboss-queue.server.js", ["pg-boss"]),
    );
    expect(bootExternals(bundle, "storefront")).toEqual(["@prisma/client", "node:crypto", "zod"]);
    expect(forbiddenAtBoot(bootExternals(bundle, "storefront"))).toEqual([]);
  });

  it("names the packages only PostgreSQL, the dashboard or the CLI need when the boot reaches them", () => {
    const bundle = bundleOf(
      chunk("storefront.js", ["assets/healthz.js"], "storefront"),
      chunk("assets/healthz.js", ["pg-boss", "@remix-run/node", "@libsql/client", "@prisma/client"]),
    );
    expect(forbiddenAtBoot(bootExternals(bundle, "storefront"))).toEqual([
      "@libsql/client",
      "@remix-run/node",
      "pg-boss",
    ]);
  });

  it("counts a package's subpath as the package, and a name that only starts like it as another", () => {
    expect(packageOf("@libsql/client/web")).toBe("@libsql/client");
    expect(packageOf("pg-boss")).toBe("pg-boss");
    expect(forbiddenAtBoot(["pg/lib/native", "pg-protocol", "react-dom/server"])).toEqual([
      "pg",
      "react-dom",
    ]);
  });

  it("finds nothing without a storefront entry (the client build)", () => {
    expect(bootExternals(bundleOf(chunk("index.js", ["pg-boss"], "index")), "storefront")).toEqual([]);
  });
});

describe("the storefront entry serves every hot path", () => {
  it("has the route module of each path server.mjs answers ahead of Remix (else it goes through Remix)", async () => {
    const { HOT_ROUTES } = await import("../../server.mjs");
    const { routes } = await import("../../app/storefront.server");
    const missing = Object.entries(HOT_ROUTES).filter(([, id]) => !(id in routes));
    expect(missing).toEqual([]);
  });
});

/**
 * What the server's boot imports, read from the Rollup bundle of the server build: the storefront
 * entry (build/server/storefront.js, what server.mjs imports at boot) and every chunk it imports
 * statically, and the external packages those chunks import statically. A dynamic `import()` is
 * not followed: it runs when its code does (pg-boss only on PostgreSQL, the Remix build on the first
 * dashboard request). The build fails when the boot would import a package that only PostgreSQL,
 * the dashboard or the CLI need (vite.config.ts; docs/decisions/0035-boot-imports-and-webhook-intake.md).
 */

/** The part of a Rollup output chunk this reads (OutputChunk). */
export interface BundleChunk {
  type: "chunk" | "asset";
  fileName: string;
  isEntry?: boolean;
  name?: string;
  imports?: string[];
}

/** Packages the boot must not import on the SQLite default. */
export const NOT_AT_BOOT = [
  "pg-boss", // the job queue on PostgreSQL (app/jobs/pgboss-queue.server.ts)
  "pg",
  "@prisma/adapter-pg",
  "@libsql/client", // never called: the SQLite adapter runs on node:sqlite (app/utils/sqlite-adapter.server.ts)
  "@remix-run/node", // Remix's request handling: server.mjs imports it with the Remix build
  "@remix-run/server-runtime",
  "@remix-run/react",
  "@shopify/shopify-app-remix",
  "@shopify/shopify-api",
  "@shopify/polaris",
  "react",
  "react-dom",
  "nodemailer", // outgoing mail: loaded with the first mail (app/chat/notify.server.ts)
];

/** The package a bare import names ("@scope/name/sub" → "@scope/name", "pg-boss" → "pg-boss"). */
export function packageOf(id: string): string {
  const parts = id.split("/");
  return id.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** The external modules the entry named `entryName` imports statically, directly or through its chunks. */
export function bootExternals(bundle: Record<string, BundleChunk>, entryName: string): string[] {
  const entry = Object.values(bundle).find((c) => c.type === "chunk" && c.isEntry && c.name === entryName);
  if (!entry) return [];
  const seen = new Set<string>();
  const externals = new Set<string>();
  const walk = (chunk: BundleChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const id of chunk.imports ?? []) {
      const next = bundle[id];
      if (next?.type === "chunk") walk(next);
      else if (!next) externals.add(id);
    }
  };
  walk(entry);
  return [...externals].sort();
}

/** The packages of `externals` the boot must not import (empty: fine). */
export function forbiddenAtBoot(externals: string[], forbidden: readonly string[] = NOT_AT_BOOT): string[] {
  const banned = new Set(forbidden);
  return [...new Set(externals.map(packageOf))].filter((p) => banned.has(p)).sort();
}

/**
 * Stands in for `@libsql/client` in the server build (vite.config.ts): Prisma's libSQL adapter
 * imports it for its default `createClient`, which app/utils/sqlite-adapter.server.ts overrides
 * (the app talks to SQLite through node:sqlite). Loading the real package at boot cost ~100 ms and
 * ~24 MiB (its native libsql addon, the Hrana client, ws) for code that never runs
 * (docs/decisions/0035-boot-imports-and-webhook-intake.md).
 */
export function createClient(): never {
  throw new Error(
    "@libsql/client is not part of the server build: the SQLite adapter creates its own node:sqlite client",
  );
}

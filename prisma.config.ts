/**
 * Prisma CLI configuration. Prisma runs fully offline here: the Rust-free client
 * (`engineType = "client"`) plus a JavaScript driver adapter for migrations, so no engine
 * binary is ever downloaded. Use the npm scripts (scripts/prisma.mjs) rather than `npx prisma`:
 * they pick the schema flavour from DATABASE_URL and set the variables Prisma needs.
 */
import path from "node:path";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL || "file:./prisma/dev.sqlite";
const isPostgres = /^postgres(ql)?:\/\//i.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres
    ? path.join("prisma", "postgresql", "schema.prisma")
    : path.join("prisma", "schema.prisma"),
  async adapter() {
    if (isPostgres) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaLibSQL } = await import("@prisma/adapter-libsql");
    return new PrismaLibSQL({ url });
  },
});

import { defineConfig } from "vitest/config";

// Unit and integration tests (no Remix plugin: routes are tested by calling loaders/actions
// with real Requests, and end-to-end through the built server).
export default defineConfig({
  test: {
    include: [
      "app/**/*.test.{ts,tsx}",
      "test/**/*.test.ts",
      "widget/**/*.test.ts",
      "extensions/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "test/e2e/**"],
    environment: "node",
    setupFiles: ["test/setup-env.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    reporters: process.env.CI ? ["default"] : ["default"],
  },
});

/**
 * Dashboard pages rendered server-side (as on first load) inside either shell, for page tests: Polaris'
 * AppProvider, the shell context and a static router at `path`. Every console.error / console.warn while a
 * test runs is collected, and a render with any (React or Polaris warnings) fails.
 */
import { afterEach, beforeEach, expect, vi } from "vitest";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json" with { type: "json" };
import { ShellProvider } from "../../app/components/shell";
import { PolarisLink } from "../../app/components/StandaloneShell";

export type Shell = "standalone" | "embedded";

let errors: unknown[][] = [];

/** Call once at the top of a page test file: collects console errors and warnings per test. */
export function collectConsoleProblems(): void {
  beforeEach(() => {
    errors = [];
    vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void errors.push(a));
    vi.spyOn(console, "warn").mockImplementation((...a: unknown[]) => void errors.push(a));
  });
  afterEach(() => vi.restoreAllMocks());
}

/** The page's HTML in `shell` at `path`; fails on any console error or warning so far in the test. */
export async function renderPage(element: ReactElement, shell: Shell = "standalone", path = "/dashboard") {
  const handler = createStaticHandler([{ path: "*", element }]);
  const context = await handler.query(new Request(`https://trulybot.test${path}`));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(handler.dataRoutes, context);
  const value =
    shell === "standalone"
      ? { base: "/dashboard", embedded: false, csrf: "csrf-token-123", notify: () => undefined }
      : { base: "/app", embedded: true, csrf: null, notify: () => undefined };
  const html = renderToString(
    <AppProvider i18n={en} linkComponent={PolarisLink}>
      <ShellProvider value={value}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </ShellProvider>
    </AppProvider>,
  );
  expect(errors, JSON.stringify(errors).slice(0, 2000)).toEqual([]);
  return html;
}

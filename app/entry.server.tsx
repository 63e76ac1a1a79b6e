import { PassThrough } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { isbot } from "isbot";
import { addDocumentResponseHeaders } from "./platforms/shopify/app.server";
import { startJobWorkers } from "./jobs/queue.server";

// Background jobs run in every server process (docs/decisions/0020-job-queue.md). server.mjs starts
// them from the storefront entry at boot; this covers `remix vite:dev` (starting twice is a no-op).
if (process.env.NODE_ENV !== "test") void startJobWorkers();

export const streamTimeout = 5000;

/**
 * The standalone dashboard loads nothing from another origin (fonts, icons and favicon are the app's
 * own), and this policy proves it: a browser refuses anything else. It is never framed. Inline
 * scripts are Remix's hydration data; inline styles are Polaris's.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

const isDashboard = (request: Request) => /^\/dashboard(\/|\.data$|$)/.test(new URL(request.url).pathname);

/** /dashboard pages: the CSP above, never cached (they show a signed-in merchant's data). */
export function dashboardHeaders(request: Request, headers: Headers) {
  if (!isDashboard(request)) return;
  headers.set("Content-Security-Policy", DASHBOARD_CSP);
  headers.set("Cache-Control", "no-store");
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "same-origin");
}

/** Loader/action data for /dashboard (client navigations) is not cached either. */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  if (isDashboard(request)) response.headers.set("Cache-Control", "no-store");
  return response;
}

/** Log real server errors only: aborted requests and thrown Responses (404s, redirects) are normal. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  if (error instanceof Response || isRouteErrorResponse(error)) return;
  console.error(error);
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // /app keeps the library's headers (frame-ancestors for the shop's admin)
  addDocumentResponseHeaders(request, responseHeaders);
  dashboardHeaders(request, responseHeaders);
  const userAgent = request.headers.get("user-agent");
  const callbackName = isbot(userAgent ?? "") ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [callbackName]: () => {
        const body = new PassThrough();
        const stream = createReadableStreamFromReadable(body);
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error) {
        reject(error);
      },
      onError(error) {
        responseStatusCode = 500;
        console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}

/** Called by server.mjs before it accepts traffic: fail fast on bad configuration. */
export { loadEnv as validateConfiguration } from "./env.server";

/** Called by server.mjs once it serves traffic (a stand-in build, or a build without the storefront entry). */
export { startMaintenance } from "./maintenance.server";

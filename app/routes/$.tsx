/**
 * Every URL no other route matches: a plain 404 (text, no HTML shell, nothing logged). Without
 * this, Remix answers unknown paths — e.g. a webhook POSTed to a route that does not exist — by
 * logging a "No route matches URL" error with its stack trace.
 */
const notFound = () =>
  new Response("Not Found\n", {
    status: 404,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });

export const loader = () => notFound();
export const action = () => notFound();

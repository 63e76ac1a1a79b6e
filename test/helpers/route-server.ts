/**
 * A real HTTP server in front of a few Remix route modules (their loaders/actions called with real
 * Requests), for flows where another party must call the app over HTTP — e.g. WooCommerce POSTing
 * keys to our callback during /wc-auth/v1 — without building the whole app.
 */
import http from "node:http";
import { Readable } from "node:stream";
import type { AddressInfo } from "node:net";
import type { AppLoadContext } from "@remix-run/node";

type Handler = (args: {
  request: Request;
  params: Record<string, string | undefined>;
  context: AppLoadContext;
}) => unknown;
export interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

export async function startRouteServer(routes: Record<string, RouteModule>) {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
      const mod = routes[url.pathname];
      if (!mod) {
        res.writeHead(404).end();
        return;
      }
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const request = new Request(url, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([k, v]) =>
          v == null
            ? []
            : Array.isArray(v)
              ? v.map((x) => [k, x] as [string, string])
              : [[k, v] as [string, string]],
        ),
        body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
      });
      const fn = req.method === "GET" || req.method === "HEAD" ? mod.loader : mod.action;
      let out: unknown;
      try {
        out = fn
          ? await fn({ request, params: {}, context: {} as AppLoadContext })
          : new Response("Method Not Allowed", { status: 405 });
      } catch (thrown) {
        out = thrown;
      }
      const response = out instanceof Response ? out : Response.json(out ?? null);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) Readable.fromWeb(response.body as never).pipe(res);
      else res.end();
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * Production HTTP server for the built app (what `npm start` and `npm run demo` run).
 * Plain node:http: static files from build/client, everything else through Remix.
 * Configuration is validated once at boot (app/env.server.ts); a bad value prints the
 * variable's name and exits 1 instead of a stack trace.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/node";

const root = path.dirname(fileURLToPath(import.meta.url));
const clientDir = path.join(root, "build", "client");
const MIME = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".map": "application/json",
};
const MAX_BODY = 1024 * 1024; // 1 MiB: nothing the app accepts is bigger

function serveStatic(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = new URL(req.url, "http://x");
  let rel;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  if (rel.includes("\0")) return false;
  const file = path.join(clientDir, path.normalize(rel));
  if (!file.startsWith(clientDir + path.sep)) return false;
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  if (!stat.isFile()) return false;
  const immutable = rel.startsWith("/assets/");
  res.writeHead(200, {
    "Content-Type": MIME[path.extname(file)] ?? "application/octet-stream",
    "Content-Length": stat.size,
    "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=300",
  });
  if (req.method === "HEAD") res.end();
  else fs.createReadStream(file).pipe(res);
  return true;
}

function toRequest(req, res, origin) {
  // Abort the Request when the client goes away before the response is finished (per request:
  // a listener on the keep-alive socket would pile up across requests).
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) v.forEach((x) => headers.append(k, x));
    else if (v != null) headers.set(k, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  let body;
  if (hasBody) {
    let seen = 0;
    body = Readable.toWeb(req).pipeThrough(
      new TransformStream({
        transform(chunk, ctrl) {
          seen += chunk.byteLength;
          if (seen > MAX_BODY) ctrl.error(new Error("body too large"));
          else ctrl.enqueue(chunk);
        },
      }),
    );
  }
  return new Request(new URL(req.url, origin), {
    method: req.method,
    headers,
    body,
    duplex: hasBody ? "half" : undefined,
    signal: controller.signal,
  });
}

async function sendResponse(res, response) {
  const headers = {};
  for (const [k, v] of response.headers) {
    if (k === "set-cookie") continue;
    headers[k] = v;
  }
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, response.statusText, headers);
  if (!response.body) return res.end();
  await pipeline(Readable.fromWeb(response.body), res);
}

/**
 * Start the server. Returns { server, url, close }.
 * @param {{ port?: number, host?: string, build?: string, migrate?: boolean }} [opts]
 */
export async function startServer(opts = {}) {
  const buildPath = opts.build ?? path.join(root, "build", "server", "index.js");
  if (!fs.existsSync(buildPath)) {
    throw Object.assign(
      new Error(
        `The app is not built (${path.relative(process.cwd(), buildPath)} missing): run \`npm run build\``,
      ),
      {
        name: "ConfigError",
      },
    );
  }
  const build = await import(pathToFileUrl(buildPath));
  // Validate configuration first: before any migration, file or socket is created.
  build.entry.module.validateConfiguration?.();
  if (opts.migrate) await migrateOrExplain(process.env.DATABASE_URL || "file:./prisma/dev.sqlite");
  const handler = createRequestHandler(build, process.env.NODE_ENV || "production");
  const port = opts.port ?? Number(process.env.PORT || 3000);
  const host = opts.host ?? process.env.HOST_BIND ?? "0.0.0.0";
  const server = http.createServer(async (req, res) => {
    try {
      if (serveStatic(req, res)) return;
      const origin = `http://${req.headers.host || `localhost:${port}`}`;
      const response = await handler(toRequest(req, res, origin));
      await sendResponse(res, response);
    } catch (error) {
      if (!res.headersSent) {
        const tooLarge = /body too large/.test(String(error?.message));
        res.writeHead(tooLarge ? 413 : 500, { "Content-Type": "application/json" });
        res.end(
          JSON.stringify({
            error: {
              code: tooLarge ? "payload_too_large" : "internal",
              message: tooLarge ? "Request body too large" : "Internal error",
            },
          }),
        );
      } else res.destroy();
      const msg = String(error?.message ?? error);
      if (
        /body too large|aborted|premature close|ECONNRESET|EPIPE/i.test(msg) ||
        error?.name === "AbortError"
      )
        return;
      console.error(error);
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve, reject) => {
    server.once("error", (error) =>
      reject(
        error?.code === "EADDRINUSE"
          ? startupError(
              `Port ${port} is already in use (PORT=${port}). Stop the other program on that port, or set PORT to a free one.`,
            )
          : error?.code === "EACCES"
            ? startupError(`Port ${port} needs more privileges (PORT=${port}). Use a port above 1023.`)
            : error,
      ),
    );
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  return {
    server,
    port: actual,
    url: `http://localhost:${actual}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A start-up failure the operator can act on: printed as one plain message, no stack trace. */
function startupError(message) {
  return Object.assign(new Error(message), { name: "ConfigError" });
}

/** Apply pending migrations (`--migrate`, what `npm start` does); an unreachable database is one plain line. */
async function migrateOrExplain(url) {
  const { applyMigrations } = await import("./scripts/lib/migrate.mjs");
  try {
    for (const name of await applyMigrations(url)) console.log(`applied migration ${name}`);
  } catch (error) {
    const where = /^postgres/i.test(url) ? new URL(url).host : url.replace(/^file:/, "");
    const reason = error?.code ? `${error.code}: ${error.message}` : String(error?.message ?? error);
    throw startupError(
      `Cannot reach the database in DATABASE_URL (${where}): ${reason.split("\n")[0]}. Check DATABASE_URL and that the database server is running.`,
    );
  }
}

function pathToFileUrl(p) {
  return new URL(`file://${path.resolve(p)}`).href;
}

if (import.meta.url === pathToFileUrl(process.argv[1] ?? "")) {
  startServer({ migrate: process.argv.includes("--migrate") })
    .then(({ url }) => console.log(`TrulyBot listening on ${url}`))
    .catch((error) => {
      if (error?.name === "ConfigError") {
        console.error(error.message);
        process.exit(1);
      }
      console.error(error);
      process.exit(1);
    });
}

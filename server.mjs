/**
 * Production HTTP server for the built app (what `npm start` and `npm run demo` run).
 * Plain node:http: static files from build/client, the storefront's hot paths from the storefront
 * entry (build/server/storefront.js, the only part of the build imported at boot), everything else
 * through Remix (build/server/index.js, imported on the first request that needs it).
 * Configuration is validated once at boot (app/env.server.ts); a bad value prints the
 * variable's name and exits 1 instead of a stack trace.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";

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
// Storefront and API routes (widget messages, plugin calls, connect): 64 KiB at most.
const API_MAX_BODY = 64 * 1024;
const API_PATH = /^\/(apps|proxy|api)\//;

// WooCommerce's webhooks carry the whole REST order (a large order is well over 64 KiB, and an
// answer of 413 counts as a failed delivery, which disables the webhook): the route's own 2 MiB.
const WEBHOOK_PATH = "/api/v1/woo/webhooks";
const WEBHOOK_MAX_BODY = 2 * 1024 * 1024;

/** The body limit for a request path. */
export function bodyLimitFor(pathname) {
  if (pathname === WEBHOOK_PATH) return WEBHOOK_MAX_BODY;
  return API_PATH.test(pathname) ? API_MAX_BODY : MAX_BODY;
}

function sendTooLarge(res, limit) {
  const body = JSON.stringify({
    error: { code: "payload_too_large", message: `Request body over ${Math.round(limit / 1024)} KiB` },
  });
  res.writeHead(413, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    Connection: "close",
  });
  res.end(body);
}

/**
 * The built client files, indexed once at boot: no file-system work per request (a `stat` per
 * request cost every storefront call a syscall, and a miss is the common case).
 */
export function indexStatic(dir) {
  const index = new Map();
  const walk = (d) => {
    let entries;
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) {
        const rel = "/" + path.relative(dir, full).split(path.sep).join("/");
        const immutable = rel.startsWith("/assets/");
        index.set(rel, {
          file: full,
          headers: {
            "Content-Type": MIME[path.extname(full)] ?? "application/octet-stream",
            "Content-Length": fs.statSync(full).size,
            "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=300",
          },
        });
      }
    }
  };
  walk(dir);
  return index;
}

export function serveStatic(index, req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const q = req.url.indexOf("?");
  let rel;
  try {
    rel = decodeURIComponent(q === -1 ? req.url : req.url.slice(0, q));
  } catch {
    return false;
  }
  const hit = index.get(rel);
  if (!hit) return false;
  res.writeHead(200, hit.headers);
  if (req.method === "HEAD") res.end();
  else {
    const stream = fs.createReadStream(hit.file);
    stream.once("error", () => res.destroy());
    stream.pipe(res);
  }
  return true;
}

/** Abort the Request when the client goes away before the response is finished (per request:
 * a listener on the keep-alive socket would pile up across requests). */
function abortOnClose(res) {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

function headersOfRequest(req) {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) v.forEach((x) => headers.append(k, x));
    else if (v != null) headers.set(k, v);
  }
  return headers;
}

/**
 * The request body read whole, or null past `limit` (the rest is drained, so a 413 can still be
 * written on the same socket). A client that leaves mid-body rejects ("aborted").
 */
function readWithin(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let seen = 0;
    const done = (fn, value) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
      fn(value);
    };
    const onData = (chunk) => {
      seen += chunk.length;
      if (seen <= limit) return void chunks.push(chunk);
      req.resume();
      done(resolve, null);
    };
    const onEnd = () => done(resolve, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    const onError = (error) => done(reject, error);
    const onClose = () => done(reject, Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onError);
    req.once("close", onClose);
  });
}

/**
 * A hot path's Request, its body read first (every hot route reads its whole body anyway): no web
 * stream and transform per request. Null when the body is over `limit` (`state.tooLarge` set).
 */
async function toBufferedRequest(req, res, origin, limit, state) {
  const signal = abortOnClose(res);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const body = hasBody ? await readWithin(req, limit) : undefined;
  if (body === null) {
    state.tooLarge = true;
    return null;
  }
  return new Request(new URL(req.url, origin), {
    method: req.method,
    headers: headersOfRequest(req),
    body,
    signal,
  });
}

function toRequest(req, res, origin, limit, state) {
  const signal = abortOnClose(res);
  const headers = headersOfRequest(req);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  let body;
  if (hasBody) {
    let seen = 0;
    body = Readable.toWeb(req).pipeThrough(
      new TransformStream({
        transform(chunk, ctrl) {
          seen += chunk.byteLength;
          if (seen > limit) {
            state.tooLarge = true;
            ctrl.error(new Error("body too large"));
          } else ctrl.enqueue(chunk);
        },
      }),
    );
  }
  return new Request(new URL(req.url, origin), {
    method: req.method,
    headers,
    body,
    duplex: hasBody ? "half" : undefined,
    signal,
  });
}

function headersOf(response) {
  const headers = {};
  for (const [k, v] of response.headers) {
    if (k === "set-cookie") continue;
    headers[k] = v;
  }
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length) headers["set-cookie"] = cookies;
  return headers;
}

/** The client went away (its socket is gone): nothing can be written any more. */
const clientGone = (res) => res.destroyed || res.writableEnded || !!res.socket?.destroyed;

async function sendResponse(res, response) {
  // The client may have gone away while the app worked: drop the body instead of piping into a
  // destroyed socket ("Cannot pipe to a closed or destroyed stream").
  if (clientGone(res)) {
    await response.body?.cancel().catch(() => {});
    return;
  }
  res.writeHead(response.status, response.statusText, headersOf(response));
  if (!response.body) return res.end();
  await pipeline(Readable.fromWeb(response.body), res);
}

/** Small JSON answers (the storefront's): read whole, written with one end() — no stream to pipe. */
async function sendBuffered(res, response) {
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : null;
  if (clientGone(res)) return;
  const headers = headersOf(response);
  if (body) headers["content-length"] = body.length;
  res.writeHead(response.status, headers);
  res.end(body ?? undefined);
}

/**
 * The storefront's hot paths, served ahead of Remix's per-request route matching by the SAME route
 * modules (their loader/action called with the same Request Remix would build). Anything else — a
 * method the module does not handle, a trailing slash — falls through to Remix.
 */
export const HOT_ROUTES = {
  // the load balancer's probe (and the first request after boot): no Remix request handling needed
  "/healthz": "routes/healthz",
  "/proxy/config": "routes/proxy.config",
  "/proxy/messages": "routes/proxy.messages",
  "/api/v1/woo/storefront/config": "routes/api.v1.woo.storefront.config",
  "/api/v1/woo/storefront/messages": "routes/api.v1.woo.storefront.messages",
  "/api/v1/woo/webhooks": "routes/api.v1.woo.webhooks", // WooCommerce webhook intake (issue 17)
};

/**
 * @param {Record<string, { loader?: Function, action?: Function }>} modules route id → module
 * @returns {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, origin: string, limit?: number, state?: { tooLarge: boolean }) => Promise<boolean>}
 */
export function createHotPaths(modules) {
  const table = new Map();
  for (const [p, id] of Object.entries(HOT_ROUTES)) if (modules[id]) table.set(p, modules[id]);
  return async function hot(req, res, origin, limit, state) {
    const bodyState = state ?? { tooLarge: false };
    const q = req.url.indexOf("?");
    const mod = table.get(q === -1 ? req.url : req.url.slice(0, q));
    if (!mod) return false;
    const fn = req.method === "GET" || req.method === "HEAD" ? mod.loader : mod.action;
    if (typeof fn !== "function") return false;
    let response;
    try {
      const max = limit ?? bodyLimitFor(req.url.split("?")[0]);
      const request = await toBufferedRequest(req, res, origin, max, bodyState);
      if (!request) return true; // over the limit: the caller answers 413
      response = await fn({ request, params: {}, context: {} });
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      response = thrown;
    }
    if (!(response instanceof Response)) return false; // not a resource route's answer: let Remix
    if (bodyState.tooLarge) return true; // the caller answers 413 (the route saw a cut-off body)
    await sendBuffered(res, response);
    return true;
  };
}

async function loadBuild(buildPath) {
  assertBuilt(buildPath);
  const build = await import(pathToFileUrl(buildPath));
  // Validate configuration first: before any migration, file or socket is created.
  build.entry.module.validateConfiguration?.();
  return build;
}

function assertBuilt(buildPath) {
  if (fs.existsSync(buildPath)) return;
  throw startupError(
    `The app is not built (${path.relative(process.cwd(), buildPath)} missing): run \`npm run build\``,
  );
}

const DEFAULT_BUILD = path.join(root, "build", "server", "index.js");
/** The storefront entry of the same build (vite.config.ts), next to the Remix build. */
const storefrontEntryOf = (buildPath) => path.join(path.dirname(buildPath), "storefront.js");

/**
 * What the server needs at boot. With the storefront entry (the real build): only it is imported —
 * the hot paths, configuration, maintenance, the job workers — and the Remix build on the first
 * other request (docs/decisions/0028-turn-work-and-boot.md). Without it (a stand-in build): the
 * Remix build at once, as before.
 */
async function loadBoot(buildPath) {
  assertBuilt(buildPath);
  const entryPath = storefrontEntryOf(buildPath);
  if (!fs.existsSync(entryPath)) {
    const build = await loadBuild(buildPath);
    return {
      modules: Object.fromEntries(Object.entries(build.routes).map(([id, r]) => [id, r.module])),
      startMaintenance: build.entry.module.startMaintenance,
      startJobs: undefined, // the Remix build's entry started them on import
      remix: async () => build,
    };
  }
  const entry = await import(pathToFileUrl(entryPath));
  entry.validateConfiguration();
  let pending = null;
  const remix = () => {
    pending ??= import(pathToFileUrl(buildPath)).catch((error) => {
      pending = null; // a failed import is tried again by the next request
      throw error;
    });
    return pending;
  };
  return {
    modules: entry.routes,
    startMaintenance: entry.startMaintenance,
    startJobs: process.env.NODE_ENV === "test" ? undefined : entry.startJobWorkers,
    remix,
  };
}

/** `--migrate` with several workers: validate and migrate once, in the primary. */
async function validateAndMigrate() {
  await loadBoot(DEFAULT_BUILD);
  await migrateOrExplain(process.env.DATABASE_URL || "file:./prisma/dev.sqlite");
}

/**
 * Remix's request handler, created when the Remix build is first needed (one for the process).
 * `@remix-run/node` itself (~35 modules with Remix's server runtime) is imported then too: the
 * storefront's hot paths and /healthz never need it (docs/decisions/0035-boot-imports-and-webhook-intake.md).
 */
function lazyHandler(remix) {
  let handler = null;
  return async (request) => {
    if (!handler) {
      const [{ createRequestHandler }, build] = await Promise.all([import("@remix-run/node"), remix()]);
      handler ??= createRequestHandler(build, process.env.NODE_ENV || "production");
    }
    return handler(request);
  };
}

/**
 * Start the server. Returns { server, url, close }.
 * @param {{ port?: number, host?: string, build?: string, migrate?: boolean }} [opts]
 */
export async function startServer(opts = {}) {
  const boot = await loadBoot(opts.build ?? DEFAULT_BUILD);
  if (opts.migrate) await migrateOrExplain(process.env.DATABASE_URL || "file:./prisma/dev.sqlite");
  // Daily retention purge (unref'd timers; stopped on close).
  const stopMaintenance = boot.startMaintenance?.();
  void boot.startJobs?.();
  const handler = lazyHandler(boot.remix);
  const port = opts.port ?? Number(process.env.PORT || 3000);
  const host = opts.host ?? process.env.HOST_BIND ?? "0.0.0.0";
  const staticIndex = indexStatic(clientDir);
  const hot = createHotPaths(boot.modules);
  const server = http.createServer(async (req, res) => {
    const state = { tooLarge: false };
    try {
      if (serveStatic(staticIndex, req, res)) return;
      const origin = `http://${req.headers.host || `localhost:${port}`}`;
      const limit = bodyLimitFor(new URL(req.url ?? "/", "http://x").pathname);
      // Too large: a 413 JSON answer, never whatever a route makes of a cut-off body (500/503).
      if (Number(req.headers["content-length"] ?? 0) > limit) return sendTooLarge(res, limit);
      let response;
      try {
        if (await hot(req, res, origin, limit, state)) return;
        response = await handler(toRequest(req, res, origin, limit, state));
      } finally {
        if (state.tooLarge && !res.headersSent) sendTooLarge(res, limit);
      }
      if (state.tooLarge) return;
      await sendResponse(res, response);
    } catch (error) {
      if (state.tooLarge) return; // answered 413 already
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
        error?.code === "ERR_STREAM_DESTROYED" ||
        error?.code === "ERR_STREAM_PREMATURE_CLOSE" ||
        (error?.code === "ERR_STREAM_UNABLE_TO_PIPE" && clientGone(res)) ||
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
    close: () =>
      new Promise((r) => {
        stopMaintenance?.();
        server.close(() => r());
      }),
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

/**
 * WEB_CONCURRENCY worker processes (default 1) share the port and the database: with 2 cores, 2
 * workers use both. Each worker validates configuration itself; the primary only restarts workers
 * that die.
 */
async function main() {
  const migrate = process.argv.includes("--migrate");
  const workers = Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY || 1)) || 1);
  if (workers > 1) {
    const cluster = (await import("node:cluster")).default;
    if (cluster.isPrimary) {
      // Validate and migrate once, in the primary, before any worker starts.
      if (migrate) await validateAndMigrate();
      let stopping = false;
      for (let i = 0; i < workers; i++) cluster.fork();
      cluster.on("exit", (worker, code) => {
        if (stopping) return;
        if (code === 1 && worker.exitedAfterDisconnect === false && !worker.startedOk) {
          // A configuration error exits 1 at boot in every worker: do not restart in a loop.
          stopping = true;
          process.exitCode = 1;
          for (const w of Object.values(cluster.workers ?? {})) w?.kill();
          return;
        }
        cluster.fork();
      });
      let announced = false;
      cluster.on("message", (worker, msg) => {
        if (msg?.type !== "trulybot:listening") return;
        worker.startedOk = true;
        if (!announced) console.log(`TrulyBot listening on ${msg.url} (${workers} workers)`);
        announced = true;
      });
      for (const sig of ["SIGINT", "SIGTERM"])
        process.once(sig, () => {
          stopping = true;
          for (const w of Object.values(cluster.workers ?? {})) w?.kill(sig);
        });
      return;
    }
  }
  const { url } = await startServer({ migrate: migrate && workers === 1 });
  const cluster = workers > 1 ? (await import("node:cluster")).default : null;
  if (cluster?.isWorker) process.send?.({ type: "trulybot:listening", url });
  else console.log(`TrulyBot listening on ${url}`);
}

if (import.meta.url === pathToFileUrl(process.argv[1] ?? "")) {
  main().catch((error) => {
    if (error?.name === "ConfigError") {
      console.error(error.message);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  });
}

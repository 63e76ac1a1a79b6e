/**
 * `npm run demo -- --https`: a self-signed certificate for localhost (made once with openssl,
 * kept in <data-dir>/tls/) and an HTTPS front on the demo's port that forwards every request to
 * the app's plain-HTTP server on an internal port — so WooCommerce's one-click connect, which
 * insists on an https:// callback URL, can be tried against a local app.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";

export interface TlsFiles {
  key: string;
  cert: string;
}

/** The demo's certificate: reused while it exists, otherwise made with openssl (valid 30 days). */
export function demoCertificate(dataDir: string): TlsFiles {
  const dir = path.join(dataDir, "tls");
  const files = { key: path.join(dir, "localhost-key.pem"), cert: path.join(dir, "localhost-cert.pem") };
  if (fs.existsSync(files.key) && fs.existsSync(files.cert)) return files;
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-sha256",
      "-days",
      "30",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout",
      files.key,
      "-out",
      files.cert,
    ],
    { encoding: "utf8" },
  );
  if (r.error || r.status !== 0)
    throw Object.assign(
      new Error(
        `--https needs openssl to make a self-signed certificate: ${r.error?.message ?? r.stderr.trim()}`,
      ),
      { name: "ConfigError" },
    );
  return files;
}

/** An HTTPS server on `port` relaying to http://127.0.0.1:`target` (streams both ways). */
export async function startHttpsFront(opts: {
  port: number;
  host: string;
  target: number;
  tls: TlsFiles;
}): Promise<{ close: () => Promise<void> }> {
  const server = https.createServer(
    { key: fs.readFileSync(opts.tls.key), cert: fs.readFileSync(opts.tls.cert) },
    (req, res) => {
      const upstream = http.request(
        {
          host: "127.0.0.1",
          port: opts.target,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, "x-forwarded-proto": "https" },
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.statusMessage, up.headers);
          up.pipe(res);
        },
      );
      upstream.once("error", () => {
        if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
        res.end("demo app unreachable");
      });
      req.pipe(upstream);
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return { close: () => new Promise((r) => server.close(() => r())) };
}

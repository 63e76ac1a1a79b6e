/**
 * `npm run demo -- --https` (scripts/lib/demo-https.ts): the certificate is made once with openssl
 * for localhost and reused; the HTTPS front relays method, path, headers and body both ways to the
 * app's plain-HTTP server, and says so with X-Forwarded-Proto. Real TLS over loopback.
 */
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCertificate, startHttpsFront } from "../../scripts/lib/demo-https";

let dir: string;
let app: http.Server;
let front: { close: () => Promise<void> };
let port: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-https-"));
  app = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      res.writeHead(201, { "content-type": "application/json", "set-cookie": "a=1; Secure" });
      res.end(
        JSON.stringify({ method: req.method, url: req.url, proto: req.headers["x-forwarded-proto"], body }),
      );
    });
  });
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  port = (probe.address() as { port: number }).port;
  await new Promise((r) => probe.close(r));
  front = await startHttpsFront({
    port,
    host: "127.0.0.1",
    target: (app.address() as { port: number }).port,
    tls: demoCertificate(dir),
  });
});
afterAll(async () => {
  await front?.close();
  await new Promise((r) => app?.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

function request(opts: https.RequestOptions & { body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = https.request({ host: "127.0.0.1", port, ...opts }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      req.once("error", reject);
      req.end(opts.body);
    },
  );
}

describe("demo --https", () => {
  it("serves a certificate for localhost that a client trusting it accepts", async () => {
    const { cert } = demoCertificate(dir);
    const r = await request({ path: "/healthz", servername: "localhost", ca: fs.readFileSync(cert) });
    expect(r.status).toBe(201);
  });

  it("refuses the connection to a client that does not trust the self-signed certificate", async () => {
    await expect(request({ path: "/", servername: "localhost" })).rejects.toThrow(/self.signed|certificate/i);
  });

  it("relays method, path with query, body and response headers, marked as https", async () => {
    const r = await request({
      method: "POST",
      path: "/api/v1/woo/connect/callback?x=1",
      rejectUnauthorized: false,
      headers: { "content-type": "application/json" },
      body: '{"key":"ck"}',
    });
    expect(r.status).toBe(201);
    expect(r.headers["set-cookie"]).toEqual(["a=1; Secure"]);
    expect(JSON.parse(r.body)).toEqual({
      method: "POST",
      url: "/api/v1/woo/connect/callback?x=1",
      proto: "https",
      body: '{"key":"ck"}',
    });
  });

  it("reuses the certificate it made", () => {
    const before = fs.readFileSync(demoCertificate(dir).cert, "utf8");
    expect(fs.readFileSync(demoCertificate(dir).cert, "utf8")).toBe(before);
  });
});

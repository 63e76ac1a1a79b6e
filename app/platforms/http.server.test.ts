import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformFetch } from "./http.server";

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function server(handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) {
  const seen: Seen[] = [];
  let connections = 0;
  const s = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      handler(req, res, body);
    });
  });
  s.on("connection", () => connections++);
  return {
    s,
    seen,
    connections: () => connections,
    url: () => `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
  };
}

const a = server((req, res, body) => {
  if (req.url === "/json") {
    res.writeHead(200, { "content-type": "application/json", "x-wp-total": "3" });
    return res.end(JSON.stringify({ ok: true, echo: body }));
  }
  if (req.url === "/bom")
    return res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]));
  if (req.url === "/gzip") {
    res.writeHead(200, { "content-encoding": "gzip" });
    return res.end(zlib.gzipSync('{"zipped":true}'));
  }
  if (req.url === "/to-b") {
    res.writeHead(302, { location: `${b.url()}/landing` });
    return res.end();
  }
  if (req.url === "/see-other") {
    res.writeHead(303, { location: "/json" });
    return res.end();
  }
  if (req.url === "/hang") return; // never answers
  res.writeHead(404);
  res.end("no");
});
const b = server((_req, res) => res.end("landed"));

beforeAll(async () => {
  await Promise.all([a, b].map((x) => new Promise<void>((r) => x.s.listen(0, "127.0.0.1", r))));
});
afterAll(async () => {
  for (const x of [a, b]) x.s.closeAllConnections();
  await Promise.all([a, b].map((x) => new Promise((r) => x.s.close(r))));
});

describe("platformFetch (the platform clients' fetch over keep-alive node:http)", () => {
  it("answers like fetch: status, headers, json(); a POST body with its length; sequential calls reuse one connection", async () => {
    const before = a.connections();
    const r1 = await platformFetch(`${a.url()}/json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": "t" },
      body: '{"q":"é"}',
    });
    expect([r1.status, r1.ok, r1.headers.get("X-WP-Total")]).toEqual([200, true, "3"]);
    expect(await r1.json()).toEqual({ ok: true, echo: '{"q":"é"}' });
    const last = a.seen.at(-1)!;
    expect([last.method, last.headers["content-length"], last.headers["x-shopify-access-token"]]).toEqual([
      "POST",
      String(Buffer.byteLength('{"q":"é"}')),
      "t",
    ]);
    const r2 = await platformFetch(`${a.url()}/json`);
    expect(r2.status).toBe(200);
    await r2.text();
    expect(a.connections() - before).toBe(1);
    const missing = await platformFetch(`${a.url()}/nothing`);
    expect([missing.status, missing.ok, await missing.text()]).toEqual([404, false, "no"]);
  });

  it("strips a UTF-8 BOM (WordPress plugins print one) and decodes a gzip body", async () => {
    expect(await (await platformFetch(`${a.url()}/bom`)).json()).toEqual({ a: 1 });
    expect(await (await platformFetch(`${a.url()}/gzip`)).json()).toEqual({ zipped: true });
  });

  it("follows redirects; leaving the origin drops the credentials; 303 turns a POST into a GET", async () => {
    const r = await platformFetch(`${a.url()}/to-b`, {
      headers: { Authorization: "Basic eHh4", "X-Shopify-Access-Token": "t", Accept: "application/json" },
    });
    expect([r.status, r.redirected, r.url, await r.text()]).toEqual([
      200,
      true,
      `${b.url()}/landing`,
      "landed",
    ]);
    const landed = b.seen.at(-1)!;
    expect(landed.headers.authorization).toBeUndefined();
    expect(landed.headers["x-shopify-access-token"]).toBeUndefined();
    expect(landed.headers.accept).toBe("application/json");
    const seeOther = await platformFetch(`${a.url()}/see-other`, { method: "POST", body: "x" });
    expect(await seeOther.json()).toEqual({ ok: true, echo: "" });
    expect(a.seen.at(-1)!.method).toBe("GET");
    const manual = await platformFetch(`${a.url()}/to-b`, { redirect: "manual" });
    expect([manual.status, manual.headers.get("location")]).toEqual([302, `${b.url()}/landing`]);
    await expect(platformFetch(`${a.url()}/to-b`, { redirect: "error" })).rejects.toBeInstanceOf(TypeError);
  });

  it("an abort rejects with the signal's reason; an unreachable host with a TypeError", async () => {
    const ac = new AbortController();
    const pending = platformFetch(`${a.url()}/hang`, { signal: ac.signal });
    const reason = new DOMException("The operation timed out.", "TimeoutError");
    setImmediate(() => ac.abort(reason));
    await expect(pending).rejects.toBe(reason);
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(platformFetch(`http://127.0.0.1:${port}/`)).rejects.toBeInstanceOf(TypeError);
  });
});

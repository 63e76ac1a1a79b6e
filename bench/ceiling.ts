/**
 * Bench child process: the CEILING — a bare node:http server doing only the unavoidable work of a
 * storefront request, with the same bytes as the app's answers: the app-proxy HMAC check (the
 * app's own pure function), one indexed read and, for a turn, one write, on its own SQLite file
 * (node:sqlite, WAL, synchronous=NORMAL like the app). No framework, no ORM, no engine: what the
 * product's figures are compared with, in the same run on the same machine.
 *
 * Input (env): BENCH_CEILING_DB (file path), BENCH_CEILING_CONFIG and BENCH_CEILING_TURN (the
 * app's response bodies), SHOPIFY_API_SECRET. IPC: sends {type:"ready", url}; {type:"stop"}.
 */
import crypto from "node:crypto";
import http from "node:http";
import { DatabaseSync } from "node:sqlite";
import { verifyAppProxySignature } from "../app/platforms/shopify/proxy-signature";

const secret = process.env.SHOPIFY_API_SECRET!;
const configBody = Buffer.from(process.env.BENCH_CEILING_CONFIG!);
const turnBody = Buffer.from(process.env.BENCH_CEILING_TURN!);
const etag = `"${crypto.createHash("sha256").update(configBody).digest("base64url").slice(0, 27)}"`;

const db = new DatabaseSync(process.env.BENCH_CEILING_DB!);
db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
db.exec(`CREATE TABLE IF NOT EXISTS settings (shop TEXT PRIMARY KEY, version INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS turns (id TEXT PRIMARY KEY, shop TEXT NOT NULL, body TEXT NOT NULL, at TEXT NOT NULL)`);
const read = db.prepare("SELECT version FROM settings WHERE shop = ?");
const write = db.prepare("INSERT INTO turns (id, shop, body, at) VALUES (?, ?, ?, ?)");

const server = http.createServer((req, res) => {
  const url = new URL(req.url!, "http://x");
  if (!verifyAppProxySignature(url.searchParams, secret).ok) {
    res.writeHead(401).end();
    return;
  }
  const shop = url.searchParams.get("shop") ?? "";
  if (url.pathname === "/proxy/config") {
    read.get(shop);
    res.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      etag,
      "cache-control": "no-cache",
    });
    res.end(configBody);
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const text = Buffer.concat(chunks).toString("utf8");
    read.get(shop);
    write.run(crypto.randomUUID(), shop, text, new Date().toISOString());
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(turnBody);
  });
});

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as { port: number };
  process.send!({ type: "ready", url: `http://127.0.0.1:${port}` });
});
process.on("message", (m: { type: string }) => {
  if (m.type === "stop") server.close(() => process.exit(0));
});

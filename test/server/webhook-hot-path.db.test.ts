/**
 * WooCommerce webhook intake through server.mjs's hot path (real HTTP, the real route module, a
 * real database and job queue): a large order — well over the 64 KiB storefront limit, as an
 * order with many lines and meta is — is accepted and recorded once with its job; a body over
 * the route's 2 MiB answers 413 before it is read; a wrong signature is 401 and records nothing.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimitFor, createHotPaths } from "../../server.mjs";
import { setDb, type Db } from "../../app/db.server";
import { resetEnvForTests } from "../../app/env.server";
import { appJobs } from "../../app/jobs/definitions.server";
import { createJobQueue, setJobQueue, type JobQueue } from "../../app/jobs/queue.server";
import { saveWooWebhookSecret } from "../../app/platforms/woocommerce/webhooks/secret.server";
import { createTestDb } from "../helpers/db";
import { seedWooStore } from "../helpers/seed";

const order727 = JSON.parse(
  fs.readFileSync(
    new URL("../../fixtures/woocommerce/rest-v3/order-727.retrieve-example.docs.json", import.meta.url),
    "utf8",
  ),
);
const WEBHOOK_SECRET = crypto.randomBytes(24).toString("base64url");
let db: Db;
let cleanup: () => Promise<void>;
let server: http.Server;
let base: string;
let storeId: string;
let queue: JobQueue;
/** Jobs waiting in the order-event queue (the Job table on SQLite, pg-boss's on PostgreSQL). */
const queuedJobs = async () =>
  (await queue.stats()).queues.find((q) => q.name === "order-event")?.queued ?? 0;

beforeAll(async () => {
  let url: string;
  ({ db, url, cleanup } = await createTestDb());
  setDb(db);
  queue = await createJobQueue(db, url, appJobs()); // not started: the jobs stay queued, countable
  setJobQueue(queue);
  resetEnvForTests();
  const w = await seedWooStore(db, {
    url: "http://127.0.0.1:9",
    consumerKey: "ck_x",
    consumerSecret: "cs_x",
  });
  storeId = w.store.id;
  await saveWooWebhookSecret(storeId, WEBHOOK_SECRET);
  const hot = createHotPaths({
    "routes/api.v1.woo.webhooks": await import("../../app/routes/api.v1.woo.webhooks"),
  });
  server = http.createServer(async (req, res) => {
    const limit = bodyLimitFor(new URL(req.url!, "http://x").pathname);
    if (Number(req.headers["content-length"] ?? 0) > limit) return res.writeHead(413).end("too large");
    if (await hot(req, res, `http://${req.headers.host}`, limit)) return;
    res.writeHead(418).end("remix");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await queue?.stop();
  setJobQueue(undefined);
  await new Promise((r) => server?.close(r));
  await cleanup?.();
});

function deliver(body: string, secret = WEBHOOK_SECRET) {
  return fetch(`${base}/api/v1/woo/webhooks?store=${storeId}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-wc-webhook-topic": "order.updated",
      "x-wc-webhook-delivery-id": crypto.randomBytes(16).toString("hex"),
      "x-wc-webhook-signature": crypto.createHmac("sha256", secret).update(body).digest("base64"),
    },
    body,
  });
}

describe("WooCommerce webhook intake on the hot path", () => {
  it("accepts a 300 KiB order (the storefront's 64 KiB limit does not apply), recorded once with its job", async () => {
    const lines = Array.from({ length: 1200 }, (_, i) => ({ ...order727.line_items[0], id: 9000 + i }));
    const body = JSON.stringify({ ...order727, id: 4242, number: "4242", line_items: lines });
    expect(body.length).toBeGreaterThan(300 * 1024);
    const res = await deliver(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, duplicate: false });
    const again = await deliver(body);
    expect(await again.json()).toMatchObject({ ok: true, duplicate: true });
    expect(await db.orderEvent.count({ where: { storeId, orderId: "4242" } })).toBe(1);
    expect(await queuedJobs()).toBe(1);
  });

  it("answers 413 to a body over 2 MiB and 401 to a wrong signature, recording nothing", async () => {
    const before = await db.orderEvent.count();
    const huge = JSON.stringify({ ...order727, id: 4343, note: "x".repeat(2 * 1024 * 1024) });
    expect((await deliver(huge)).status).toBe(413);
    const body = JSON.stringify({ ...order727, id: 4444 });
    expect((await deliver(body, "not-the-secret-not-the-secret-00")).status).toBe(401);
    expect(await db.orderEvent.count()).toBe(before);
    expect(await queuedJobs()).toBe(1);
  });
});

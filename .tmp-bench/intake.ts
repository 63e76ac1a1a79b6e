import crypto from "node:crypto";
import fs from "node:fs";
process.env.ENCRYPTION_KEYS ||= "1:" + Buffer.alloc(32, 7).toString("base64");
process.env.SHOPIFY_API_KEY ||= "k"; process.env.SHOPIFY_API_SECRET ||= "s";
process.env.NODE_ENV = "test";
const { createTestDb } = await import("../test/helpers/db");
const { setDb } = await import("../app/db.server");
const { appJobs } = await import("../app/jobs/definitions.server");
const { createJobQueue, setJobQueue } = await import("../app/jobs/queue.server");
const { saveWooWebhookSecret } = await import("../app/platforms/woocommerce/webhooks/secret.server");
const { startRouteServer } = await import("../test/helpers/route-server");
const { seedWooStore } = await import("../test/helpers/seed");
const { db, url, cleanup } = await createTestDb({ flavor: (process.env.FLAVOR as "sqlite") ?? "sqlite" });
setDb(db);
const queue = createJobQueue(db, url, appJobs(), { pollMs: 200 });
setJobQueue(queue);
const app = await startRouteServer({ "/api/v1/woo/webhooks": await import("../app/routes/api.v1.woo.webhooks") });
const { store } = await seedWooStore(db, { url: "https://g.example", consumerKey: "a", consumerSecret: "b" });
const secret = "s".repeat(40);
await saveWooWebhookSecret(store.id, secret);
const order = JSON.parse(fs.readFileSync("fixtures/woocommerce/rest-v3/order-727.retrieve-example.docs.json", "utf8"));
const N = Number(process.env.N ?? 3000), C = Number(process.env.C ?? 16);
const lat: number[] = [];
let i = 0, bad = 0;
const t0 = performance.now();
await Promise.all(Array.from({ length: C }, async () => {
  while (i < N) {
    const n = i++;
    const body = JSON.stringify({ ...order, id: 1000 + n, number: String(1000 + n), date_modified_gmt: "2026-12-01T10:00:00" });
    const s = performance.now();
    const r = await fetch(`${app.url}/api/v1/woo/webhooks?store=${store.id}`, { method: "POST", body, headers: {
      "content-type": "application/json", "x-wc-webhook-topic": "order.updated",
      "x-wc-webhook-signature": crypto.createHmac("sha256", secret).update(body).digest("base64"),
      "x-wc-webhook-delivery-id": crypto.randomBytes(8).toString("hex") } });
    await r.arrayBuffer();
    if (r.status !== 200) bad++;
    lat.push(performance.now() - s);
  }
}));
const secs = (performance.now() - t0) / 1000;
lat.sort((a, b) => a - b);
console.log(JSON.stringify({ flavor: process.env.FLAVOR ?? "sqlite", deliveries: N, non200: bad, perSecond: Math.round(N / secs), p50: +lat[Math.floor(N * 0.5)].toFixed(1), p95: +lat[Math.floor(N * 0.95)].toFixed(1) }));
const t1 = performance.now();
await queue.start();
while ((await db.orderEvent.count({ where: { processedAt: null } })) > 0) await new Promise((r) => setTimeout(r, 100));
console.log(JSON.stringify({ jobsApplied: N, seconds: +((performance.now() - t1) / 1000).toFixed(1), snapshots: await db.orderSnapshot.count() }));
await queue.stop(); await app.close(); await cleanup(); process.exit(0);
